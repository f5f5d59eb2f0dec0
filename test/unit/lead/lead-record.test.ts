import { describe, expect, it } from 'vitest';
import { candidate } from '../../../src/lead/field-paths.js';
import { applyCandidates, leadValues, LeadSchema } from '../../../src/lead/lead-record.js';

const at = '2026-03-03T15:00:00.000Z';

describe('field values', () => {
  it.each([
    ['contact.email', 'Dana.Lee@Acme.EXAMPLE', 'dana.lee@acme.example'],
    ['contact.phone', '+14045550163', '+14045550163'],
    ['company.size', 120, 120],
    ['budget.currency', 'EUR', 'EUR'],
    ['timeline.targetDate', '2026-06-30', '2026-06-30'],
  ] as const)('when %s is %j, then it is stored as %j', (path, value, stored) => {
    expect(candidate(path, value, 'words')?.value).toBe(stored);
  });

  it.each([
    ['contact.email', 'not an email'],
    ['contact.phone', '404-555-0163'],
    ['company.size', -3],
    ['company.size', 12.5],
    ['budget.currency', 'euros'],
    ['authority.level', 'boss'],
    ['timeline.bucket', 'soonish'],
    ['timeline.targetDate', 'June'],
  ] as const)('when %s is %j, then it is refused', (path, value) => {
    expect(candidate(path, value, 'words')).toBeNull();
  });
});

describe('applying what the visitor said', () => {
  const first = applyCandidates({}, [candidate('budget.amount', 800, 'maybe $800 a month')!], {
    source: 'rules',
    messageId: 'm1',
    at,
  });

  it('when a field is new, then it keeps its source, message, time and the evidence', () => {
    expect(first.changed).toEqual(['budget.amount']);
    expect(first.lead['budget.amount']).toEqual({
      value: 800,
      source: 'rules',
      messageId: 'm1',
      at,
      evidence: 'maybe $800 a month',
      history: [],
    });
  });

  it('when the visitor corrects a value, then the new one wins and the old one moves to history', () => {
    const second = applyCandidates(
      first.lead,
      [candidate('budget.amount', 2000, 'make that $2,000')!],
      { source: 'llm', messageId: 'm2', at },
    );
    expect(second.lead['budget.amount']).toMatchObject({
      value: 2000,
      source: 'llm',
      messageId: 'm2',
      history: [{ value: 800, messageId: 'm1', evidence: 'maybe $800 a month' }],
    });
  });

  it('when the same value is said again, then nothing changes', () => {
    const again = applyCandidates(first.lead, [candidate('budget.amount', 800, 'again 800')!], {
      source: 'rules',
      messageId: 'm3',
      at,
    });
    expect(again.changed).toEqual([]);
    expect(again.lead).toEqual(first.lead);
  });

  it('when the record is read as values, then every path is present and unknown ones are null', () => {
    const v = leadValues(first.lead);
    expect(v.budget).toMatchObject({ amount: 800, currency: null });
    expect(v.contact).toEqual({ name: null, email: null, phone: null });
  });

  it('when a stored record holds an unknown path or a bad value, then validation names it', () => {
    const bad = LeadSchema.safeParse({
      'budget.amount': { ...first.lead['budget.amount'], value: 'lots' },
      'x.y': first.lead['budget.amount'],
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.'))).toEqual(
      expect.arrayContaining(['budget.amount', 'x.y']),
    );
  });
});
