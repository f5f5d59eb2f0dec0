import { addDays, isoWeekday, upcoming } from './timeline-bucket.js';
import { DURATION_MATCHER, onlyFillers } from './timeline-duration.js';
import { HOLIDAY_MATCHERS } from './timeline-holidays.js';
import { month, season } from './timeline-months.js';
import {
  BARE_YEAR,
  MONTH,
  QUARTER,
  RELATIVE_PERIOD,
  SEASON,
  YEAR,
  YEAR_END,
} from './timeline-period-phrases.js';
import { explicitYear, halfYear, quarter, relativePeriod, yearEnd } from './timeline-periods.js';
import {
  EXPLORING,
  FORTNIGHT,
  HALF_YEAR,
  NO_PLAN,
  SCHOOL_YEAR,
  SOON,
  TODAY,
  WEEK_AFTER_NEXT,
  WHENEVER,
} from './timeline-phrases.js';
import { wholeWords } from './whole-words.js';
import type { Phrase, PhraseEnv, PhraseGroups, PhraseMatcher } from './timeline-types.js';

/**
 * The time phrases, most specific first: an earlier matcher's span is not matched again by a
 * later one. Each pairs a phrase table with what a match means; the examples are read on
 * Tuesday 2026-03-10 in New York, as the answer to the timeline question.
 */
export const PHRASE_MATCHERS: readonly PhraseMatcher[] = [
  // No plan at all, including no plan to buy ("not planning to buy anything").
  {
    re: wholeWords(NO_PLAN),
    resolve: () => 'none',
    examples: [
      ['No rush.', 'none'],
      ['Not planning on buying anything.', 'none'],
    ],
  },
  {
    re: wholeWords(EXPLORING),
    resolve: (_, env) => (env.answering ? 'none' : null),
    examples: [['Just exploring for now.', 'none']],
  },
  // "whenever (it's ready)" as the answer, not "whenever a lead comes in".
  {
    re: wholeWords(WHENEVER),
    resolve: (_, env, before) => (env.answering && onlyFillers(before) ? 'none' : null),
    examples: [['Honestly, whenever.', 'none']],
  },
  // As soon as possible: today, unless negated ("not urgent", "we don't need it right now").
  {
    re: wholeWords(SOON),
    resolve: soon,
    examples: [
      ['ASAP', '2026-03-10'],
      ['Not urgent.', 'none'],
    ],
  },
  {
    re: wholeWords(HALF_YEAR),
    resolve: halfYear,
    examples: [
      ['first half of next year', '2027-01-01'],
      ['H2', '2026-07-01'],
    ],
  },
  {
    re: TODAY.pattern,
    resolve: (_, env) => (env.answering ? { date: env.today } : null),
    examples: [['yesterday!', '2026-03-10']],
  },
  // "next fortnight ideally", "in the next fortnight": two weeks from today.
  {
    re: FORTNIGHT.pattern,
    resolve: (_, env) => ({ date: addDays(env.today, 14) }),
    examples: [['in the next fortnight', '2026-03-24']],
  },
  // "by the start of the school year", "before the new academic year", "back to school": September
  // in the north, the start of February in the south (Australia, New Zealand, South Africa...).
  {
    re: wholeWords(SCHOOL_YEAR),
    resolve: (_, env) => ({
      date: upcoming(
        (y) => ({
          start: { year: y, month: env.southern ? 2 : 9, day: 1 },
          end: { year: y, month: env.southern ? 2 : 9, day: 1 },
        }),
        env.today,
      ).start,
    }),
    examples: [['before the new school year', '2026-09-01']],
  },
  // Named periods with their year come before "next year" alone, so "March next year" stays one date.
  {
    re: QUARTER.pattern,
    resolve: quarter,
    examples: [
      ['By the end of Q2.', '2026-06-30'],
      ['Q1 next year', '2027-01-01'],
    ],
  },
  {
    re: MONTH.pattern,
    resolve: month,
    examples: [
      ['Early April.', '2026-04-05'],
      ["Sept '27", '2027-09-01'],
    ],
  },
  {
    re: SEASON.pattern,
    resolve: season,
    examples: [
      ['Before summer.', '2026-06-01'],
      ['in the autumn', '2026-09-01'],
    ],
  },
  {
    re: RELATIVE_PERIOD.pattern,
    resolve: relativePeriod,
    examples: [
      ['end of next month', '2026-04-30'],
      ['Early next year.', '2027-01-15'],
    ],
  },
  {
    re: WEEK_AFTER_NEXT.pattern,
    resolve: (_, env) => ({ date: addDays(env.today, 15 - isoWeekday(env.today)) }),
    examples: [['the week after next', '2026-03-23']],
  },
  {
    re: YEAR_END.pattern,
    resolve: yearEnd,
    examples: [
      ['before year-end', '2026-12-31'],
      ['EOQ', '2026-03-31'],
    ],
  },
  ...HOLIDAY_MATCHERS,
  {
    re: YEAR.pattern,
    resolve: explicitYear,
    examples: [['in 2027', '2027-07-01']],
  },
  // A bare year as the answer ("Probably 2028", "2027 at the latest"), not a year inside a date or a range.
  {
    re: BARE_YEAR.pattern,
    resolve: (g, env, before) =>
      env.answering && onlyFillers(before) ? explicitYear(g, env) : null,
    examples: [['Probably 2028.', '2028-07-01']],
  },
  DURATION_MATCHER,
];

/** A negation a few words before a word ("not urgent", "not super urgent", "non-urgent", "don't need it immediately"). */
const NEGATED =
  /(?:\b(?:not|no|non|nothing|never|hardly|without)\b|n['’]t\b)[\s-]*(?:[\p{L}'’]+\s+){0,3}$/iu;

/**
 * "ASAP", "urgent", "right away": today. A negated one ("not urgent", "non-urgent", "we don't
 * need it immediately") is never ASAP; "not urgent" as the answer means no rush.
 */
function soon(g: PhraseGroups, env: PhraseEnv, before: string): Phrase | null {
  // "no plans to buy right now" and "we don't need it right now" are not "now".
  if (g.now && /\b(?:not|no|nothing)\b|n['’]t\b/i.test(before)) return null;
  if (NEGATED.test(before)) return env.answering && g.urgent ? 'none' : null;
  return { date: env.today };
}
