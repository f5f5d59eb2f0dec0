import { describe, expect, it } from 'vitest';
import { timelineRule } from '../../../src/extract/rules/timeline-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { itReadsTargets, timelineContext, timelineOf, type TargetCase } from './timeline-of.js';

// A Tuesday; Sep 15 in every zone used here.
const NOW = '2026-09-15T15:00:00Z';
const CHICAGO = 'America/Chicago';
const DUBLIN = 'Europe/Dublin';
const PERTH = 'Australia/Perth';

const ctx = (expecting: Slot | null, tz = CHICAGO, now = NOW) =>
  timelineContext(expecting, tz, now);
const fields = timelineOf;

describe('timelineRule, "not urgent" is never as soon as possible', () => {
  it.each([
    ["Not urgent at all, there's no fixed date."],
    ["It's not that urgent, no deadline yet."],
    ['Non-urgent, honestly.'],
    ['Not super urgent.'],
    ['Nothing urgent.'],
  ])('when the visitor answers "%s", then the bucket is none', (text) => {
    expect(fields(text, ctx('timeline'))).toEqual({ 'timeline.bucket': 'none' });
  });

  itReadsTargets(
    [
      // "not urgent" with a time: that time is the target
      ['Not urgent. Ideally before the spring.', '2027-03-01', 'half', { tz: DUBLIN }],
      ['Not urgent, maybe late 2027 once the new office opens.', '2027-12-31', 'later'],
      ['Nothing urgent. Sometime in Q1.', '2027-01-01', 'half'],
      ["We don't need it immediately, maybe in 3 months.", '2026-12-14', 'quarter'],
      // urgent is still immediate
      ['Pretty urgent, to be honest.', '2026-09-15', 'immediate'],
    ],
    ctx,
  );

  it.each([
    ["It's not urgent, but I'd like to see how it works.", 'need'],
    ["We don't need it immediately.", 'timeline'],
  ] as const)(
    'when "%s" negates urgency and names no time, then the bucket is not immediate',
    (text, expecting) => {
      expect(fields(text, ctx(expecting))['timeline.bucket']).toBeUndefined();
    },
  );
});

describe('timelineRule, a year on its own', () => {
  const cases: TargetCase[] = [
    ['Probably 2028.', '2028-07-01', 'later'],
    ['2027, realistically.', '2027-07-01', 'year'],
    ['sometime in 2028', '2028-07-01', 'later', { tz: PERTH }],
    ['Maybe 2026 still.', '2026-12-31', 'half'],
    ['We plan to switch in 2027.', '2027-07-01', 'year', { expecting: null }],
  ];
  itReadsTargets(cases, ctx);

  it.each([
    ['We were founded 2015.', 'timeline'],
    ['We had 2024 enquiries last year.', 'timeline'],
    ['Probably 2028.', 'need'],
    ['Our 2027 catalogue is out.', 'company'],
  ] as const)('when "%s" is no answer about when, then no timeline is taken', (text, expecting) => {
    expect(timelineRule(text, ctx(expecting))).toEqual({ candidates: [] });
  });
});

describe('timelineRule, "the holidays" with no holiday named', () => {
  const cases: TargetCase[] = [
    ['before the holidays', '2026-12-24', 'half'],
    ['By the holiday season, ideally.', '2026-12-24', 'half', { tz: DUBLIN }],
    [
      'We want it live before the festive season.',
      '2026-12-24',
      'half',
      { tz: PERTH, expecting: null },
    ],
    ['over the Christmas holidays', '2026-12-24', 'half'],
    ['before the end-of-year holidays', '2026-12-24', 'half', { tz: DUBLIN }],
    ['after the holidays', '2027-01-02', 'half'],
    ['Once the holidays are over.', '2027-01-02', 'half', { tz: DUBLIN }],
    ['In the new year, probably March.', '2027-03-01', 'half', { tz: DUBLIN }],
  ];
  itReadsTargets(cases, ctx);

  it('when the holidays are over the turn of the year, then "after the holidays" is early January next year', () => {
    expect(fields('after the holidays', ctx('timeline', CHICAGO, '2026-12-28T15:00:00Z'))).toEqual({
      'timeline.targetDate': '2027-01-02',
      'timeline.bucket': 'immediate',
    });
  });

  it.each([
    ['before the summer holidays', DUBLIN, '2027-06-01'],
    // The day after Easter Sunday 2027 (March 28), not January.
    ['after the Easter holidays', DUBLIN, '2027-03-29'],
  ])('when "%s" names other holidays, then they are not the end-of-year ones', (text, tz, date) => {
    expect(fields(text, ctx('timeline', tz))['timeline.targetDate']).toBe(date);
  });

  it.each([
    ['Our busiest weeks are right before the holidays.'],
    ['We want the bot live to cover chats during the holidays.'],
  ])('when the holidays in "%s" are part of their trade, then no timeline is taken', (text) => {
    expect(timelineRule(text, ctx('need'))).toEqual({ candidates: [] });
  });
});
