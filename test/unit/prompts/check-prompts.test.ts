import path from 'node:path';
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPrompts } from '../../../src/prompts/check-prompts.js';
import { formatProblem } from '../../../src/prompts/prompt-problem.js';
import { copyShippedPrompts } from './temp-prompts.js';

/** Checks a copy of the shipped prompts in which `file` holds `text`. */
function checkWith(file: string, text: string) {
  const copy = copyShippedPrompts();
  copy.write(file, text);
  return {
    dir: copy.dir,
    problems: checkPrompts(copy.dir).map(({ file: f, ...rest }) => ({
      file: path.basename(f),
      ...rest,
    })),
  };
}

describe('checkPrompts', () => {
  it('when a variable is misspelled, then the file and line are reported', () => {
    const { problems } = checkWith('ask-budget.hbs', 'Thanks!\n\nWhat is your {{budgt}}?\n');
    expect(problems).toEqual([
      { file: 'ask-budget.hbs', line: 3, message: 'unknown variable "budgt"', severity: 'error' },
    ]);
  });

  it('when the template has front matter, then the line counts from the top of the file', () => {
    const text =
      '---\nquickReplies:\n  - label: Soon\n    value: Within the next 3 months\n---\nWhen do you start, {{frstName}}?\n';
    const { problems } = checkWith('ask-timeline.hbs', text);
    expect(problems).toEqual([
      {
        file: 'ask-timeline.hbs',
        line: 6,
        message: 'unknown variable "frstName"',
        severity: 'error',
      },
    ]);
  });

  it('when the problem is printed, then it reads file:line: message', () => {
    const { dir, problems } = checkWith('ask-budget.hbs', 'Budget?\n{{budgt}}\n');
    const [problem] = checkPrompts(dir);
    expect(problems).toHaveLength(1);
    expect(formatProblem(problem!, path.dirname(dir))).toBe(
      `${path.basename(dir)}/ask-budget.hbs:2: unknown variable "budgt"`,
    );
  });

  it.each([
    ['a field of the list item', '{{#each slots}}{{label}}{{/each}}', []],
    [
      'this, @index, @first and @last',
      '{{#each slots}}{{@index}}{{#if @first}}{{this.label}}{{/if}}{{#unless @last}},{{/unless}}{{/each}}',
      [],
    ],
    ['an outer variable with ../', '{{#each slots}}{{label}} ({{../timezone}}){{/each}}', []],
    ['@root', '{{#each slots}}{{@root.company}}{{/each}}', []],
    ['a block parameter', '{{#each slots as |slot i|}}{{i}}: {{slot.label}}{{/each}}', []],
    ['else if chains', '{{#if retry}}a{{else if firstName}}{{firstName}}{{else}}c{{/if}}', []],
    ['a misspelled item field', '{{#each slots}}{{labl}}{{/each}}', ['unknown variable "labl"']],
    ['an item field outside the list', '{{label}}', ['unknown variable "label"']],
    ['a misspelled list', '{{#each slot}}{{label}}{{/each}}', ['unknown variable "slot"']],
    ['a misspelled variable in #if', '{{#if retyr}}again{{/if}}', ['unknown variable "retyr"']],
    ['@index outside a list', '{{@index}}', ['@index only works inside {{#each}}']],
    [
      'a list printed as text',
      '{{slots}}',
      ['"slots" is a list: use {{#each slots}} ... {{/each}} or {{list slots}}'],
    ],
    [
      '#each over a plain value',
      '{{#each timezone}}x{{/each}}',
      ['#each needs a list, and "timezone" is not one'],
    ],
    ['a nested field of a plain value', '{{company.name}}', ['unknown variable "company.name"']],
    ['an unknown helper', '{{shout company}}', ['unknown helper "shout"']],
    [
      'an unknown block helper',
      '{{#slots}}{{label}}{{/slots}}',
      ['unknown block helper "#slots": use #if, #unless, #each or #with'],
    ],
    ['the lookup built-in', '{{lookup slots 0}}', ['unknown helper "lookup"']],
    ['a partial', '{{> footer}}', ['partials ({{> name}}) are not supported']],
  ])(
    'when ask-booking uses %s, then the check reports exactly the expected problems',
    (_what, body, messages) => {
      const { problems } = checkWith('ask-booking.hbs', body);
      expect(problems.map((p) => p.message)).toEqual(messages);
    },
  );

  it.each([
    ['an unclosed tag', 'Hello\n{{#if retry}\nAgain', 2, /^syntax error near/],
    ['an unclosed block', 'Hello\n{{#if retry}}\nAgain', 3, /a block is not closed/],
    ['mismatched blocks', 'Hello\n{{#if retry}}Again{{/unless}}', 2, /if doesn't match unless/],
  ])('when a template has %s, then a syntax error names its line', (_what, body, line, message) => {
    const { problems } = checkWith('ask-need.hbs', body);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'ask-need.hbs', line, severity: 'error' });
    expect(problems[0]?.message).toMatch(message);
  });

  it.each([
    [
      'a misspelled key',
      '---\nquickReplys:\n  - label: A\n    value: B\n---\nBudget?',
      2,
      /Unrecognized key/,
    ],
    [
      'a reply without a value',
      '---\nquickReplies:\n  - label: A\n---\nBudget?',
      3,
      /quickReplies\.0\.value/,
    ],
    [
      'a label too long for a button',
      `---\nquickReplies:\n  - label: ${'x'.repeat(60)}\n    value: B\n---\nBudget?`,
      3,
      /fit on a button/,
    ],
    ['invalid YAML', '---\nquickReplies: [a\n---\nBudget?', 2, /^front matter:/],
    ['no closing ---', '---\nquickReplies: []\nBudget?', 1, /not closed/],
  ])(
    'when the front matter has %s, then it is reported like a syntax error',
    (_what, text, line, message) => {
      const { problems } = checkWith('ask-budget.hbs', text);
      expect(problems.length).toBeGreaterThanOrEqual(1);
      expect(problems[0]).toMatchObject({ file: 'ask-budget.hbs', line, severity: 'error' });
      expect(problems[0]?.message).toMatch(message);
    },
  );

  it('when a template is missing, then it is reported as an error', () => {
    const copy = copyShippedPrompts();
    rmSync(path.join(copy.dir, 'booked.hbs'));
    expect(checkPrompts(copy.dir)).toEqual([
      {
        file: path.join(copy.dir, 'booked.hbs'),
        line: 0,
        message: 'missing template "booked"',
        severity: 'error',
      },
    ]);
  });

  it('when the folder holds an .hbs file the code does not know, then it is only a warning', () => {
    const { problems } = checkWith('ask-budjet.hbs', 'Budget?');
    expect(problems).toEqual([
      {
        file: 'ask-budjet.hbs',
        line: 0,
        message: 'not a known template: the agent never uses it',
        severity: 'warning',
      },
    ]);
  });
});
