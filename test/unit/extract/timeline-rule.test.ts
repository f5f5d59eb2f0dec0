import { describe, expect, it } from 'vitest';
import type { RuleContext } from '../../../src/extract/rules/rule-context.js';
import { bucketFor } from '../../../src/extract/rules/timeline-bucket.js';
import { timelineRule } from '../../../src/extract/rules/timeline-rule.js';
import type { Slot } from '../../../src/lead/slots.js';

// A Tuesday. Local dates: Mar 10 in New York, London, Berlin and Kolkata; already Mar 11 in Sydney.
const NOW = '2026-03-10T15:00:00Z';
const NY = 'America/New_York';
const LONDON = 'Europe/London';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const SYDNEY = 'Australia/Sydney';

function ctx(
  expecting: Slot | null,
  timezone = NY,
  now = NOW,
  fiscalYearEndMonth = 12,
): RuleContext {
  return {
    expecting,
    visitor: {
      timezone,
      locale: timezone === NY ? 'en-US' : 'en-GB',
      page: null,
      referrer: null,
      utm: null,
    },
    now: new Date(now),
    region: undefined,
    defaultCurrency: 'USD',
    fiscalYearEndMonth,
  };
}

function fields(text: string, c: RuleContext): Record<string, unknown> {
  return Object.fromEntries(timelineRule(text, c).candidates.map((x) => [x.path, x.value]));
}

type Case = { text: string; expecting?: Slot | null; tz?: string; date: string; bucket: string };

