import { describe, expect, it } from 'vitest';
import { timelineRule } from '../../../src/extract/rules/timeline-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { itReadsTargets, timelineContext, timelineOf } from './timeline-of.js';

// A Tuesday: Mar 10 in New York and London.
const NOW = '2026-03-10T15:00:00Z';
const LONDON = 'Europe/London';
const ctx = (expecting: Slot | null, tz = 'America/New_York') =>
  timelineContext(expecting, tz, NOW);
const inLondon = (expecting: Slot | null) => ctx(expecting, LONDON);

describe('timelineRule, corrections and alternatives', () => {
  itReadsTargets(
    [
      // a correction: the last time said wins
      [
        'Before the end of the year. Actually, it has to wait for our budget round, so more like the end of February.',
        '2027-02-28',
        'year',
      ],
      // a date after "no rush" wins
      ['No rush, but ideally by the end of June.', '2026-06-30', 'half'],
    ],
    inLondon,
  );

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
      expect(timelineOf(text, ctx(expecting))).toEqual({ 'timeline.bucket': 'none' });
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

describe('timelineRule, "end" and "mid" without "of", abbreviated months', () => {
  itReadsTargets(
    [
      ['by end Oct', '2026-10-31', 'year'],
      ['end-June at the latest', '2026-06-30', 'half'],
      ['Live by end of Dec.', '2026-12-31', 'year'],
      ['mid Aug', '2026-08-15', 'half'],
      ['Mid-Jan.', '2027-01-15', 'year'],
      ['end Q3', '2026-09-30', 'year'],
      // "end" inside another word ("spend") is no modifier
      ['We will spend March testing.', '2026-03-10', 'immediate'],
    ],
    inLondon,
  );
});

describe('timelineRule, several times in one answer', () => {
  itReadsTargets(
    [
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
      // a date in a clause telling of the past is not the target
      [
        'We launched in January and want to go live by June.',
        '2026-06-01',
        'quarter',
        { expecting: null },
      ],
    ],
    inLondon,
  );
});

describe('timelineRule, money words in an answer to the timeline question', () => {
  itReadsTargets(
    [
      ['The grant must be used before the end of Q3.', '2026-09-30', 'year'],
      ['Our funding runs out in September, so we need it before then.', '2026-09-01', 'half'],
      ['Money is earmarked for a June launch.', '2026-06-01', 'quarter'],
      ['We have £5k to invest by the end of May.', '2026-05-31', 'quarter'],
      // "not this year": the day after it
      ['Not this year, no budget for it.', '2027-01-01', 'year'],
    ],
    inLondon,
  );

  it.each([
    ['No budget until next year.', 'timeline'],
    ['Our budget is £2,000 per year.', 'timeline'],
    ['The grant must be used before the end of Q3.', null],
  ] as const)('when "%s" only talks money, then no timeline is taken', (text, expecting) => {
    expect(timelineRule(text, ctx(expecting, LONDON))).toEqual({ candidates: [] });
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
    expect(timelineOf(text, ctx('timeline'))).toEqual({ 'timeline.bucket': 'none' });
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
    expect(timelineOf(text, ctx('timeline'))).toEqual(expected);
  });

  it('when "whenever" is not an answer to the timeline question, then nothing is taken', () => {
    expect(timelineRule('Whenever works.', ctx('budget'))).toEqual({ candidates: [] });
  });
});
