import { describe, expect, it } from 'vitest';
import { bucketFor } from '../../../src/extract/rules/timeline-bucket.js';
import type { Slot } from '../../../src/lead/slots.js';
import { itReadsTargets, timelineContext, timelineOf, type TargetCase } from './timeline-of.js';

// A Tuesday. Local dates: Mar 10 in New York, London, Berlin and Kolkata; already Mar 11 in Sydney.
const NOW = '2026-03-10T15:00:00Z';
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const SYDNEY = 'Australia/Sydney';

const ctx = (expecting: Slot | null, tz = NY, now = NOW, fiscalYearEndMonth = 12) =>
  timelineContext(expecting, tz, now, fiscalYearEndMonth);
const fields = timelineOf;

describe('timelineRule, dated answers', () => {
  const cases: TargetCase[] = [
    // absolute and relative dates (chrono-node)
    ['We want to go live by March 20.', '2026-03-20', 'immediate', { expecting: null }],
    ['We would like to launch by November 1st.', '2026-11-01', 'year', { expecting: null }],
    ['by Friday', '2026-03-13', 'immediate'],
    ['tomorrow', '2026-03-12', 'immediate', { tz: SYDNEY }],
    ['15/04/2026', '2026-04-15', 'quarter', { tz: LONDON }],
    // named holidays (now: Tue Mar 10, 2026)
    ['By Labor Day.', '2026-09-07', 'year'],
    ['before Easter', '2026-04-05', 'immediate'],
    ['by the 4th of July', '2026-07-04', 'half'],
    ['before Memorial Day weekend', '2026-05-25', 'quarter'],
    ['live before Cyber Monday', '2026-11-30', 'year'],
    // a lower bound, then the date itself
    ['Not this year. Realistically not before 2028.', '2028-01-01', 'later'],
    ["Not this year, we're slammed. Probably March.", '2027-03-01', 'year', { tz: LONDON }],
    ['not before 2027', '2027-01-01', 'year'],
    // durations, vague counts and ranges (upper end)
    ['in 3 weeks', '2026-03-31', 'immediate'],
    ['In about four months.', '2026-07-08', 'half'],
    ['about 10 weeks', '2026-05-19', 'quarter'],
    ['a few weeks', '2026-03-31', 'immediate'],
    ['Within 6 to 8 weeks.', '2026-05-05', 'quarter'],
    ['Like I said, within 60 days.', '2026-05-09', 'quarter'],
    ['Two weeks, ideally.', '2026-03-24', 'immediate'],
    ['within the next 2 months', '2026-05-09', 'quarter', { tz: BERLIN }],
    ['next couple of months ideally', '2026-05-09', 'quarter'],
    ['in a month or two', '2026-05-09', 'quarter'],
    // A month of a duration is 30 days: three months is a quarter whatever the calendar.
    ['three months from now', '2026-06-08', 'quarter', { tz: KOLKATA }],
    ['over the next 18 months', '2027-09-01', 'later'],
    ['within a year', '2027-03-05', 'year'],
    ['The showroom opens in about 10 weeks.', '2026-05-19', 'quarter', { tz: LONDON }],
    // month names with modifiers; a month already past is next year's
    ['Early April.', '2026-04-05', 'immediate'],
    ['By mid-December.', '2026-12-15', 'year', { tz: LONDON }],
    ['late September', '2026-09-30', 'year', { tz: BERLIN }],
    ['End of April at the latest.', '2026-04-30', 'quarter', { tz: LONDON }],
    ['Decision by the end of May.', '2026-05-31', 'quarter', { tz: BERLIN }],
    ['June', '2026-06-01', 'quarter'],
    ['Probably February.', '2027-02-01', 'year'],
    ['Early next year, probably January or February.', '2027-01-01', 'year'],
    ['we may start in May', '2026-05-01', 'quarter', { expecting: null }],
    // years and quarters
    ['Early next year.', '2027-01-15', 'year'],
    ['Sometime next year.', '2027-07-01', 'later'],
    ['in 2027', '2027-07-01', 'later'],
    ['first half of next year', '2027-01-01', 'year'],
    ['H2', '2026-07-01', 'half', { tz: BERLIN }],
    ['Not for another 6 months.', '2026-09-06', 'half', { tz: KOLKATA }],
    ['By the end of Q2.', '2026-06-30', 'half', { tz: LONDON }],
    [
      'Our platform launch is planned for Q2 2027.',
      '2027-04-01',
      'later',
      { tz: KOLKATA, expecting: null },
    ],
    ['In Q3.', '2026-07-01', 'half'],
    ['Q3 or Q4', '2026-07-01', 'half'],
    ['next quarter', '2026-06-30', 'half'],
    ['this quarter', '2026-03-31', 'immediate'],
    ['Before the end of the year.', '2026-12-31', 'year'],
    ['this year', '2026-12-31', 'year'],
    // seasons by hemisphere, holidays
    ['Before summer.', '2026-06-01', 'quarter', { tz: LONDON }],
    ['Before summer.', '2026-12-01', 'year', { tz: SYDNEY }],
    ['by winter', '2026-06-01', 'quarter', { tz: SYDNEY }],
    ['after the summer holidays', '2026-09-01', 'half', { tz: BERLIN }],
    ['we want it live before christmas', '2026-12-25', 'year', { tz: BERLIN, expecting: null }],
    ['Probably January, once the new year starts.', '2027-01-01', 'year', { tz: LONDON }],
    // this week / month, and as soon as possible
    ['This week.', '2026-03-15', 'immediate'],
    ['this month', '2026-03-31', 'immediate'],
    ['next month', '2026-04-01', 'immediate'],
    ['end of next month', '2026-04-30', 'quarter'],
    ['the week after next', '2026-03-23', 'immediate'],
    ['ASAP', '2026-03-10', 'immediate'],
    ['as soon as possible please', '2026-03-10', 'immediate', { tz: KOLKATA }],
    ['Right away.', '2026-03-10', 'immediate'],
    ['Honestly it is urgent.', '2026-03-10', 'immediate'],
    ['yesterday!', '2026-03-11', 'immediate', { tz: SYDNEY }],
    ['We needed it yesterday.', '2026-03-10', 'immediate', { expecting: null }],
    [
      'I can spend about $99 a month and I want it set up this week.',
      '2026-03-15',
      'immediate',
      { expecting: null },
    ],
  ];

  itReadsTargets(cases, ctx);

  it.each([
    [6, '2026-06-30', 'half'],
    [3, '2026-03-31', 'immediate'],
    [12, '2026-12-31', 'year'],
  ])(
    'when the fiscal year ends in month %d, then "end of the financial year" is %s',
    (month, date, bucket) => {
      expect(
        fields('By the end of the financial year.', ctx('timeline', SYDNEY, NOW, month)),
      ).toEqual({ 'timeline.targetDate': date, 'timeline.bucket': bucket });
    },
  );

  it.each([
    [NY, '2026-03-31'],
    [LONDON, '2026-04-30'],
    [BERLIN, '2026-04-30'],
    [KOLKATA, '2026-04-30'],
    [SYDNEY, '2026-04-30'],
  ])('when it is already April in %s but not in UTC, then "this month" ends on %s', (tz, date) => {
    expect(
      fields('this month', ctx('timeline', tz, '2026-03-31T23:30:00Z'))['timeline.targetDate'],
    ).toBe(date);
  });
});

