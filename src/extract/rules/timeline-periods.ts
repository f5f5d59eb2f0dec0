import { OWN_FISCAL_END, OWN_FISCAL_START } from './timeline-period-phrases.js';
import {
  addDays,
  addMonths,
  compareDates,
  isoWeekday,
  monthPeriod,
  monthsPeriod,
  periodPart,
  pointIn,
  upcoming,
  type CivilDate,
  type Period,
  type PeriodPart,
  type PeriodPoint,
} from './timeline-bucket.js';
import type { DatedPhrase, Phrase, PhraseEnv, PhraseGroups } from './timeline-types.js';

/*
 * What the named periods mean (quarters, half years, years, periods counted from today): the
 * day each points at, and the span it covers when it is vague. The phrases are in
 * `timeline-period-phrases.ts`.
 */

const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL_DIGITS = ['1st', '2nd', '3rd', '4th'];
/** Month names by their first three letters, January first. */
export const MONTH_KEYS = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');

/** `fiscalYearEndMonth` of the config, unless the text names the visitor's own. */
export function ownFiscalYearEnd(text: string, configured: number): number {
  if (!/\b(?:fiscal|financial)\s+year|\bfy\b/i.test(text)) return configured;
  const end = OWN_FISCAL_END.exec(text)?.groups?.month?.toLowerCase().slice(0, 3);
  if (end && MONTH_KEYS.includes(end)) return MONTH_KEYS.indexOf(end) + 1;
  const start = OWN_FISCAL_START.exec(text)?.groups?.month?.toLowerCase().slice(0, 3);
  // The year that starts in July ends in June.
  if (start && MONTH_KEYS.includes(start)) return ((MONTH_KEYS.indexOf(start) + 11) % 12) + 1;
  return configured;
}

/** The point a modifier names: "early" / "mid" / "late", "end of", "start of", "after"; "by" / "before" mean the start. */
export function pointOf(mod: string | undefined): PeriodPoint | 'by' | null {
  if (!mod) return null;
  const m = mod.toLowerCase();
  if (/early/.test(m)) return 'early';
  if (/mid/.test(m)) return 'mid';
  if (/late|end|within/.test(m)) return 'end';
  if (/start|beginning/.test(m)) return 'start';
  if (/after/.test(m)) return 'after';
  return 'by';
}

/** The part of the period a vague phrase covers; a deadline ("by", "end of", "after") covers no span. */
function partOf(mod: string | undefined): PeriodPart | null {
  if (!mod) return 'whole';
  const m = mod.toLowerCase();
  if (/early/.test(m)) return 'early';
  if (/mid/.test(m)) return 'mid';
  if (/late/.test(m)) return 'late';
  return null;
}

export function at(
  period: Period,
  point: PeriodPoint | 'by' | null,
  fallback: PeriodPoint,
): CivilDate {
  return pointIn(period, point === null ? fallback : point === 'by' ? 'start' : point);
}

/** The day a phrase points at in a period, with the span it covers when it is vague. */
export function inPeriod(
  period: Period,
  mod: string | undefined,
  fallback: PeriodPoint,
  point = pointOf(mod),
): DatedPhrase {
  const date = at(period, point, fallback);
  const part = partOf(mod);
  return part ? { date, span: periodPart(period, part) } : { date };
}

export function relativePeriod(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  const point = pointOf(g.mod);
  const unit = (g.unit ?? '').toLowerCase();
  const rel = (g.rel ?? (g.later ? 'this' : 'the')).toLowerCase().replace(/^the\s+/, '');
  // "the year" alone is any year ("the year we started"); only "end of the year" and the like name one.
  if ((rel === 'the' || rel === 'our') && (point === null || point === 'by')) return null;
  const next = rel === 'next' || rel === 'coming' || rel === 'following';
  const { today } = env;
  // "within the next year" is a year from today, not next calendar year; as with durations, a
  // month is 30 days ("within the next month" is immediate).
  if (next && /within/i.test(g.mod ?? '')) {
    if (unit.startsWith('week')) return { date: addDays(today, 7) };
    return { date: addDays(today, unit === 'month' ? 30 : unit === 'quarter' ? 90 : 365) };
  }
  if (unit.startsWith('week')) {
    const monday = addDays(today, 1 - isoWeekday(today) + (next ? 7 : 0));
    return inPeriod(
      { start: monday, end: addDays(monday, 6) },
      g.mod,
      next && unit === 'week' ? 'start' : 'end',
    );
  }
  if (unit === 'month') {
    const first = addMonths({ ...today, day: 1 }, next ? 1 : 0);
    return inPeriod(monthPeriod(first.year, first.month), g.mod, next ? 'start' : 'end');
  }
  if (unit === 'quarter') {
    const first = monthsPeriod(today.year, Math.floor((today.month - 1) / 3) * 3 + 1, 3);
    const start = next ? addMonths(first.start, 3) : first.start;
    return inPeriod(monthsPeriod(start.year, start.month, 3), g.mod, 'end');
  }
  if (/fiscal|financial|fy/.test(unit))
    return inPeriod(fiscalYear(env, next ? 1 : 0), g.mod, next ? 'start' : 'end');
  const year = today.year + (next ? 1 : 0);
  return inPeriod(
    monthsPeriod(year, 1, 12),
    g.mod,
    next ? 'mid' : 'end',
    point === 'by' && !next ? 'end' : point,
  );
}

