import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/analytics/build-report.js';
import { seed } from './report-data.js';

const PERIOD = { from: '2026-01-05', to: '2026-01-06', timezone: 'America/New_York' };
const NOW = new Date('2026-01-10T00:00:00.000Z');
const ZERO = { asked: 0, answered: 0, reaskedNotUnderstood: 0, refused: 0, abandoned: 0 };

describe('the analytics report on a seeded data set', () => {
  it('gives every figure known by construction', () => {
    expect(buildReport(seed(), { ...PERIOD, now: NOW })).toEqual({
      from: '2026-01-05',
      to: '2026-01-06',
      timezone: 'America/New_York',
      funnel: { conversations: 6, engaged: 5, lead: 3, mql: 3, sql: 2, booked: 3, canceled: 1 },
      questions: {
        need: { ...ZERO, asked: 4, answered: 3, abandoned: 1, medianSecondsToAnswer: 20 },
        authority: {
          ...ZERO,
          asked: 3,
          answered: 1,
          refused: 1,
          abandoned: 1,
          medianSecondsToAnswer: 30,
        },
        company: {
          asked: 2,
          answered: 1,
          reaskedNotUnderstood: 1,
          refused: 0,
          abandoned: 1,
          medianSecondsToAnswer: 10,
        },
        budget: {
          ...ZERO,
          asked: 1,
          answered: 1,
          reaskedNotUnderstood: 1,
          medianSecondsToAnswer: 40,
        },
        timeline: { ...ZERO, asked: 1, refused: 1, medianSecondsToAnswer: null },
        contact: { ...ZERO, asked: 3, answered: 3, medianSecondsToAnswer: 30 },
        booking: { ...ZERO, asked: 1, answered: 1, medianSecondsToAnswer: 10 },
      },
      sources: [
        {
          source: 'google',
          medium: 'cpc',
          campaign: 'winter',
          referrer: 'google.com',
          landingPage: '/pricing',
          ...{ conversations: 2, engaged: 2, lead: 1, mql: 1, sql: 1, booked: 1 },
          medianSecondsToLead: 95,
        },
        {
          source: 'linkedin',
          medium: null,
          campaign: null,
          referrer: null,
          landingPage: null,
          ...{ conversations: 1, engaged: 1, lead: 0, mql: 0, sql: 0, booked: 0 },
          medianSecondsToLead: null,
        },
        {
          source: 'newsletter',
          medium: 'email',
          campaign: null,
          referrer: null,
          landingPage: '/blog/post',
          ...{ conversations: 1, engaged: 1, lead: 1, mql: 1, sql: 0, booked: 1 },
          medianSecondsToLead: 60,
        },
        {
          source: null,
          medium: null,
          campaign: null,
          referrer: 'news.ycombinator.com',
          landingPage: null,
          ...{ conversations: 1, engaged: 1, lead: 1, mql: 1, sql: 1, booked: 1 },
          medianSecondsToLead: null,
        },
        {
          source: null,
          medium: null,
          campaign: null,
          referrer: null,
          landingPage: '/pricing',
          ...{ conversations: 1, engaged: 0, lead: 0, mql: 0, sql: 0, booked: 0 },
          medianSecondsToLead: null,
        },
      ],
      speedToLead: { count: 2, medianSeconds: 77.5 },
      // B's one and C's two; the conversation outside the period is not counted.
      llmFallbacks: { turns: 3, conversations: 2 },
    });
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
