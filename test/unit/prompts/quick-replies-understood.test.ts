import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/load-config.js';
import { extractWithRules } from '../../../src/extract/rules/rules-extractor.js';
import { applyCandidates } from '../../../src/lead/lead-record.js';
import { isSlotFilled, type QualifyingSlot } from '../../../src/lead/slots.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';
import { createPromptRegistry } from '../../../src/prompts/prompt-registry.js';
import { SAMPLE_VARS } from '../../../src/prompts/sample-vars.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';

const registry = createPromptRegistry({ dir: PROMPTS_DIR });
const ASKS = [
  ['need', 'ask-need'],
  ['authority', 'ask-authority'],
  ['budget', 'ask-budget'],
  ['timeline', 'ask-timeline'],
] as const;

const cases = ASKS.flatMap(([slot, template]) =>
  registry
    .render(template, SAMPLE_VARS[template])
    .quickReplies.map((q) => [slot, q.label, q.value] as [QualifyingSlot, string, string]),
);

describe('the quick replies marketers ship', () => {
  it('when the ask templates are rendered, then they offer quick replies', () => {
    expect(cases.length).toBeGreaterThan(6);
  });

  it.each(cases)(
    'when a visitor clicks the %s reply "%s", then the rules understand it as an answer to that question',
    (slot, _label, value) => {
      const extraction = extractWithRules(
        {
          text: value,
          expecting: slot,
          lead: {},
          visitor: DEFAULT_VISITOR,
          now: '2026-03-03T15:00:00.000Z',
          recent: [],
        },
        defaultConfig(),
      );
      const { lead } = applyCandidates({}, extraction.candidates, {
        source: 'rules',
        messageId: 'm',
        at: '2026-03-03T15:00:00.000Z',
      });
      expect(
        isSlotFilled(lead, slot) || extraction.signals.declined,
        JSON.stringify(extraction),
      ).toBe(true);
    },
  );
});
