import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PREVIEW_LEADS, previewVars } from '../../../src/prompts/preview-leads.js';
import { TEMPLATE_NAMES, TEMPLATE_VARS } from '../../../src/prompts/template-vars.js';
import { previewDraft } from '../../../src/prompts/versions/preview-draft.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';

const shipped = (name: string) => readFileSync(path.join(PROMPTS_DIR, `${name}.hbs`), 'utf8');

describe('the editor preview', () => {
  it.each(TEMPLATE_NAMES)('%s: every sample lead has variables its schema accepts', (name) => {
    for (const lead of PREVIEW_LEADS)
      expect(TEMPLATE_VARS[name].safeParse(previewVars(name, lead)).success).toBe(true);
  });

  it.each(TEMPLATE_NAMES)('%s: the shipped text previews for the three leads', (name) => {
    const preview = previewDraft(name, shipped(name));
    if (!preview.ok) throw new Error(JSON.stringify(preview.problems));
    expect(preview.leads.map((l) => l.lead)).toEqual([...PREVIEW_LEADS]);
    const kinds = preview.leads[0]?.messages.map((m) => m.kind);
    expect(kinds).toEqual(
      'retry' in TEMPLATE_VARS[name].shape ? ['first ask', 're-ask'] : ['message'],
    );
  });

  it.each([
    ['qualified', 'Hi Dana,'],
    ['nurture', 'Hi Sam,'],
    ['researcher', 'Hi,'],
  ])('greets the %s lead by the name it gave ("%s")', (lead, start) => {
    const preview = previewDraft('greeting', shipped('greeting'));
    if (!preview.ok) throw new Error('greeting does not preview');
    const text = preview.leads.find((l) => l.lead === lead)?.messages[0]?.text;
    expect(text?.startsWith(start)).toBe(true);
  });

  it('offers the booking times as the quick replies, as the chat does', () => {
    const preview = previewDraft('ask-booking', shipped('ask-booking'));
    if (!preview.ok) throw new Error('ask-booking does not preview');
    expect(preview.leads[0]?.messages[0]?.quickReplies[0]).toEqual({
      label: 'Tue, Mar 3, 10:00 AM',
      value: 'Tue, Mar 3, 10:00 AM',
    });
  });

  it.each([
    ['an unclosed block', '{{#if retry}}Budget?', /not closed/],
    ['an unknown variable', 'Budget, {{budgt}}?', /budgt/],
    [
      'a quick reply the extractor cannot read',
      '---\nquickReplies:\n  - label: Soon\n    value: Soon\n---\nBudget?',
      /quick reply "Soon"/,
    ],
  ])(
    'refuses a budget question with %s, listing its problems like publish',
    (_what, source, message) => {
      const preview = previewDraft('ask-budget', source);
      expect(preview.ok).toBe(false);
      if (!preview.ok) expect(preview.problems[0]?.message).toMatch(message);
    },
  );
});
