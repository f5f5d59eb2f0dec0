import { describe, expect, it } from 'vitest';
import { candidate, type Candidate, type FieldPath } from '../../../src/lead/field-paths.js';
import { applyCandidates, leadValues, type Lead } from '../../../src/lead/lead-record.js';

const said = (values: Partial<Record<FieldPath, unknown>>): Candidate[] =>
  Object.entries(values)
    .map(([path, value]) => candidate(path as FieldPath, value, `quote for ${path}`))
    .filter((c): c is Candidate => c !== null);

function after(...messages: Partial<Record<FieldPath, unknown>>[]) {
  let lead: Lead = {};
  let changed: FieldPath[] = [];
  messages.forEach((m, i) => {
    ({ lead, changed } = applyCandidates(lead, said(m), {
      source: 'rules',
      messageId: `m${i}`,
      at: '2026-03-03T15:00:00.000Z',
    }));
  });
  return { values: leadValues(lead), changed };
}

const AMOUNT = {
  'budget.amount': 30000,
  'budget.currency': 'USD',
  'budget.period': 'yearly',
  'budget.status': 'stated',
};

describe('a statement that there is none, after details', () => {
  it.each<[string, Partial<Record<FieldPath, unknown>>[], Record<string, unknown>]>([
    [
      'no budget after an amount',
      [AMOUNT, { 'budget.status': 'none' }],
      { budget: { amount: null, currency: null, period: null, status: 'none' } },
    ],
    [
      'an amount after no budget',
      [{ 'budget.status': 'none' }, AMOUNT],
      { budget: { amount: 30000, currency: 'USD', period: 'yearly', status: 'stated' } },
    ],
    [
      'no budget and an amount in one message',
      [{}, { 'budget.status': 'none', 'budget.amount': 5000 }],
      { budget: { amount: 5000, currency: null, period: null, status: 'none' } },
    ],
    [
      'no plan after a date',
      [
        { 'timeline.targetDate': '2026-06-30', 'timeline.bucket': 'quarter' },
        { 'timeline.bucket': 'none' },
      ],
      { timeline: { targetDate: null, bucket: 'none' } },
    ],
  ])(
    'when the visitor says %s, then the record reads the later statement',
    (_, messages, expected) => {
      expect(after(...messages).values).toMatchObject(expected);
    },
  );

  it('when an amount is withdrawn, then the withdrawn fields count as changed (a followed-up lead sends lead.updated)', () => {
    expect(after(AMOUNT, { 'budget.status': 'none' }).changed).toEqual([
      'budget.status',
      'budget.amount',
      'budget.currency',
      'budget.period',
    ]);
  });
});
