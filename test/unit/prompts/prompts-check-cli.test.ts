import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPromptsCheck } from '../../../src/cli/prompts-check.js';
import { TEMPLATE_NAMES } from '../../../src/prompts/template-vars.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { copyShippedPrompts, SHIPPED_DIR } from './temp-prompts.js';

/** Runs the CLI from an empty working folder (no config file), capturing its output. */
function run(args: string[]): { code: number; lines: string[] } {
  const cwd = tempDirForTest('leadbot-cwd-').dir;
  const lines: string[] = [];
  const code = runPromptsCheck(args, (l) => lines.push(l), cwd);
  return { code, lines };
}

describe('npm run prompts:check', () => {
  it('when the shipped prompts are checked, then it exits 0 and previews every template', () => {
    const { code, lines } = run(['--dir', SHIPPED_DIR]);
    expect(code).toBe(0);
    expect(lines[0]).toBe('No problems found.');
    for (const name of TEMPLATE_NAMES) expect(lines).toContain(`--- ${name} ---`);
    expect(lines.join('\n')).toContain('[No fixed date] -> "No fixed timeline"');
    expect(lines.join('\n')).toContain('  sample answer: "About $10k a year"');
  });

  it('when a template has a misspelled variable, then it prints file:line: message, previews the rest and exits 1', () => {
    const copy = copyShippedPrompts();
    copy.write('ask-budget.hbs', 'Your budget?\n\n{{budgt}}');
    const { code, lines } = run(['--dir', copy.dir]);
    expect(code).toBe(1);
    expect(lines).toContain(`${path.join(copy.dir, 'ask-budget.hbs')}:3: unknown variable "budgt"`);
    const budgetPreview = lines.indexOf('--- ask-budget ---');
    expect(lines[budgetPreview + 1]).toBe('variables: company, agentName, firstName, retry');
    expect(lines[budgetPreview + 2]).toBe('(not rendered: see the errors above)');
    expect(lines).toContain('--- ask-timeline ---');
  });

  it('when the folder only has an unknown extra template, then it warns and still exits 0', () => {
    const copy = copyShippedPrompts();
    copy.write('old-greeting.hbs', 'Hello');
    const { code, lines } = run(['--dir', copy.dir]);
    expect(code).toBe(0);
    expect(lines[0]).toBe(
      `${path.join(copy.dir, 'old-greeting.hbs')}: warning: not a known template: the agent never uses it`,
    );
  });
});
