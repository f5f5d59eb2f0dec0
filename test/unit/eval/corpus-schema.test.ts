import { describe, expect, it } from 'vitest';
import { CorpusError, parseCorpus } from '../../../src/eval/corpus-schema.js';
import { fieldMatches, keywordsMatch } from '../../../src/eval/compare-field.js';

const good = JSON.stringify({
  id: 'a',
  now: '2026-03-02T15:00:00Z',
  visitor: { timezone: 'Europe/London', locale: 'en-GB', page: null, referrer: null, utm: null },
  opening: 'hi',
  answers: { budget: '10k' },
  expected: { 'budget.amount': 10000 },
});

describe('reading a corpus file', () => {
  it('when every line is a valid item, then all are read and blank lines are skipped', () => {
    expect(parseCorpus(`${good}\n\n${good}\n`)).toHaveLength(2);
  });

  it.each([
    ['not JSON', `${good}\n{oops`, 2, /not valid JSON/],
    [
      'a missing opening',
      `${good}\n${good}\n${JSON.stringify({ ...JSON.parse(good), opening: undefined })}`,
      3,
      /opening/,
    ],
    [
      'an unknown slot in answers',
      JSON.stringify({ ...JSON.parse(good), answers: { budgte: 'x' } }),
      1,
      /budgte|Unrecognized/,
    ],
    ['an invalid clock', JSON.stringify({ ...JSON.parse(good), now: 'yesterday' }), 1, /now/],
  ])('when a line has %s, then the error names that line', (_name, text, line, message) => {
    try {
      parseCorpus(text);
      expect.unreachable('should have thrown');
    } catch (e) {
      expect(e).toBeInstanceOf(CorpusError);
      expect((e as CorpusError).line).toBe(line);
      expect((e as Error).message).toMatch(message);
    }
  });
});

describe('how a field counts as correct', () => {
  it.each([
    ['contact.name', 'José Ramírez', 'jose ramirez', false],
    ['contact.name', "Siobhan O'Connell", 'siobhan oconnell', true],
    ['company.name', 'Brandl & Söhne', 'brandl söhne', true],
    ['contact.email', 'A@B.example', 'a@b.example', true],
    ['contact.phone', '+14045550163', '+14045550163', true],
    ['authority.role', 'VP of Sales', "I'm the VP of Sales", true],
    ['authority.role', 'owner', 'CFO', false],
    ['company.size', 120, 130, true],
    ['company.size', 120, 140, false],
    ['budget.amount', 30000, 30200, true],
    ['budget.amount', 30000, 31000, false],
    ['timeline.bucket', 'quarter', 'quarter', true],
    ['intent.demo', false, false, true],
    ['company.name', null, null, true],
    ['company.name', null, 'Acme', false],
  ])('%s expected %j, got %j: %s', (path, expected, actual, ok) => {
    expect(fieldMatches(path, expected, actual)).toBe(ok);
  });

  it('when the need summary contains one of the keywords, then need.keywords is met', () => {
    expect(keywordsMatch(['Inbound', 'demo'], 'Our inbound requests pile up')).toBe(true);
    expect(keywordsMatch(['pricing'], 'Our inbound requests pile up')).toBe(false);
    expect(keywordsMatch(null, undefined)).toBe(true);
  });
});
