import { describe, expect, it } from 'vitest';
import type { ExtractInput } from '../../../src/extract/extractor.js';
import { extractWithRules } from '../../../src/extract/rules/rules-extractor.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';
import type { Slot } from '../../../src/lead/slots.js';
import { extractionReply, said } from '../../fakes/fake-extraction.js';
import { fakeLlmForTest } from '../../helpers/fake-llm-for-test.js';

const input = (text: string, expecting: Slot | null): ExtractInput => ({
  text,
  expecting,
  lead: {},
  visitor: DEFAULT_VISITOR,
  now: '2026-03-10T15:00:00.000Z',
  recent: [{ role: 'visitor', text }],
});

function rules(text: string, expecting: Slot | null) {
  const out = extractWithRules(input(text, expecting), { fiscalYearEndMonth: 12 });
  return {
    fields: Object.fromEntries(out.candidates.map((c) => [c.path, c.value])),
    wantsHuman: out.signals.wantsHuman,
  };
}

/** Requests for a person, as visitors write them, asked or not asked the need. */
const ONLY_A_REQUEST: [text: string, asked: Slot | null][] = [
  ["I'd like to speak to a real person now", 'need'],
  ['can I talk to a human?', 'need'],
  ['Seriously, put me through to a real person please.', 'need'],
  ['ok. I want a real human, not a bot!', 'need'],
  ['Hello again, can I speak with someone real?', 'need'],
  ['I asked already: connect me to an agent', 'company'],
  ['Look, I would rather talk to a person', null],
  ['I need to talk to a human asap', 'need'],
];

describe('a request for a person (rules)', () => {
  it.each(ONLY_A_REQUEST)(
    'when the visitor writes "%s" (asked %s), then it is a request for a person and fills no field',
    (text, asked) => {
      const got = rules(text, asked);
      expect(got.wantsHuman).toBe(true);
      expect(got.fields).toEqual({});
    },
  );

  it.each([
    [
      'our SDRs drown in leads, can I talk to someone?',
      'need',
      { 'need.summary': 'our SDRs drown in leads' },
    ],
    [
      'We keep losing weekend leads. Can I speak to a real person about it?',
      'need',
      { 'need.summary': 'We keep losing weekend leads.' },
    ],
    [
      "I'm the COO at Northwind Parcel and I'd like to talk to a human",
      'authority',
      { 'authority.role': 'COO', 'authority.level': 'decision_maker' },
    ],
  ])(
    'when "%s" both asks for a person and states a fact, then the fact is recorded and the request is not',
    (text, asked, want) => {
      const got = rules(text, asked as Slot);
      expect(got.wantsHuman).toBe(true);
      expect(got.fields).toMatchObject(want);
      expect(String(got.fields['need.summary'] ?? '')).not.toMatch(/talk|speak|person|human/i);
    },
  );
});

describe('a request for a person (LLM mode)', () => {
  it('when the model reads a bare request for a person as the need, then no field is filled and the request still counts', async () => {
    const { fake, parts } = await fakeLlmForTest();
    const text = "I'd like to speak to a real person now";
    fake.enqueue(
      extractionReply({
        need: { summary: said('wants to speak to a real person', text) },
        signals: { wantsHuman: true },
      }),
    );
    const out = await parts.extractor.extract(input(text, 'need'));
    expect(out.candidates).toEqual([]);
    expect(out.signals.wantsHuman).toBe(true);
  });

  it("when the message also states a need, then the model's need is kept", async () => {
    const { fake, parts } = await fakeLlmForTest();
    const text = 'our SDRs drown in leads, can I talk to someone?';
    fake.enqueue(
      extractionReply({
        need: { summary: said('SDRs drown in leads', 'our SDRs drown in leads') },
        signals: { wantsHuman: true },
      }),
    );
    const out = await parts.extractor.extract(input(text, 'need'));
    expect(out.candidates.find((c) => c.path === 'need.summary')?.value).toMatch(
      /SDRs drown in leads$/,
    );
    expect(out.signals.wantsHuman).toBe(true);
  });
});
