import { describe, expect, it } from 'vitest';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import { timelineRule } from '../../../src/extract/rules/timeline-rule.js';
import type { Slot } from '../../../src/lead/slots.js';

// A Tuesday; Sep 15 in every zone used here.
const NOW = '2026-09-15T15:00:00Z';
const CHICAGO = 'America/Chicago';
const DUBLIN = 'Europe/Dublin';
const PERTH = 'Australia/Perth';

function ctx(expecting: Slot | null, timezone = CHICAGO, now = NOW): RuleContext {
  return {
    expecting,
    visitor: {
      timezone,
      locale: timezone === CHICAGO ? 'en-US' : 'en-GB',
      page: null,
      referrer: null,
      utm: null,
    },
    now: new Date(now),
    region: undefined,
    defaultCurrency: 'USD',
    fiscalYearEndMonth: 12,
  };
}

function fields(text: string, c: RuleContext): Record<string, unknown> {
  return Object.fromEntries(timelineRule(text, c).candidates.map((x) => [x.path, x.value]));
}

type Case = { text: string; expecting?: Slot | null; tz?: string; date: string; bucket: string };

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

  it.each([
    {
      text: 'Not urgent. Ideally before the spring.',
      tz: DUBLIN,
      date: '2027-03-01',
      bucket: 'half',
    },
    {
      text: 'Not urgent, maybe late 2027 once the new office opens.',
      date: '2027-12-31',
      bucket: 'later',
    },
    { text: 'Nothing urgent. Sometime in Q1.', date: '2027-01-01', bucket: 'half' },
    {
      text: "We don't need it immediately, maybe in 3 months.",
      date: '2026-12-14',
      bucket: 'quarter',
    },
  ])(
    'when "not urgent" comes with a time ($text), then that time is the target ($date)',
    ({ text, tz, date, bucket }) => {
      expect(fields(text, ctx('timeline', tz ?? CHICAGO))).toEqual({
        'timeline.targetDate': date,
        'timeline.bucket': bucket,
      });
    },
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

  it('when the visitor says it is urgent, then it is still immediate', () => {
    expect(fields('Pretty urgent, to be honest.', ctx('timeline'))).toEqual({
      'timeline.targetDate': '2026-09-15',
      'timeline.bucket': 'immediate',
    });
  });
});

describe('timelineRule, a year on its own', () => {
  const cases: Case[] = [
    { text: 'Probably 2028.', date: '2028-07-01', bucket: 'later' },
    { text: '2027, realistically.', date: '2027-07-01', bucket: 'year' },
    { text: 'sometime in 2028', tz: PERTH, date: '2028-07-01', bucket: 'later' },
    { text: 'Maybe 2026 still.', date: '2026-12-31', bucket: 'half' },
    { text: 'We plan to switch in 2027.', expecting: null, date: '2027-07-01', bucket: 'year' },
  ];
  it.each(cases)(
    'when the visitor says $text, then the target is $date ($bucket)',
    ({ text, expecting, tz, date, bucket }) => {
      expect(
        fields(text, ctx(expecting === undefined ? 'timeline' : expecting, tz ?? CHICAGO)),
      ).toEqual({ 'timeline.targetDate': date, 'timeline.bucket': bucket });
    },
  );

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
  const cases: Case[] = [
    { text: 'before the holidays', date: '2026-12-24', bucket: 'half' },
    { text: 'By the holiday season, ideally.', tz: DUBLIN, date: '2026-12-24', bucket: 'half' },
    {
      text: 'We want it live before the festive season.',
      expecting: null,
      tz: PERTH,
      date: '2026-12-24',
      bucket: 'half',
    },
    { text: 'over the Christmas holidays', date: '2026-12-24', bucket: 'half' },
    { text: 'before the end-of-year holidays', tz: DUBLIN, date: '2026-12-24', bucket: 'half' },
    { text: 'after the holidays', date: '2027-01-02', bucket: 'half' },
    { text: 'Once the holidays are over.', tz: DUBLIN, date: '2027-01-02', bucket: 'half' },
    { text: 'In the new year, probably March.', tz: DUBLIN, date: '2027-03-01', bucket: 'half' },
  ];
  it.each(cases)(
    'when the visitor says $text, then the target is $date ($bucket)',
    ({ text, expecting, tz, date, bucket }) => {
      expect(
        fields(text, ctx(expecting === undefined ? 'timeline' : expecting, tz ?? CHICAGO)),
      ).toEqual({ 'timeline.targetDate': date, 'timeline.bucket': bucket });
    },
  );

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
