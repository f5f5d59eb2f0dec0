import type { Config } from '../config/config-schema.js';
import { defaultConfig } from '../config/load-config.js';
import { checkAnswers } from './check-answers.js';
import { compileTemplate } from './compile-template.js';
import { splitFrontMatter } from './front-matter.js';
import { createHandlebarsEnv, type HandlebarsEnv } from './handlebars-env.js';
import type { PromptProblem } from './prompt-problem.js';
import { isTemplateName } from './template-vars.js';

/** The default config, parsed once: the editor checks a draft on every keystroke. */
let defaults: Config | undefined;

export type DraftCheckOptions = {
  /** How problems name the template; `<name>.hbs` for a draft that is not a file yet. */
  file?: string;
  /** The deployment's config (the extractor reads fiscal years with it); the defaults else. */
  config?: Pick<Config, 'fiscalYearEndMonth'>;
  /** A shared handlebars environment, when checking many templates. */
  hb?: HandlebarsEnv;
};

/**
 * Every problem of one template's text, exactly as `npm run prompts:check` reports it: front
 * matter, handlebars syntax, variables, strict-mode rendering of the samples, and quick replies
 * or sample answers the agent could not read back. Pure and synchronous, for the console editor
 * to call on a draft as the marketer types: it never throws, a broken draft is a list of problems.
 * @example checkTemplateDraft('ask-budget', '{{#if retry}}Budget?') // [{ file: 'ask-budget.hbs', line: 1, message: 'syntax error: a block is not closed (missing {{/if}}, {{/each}}, ...?)', severity: 'error' }]
 */
export function checkTemplateDraft(
  name: string,
  source: string,
  options: DraftCheckOptions = {},
): PromptProblem[] {
  const file = options.file ?? `${name}.hbs`;
  if (!isTemplateName(name))
    return [{ file, line: 0, message: `not a known template: "${name}"`, severity: 'error' }];
  try {
    const compiled = compileTemplate(options.hb ?? createHandlebarsEnv(), name, source, file);
    const problems = compiled.ok ? [] : compiled.problems;
    // Answers are read from the front matter alone: a body error does not hide a bad reply.
    const split = splitFrontMatter(source, file);
    if (split.problems.length > 0) return problems;
    const config = options.config ?? (defaults ??= defaultConfig());
    return [...problems, ...checkAnswers(name, split, source, file, config)];
  } catch (e) {
    const message = `could not be checked: ${e instanceof Error ? e.message : String(e)}`;
    return [{ file, line: 0, message, severity: 'error' }];
  }
}
