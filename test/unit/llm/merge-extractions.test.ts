import { describe, expect, it } from 'vitest';
import type { Extraction } from '../../../src/extract/extractor.js';
import { NO_SIGNALS } from '../../../src/extract/extractor.js';
import { mergeExtractions } from '../../../src/extract/llm/merge-extractions.js';
import { candidate, type Candidate, type FieldPath } from '../../../src/lead/field-paths.js';

function ex(
  values: readonly (readonly [FieldPath, unknown])[],
  signals: Partial<Extraction['signals']> = {},
): Extraction {
  const candidates = values
    .map(([path, value]) => candidate(path, value, `said ${String(value)}`))
    .filter((c): c is Candidate => c !== null);
  return { candidates, signals: { ...NO_SIGNALS, ...signals } };
}
const valuesOf = (e: Extraction) => Object.fromEntries(e.candidates.map((c) => [c.path, c.value]));

describe('merging rules and model extractions', () => {
  it.each([
    [
      'both read an email: the regex wins',
      [['contact.email', 'ana@lumen.example']],
      [['contact.email', 'ana.l@lumen.example']],
      { 'contact.email': 'ana@lumen.example' },
    ],
    [
      'both read a phone: the rules win',
      [['contact.phone', '+442079460958']],
      [['contact.phone', '+442079460959']],
      { 'contact.phone': '+442079460958' },
    ],
    [
      'both read a head count their words write: the model wins (it reads which one is meant)',
      [['company.size', 320]],
      [['company.size', 300]],
      { 'company.size': 300 },
    ],
    [
      'only the model read a head count: it fills in',
      [],
      [['company.size', 300]],
      { 'company.size': 300 },
    ],
    [
      'both read a company name: the model wins',
      [['company.name', 'Lumen']],
      [['company.name', 'Lumen Freight']],
      { 'company.name': 'Lumen Freight' },
    ],
    [
      'both read an authority level: the model wins',
      [['authority.level', 'decision_maker']],
      [['authority.level', 'influencer']],
      { 'authority.level': 'influencer' },
    ],
    [
      'only the rules read a role: it is kept',
      [['authority.role', 'CMO']],
      [['need.summary', 'slow triage']],
      { 'authority.role': 'CMO', 'need.summary': 'slow triage' },
    ],
    [
      'both read different budgets from different words: the model takes the whole budget, never mixed',
      [
        ['budget.amount', 50000],
        ['budget.currency', 'USD'],
        ['budget.status', 'stated'],
      ],
      [
        ['budget.amount', 5000],
        ['budget.currency', 'USD'],
        ['budget.period', 'monthly'],
        ['budget.status', 'stated'],
      ],
      {
        'budget.amount': 5000,
        'budget.currency': 'USD',
        'budget.period': 'monthly',
        'budget.status': 'stated',
      },
    ],
    [
      'both read the same budget: the model adds the period the rules missed',
      [
        ['budget.amount', 50000],
        ['budget.currency', 'USD'],
      ],
      [
        ['budget.amount', 50000],
        ['budget.currency', 'USD'],
        ['budget.period', 'yearly'],
      ],
      { 'budget.amount': 50000, 'budget.currency': 'USD', 'budget.period': 'yearly' },
    ],
    [
      'only the model read a budget: it is taken whole',
      [],
      [
        ['budget.amount', 20000],
        ['budget.currency', 'GBP'],
        ['budget.status', 'stated'],
      ],
      { 'budget.amount': 20000, 'budget.currency': 'GBP', 'budget.status': 'stated' },
    ],
    [
      "both read different timelines: the model's resolved date and its bucket win",
      [['timeline.bucket', 'quarter']],
      [
        ['timeline.targetDate', '2026-11-01'],
        ['timeline.bucket', 'year'],
      ],
      { 'timeline.bucket': 'year', 'timeline.targetDate': '2026-11-01' },
    ],
    [
      'both read the same timeline: the model adds its date',
      [['timeline.bucket', 'quarter']],
      [
        ['timeline.targetDate', '2026-04-20'],
        ['timeline.bucket', 'quarter'],
      ],
      { 'timeline.bucket': 'quarter', 'timeline.targetDate': '2026-04-20' },
    ],
  ] as const)('when %s', (_, rules, llm, expected) => {
    expect(valuesOf(mergeExtractions(ex(rules), ex(llm), null))).toEqual(expected);
  });

  it('when the rules read a correction in one message, then their last value is the one kept', () => {
    const merged = mergeExtractions(
      ex([
        ['budget.amount', 50000],
        ['budget.amount', 60000],
      ]),
      ex([
        ['budget.amount', 60000],
        ['budget.period', 'yearly'],
      ]),
      'budget',
    );
    expect(merged.candidates.filter((c) => c.path === 'budget.amount').at(-1)?.value).toBe(60000);
    expect(valuesOf(merged)['budget.period']).toBe('yearly');
  });

  it.each([
    ['the rules heard a wish to talk to a human', { wantsHuman: true }, {}, { wantsHuman: true }],
    ['the model heard a wish to talk to a human', {}, { wantsHuman: true }, { wantsHuman: true }],
    [
      'both heard a question',
      { question: 'price?' },
      { question: 'How much is Growth?' },
      { question: 'How much is Growth?' },
    ],
    ['only the rules heard a question', { question: 'price?' }, {}, { question: 'price?' }],
    ['the model heard a refusal', {}, { declined: true }, { declined: true }],
  ] as const)('when %s, then the merged signals say so', (_, rules, llm, expected) => {
    expect(mergeExtractions(ex([], rules), ex([], llm), 'budget').signals).toMatchObject(expected);
  });

  it('when the rules hear a refusal but the model found the asked value, then it is no refusal', () => {
    const merged = mergeExtractions(
      ex([], { declined: true }),
      ex([['budget.amount', 20000]]),
      'budget',
    );
    expect(merged.signals.declined).toBe(false);
  });

  it('when the rules hear a refusal and nothing fills the asked slot, then it is a refusal', () => {
    const merged = mergeExtractions(
      ex([], { declined: true }),
      ex([['need.summary', 'slow triage']]),
      'budget',
    );
    expect(merged.signals.declined).toBe(true);
  });
});

