import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/analytics/build-report.js';
import { SEED_REPORT, seed } from './report-data.js';

const PERIOD = { from: '2026-01-05', to: '2026-01-06', timezone: 'America/New_York' };
const NOW = new Date('2026-01-10T00:00:00.000Z');

describe('the analytics report on a seeded data set', () => {
  it('gives every figure known by construction', () => {
    expect(buildReport(seed(), { ...PERIOD, now: NOW })).toEqual(SEED_REPORT);
  });

  it('counts a stage from the time it was reached: read later, F is a lead too', () => {
    const later = buildReport(seed(), { ...PERIOD, now: new Date('2026-02-01T00:00:00.000Z') });
    expect(later.funnel).toEqual({
      conversations: 6,
      engaged: 5,
      lead: 4,
      mql: 3,
      sql: 2,
      booked: 3,
      canceled: 1,
    });
  });

  it('gives the same report for the same conversations in any order', () => {
    const once = buildReport(seed(), { ...PERIOD, now: NOW });
    expect(buildReport(seed().reverse(), { ...PERIOD, now: NOW })).toEqual(once);
  });

  it.each([
    [{ from: '2026-1-5' }, '--from "2026-1-5" must be a date as YYYY-MM-DD'],
    [{ to: '2026-02-30' }, '--to "2026-02-30" is not a day of the calendar'],
    [{ from: '2026-01-07' }, '--from 2026-01-07 is after --to 2026-01-06'],
    [{ timezone: 'Mars/Olympus' }, 'unknown time zone "Mars/Olympus"'],
  ])('refuses a bad period %o with a clear message', (bad, message) => {
    expect(() => buildReport(seed(), { ...PERIOD, ...bad, now: NOW })).toThrow(message);
  });
});
