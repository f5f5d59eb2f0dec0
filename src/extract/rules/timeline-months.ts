import { AFTER_SEASON } from './timeline-period-phrases.js';
import {
  compareDates,
  monthPeriod,
  monthsPeriod,
  upcoming,
  type Period,
} from './timeline-bucket.js';
import { at, inPeriod, MONTH_KEYS, namedYear, pointOf, yearly } from './timeline-periods.js';
import type { DatedPhrase, Phrase, PhraseEnv, PhraseGroups } from './timeline-types.js';

/* What a month or a season means, in the visitor's hemisphere; the phrases are in `timeline-period-phrases.ts`. */

const SEASON_START: Readonly<Record<string, number>> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
};

/** A word after a season that makes it an event ("our spring sale"), not the season. */
const EVENT_AFTER_SEASON = new RegExp(String.raw`^\s+(?!(?:${AFTER_SEASON.source})\b)\p{L}`, 'iu');

export function month(
  g: PhraseGroups,
  env: PhraseEnv,
  before: string,
  after: string,
): Phrase | null {
  const word = g.month ?? '';
  // "may" is a verb and lower-case month names are words unless a preposition, a modifier or a year says otherwise.
  if (
    !g.mod &&
    !g.prep &&
    !g.year &&
    !g.yy &&
    !g.yrel &&
    (/^may$/i.test(word) || word.charAt(0) === word.charAt(0).toLowerCase())
  )
    return null;
  // "March 10" and "10th of March" are chrono's.
  if (
    (!g.year && /^\s+\d{1,2}(?:st|nd|rd|th)?\b/.test(after)) ||
    /\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/i.test(before)
  )
    return null;
  const index = MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
  return yearly(
    (y) => monthPeriod(y, index),
    namedYear(g, env),
    env,
    (period) => inPeriod(period, g.mod, 'start'),
  );
}

export function season(
  g: PhraseGroups,
  env: PhraseEnv,
  _before: string,
  after: string,
): Phrase | null {
  const name = (g.season ?? '').toLowerCase();
  // "fall" needs a preposition; a noun after the season is an event ("our spring sale"), not the season.
  if (name === 'fall' && !g.mod && !g.sprep) return null;
  if (EVENT_AFTER_SEASON.test(after)) return null;
  const startMonth = (((SEASON_START[name] ?? 3) + (env.southern ? 6 : 0) - 1) % 12) + 1;
  const periodIn = (y: number) => monthsPeriod(y, startMonth, 3);
  // "by summer" and "after summer" are deadlines; "in summer" is the season.
  const deadline = /^(?:by|before|until|till|after)$/i.test(g.sprep ?? '');
  const point = /after/i.test(g.sprep ?? '') ? 'after' : pointOf(g.mod);
  const phrase = (period: Period): DatedPhrase =>
    deadline ? { date: at(period, point, 'start') } : inPeriod(period, g.mod, 'start', point);
  let year = namedYear(g, env);
  // "next summer" while it is summer is next year's.
  if (
    year === null &&
    /next/i.test(g.sprep ?? '') &&
    compareDates(upcoming(periodIn, env.today).start, env.today) <= 0
  )
    year = upcoming(periodIn, env.today).start.year + 1;
  return yearly(periodIn, year, env, phrase);
}