describe('the merge decided by evidence', () => {
  const said = (path: FieldPath, value: unknown, evidence: string): Candidate => {
    const c = candidate(path, value, evidence);
    if (c === null) throw new Error(`invalid ${path}`);
    return c;
  };
  const of = (...candidates: Candidate[]): Extraction => ({ candidates, signals: NO_SIGNALS });

  it.each<[string, Candidate[], Candidate[], Record<string, unknown>]>([
    [
      'the rules read the bare digits of "₹2.5L": the model\'s 250,000 wins, the named INR stays',
      [
        said('budget.amount', 2.5, '₹2.5L a month'),
        said('budget.currency', 'INR', '₹2.5L a month'),
        said('budget.period', 'monthly', '₹2.5L a month'),
      ],
      [
        said('budget.amount', 250000, '₹2.5L a month'),
        said('budget.currency', 'USD', '₹2.5L a month'),
      ],
      { 'budget.amount': 250000, 'budget.currency': 'INR', 'budget.period': 'monthly' },
    ],
    [
      'the visitor named a currency the rules took from the region',
      [said('budget.amount', 40000, '40k zloty'), said('budget.currency', 'USD', '40k zloty')],
      [said('budget.amount', 40000, '40k zloty'), said('budget.currency', 'PLN', 'zloty')],
      { 'budget.amount': 40000, 'budget.currency': 'PLN' },
    ],
    [
      'the rules read an amount its words do not write and the model read none',
      [said('budget.amount', 1000000, 'a big budget')],
      [],
      {},
    ],
    [
      'the rules read a timeline from an answer about the need and the model read none',
      [said('timeline.bucket', 'immediate', 'it gets too busy in summer')],
      [],
      {},
    ],
  ])('when %s', (_, rules, llm, expected) => {
    expect(valuesOf(mergeExtractions(of(...rules), of(...llm), 'need'))).toEqual(expected);
  });

  it('when they disagree, then each decision is reported with its winner', () => {
    const decisions: unknown[] = [];
    mergeExtractions(
      of(said('company.size', 300, 'About 300 people, wait, the US company is 180')),
      of(said('company.size', 180, 'the US company is 180')),
      'company',
      (d) => decisions.push(d),
    );
    expect(decisions).toEqual([{ path: 'company.size', rules: 300, llm: 180, winner: 'llm' }]);
  });
});
