import type { RuleContext } from './rule-context.js';
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
import { DURATION_MATCHER, onlyFillers } from './timeline-duration.js';
import { HOLIDAY_MATCHERS } from './timeline-holidays.js';

/** What the phrase matchers know besides the text. */
export type PhraseEnv = {
  today: CivilDate;
  ctx: RuleContext;
  answering: boolean;
  southern: boolean;
  strongCue: boolean;
};

/**
 * A dated time phrase: the day it points at; the days it covers when it names a vague period
 * ("next year", "early March", "Q3"), so that a narrower phrase inside it can refine it; and,
 * for a phrase with no year ("March", "Q3", "summer"), the same phrase in a given year, so that
 * "next year, around March" can place March in next year.
 */
export type DatedPhrase = {
  date: CivilDate;
  span?: Period;
  inYear?: (year: number) => DatedPhrase | null;
  /** "Not this year": the earliest it could be, which a later date at or after it says precisely ("not this year, probably March"). */
  lowerBound?: boolean;
};

/** What a time phrase means: a dated phrase, or `none` for "no plan". */
export type Phrase = DatedPhrase | 'none';

/** The named groups of a matcher's match. */
export type PhraseGroups = Record<string, string | undefined>;
/** A regular expression for one kind of time phrase and what a match of it means (null: not a time after all). */
export type PhraseMatcher = {
  re: RegExp;
  resolve: (g: PhraseGroups, env: PhraseEnv, before: string, after: string) => Phrase | null;
};

