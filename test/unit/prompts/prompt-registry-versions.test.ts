import { describe, expect, it } from 'vitest';
import { createPromptRegistry, type PromptError } from '../../../src/prompts/prompt-registry.js';
import type { TemplateVersion } from '../../../src/prompts/versions/template-version.js';
import type { TemplateName } from '../../../src/prompts/template-vars.js';
import { copyShippedPrompts } from './temp-prompts.js';

const vars = { company: 'Lumen Freight', agentName: 'Ava', firstName: null, retry: false };

/** A registry over a copy of the shipped prompts and a hand-set list of published versions. */
function setup() {
  const copy = copyShippedPrompts();
  const errors: PromptError[] = [];
  const live = new Map<TemplateName, TemplateVersion>();
  const registry = createPromptRegistry({
    dir: copy.dir,
    onError: (e) => errors.push(e),
    recheckMs: 0,
    published: { current: (name) => live.get(name) ?? null },
  });
  const publish = (version: number, source: string): void =>
    void live.set('ask-budget', {
      template: 'ask-budget',
      version,
      source,
      author: 'mia@beacon.example',
      authorName: 'Mia',
      note: '',
      publishedAt: '2026-03-02T10:00:00.000Z',
    });
  const budget = () => registry.render('ask-budget', vars);
  return { ...copy, errors, live, publish, budget };
}

describe('the prompt registry with published versions', () => {
  it('serves the file as version 1 while nothing is published, then the latest published version', () => {
    const { publish, budget } = setup();
    expect(budget()).toMatchObject({
      version: 1,
      text: expect.stringContaining('set aside a budget'),
    });
    publish(
      2,
      '---\nquickReplies:\n  - label: Some\n    value: About $10k a year\n---\nBudget at {{company}}?',
    );
    expect(budget()).toEqual({
      text: 'Budget at Lumen Freight?',
      quickReplies: [{ label: 'Some', value: 'About $10k a year' }],
      version: 2,
    });
  });

  it('keeps a file edit off the chat while a version is published', () => {
    const { publish, budget, write } = setup();
    publish(2, 'Published wording');
    write('ask-budget.hbs', 'Edited in git');
    expect(budget()).toMatchObject({ text: 'Published wording', version: 2 });
  });

  it('serves the file, and says why, when a published version no longer compiles', () => {
    const { publish, budget, errors } = setup();
    publish(2, 'Budget for {{nonsense}}?');
    expect(budget()).toMatchObject({ version: 1, text: expect.stringContaining('budget') });
    expect(errors).toEqual([
      { file: 'ask-budget@v2', line: 1, message: 'unknown variable "nonsense"' },
    ]);
    budget();
    expect(errors).toHaveLength(1);
  });
});
