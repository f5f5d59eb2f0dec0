import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPromptsCheck } from '../../../src/cli/prompts-check.js';
import { ANSWER_READERS } from '../../../src/prompts/answer-readers.js';
import { checkTemplateDraft } from '../../../src/prompts/check-template-draft.js';
import { splitFrontMatter } from '../../../src/prompts/front-matter.js';
import { formatProblem } from '../../../src/prompts/prompt-problem.js';
import { TEMPLATE_NAMES } from '../../../src/prompts/template-vars.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { copyShippedPrompts, SHIPPED_DIR } from './temp-prompts.js';

const shipped = (name: string): string =>
  readFileSync(path.join(SHIPPED_DIR, `${name}.hbs`), 'utf8');

/** A template whose front matter is `yaml` and whose body is one plain question. */
const draft = (yaml: string, body = 'What budget do you have in mind?'): string =>
  `---\n${yaml}\n---\n${body}`;

const ASKING = Object.keys(ANSWER_READERS);

describe('the answer check of a template draft', () => {
  it.each(TEMPLATE_NAMES)('when the shipped "%s" is checked, then it has no problem', (name) => {
    expect(checkTemplateDraft(name, shipped(name))).toEqual([]);
  });

  it.each(ASKING.filter((n) => n.startsWith('ask-')))(
    'when the shipped "%s" is read, then it carries sample answers for the check to run',
    (name) => {
      const split = splitFrontMatter(shipped(name), name);
      expect(split.sampleAnswers.length).toBeGreaterThanOrEqual(2);
    },
  );

  it.each([
    ['ask-budget', 'Hmm', 'Let me see', 'an answer for the budget slot'],
    ['ask-timeline', 'Blue', 'The blue one', 'an answer for the timeline slot'],
    ['ask-authority', 'Pricing', 'Tell me about pricing', 'an answer for the authority slot'],
    ['ask-need', 'Hi', 'Hello', 'an answer for the need slot'],
    ['ask-consent', 'Later', 'Let me see', 'a yes or a no'],
  ])(
    'when "%s" offers a quick reply "%s" sending "%s", then the check names the template, the reply and what it fails to be',
    (name, label, value, slot) => {
      const source = draft(`quickReplies:\n  - label: ${label}\n    value: ${value}`);
      const problems = checkTemplateDraft(name, source);
      expect(problems).toEqual([
        {
          file: `${name}.hbs`,
          line: 4,
          message: `quick reply "${label}" sends "${value}", which the rules extractor does not read as ${slot}: a visitor who clicks it is asked again`,
          severity: 'error',
        },
      ]);
    },
  );

  it.each([
    ['ask-company', 'About 50 people'],
    ['ask-company', 'Acme Corp'],
    ['ask-contact', 'dana@acme.example'],
    ['ask-budget', 'Not sure yet'],
  ])(
    'when "%s" offers "%s" (half the slot, or a refusal), then it passes: the agent moves on',
    (name, value) => {
      const source = draft(`quickReplies:\n  - label: ${value}\n    value: ${value}`, 'Which?');
      expect(checkTemplateDraft(name, source)).toEqual([]);
    },
  );

  it('when a sample answer is not read as the slot it answers, then the check names it and its line', () => {
    const source = draft('sampleAnswers:\n  - "About $10k a year"\n  - "Purple elephants"');
    expect(checkTemplateDraft('ask-budget', source, { file: 'prompts/ask-budget.hbs' })).toEqual([
      {
        file: 'prompts/ask-budget.hbs',
        line: 4,
        message:
          'sample answer "Purple elephants" is not read by the rules extractor as an answer for the budget slot: a visitor who answers so is asked again',
        severity: 'error',
      },
    ]);
  });

  it.each([
    ['a block left open', '{{#if retry}}Budget?', /syntax error: a block is not closed/],
    ['a broken tag', 'Budget {{#if}}?{{/if}}', /syntax error|#if/],
    ['a misspelled variable', '{{budgt}}?', /unknown variable "budgt"/],
  ])(
    'when a draft has %s, then the problem is reported with its line, not thrown',
    (_what, body, message) => {
      const problems = checkTemplateDraft('ask-budget', draft('sampleAnswers:\n  - "$5k"', body));
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ file: 'ask-budget.hbs', line: 5, severity: 'error' });
      expect(problems[0]?.message).toMatch(message);
    },
  );

  it('when a draft has a syntax error and an unreadable quick reply, then both are reported', () => {
    const source = draft('quickReplies:\n  - label: Hmm\n    value: Let me see', '{{#if retry}}?');
    const messages = checkTemplateDraft('ask-budget', source).map((p) => p.message);
    expect(messages).toEqual([
      expect.stringMatching(/^syntax error/),
      expect.stringMatching(/^quick reply "Hmm"/),
    ]);
  });

  it.each([
    ['broken front matter', '---\nquickReplies: [\n---\nBudget?', /^front matter:/],
    ['front matter never closed', '---\nquickReplies: []\nBudget?', /front matter is not closed/],
    ['a misspelled front matter key', '---\nsampleAnswer: ["$5k"]\n---\nBudget?', /sampleAnswer/],
    ['an empty sample answer', '---\nsampleAnswers: [""]\n---\nBudget?', /sampleAnswers\.0/],
  ])('when a draft has %s, then it is one clear error', (_what, source, message) => {
    const problems = checkTemplateDraft('ask-budget', source);
    expect(problems.map((p) => p.severity)).toEqual(['error']);
    expect(problems[0]?.message).toMatch(message);
  });

  it('when a draft names no known template, then it says so instead of throwing', () => {
    expect(checkTemplateDraft('ask-budgett', 'Budget?')).toEqual([
      {
        file: 'ask-budgett.hbs',
        line: 0,
        message: 'not a known template: "ask-budgett"',
        severity: 'error',
      },
    ]);
  });

  it('when a template that asks nothing carries sample answers, then it is warned they are ignored', () => {
    const problems = checkTemplateDraft('greeting', draft('sampleAnswers:\n  - "Hi"', 'Hello!'));
    expect(problems).toEqual([
      expect.objectContaining({
        line: 2,
        severity: 'warning',
        message: expect.stringMatching(/ignored/),
      }),
    ]);
  });
});

describe('npm run prompts:check reads back quick replies', () => {
  it('when a quick reply cannot be read, then it prints the same problem as the draft check and exits 1', () => {
    const copy = copyShippedPrompts();
    const source = shipped('ask-timeline').replace(
      'value: Within the next 6 months',
      'value: Whenever it suits us',
    );
    copy.write('ask-timeline.hbs', source);
    const cwd = tempDirForTest('leadbot-cwd-').dir;
    const lines: string[] = [];
    const code = runPromptsCheck(['--dir', copy.dir], (l) => lines.push(l), cwd);

    const file = path.join(copy.dir, 'ask-timeline.hbs');
    const expected = checkTemplateDraft('ask-timeline', source, { file });
    expect(expected).toHaveLength(1);
    expect(expected[0]?.message).toContain(
      'quick reply "Later this year" sends "Whenever it suits us"',
    );
    expect(expected[0]?.message).toContain('the timeline slot');
    expect(code).toBe(1);
    expect(lines.slice(0, 2)).toEqual([
      ...expected.map((p) => formatProblem(p, cwd)),
      '1 error(s), 0 warning(s).',
    ]);
    expect(lines[0]).toMatch(/ask-timeline\.hbs:\d+: quick reply "Later this year"/);
  });
});