// "by the end of", "early", "mid-", "late", "end" ("by end September"), "start of", "after", "by", "within" ...
const MOD = String.raw`(?<mod>\b(?:(?:(?:by|before|until|till|in|around|at|from)\s+)?(?:the\s+)?(?:early|mid(?:dle\s+of)?|late|end(?:\s+of)?|start\s+of|beginning\s+of)|by|before|until|till|after|within))`;
const MONTH = String.raw`(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
/** "March next year", "March of next year", "Q1 2027", "June '27": the year a period falls in. */
const YEAR_AFTER = String.raw`(?:,?\s+(?:(?<year>20\d{2})|['’](?<yy>\d{2})\b|(?:of\s+)?(?<yrel>next|this|the\s+following|the\s+coming)\s+year\b))`;
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL_DIGITS = ['1st', '2nd', '3rd', '4th'];
const MONTH_KEYS = [
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
];

/**
 * The month the visitor's own fiscal year ends in, when they say it ("end of fiscal year,
 * ours ends in June", "FY end, which is October 31", "our financial year closes in March").
 */
const OWN_FISCAL_END = new RegExp(
  String.raw`\b(?:(?:fiscal|financial)\s+year|fy|ours|it)\b[^.;!?]{0,30}?\b(?:ends?|ending|closes?|closing|runs?\s+(?:to|until|through)|is|=|:)\s+(?:in\s+|on\s+|at\s+the\s+end\s+of\s+|the\s+end\s+of\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?${MONTH}\b`,
  'i',
);

/** "the next fiscal year, starting July 1", "our financial year begins in April". */
const OWN_FISCAL_START = new RegExp(
  String.raw`\b(?:(?:fiscal|financial)\s+year|fy)\b[^.;!?]{0,30}?\b(?:starting|starts?|begins?|beginning|kicks\s+off|runs?\s+from)\s+(?:in\s+|on\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?${MONTH}\b`,
  'i',
);

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
const SEASON_START: Readonly<Record<string, number>> = {
  spring: 3,
  summer: 6,
  autumn: 9,
  fall: 9,
  winter: 12,
};

/** A negation a few words before a word ("not urgent", "not super urgent", "non-urgent", "don't need it immediately"). */
const NEGATED =
  /(?:\b(?:not|no|non|nothing|never|hardly|without)\b|n['’]t\b)[\s-]*(?:[\p{L}'’]+\s+){0,3}$/iu;

const PURCHASE = String.raw`(?:buy|purchas|switch|chang|invest|spend|get|implement|adopt|sign|commit|roll|start|mov|replac|upgrad)\w*`;

/** The time phrases, most specific first: an earlier matcher's span is not matched again by a later one. */
export const PHRASE_MATCHERS: readonly PhraseMatcher[] = [
  // No plan at all, including no plan to buy ("not planning to buy anything").
  {
    re: new RegExp(
      String.raw`\b(?:no\s+(?:rush|hurry)|not\s+in\s+(?:a|any)\s+(?:rush|hurry)|no\s+(?:fixed\s+|set\s+|firm\s+|real\s+|specific\s+|particular\s+|hard\s+|concrete\s+)?(?:timeline|time\s?frame|deadline|date|schedule)s?|no\s+(?:real\s+|concrete\s+|firm\s+|immediate\s+|current\s+)?plans?(?=\s*(?:yet|at\s+all|for\s+now|right\s+now|at\s+the\s+moment)?\s*(?:[,.;!?]|$))|no\s+(?:real\s+|concrete\s+|immediate\s+|current\s+)?plans?\s+(?:yet\s+)?(?:to|on|for)\s+${PURCHASE}|not\s+(?:currently\s+|really\s+|actively\s+|even\s+)?(?:planning|looking|intending|going|hoping|aiming)\s+(?:to|on)\s+${PURCHASE}|(?:not|n't)\s+(?:actually\s+|really\s+)?(?:buying|purchasing|in\s+the\s+market)|nothing\s+planned|(?:don't|do\s+not|dont)\s+(?:have|got)\s+(?:a|any)\s+(?:specific\s+|set\s+|fixed\s+|firm\s+|particular\s+|real\s+)?(?:date|deadline|timeline|time\s?frame)s?(?:\s+in\s+mind)?|(?:not\s+sure|no\s+idea|don't\s+know|dont\s+know|unsure)\s+when|some\s?day|at\s+some\s+point)\b`,
      'gi',
    ),
    resolve: () => 'none',
  },
  {
    re: /\b(?:just\s+(?:looking(?:\s+around)?|browsing|exploring|researching|research|curious)|(?:we're|we\s+are|i'm|i\s+am|still)\s+(?:just\s+)?exploring|exploring\s+(?:options|for\s+now)|(?:it'?s|its)\s+(?:just\s+)?(?:for\s+)?research)\b/gi,
    resolve: (_, env) => (env.answering ? 'none' : null),
  },
  // "whenever (it's ready)" as the answer, not "whenever a lead comes in".
  {
    re: /\b(?:whenever(?=\s*(?:[,.;!?)]|$|(?:it'?s|it\s+is|you(?:'re|\s+are)?|we(?:'re|\s+are)?|works?|suits?|really|honestly|ready|possible|convenient|is\s+fine|tbh|i\s+guess)\b))|eventually)\b/gi,
    resolve: (_, env, before) => (env.answering && onlyFillers(before) ? 'none' : null),
  },
  // As soon as possible: today, unless negated ("not urgent", "we don't need it right now").
  {
    re: /\b(?:(?<urgent>asap|a\.s\.a\.p|urgent(?:ly)?)|as\s+soon\s+as\s+(?:possible|we\s+can|you\s+can)|right\s+away|straight\s+away|immediately|(?<now>right\s+now)|at\s+once|as\s+quickly\s+as\s+possible|(?:need(?:ed)?|want(?:ed)?)\s+(?:it|this|that|something|one)\s+yesterday)\b/gi,
    resolve: soon,
  },
  {
    re: /\b(?:(?<h>first|second|1st|2nd)\s+half\s+of\s+(?:(?<hrel>this|next|the)\s+year|(?<year>20\d{2}))|h(?<hn>[12])(?:\s+(?:(?<year2>20\d{2})|(?:of\s+)?(?<hrel2>next|this)\s+year))?)\b/gi,
    resolve: halfYear,
  },
  {
    re: /^\W*(?:like\s+)?(?:yesterday|now|today)\W*$/gi,
    resolve: (_, env) => (env.answering ? { date: env.today } : null),
  },
  // "next fortnight ideally", "in the next fortnight": two weeks from today.
  {
    re: /\b(?:(?:in|within)\s+)?(?:the\s+)?(?:next|coming)\s+fortnight\b/gi,
    resolve: (_, env) => ({ date: addDays(env.today, 14) }),
  },
  // "by the start of the school year", "before the new academic year", "back to school": September
  // in the north, the start of February in the south (Australia, New Zealand, South Africa...).
  {
    re: /\b(?:(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(?:new\s+|next\s+)?(?:school|academic)\s+year|(?:the\s+)?(?:new|next)\s+(?:school|academic)\s+year|back[-\s]to[-\s]school)\b/gi,
    resolve: (_, env) => ({
      date: upcoming(
        (y) => ({
          start: { year: y, month: env.southern ? 2 : 9, day: 1 },
          end: { year: y, month: env.southern ? 2 : 9, day: 1 },
        }),
        env.today,
      ).start,
    }),
  },
  // Named periods with their year come before "next year" alone, so "March next year" stays one date.
  {
    re: new RegExp(
      String.raw`(?:${MOD}[\s-]+(?:the\s+)?)?(?:(?:in|during|for)\s+)?\b(?:q(?<q>[1-4])|(?<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b(?:\s*(?:of\s+)?(?:(?<year>20\d{2})|(?:fy\s?|')(?<yy>\d{2}))|\s+(?:of\s+)?(?<yrel>next|this)\s+year\b)?`,
      'gi',
    ),
    resolve: quarter,
  },
  {
    re: new RegExp(
      String.raw`(?:${MOD}[\s-]+(?:the\s+month\s+of\s+)?|(?<prep>this|next|in|around|about|during|for|from|of|or|to|and|through|probably|maybe)\s+)?\b${MONTH}\b\.?${YEAR_AFTER}?`,
      'gi',
    ),
    resolve: month,
  },
  {
    re: new RegExp(
      String.raw`(?:${MOD}[\s-]+(?:the\s+)?|(?<sprep>in|during|over|for|this|next|by|before|until|till|after)\s+(?:the\s+)?)?\b(?<season>spring|summer|autumn|fall|winter)\b${YEAR_AFTER}?`,
      'gi',
    ),
    resolve: season,
  },
  {
    re: new RegExp(
      String.raw`(?:${MOD}[\s-]+)?(?:(?<rel>this|next|the\s+next|the\s+current|the\s+coming|the\s+following|the|our)\s+|(?<later>later)\s+this\s+)?(?<unit>weekend|week|month|quarter|(?:calendar\s+)?year|(?:fiscal|financial)\s+year|fy)\b`,
      'gi',
    ),
    resolve: relativePeriod,
  },
  {
    re: /\b(?:the\s+)?week\s+after\s+next\b/gi,
    resolve: (_, env) => ({ date: addDays(env.today, 15 - isoWeekday(env.today)) }),
  },
  {
    re: /\b(?:the\s+|our\s+)?(?:(?<fiscal>(?:fiscal|financial)\s+year|fy)|year)[-\s]?end\b|\beo(?<eo>[ymq])\b/gi,
    resolve: yearEnd,
  },
  ...HOLIDAY_MATCHERS,
  {
    re: new RegExp(
      String.raw`(?:${MOD}[\s-]+(?:of\s+)?|(?<yprep>in|during|for)\s+)(?<year>20\d{2})\b(?![-/]\d)`,
      'gi',
    ),
    resolve: explicitYear,
  },
  // A bare year as the answer ("Probably 2028", "2027 at the latest"), not a year inside a date or a range.
  {
    re: /(?<![\d/.'’-])\b(?<year>20\d{2})\b(?!\s*[-–/.]\s*\d|\s*%)/g,
    resolve: (g, env, before) =>
      env.answering && onlyFillers(before) ? explicitYear(g, env) : null,
  },
  DURATION_MATCHER,
];

/** The point a modifier names: "early" / "mid" / "late", "end of", "start of", "after"; "by" / "before" mean the start. */
function pointOf(mod: string | undefined): PeriodPoint | 'by' | null {
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

function at(period: Period, point: PeriodPoint | 'by' | null, fallback: PeriodPoint): CivilDate {
  return pointIn(period, point === null ? fallback : point === 'by' ? 'start' : point);
}

/** The day a phrase points at in a period, with the span it covers when it is vague. */
function inPeriod(
  period: Period,
  mod: string | undefined,
  fallback: PeriodPoint,
  point = pointOf(mod),
): DatedPhrase {
  const date = at(period, point, fallback);
  const part = partOf(mod);
  return part ? { date, span: periodPart(period, part) } : { date };
}

function relativePeriod(g: PhraseGroups, env: PhraseEnv): Phrase | null {
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

function yearEnd(g: PhraseGroups, env: PhraseEnv): Phrase {
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
function namedYear(g: PhraseGroups, env: PhraseEnv): number | null {
  if (g.year) return Number(g.year);
  if (g.yy) return 2000 + Number(g.yy);
  const rel = g.yrel;
  return rel ? env.today.year + (/this/i.test(rel) ? 0 : 1) : null;
}

function quarter(g: PhraseGroups, env: PhraseEnv): Phrase | null {
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
function yearly(
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
function halfYear(g: PhraseGroups, env: PhraseEnv): Phrase | null {
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

function month(g: PhraseGroups, env: PhraseEnv, before: string, after: string): Phrase | null {
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

function season(g: PhraseGroups, env: PhraseEnv, _before: string, after: string): Phrase | null {
  const name = (g.season ?? '').toLowerCase();
  // "fall" needs a preposition; a noun after the season is an event ("our spring sale"), not the season.
  if (name === 'fall' && !g.mod && !g.sprep) return null;
  if (
    /^\s+(?!(?:time|season|break|holidays?|or|and|at|if|ideally|hopefully|probably|maybe|latest|this|next|so|but|then|when|we|i|since|because|as|to|is|would|will|though|please|of)\b)\p{L}/iu.test(
      after,
    )
  )
    return null;
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

/**
 * "in 2027", "by 2027", "Probably 2028": a later year is its middle (Jul 1), like "next year";
 * the current year is its last day, like "this year" (its middle may be past already).
 */
function explicitYear(g: PhraseGroups, env: PhraseEnv): Phrase | null {
  const period = monthsPeriod(Number(g.year), 1, 12);
  if (compareDates(period.end, env.today) < 0) return null;
  return inPeriod(period, g.mod, period.start.year === env.today.year ? 'end' : 'mid');
}

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
