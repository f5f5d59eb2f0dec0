import {
  addDays,
  isoWeekday,
  monthsPeriod,
  periodPart,
  pointIn,
  upcoming,
  type CivilDate,
  type Period,
} from './timeline-bucket.js';
import { HOLIDAY_SEASON, NAMED_HOLIDAY } from './timeline-holiday-phrases.js';
import type { Phrase, PhraseEnv, PhraseGroups, PhraseMatcher } from './timeline-types.js';

/*
 * What the holidays mean: the end-of-year holidays with no holiday named are Dec 24 to Jan 1
 * ("before", "by", "over" point at Dec 24; "after" and "once ... over" at Jan 2), and each named
 * holiday its day. The phrases are in `timeline-holiday-phrases.ts`.
 */

/** The `n`-th (1-based) `weekday` (ISO, Monday 1) of a month; n = -1 is the last. */
function nthWeekday(year: number, month: number, weekday: number, n: number): CivilDate {
  if (n > 0) {
    const first = { year, month, day: 1 };
    return addDays(first, ((weekday - isoWeekday(first) + 7) % 7) + 7 * (n - 1));
  }
  const last = addDays(
    month === 12 ? { year: year + 1, month: 1, day: 1 } : { year, month: month + 1, day: 1 },
    -1,
  );
  return addDays(last, -((isoWeekday(last) - weekday + 7) % 7));
}

/** Easter Sunday (Gregorian): the anonymous (Meeus/Jones/Butcher) algorithm, a dozen lines no date library here offers. */
function easter(year: number): CivilDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - Math.floor(b / 4) - g + 15) % 30;
  const l = (32 + 2 * (b % 4) + 2 * Math.floor(c / 4) - h - (c % 4)) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  return {
    year,
    month: Math.floor((h + l - 7 * m + 114) / 31),
    day: ((h + l - 7 * m + 114) % 31) + 1,
  };
}

/** The holiday phrases; the season comes first so that "the Christmas holidays" is one phrase. */
export const HOLIDAY_MATCHERS: readonly PhraseMatcher[] = [
  {
    re: HOLIDAY_SEASON.pattern,
    resolve: holidaySeason,
    examples: [
      ['before the holidays', '2026-12-24'],
      ['once the holidays are over', '2027-01-02'],
    ],
  },
  {
    re: NAMED_HOLIDAY.pattern,
    resolve: holiday,
    examples: [
      ['By Labor Day.', '2026-09-07'],
      ['before Easter', '2026-04-05'],
      ['after Thanksgiving', '2026-11-27'],
    ],
  },
];

function holidaySeason(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  // Outside an answer, "a rush before the holidays" or "closed during the holidays" tell of their trade:
  // only a plan word with a deadline ("live before the holidays") dates a plan.
  if (
    !env.answering &&
    (!env.strongCue || !/^(?:before|by|until|till|after|once|when)$/i.test(g.hprep ?? ''))
  )
    return null;
  const period = upcoming(
    (y): Period => ({
      start: { year: y, month: 12, day: 24 },
      end: { year: y + 1, month: 1, day: 1 },
    }),
    env.today,
  );
  const after =
    /after/i.test(g.hprep ?? '') || (/once|when/i.test(g.hprep ?? '') && Boolean(g.over));
  return { date: pointIn(period, after ? 'after' : 'start') };
}

function holiday(g: PhraseGroups, env: PhraseEnv): Phrase {
  const name = (g.holiday ?? '').toLowerCase();
  const onDay = (y: number): CivilDate => {
    if (/christmas|xmas/.test(name)) return { year: y, month: 12, day: 25 };
    if (/labou?r/.test(name)) return nthWeekday(y, 9, 1, 1);
    if (/memorial/.test(name)) return nthWeekday(y, 5, 1, -1);
    if (/july|independence/.test(name)) return { year: y, month: 7, day: 4 };
    if (/easter/.test(name)) return /monday/.test(name) ? addDays(easter(y), 1) : easter(y);
    if (/hallowe/.test(name)) return { year: y, month: 10, day: 31 };
    if (/valentine/.test(name)) return { year: y, month: 2, day: 14 };
    if (/boxing/.test(name)) return { year: y, month: 12, day: 26 };
    if (/australia/.test(name)) return { year: y, month: 1, day: 26 };
    if (/canada/.test(name)) return { year: y, month: 7, day: 1 };
    if (/anzac/.test(name)) return { year: y, month: 4, day: 25 };
    if (/eve/.test(name)) return { year: y, month: 12, day: 31 };
    if (/new/.test(name)) return { year: y, month: 1, day: 1 };
    // Thanksgiving: fourth Thursday of November (US), second Monday of October (Canada).
    const canada = env.ctx.region === 'CA' && /thanks/.test(name);
    const first = { year: y, month: canada ? 10 : 11, day: 1 };
    const day = canada
      ? addDays(first, ((8 - isoWeekday(first)) % 7) + 7)
      : addDays(first, ((11 - isoWeekday(first)) % 7) + 21);
    if (/cyber/.test(name)) return addDays(day, 4);
    return /black/.test(name) ? addDays(day, 1) : day;
  };
  const date = upcoming((y) => ({ start: onDay(y), end: onDay(y) }), env.today).start;
  // "In the new year" is its first day, and the early part of the year, so "probably February" can refine it.
  if (/^in$/i.test(g.hprep ?? '') && /^new\s+year$/.test(name))
    return { date, span: periodPart(monthsPeriod(date.year, 1, 12), 'early') };
  return { date: /after/i.test(g.hprep ?? '') ? addDays(date, 1) : date };
}