function fiscalYear(env: PhraseEnv, offset: number): Period {
  const endMonth = env.ctx.fiscalYearEndMonth;
  const current = upcoming(
    (y) => monthsPeriod(endMonth === 12 ? y : y - 1, (endMonth % 12) + 1, 12),
    env.today,
  );
  return monthsPeriod(current.start.year + offset, current.start.month, 12);
}

export function yearEnd(g: PhraseGroups, env: PhraseEnv): Phrase {
  if (g.fiscal) return { date: fiscalYear(env, 0).end };
  const eo = g.eo?.toLowerCase();
  if (eo === 'm') return { date: monthPeriod(env.today.year, env.today.month).end };
  if (eo === 'q')
    return {
      date: monthsPeriod(env.today.year, Math.floor((env.today.month - 1) / 3) * 3 + 1, 3).end,
    };
  return { date: { year: env.today.year, month: 12, day: 31 } };
}

/** The year a phrase names: "2027", "'27", "next year", "this year"; null when it names none. */
export function namedYear(g: PhraseGroups, env: PhraseEnv): number | null {
  if (g.year) return Number(g.year);
  if (g.yy) return 2000 + Number(g.yy);
  const rel = g.yrel;
  return rel ? env.today.year + (/this/i.test(rel) ? 0 : 1) : null;
}

export function quarter(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  const word = g.qword?.toLowerCase() ?? '';
  const index = g.q
    ? Number(g.q)
    : Math.max(ORDINALS.indexOf(word), ORDINAL_DIGITS.indexOf(word)) + 1;
  if (index < 1) return null;
  const periodIn = (y: number) => monthsPeriod(y, index * 3 - 2, 3);
  return yearly(periodIn, namedYear(g, env), env, (period) => inPeriod(period, g.mod, 'start'));
}

/**
 * A phrase for a period that comes every year: in the year named, else the next one not yet
 * over, and able to move to another year (see `DatedPhrase`); null when the year named is over.
 */
export function yearly(
  periodIn: (year: number) => Period,
  year: number | null,
  env: PhraseEnv,
  phrase: (period: Period) => DatedPhrase,
): DatedPhrase | null {
  const period = year === null ? upcoming(periodIn, env.today) : periodIn(year);
  if (compareDates(period.end, env.today) < 0) return null;
  if (year !== null) return phrase(period);
  return { ...phrase(period), inYear: (y) => phrase(periodIn(y)) };
}

/** "first half of next year", "H2", "H1 2027": the half's first day, like "Q3". */
export function halfYear(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  const second = /^(?:second|2nd)$/i.test(g.h ?? '') || g.hn === '2';
  const periodIn = (y: number) => monthsPeriod(y, second ? 7 : 1, 6);
  const explicit = g.year ?? g.year2;
  const rel = g.hrel ?? g.hrel2;
  const year = explicit
    ? Number(explicit)
    : /next/i.test(rel ?? '')
      ? env.today.year + 1
      : rel
        ? env.today.year
        : null;
  return yearly(periodIn, year, env, (period) => ({ date: period.start, span: period }));
}

/**
 * "in 2027", "by 2027", "Probably 2028": a later year is its middle (Jul 1), like "next year";
 * the current year is its last day, like "this year" (its middle may be past already).
 */
export function explicitYear(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  const period = monthsPeriod(Number(g.year), 1, 12);
  if (compareDates(period.end, env.today) < 0) return null;
  return inPeriod(period, g.mod, period.start.year === env.today.year ? 'end' : 'mid');
}
