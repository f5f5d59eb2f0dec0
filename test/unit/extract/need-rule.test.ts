import { describe, expect, it } from 'vitest';
import { needRule } from '../../../src/extract/rules/need-rule.js';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import type { Slot } from '../../../src/lead/slots.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';

function ctx(expecting: Slot | null): RuleContext {
  return { expecting, visitor: DEFAULT_VISITOR, now: new Date('2026-03-02T15:00:00Z'), region: 'US', defaultCurrency: 'USD', fiscalYearEndMonth: 12 };
}

function needOf(text: string, expecting: Slot | null): { summary: unknown; declined: boolean } {
  const result = needRule(text, ctx(expecting));
  return { summary: result.candidates.find((c) => c.path === 'need.summary')?.value ?? null, declined: result.declined === true };
}

describe('needRule: answering the need question', () => {
  it.each([
    'Our clinic phones ring off the hook and half the callers only want opening hours.',
    'As mentioned: faster triage of warranty claims from our resellers.',
    'Quote requests for custom signage, we need dimensions and install dates before a designer looks at them.',
    '  Tenants ask the same questions about deposits.  ',
  ])('when the answer is "%s", then the whole answer is the need', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: text.trim(), declined: false });
  });

  it('when the answer is very long, then the summary is cut to about 400 characters at a sentence end', () => {
    const sentence = 'Our reps lose hours every week sorting wholesale enquiries from retail ones by hand. ';
    const { summary } = needOf(sentence.repeat(8), 'need');
    expect(typeof summary === 'string' && summary.length <= 400 && summary.endsWith('.')).toBe(true);
  });

  it.each([
    'nothing in particular, only curious',
    "I'm not shopping for anything, I'm job hunting",
    "We don't need software, it's for my class project",
    'nothing really',
    "it's for my thesis on conversational AI",
    'Just browsing',
    "I'd rather not say",
    'no idea',
  ])('when the answer "%s" says there is no need, then nothing is stored and the slot is declined', (text) => {
    expect(needOf(text, 'need')).toEqual({ summary: null, declined: true });
  });

  it('when the answer is only a question back, then it is not taken as the need', () => {
    expect(needOf('How much does it cost?', 'need')).toEqual({ summary: null, declined: false });
  });
});

describe('needRule: problem statements in other messages', () => {
  it.each([
    ['Hi, our booking inbox is out of control. Do you integrate with Zendesk?', 'Hi, our booking inbox is out of control.'],
    ['We keep missing after-hours enquiries from landlords.', 'We keep missing after-hours enquiries from landlords.'],
    ['We need to route warranty claims to the right dealer. Budget is about 5k.', 'We need to route warranty claims to the right dealer.'],
    ['Looking for a tool to pre-screen tenants before viewings.', 'Looking for a tool to pre-screen tenants before viewings.'],
    ["Our two reps can't keep up with quote requests!", "Our two reps can't keep up with quote requests!"],
    ['We get loads of calls asking about stock levels.', 'We get loads of calls asking about stock levels.'],
    ['Hello. We run 5 gyms. Membership enquiries are a mess. We want to book trial sessions automatically.', 'Membership enquiries are a mess. We want to book trial sessions automatically.'],
    ["I'm the COO and we're struggling to follow up on trial signups.", "I'm the COO and we're struggling to follow up on trial signups."],
    ["We'd like to capture order volumes from wholesale buyers.", "We'd like to capture order volumes from wholesale buyers."],
  ])('when the visitor writes "%s", then the need is "%s"', (text, summary) => {
    expect(needOf(text, null)).toEqual({ summary, declined: false });
  });

  it.each([
    ['Do you integrate with Salesforce?', null],
    ['Is there a free trial?', null],
    ['Just exploring what tools exist.', null],
    ['We want to go live before the end of March.', 'timeline'],
    ['We want to spend no more than 3k a year.', 'budget'],
    ["I'd like to see a demo please.", null],
    ['Trying to figure out which plan fits us.', null],
    ["We're comparing you with two other vendors.", null],
    ['I need it asap, ideally this week.', 'timeline'],
    ["We'd want to make a decision by June.", 'timeline'],
    ['Priya Kapoor, priya@bluefin.example', 'contact'],
    ["We'd like to keep it under 500 a month", 'budget'],
    ["No idea yet, I'd need to see pricing first.", 'budget'],
  ] as const)('when "%s" states no problem, then no need is taken', (text, expecting) => {
    expect(needOf(text, expecting)).toEqual({ summary: null, declined: false });
  });
});