describe('bucketFor', () => {
  it.each([
    ['2026-03-01', 'immediate'],
    ['2026-03-10', 'immediate'],
    ['2026-04-09', 'immediate'],
    ['2026-04-10', 'quarter'],
    ['2026-06-08', 'quarter'],
    ['2026-06-09', 'half'],
    ['2026-09-06', 'half'],
    ['2026-09-07', 'year'],
    ['2027-03-10', 'year'],
    ['2027-03-11', 'later'],
  ])(
    'when the target is %s, seen on 2026-03-10 in New York, then the bucket is %s',
    (date, bucket) => {
      expect(bucketFor(date, new Date(NOW), NY)).toBe(bucket);
    },
  );

  it('when the visitor is already a day ahead, then the same target is a day closer', () => {
    expect(bucketFor('2026-04-10', new Date(NOW), NY)).toBe('quarter');
    expect(bucketFor('2026-04-10', new Date(NOW), SYDNEY)).toBe('immediate');
  });

  it('when the target is not an ISO date, then it refuses it by name', () => {
    expect(() => bucketFor('next June', new Date(NOW), NY)).toThrow(/next June/);
  });
});

describe('timelineRule, a month with its year', () => {
  const cases: TargetCase[] = [
    ['Go-live is pencilled in for April next year.', '2027-04-01', 'later', { expecting: null }],
    ['We aim for February of next year.', '2027-02-01', 'year', { expecting: null }],
    ['Sometime in June this year.', '2026-06-01', 'quarter'],
    ["Sept '27", '2027-09-01', 'later', { tz: LONDON }],
    ['Next year, around May.', '2027-05-01', 'later'],
    ['Next year in March.', '2027-03-01', 'year'],
    ['Q1 next year', '2027-01-01', 'year'],
    ['summer next year', '2027-06-01', 'later', { tz: LONDON }],
    // unchanged: "next year" alone, and "may" the verb
    ['We may look again next year.', '2027-07-01', 'later'],
  ];
  itReadsTargets(cases, ctx);
});
