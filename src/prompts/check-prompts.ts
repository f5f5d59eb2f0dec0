import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../config/config-schema.js';
import { checkTemplateDraft } from './check-template-draft.js';
import { createHandlebarsEnv } from './handlebars-env.js';
import type { PromptProblem } from './prompt-problem.js';
import { isTemplateName, TEMPLATE_NAMES } from './template-vars.js';

/**
 * The static check behind `npm run prompts:check`: every template of TEMPLATE_VARS exists,
 * parses, has valid front matter and uses only its declared variables, and the agent can read
 * back its quick replies and sample answers (`checkTemplateDraft`). `.hbs` files the code does
 * not know are warnings (a typo in a file name, or a template no longer used).
 * @example checkPrompts('prompts') // [{ file: 'prompts/ask-budget.hbs', line: 3, message: 'unknown variable "budgt"', severity: 'error' }]
 */
export function checkPrompts(
  dir: string,
  config?: Pick<Config, 'fiscalYearEndMonth'>,
): PromptProblem[] {
  if (!existsSync(dir))
    return [{ file: dir, line: 0, message: 'prompts folder not found', severity: 'error' }];
  const hb = createHandlebarsEnv();
  const problems: PromptProblem[] = [];
  for (const name of TEMPLATE_NAMES) {
    const file = path.join(dir, `${name}.hbs`);
    if (!existsSync(file)) {
      problems.push({ file, line: 0, message: `missing template "${name}"`, severity: 'error' });
      continue;
    }
    problems.push(...checkTemplateDraft(name, readFileSync(file, 'utf8'), { file, config, hb }));
  }
  const extra = readdirSync(dir)
    .filter((f) => f.endsWith('.hbs') && !isTemplateName(f.slice(0, -'.hbs'.length)))
    .sort();
  for (const f of extra) {
    problems.push({
      file: path.join(dir, f),
      line: 0,
      message: 'not a known template: the agent never uses it',
      severity: 'warning',
    });
  }
  return problems;
}
