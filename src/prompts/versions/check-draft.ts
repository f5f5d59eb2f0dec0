import { AppError } from '../../errors/app-error.js';
import { checkTemplateDraft } from '../check-template-draft.js';
import type { PromptProblem } from '../prompt-problem.js';
import type { TemplateName } from '../template-vars.js';

/** A draft refused at publish, with the problems the prompt checks found. */
export class TemplateInvalidError extends AppError {
  constructor(
    readonly template: TemplateName,
    readonly problems: readonly PromptProblem[],
  ) {
    super(
      'TEMPLATE_INVALID',
      `${template} has ${problems.length} problem(s): ${problems.map((p) => `line ${p.line}: ${p.message}`).join('; ')}`,
    );
  }
}

/**
 * The problems `npm run prompts:check` finds in one template text (front matter, syntax,
 * undeclared variables, strict-mode render of the samples, quick replies and sample answers the
 * agent could not read back: check-template-draft.ts), named as the template's file.
 *
 * @example draftProblems('ask-budget', '{{budgt}}') // [{ file: 'ask-budget.hbs', line: 1, message: 'unknown variable "budgt"', ... }]
 */
export function draftProblems(name: TemplateName, source: string): PromptProblem[] {
  return checkTemplateDraft(name, source);
}