describe('timelineRule, dated answers', () => {
  const cases: Case[] = [
    // absolute and relative dates (chrono-node)
    {
      text: 'We want to go live by March 20.',
      expecting: null,
      date: '2026-03-20',
      bucket: 'immediate',
    },
    {
      text: 'We would like to launch by November 1st.',
      expecting: null,
      date: '2026-11-01',
      bucket: 'year',
    },
    { text: 'by Friday', date: '2026-03-13', bucket: 'immediate' },
    { text: 'tomorrow', tz: SYDNEY, date: '2026-03-12', bucket: 'immediate' },
    { text: '15/04/2026', tz: LONDON, date: '2026-04-15', bucket: 'quarter' },
    // named holidays (now: Tue Mar 10, 2026)
    { text: 'By Labor Day.', date: '2026-09-07', bucket: 'year' },
    { text: 'before Easter', date: '2026-04-05', bucket: 'immediate' },
    { text: 'by the 4th of July', date: '2026-07-04', bucket: 'half' },
    { text: 'before Memorial Day weekend', date: '2026-05-25', bucket: 'quarter' },
    { text: 'live before Cyber Monday', date: '2026-11-30', bucket: 'year' },
    // a lower bound, then the date itself
    { text: 'Not this year. Realistically not before 2028.', date: '2028-01-01', bucket: 'later' },
    {
      text: "Not this year, we're slammed. Probably March.",
      tz: LONDON,
      date: '2027-03-01',
      bucket: 'year',
    },
    { text: 'not before 2027', date: '2027-01-01', bucket: 'year' },
    // durations, vague counts and ranges (upper end)
    { text: 'in 3 weeks', date: '2026-03-31', bucket: 'immediate' },
    { text: 'In about four months.', date: '2026-07-08', bucket: 'half' },
    { text: 'about 10 weeks', date: '2026-05-19', bucket: 'quarter' },
    { text: 'a few weeks', date: '2026-03-31', bucket: 'immediate' },
    { text: 'Within 6 to 8 weeks.', date: '2026-05-05', bucket: 'quarter' },
    { text: 'Like I said, within 60 days.', date: '2026-05-09', bucket: 'quarter' },
    { text: 'Two weeks, ideally.', date: '2026-03-24', bucket: 'immediate' },
    { text: 'within the next 2 months', tz: BERLIN, date: '2026-05-09', bucket: 'quarter' },
    { text: 'next couple of months ideally', date: '2026-05-09', bucket: 'quarter' },
    { text: 'in a month or two', date: '2026-05-09', bucket: 'quarter' },
    // A month of a duration is 30 days: three months is a quarter whatever the calendar.
    { text: 'three months from now', tz: KOLKATA, date: '2026-06-08', bucket: 'quarter' },
    { text: 'over the next 18 months', date: '2027-09-01', bucket: 'later' },
    { text: 'within a year', date: '2027-03-05', bucket: 'year' },
    {
      text: 'The showroom opens in about 10 weeks.',
      tz: LONDON,
      date: '2026-05-19',
      bucket: 'quarter',
    },
    // month names with modifiers; a month already past is next year's
    { text: 'Early April.', date: '2026-04-05', bucket: 'immediate' },
    { text: 'By mid-December.', tz: LONDON, date: '2026-12-15', bucket: 'year' },
    { text: 'late September', tz: BERLIN, date: '2026-09-30', bucket: 'year' },
    { text: 'End of April at the latest.', tz: LONDON, date: '2026-04-30', bucket: 'quarter' },
    { text: 'Decision by the end of May.', tz: BERLIN, date: '2026-05-31', bucket: 'quarter' },
    { text: 'June', date: '2026-06-01', bucket: 'quarter' },
    { text: 'Probably February.', date: '2027-02-01', bucket: 'year' },
    { text: 'Early next year, probably January or February.', date: '2027-01-01', bucket: 'year' },
    { text: 'we may start in May', expecting: null, date: '2026-05-01', bucket: 'quarter' },
    // years and quarters
    { text: 'Early next year.', date: '2027-01-15', bucket: 'year' },
    { text: 'Sometime next year.', date: '2027-07-01', bucket: 'later' },
    { text: 'in 2027', date: '2027-07-01', bucket: 'later' },
    { text: 'first half of next year', date: '2027-01-01', bucket: 'year' },
    { text: 'H2', tz: BERLIN, date: '2026-07-01', bucket: 'half' },
    { text: 'Not for another 6 months.', tz: KOLKATA, date: '2026-09-06', bucket: 'half' },
    { text: 'By the end of Q2.', tz: LONDON, date: '2026-06-30', bucket: 'half' },
    {
      text: 'Our platform launch is planned for Q2 2027.',
      expecting: null,
      tz: KOLKATA,
      date: '2027-04-01',
      bucket: 'later',
    },
    { text: 'In Q3.', date: '2026-07-01', bucket: 'half' },
    { text: 'Q3 or Q4', date: '2026-07-01', bucket: 'half' },
    { text: 'next quarter', date: '2026-06-30', bucket: 'half' },
    { text: 'this quarter', date: '2026-03-31', bucket: 'immediate' },
    { text: 'Before the end of the year.', date: '2026-12-31', bucket: 'year' },
    { text: 'this year', date: '2026-12-31', bucket: 'year' },
    // seasons by hemisphere, holidays
    { text: 'Before summer.', tz: LONDON, date: '2026-06-01', bucket: 'quarter' },
    { text: 'Before summer.', tz: SYDNEY, date: '2026-12-01', bucket: 'year' },
    { text: 'by winter', tz: SYDNEY, date: '2026-06-01', bucket: 'quarter' },
    { text: 'after the summer holidays', tz: BERLIN, date: '2026-09-01', bucket: 'half' },
    {
      text: 'we want it live before christmas',
      expecting: null,
      tz: BERLIN,
      date: '2026-12-25',
      bucket: 'year',
    },
    {
      text: 'Probably January, once the new year starts.',
      tz: LONDON,
      date: '2027-01-01',
      bucket: 'year',
    },
    // this week / month, and as soon as possible
    { text: 'This week.', date: '2026-03-15', bucket: 'immediate' },
    { text: 'this month', date: '2026-03-31', bucket: 'immediate' },
    { text: 'next month', date: '2026-04-01', bucket: 'immediate' },
    { text: 'end of next month', date: '2026-04-30', bucket: 'quarter' },
    { text: 'the week after next', date: '2026-03-23', bucket: 'immediate' },
    { text: 'ASAP', date: '2026-03-10', bucket: 'immediate' },
    { text: 'as soon as possible please', tz: KOLKATA, date: '2026-03-10', bucket: 'immediate' },
    { text: 'Right away.', date: '2026-03-10', bucket: 'immediate' },
    { text: 'Honestly it is urgent.', date: '2026-03-10', bucket: 'immediate' },
    { text: 'yesterday!', tz: SYDNEY, date: '2026-03-11', bucket: 'immediate' },
    { text: 'We needed it yesterday.', expecting: null, date: '2026-03-10', bucket: 'immediate' },
    {
      text: 'I can spend about $99 a month and I want it set up this week.',
      expecting: null,
      date: '2026-03-15',
      bucket: 'immediate',
    },
  ];

  const filled = cases.map((c) => ({ expecting: 'timeline' as Slot | null, tz: NY, ...c }));
  it.each(filled)(
    'when the visitor says $text ($tz), then the target is $date ($bucket)',
    ({ text, expecting, tz, date, bucket }) => {
      expect(fields(text, ctx(expecting, tz))).toEqual({
        'timeline.targetDate': date,
        'timeline.bucket': bucket,
      });
    },
  );

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

describe('timelineRule, corrections and alternatives', () => {
  it('when the visitor corrects the date, then the last one wins', () => {
    const text =
      'Before the end of the year. Actually, it has to wait for our budget round, so more like the end of February.';
    expect(fields(text, ctx('timeline', LONDON))).toEqual({
      'timeline.targetDate': '2027-02-28',
      'timeline.bucket': 'year',
    });
  });

  it('when a date follows "no rush", then the date wins', () => {
    expect(fields('No rush, but ideally by the end of June.', ctx('timeline'))).toEqual({
      'timeline.targetDate': '2026-06-30',
      'timeline.bucket': 'half',
    });
  });

  it('when a message also talks money, then only the timing clause counts and the evidence is its sentence', () => {
    const result = timelineRule(
      'We pilot in the next two weeks. Oh, and make that $2,000 a month.',
      ctx('timeline'),
    );
    expect(result.candidates).toEqual([
      {
        path: 'timeline.targetDate',
        value: '2026-03-24',
        evidence: 'We pilot in the next two weeks.',
      },
      { path: 'timeline.bucket', value: 'immediate', evidence: 'We pilot in the next two weeks.' },
    ]);
  });
});

describe('timelineRule, no plan', () => {
  it.each([
    ['No fixed timeline.', null],
    ['no rush', 'timeline'],
    ['There is no deadline.', null],
    ['not sure when', 'timeline'],
    ['someday', 'timeline'],
    ['no plans at all', 'timeline'],
    ['Honestly we are just looking around.', 'timeline'],
    ['no timeline, it is just research', 'timeline'],
    ['Just exploring for now.', 'timeline'],
  ] as const)(
    'when the visitor says "%s", then the bucket is none with no date',
    (text, expecting) => {
      expect(fields(text, ctx(expecting))).toEqual({ 'timeline.bucket': 'none' });
    },
  );
});

describe('timelineRule, not a timeline', () => {
  it.each([
    ['We handle about 4,000 enquiries a month.', null],
    ['We have been in business for 10 years.', null],
    ['We have been in business for 10 years.', 'timeline'],
    ['To be upfront, we have no budget for it this year.', null],
    ['We launched in January.', null],
    ['By Monday they have already booked with a competitor.', 'need'],
    ['Just looking around.', null],
    ['May I ask how pricing works?', 'timeline'],
    ['We can spend about $500 a month.', 'timeline'],
    ['We are open Mon-Fri.', null],
    ['We started in 2019.', null],
  ] as const)('when the visitor says "%s", then no timeline is taken', (text, expecting) => {
    expect(timelineRule(text, ctx(expecting))).toEqual({ candidates: [] });
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
  const cases: Case[] = [
    {
      text: 'Go-live is pencilled in for April next year.',
      expecting: null,
      date: '2027-04-01',
      bucket: 'later',
    },
    {
      text: 'We aim for February of next year.',
      expecting: null,
      date: '2027-02-01',
      bucket: 'year',
    },
    { text: 'Sometime in June this year.', date: '2026-06-01', bucket: 'quarter' },
    { text: "Sept '27", tz: LONDON, date: '2027-09-01', bucket: 'later' },
    { text: 'Next year, around May.', date: '2027-05-01', bucket: 'later' },
    { text: 'Next year in March.', date: '2027-03-01', bucket: 'year' },
    { text: 'Q1 next year', date: '2027-01-01', bucket: 'year' },
    { text: 'summer next year', tz: LONDON, date: '2027-06-01', bucket: 'later' },
    // unchanged: "next year" alone, and "may" the verb
    { text: 'We may look again next year.', date: '2027-07-01', bucket: 'later' },
  ];
  const filled = cases.map((c) => ({ expecting: 'timeline' as Slot | null, tz: NY, ...c }));
  it.each(filled)(
    'when the visitor says $text, then the target is $date ($bucket)',
    ({ text, expecting, tz, date, bucket }) => {
      expect(fields(text, ctx(expecting, tz))).toEqual({
        'timeline.targetDate': date,
        'timeline.bucket': bucket,
      });
    },
  );
});

describe('timelineRule, "end" and "mid" without "of", abbreviated months', () => {
  it.each([
    ['by end Oct', '2026-10-31', 'year'],
    ['end-June at the latest', '2026-06-30', 'half'],
    ['Live by end of Dec.', '2026-12-31', 'year'],
    ['mid Aug', '2026-08-15', 'half'],
    ['Mid-Jan.', '2027-01-15', 'year'],
    ['end Q3', '2026-09-30', 'year'],
  ])('when the visitor says "%s", then the target is %s (%s)', (text, date, bucket) => {
    expect(fields(text, ctx('timeline', LONDON))).toEqual({
      'timeline.targetDate': date,
      'timeline.bucket': bucket,
    });
  });

  it('when "end" is part of another word ("spend"), then it is no modifier', () => {
    expect(fields('We will spend March testing.', ctx('timeline', LONDON))).toEqual({
      'timeline.targetDate': '2026-03-10',
      'timeline.bucket': 'immediate',
    });
  });
});

describe('timelineRule, several times in one answer', () => {
  it.each([
    // with no correction, the first time said is the target
    ['Ideally by mid October, ahead of the year-end budget freeze.', '2026-10-15', 'year'],
    ['End of April, before the summer trade fair in July.', '2026-04-30', 'quarter'],
    ['Within 3 weeks; our conference is in August.', '2026-03-31', 'immediate'],
    ['Within 6 months, after our trade show in April.', '2026-09-06', 'half'],
    ['By the end of the year, with a pilot in October.', '2026-12-31', 'year'],
    ['Early May rather than late April.', '2026-05-05', 'quarter'],
    ['June instead of July.', '2026-06-01', 'quarter'],
    // a correction replaces it
    ['End of May. Sorry, end of June.', '2026-06-30', 'half'],
    ['Q3, or rather Q4.', '2026-10-01', 'year'],
    ['By April - no wait, by June.', '2026-06-01', 'quarter'],
    ['August. Scratch that, September.', '2026-09-01', 'half'],
    ['Mid-July, more like August really.', '2026-08-01', 'half'],
    ['May. No wait. July.', '2026-07-01', 'half'],
    // a restatement replaces it
    ['Before the new year, so by mid-December.', '2026-12-15', 'year'],
    ['Before the January intake, so realistically mid-December.', '2026-12-15', 'year'],
    // what they want beats the date of another event
    ['Our peak season starts in August, so we need it by June.', '2026-06-01', 'quarter'],
    [
      'The showroom opens in October; we would like to be live by the end of July.',
      '2026-07-31',
      'half',
    ],
    ['We want it by June, our trade fair is in September.', '2026-06-01', 'quarter'],
    // a narrower time inside a vague one refines it
    ['Early next year, say March.', '2027-03-01', 'year'],
    ['In Q3, probably August.', '2026-08-01', 'half'],
    ['Sometime in the autumn, ideally October.', '2026-10-01', 'year'],
    ['This week, ideally Thursday.', '2026-03-12', 'immediate'],
  ])('when the visitor says "%s", then the target is %s (%s)', (text, date, bucket) => {
    expect(fields(text, ctx('timeline', LONDON))).toEqual({
      'timeline.targetDate': date,
      'timeline.bucket': bucket,
    });
  });

  it('when an earlier sentence tells of the past, then its date is not the target', () => {
    expect(fields('We launched in January and want to go live by June.', ctx(null))).toEqual({
      'timeline.targetDate': '2026-06-01',
      'timeline.bucket': 'quarter',
    });
  });
});

describe('timelineRule, money words in an answer to the timeline question', () => {
  it.each([
    ['The grant must be used before the end of Q3.', '2026-09-30', 'year'],
    ['Our funding runs out in September, so we need it before then.', '2026-09-01', 'half'],
    ['Money is earmarked for a June launch.', '2026-06-01', 'quarter'],
    ['We have £5k to invest by the end of May.', '2026-05-31', 'quarter'],
  ])('when the visitor says "%s", then the target is %s (%s)', (text, date, bucket) => {
    expect(fields(text, ctx('timeline', LONDON))).toEqual({
      'timeline.targetDate': date,
      'timeline.bucket': bucket,
    });
  });

  it.each([
    ['No budget until next year.', 'timeline'],
    ['Our budget is £2,000 per year.', 'timeline'],
    ['The grant must be used before the end of Q3.', null],
  ] as const)('when "%s" only talks money, then no timeline is taken', (text, expecting) => {
    expect(timelineRule(text, ctx(expecting, LONDON))).toEqual({ candidates: [] });
  });

  it('when the answer says "not this year", then the target is the day after it', () => {
    expect(fields('Not this year, no budget for it.', ctx('timeline'))).toEqual({
      'timeline.targetDate': '2027-01-01',
      'timeline.bucket': 'year',
    });
  });
});

describe('timelineRule, no plan to buy', () => {
  it.each([
    ['No plans to purchase anything right now.'],
    ["We're not looking to switch tools."],
    ['Not planning on buying anything.'],
    ['Honestly, whenever.'],
    ['whenever it suits, no deadline'],
    ['Whenever you are ready, really.'],
    ['Eventually, no rush.'],
  ])('when "%s" answers the timeline question, then the bucket is none', (text) => {
    expect(fields(text, ctx('timeline'))).toEqual({ 'timeline.bucket': 'none' });
  });

  it.each([
    [
      'No plans to hire, but we want it live by June.',
      { 'timeline.targetDate': '2026-06-01', 'timeline.bucket': 'quarter' },
    ],
    [
      'We are not planning to buy until Q4.',
      { 'timeline.targetDate': '2026-10-01', 'timeline.bucket': 'year' },
    ],
    [
      'Not planning on buying this year.',
      { 'timeline.targetDate': '2027-01-01', 'timeline.bucket': 'year' },
    ],
    ['Whenever a lead comes in we lose it.', {}],
  ])('when "%s" answers the timeline question, then a date still counts (%j)', (text, expected) => {
    expect(fields(text, ctx('timeline'))).toEqual(expected);
  });

  it('when "whenever" is not an answer to the timeline question, then nothing is taken', () => {
    expect(timelineRule('Whenever works.', ctx('budget'))).toEqual({ candidates: [] });
  });
});
