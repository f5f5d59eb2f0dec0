import type { Config } from '../config/config-schema.js';
import { ANSWER_READERS } from './answer-readers.js';
import type { SplitTemplate } from './front-matter.js';
import type { PromptProblem } from './prompt-problem.js';
import type { TemplateName } from './template-vars.js';

const ASKING = Object.keys(ANSWER_READERS).join(', ');

/**
 * Runs every quick reply's value and every sample answer of a template through the reader the
 * agent uses on the visitor's answer to it (the rules extractor for a slot question): a value
 * it cannot read would make the agent ask the same question again, so it is an error naming
 * the reply and what it fails to fill. `source` is the template's text, to point at lines.
 * @example checkAnswers('ask-budget', split, source, 'prompts/ask-budget.hbs', config)
 * // [{ file: 'prompts/ask-budget.hbs', line: 5, severity: 'error',
 * //    message: 'quick reply "Soon" sends "Soon", which the rules extractor does not read as an answer for the budget slot: a visitor who clicks it is asked again' }]
 */
export function checkAnswers(
  name: TemplateName,
  split: Pick<SplitTemplate, 'quickReplies' | 'sampleAnswers'>,
  source: string,
  file: string,
  config: Pick<Config, 'fiscalYearEndMonth'>,
): PromptProblem[] {
  const reader = ANSWER_READERS[name];
  const lineOf = frontMatterLines(source);
  if (!reader) {
    if (split.sampleAnswers.length === 0) return [];
    const message = `sample answers are only checked on templates that ask something (${ASKING}): these are ignored`;
    return [{ file, line: lineOf('sampleAnswers:'), message, severity: 'warning' }];
  }
  const problems: PromptProblem[] = [];
  const misread = (text: string): boolean => !reader.understands(text, config);
  for (const q of split.quickReplies.filter((r) => misread(r.value))) {
    problems.push({
      file,
      line: lineOf(q.value, 'value:'),
      message: `quick reply "${q.label}" sends "${q.value}", which the rules extractor does not read as ${reader.fills}: a visitor who clicks it is asked again`,
      severity: 'error',
    });
  }
  for (const answer of split.sampleAnswers.filter(misread)) {
    problems.push({
      file,
      line: lineOf(answer, '-'),
      message: `sample answer "${answer}" is not read by the rules extractor as ${reader.fills}: a visitor who answers so is asked again`,
      severity: 'error',
    });
  }
  return problems;
}

/**
 * The file line (1-based) of the first front-matter line holding `text`, preferring lines that
 * also hold `key` (a reply's `value:` line rather than a label with the same words); 1 if none.
 */
function frontMatterLines(source: string): (text: string, key?: string) => number {
  const lines = source.split(/\r?\n/);
  const close = lines.findIndex((l, i) => i > 0 && /^---\s*$/.test(l));
  const front = close > 0 ? lines.slice(0, close) : [];
  return (text, key = '') => {
    const keyed = front.findIndex((l) => l.includes(key) && l.includes(text));
    const i = keyed >= 0 ? keyed : front.findIndex((l) => l.includes(text));
    return i < 0 ? 1 : i + 1;
  };
}
