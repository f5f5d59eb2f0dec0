import * as chrono from 'chrono-node';
import { getCountryForTimezone } from 'countries-and-timezones';
import { candidate, type Candidate } from '../../lead/field-paths.js';
import { findMoney } from './money.js';
import { NUMBER_WORDS_SOURCE, wordsToNumber } from './number-words.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';
import {
  addDays, addMonths, bucketFor, compareDates, isoWeekday, localToday, monthPeriod, monthsPeriod, pointIn, toIsoDate,
  upcoming, utcOffsetMinutes, type CivilDate, type Period, type PeriodPoint,
} from './timeline-bucket.js';

type Env = { today: CivilDate; ctx: RuleContext; answering: boolean; southern: boolean; strongCue: boolean };
type Value = CivilDate | 'none';
type Groups = Record<string, string | undefined>;
type Matcher = { re: RegExp; resolve: (g: Groups, env: Env, before: string, after: string) => Value | null };
type Hit = { start: number; end: number; value: Value; sentence: string };

// "by the end of", "early", "mid-", "late", "start of", "after", "by", "within the" ...
const MOD = String.raw`(?<mod>(?:(?:by|before|until|till|in|around|at|from)\s+)?(?:the\s+)?(?:early|mid(?:dle\s+of)?|late|end\s+of|start\s+of|beginning\s+of)|by|before|until|till|after|within)`;
const MONTH = String.raw`(?<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const QTY = String.raw`half\s+an?|\d+(?:\.\d+)?|${NUMBER_WORDS_SOURCE}|an?`;
const ORDINALS = ['first', 'second', 'third', 'fourth'];
const ORDINAL_DIGITS = ['1st', '2nd', '3rd', '4th'];
const MONTH_KEYS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

// Southern-hemisphere countries, for seasons ("before summer" in Sydney is December).
const SOUTHERN = new Set(['AU', 'NZ', 'AR', 'CL', 'UY', 'PY', 'BR', 'BO', 'PE', 'ZA', 'NA', 'BW', 'LS', 'SZ', 'MZ', 'ZW', 'ZM', 'MW', 'MG', 'MU', 'FJ', 'NC']);
const SEASON_START: Readonly<Record<string, number>> = { spring: 3, summer: 6, autumn: 9, fall: 9, winter: 12 };

// Present-tense cues only: "we launched in January" tells of the past, not a plan.
const TIMELINE_CUE = /\b(?:by|before|within|until|till|live|launch(?:es|ing)?|start(?:s|ing)?|go[-\s]?live|deadline|decid(?:e|ing)|decision|pilot(?:ing)?|in\s+place|up\s+and\s+running|running|sorted|roll(?:ing)?\s+(?:it\s+)?out|rollout|sign(?:ing)?|implement(?:ing|ation)?|deploy(?:ing|ment)?|set\s+up|ready|kick\s*off|begin(?:ning)?|aim(?:s|ing)?|target(?:ing)?|plan(?:s|ning|ned)?|timeline|time\s?frame|schedul\w*|when|soon|asap|urgent\w*|immediately|right\s+away|no\s+(?:rush|hurry)|some\s?day|at\s+some\s+point|next\s+year|early|mid|late|end\s+of|opens|opening|(?:need(?:ed)?|want(?:ed)?|have|get)\s+(?:it|this|something|started))\b/gi;
/** "by Monday they've booked elsewhere": a weekday or a day needs more than "by" to be a plan. */
const WEAK_CUES_ONLY = /^(?:by|before|within|until|till|when|early|mid|late|end\s+of)$/i;
const BUDGET_WORDS = /\b(?:budget\w*|funds?|funding|money|spend\w*|afford\w*|allocat\w*|earmark\w*|grant|invest\w*)\b/i;
const CLAUSE_BREAK = /[,:](?!\d)|;|\s[-–—]\s|\b(?:and|but|so|though|although|because|since)\b/gi;
const FILLERS = new Set('about around roughly approximately approx maybe perhaps probably possibly likely ideally hopefully realistically honestly like say i\'d we\'d i we think guess reckon would oh um uh hmm hm well so and then it\'s its it is that\'s thats just only at most least max the next ok okay yeah yes sure no later than less more under some something somewhere tbh in'.split(' '));

const MATCHERS: readonly Matcher[] = [
  // No plan at all.
  { re: /\b(?:no\s+(?:rush|hurry)|not\s+in\s+(?:a|any)\s+(?:rush|hurry)|no\s+(?:fixed\s+|set\s+|firm\s+|real\s+|specific\s+|particular\s+|hard\s+|concrete\s+)?(?:timeline|time\s?frame|deadline|date|schedule)s?|no\s+(?:real\s+|concrete\s+|firm\s+|immediate\s+)?plans?(?=\s*(?:yet|at\s+all|for\s+now|right\s+now|at\s+the\s+moment)?\s*(?:[,.;!?]|$))|(?:not\s+sure|no\s+idea|don't\s+know|dont\s+know|unsure)\s+when|some\s?day|at\s+some\s+point)\b/gi, resolve: () => 'none' },
  { re: /\b(?:just\s+(?:looking(?:\s+around)?|browsing|exploring|researching|research|curious)|(?:we're|we\s+are|i'm|i\s+am|still)\s+(?:just\s+)?exploring|exploring\s+(?:options|for\s+now)|(?:it'?s|its)\s+(?:just\s+)?(?:for\s+)?research)\b/gi, resolve: (_, env) => (env.answering ? 'none' : null) },
  // As soon as possible: today.
  { re: /\b(?:asap|a\.s\.a\.p|as\s+soon\s+as\s+(?:possible|we\s+can|you\s+can)|right\s+away|straight\s+away|immediately|urgent(?:ly)?|right\s+now|at\s+once|as\s+quickly\s+as\s+possible|(?:need(?:ed)?|want(?:ed)?)\s+(?:it|this|that|something|one)\s+yesterday)\b/gi, resolve: (_, env) => env.today },
  { re: /\b(?:(?<h>first|second|1st|2nd)\s+half\s+of\s+(?:(?<hrel>this|next|the)\s+year|(?<year>20\d{2}))|h(?<hn>[12])(?:\s+(?<year2>20\d{2}))?)\b/gi, resolve: halfYear },
  { re: /^\W*(?:like\s+)?yesterday\W*$/gi, resolve: (_, env) => (env.answering ? env.today : null) },
  { re: new RegExp(String.raw`(?:${MOD}[\s-]+)?(?:(?<rel>this|next|the\s+next|the\s+current|the\s+coming|the\s+following|the|our)\s+|(?<later>later)\s+this\s+)?(?<unit>weekend|week|month|quarter|(?:calendar\s+)?year|(?:fiscal|financial)\s+year|fy)\b`, 'gi'), resolve: relativePeriod },
  { re: /\b(?:the\s+)?week\s+after\s+next\b/gi, resolve: (_, env) => addDays(env.today, 15 - isoWeekday(env.today)) },
  { re: /\b(?:the\s+|our\s+)?(?:(?<fiscal>(?:fiscal|financial)\s+year|fy)|year)[-\s]?end\b|\beo(?<eo>[ymq])\b/gi, resolve: yearEnd },
  { re: new RegExp(String.raw`(?:${MOD}[\s-]+(?:the\s+)?)?(?:(?:in|during|for)\s+)?\b(?:q(?<q>[1-4])|(?<qword>first|second|third|fourth|1st|2nd|3rd|4th)\s+quarter)\b(?:\s*(?:of\s+)?(?:(?<year>20\d{2})|(?:fy\s?|')(?<yy>\d{2})))?`, 'gi'), resolve: quarter },
  { re: /\b(?:(?<hprep>before|by|after|until|till|over|around|for|at|on)\s+)?(?:the\s+)?(?<holiday>christmas|xmas|x-mas|new\s+year(?:'s)?(?:\s+(?:day|eve))?|thanksgiving|black\s+friday)\b/gi, resolve: holiday },
  { re: new RegExp(String.raw`(?:${MOD}[\s-]+(?:the\s+month\s+of\s+)?|(?<prep>this|next|in|around|about|during|for|from|of|or|to|and|through|probably|maybe)\s+)?\b${MONTH}\b\.?(?:,?\s+(?<year>20\d{2}))?`, 'gi'), resolve: month },
  { re: new RegExp(String.raw`(?:${MOD}[\s-]+(?:the\s+)?|(?<sprep>in|during|over|for|this|next|by|before|until|till|after)\s+(?:the\s+)?)?\b(?<season>spring|summer|autumn|fall|winter)\b(?:\s+(?<year>20\d{2}))?`, 'gi'), resolve: season },
  { re: new RegExp(String.raw`(?:${MOD}[\s-]+(?:of\s+)?|(?<yprep>in|during|for)\s+)(?<year>20\d{2})\b(?![-/]\d)`, 'gi'), resolve: explicitYear },
  { re: new RegExp(String.raw`\b(?:(?<prep>in|within|inside|after|under|less\s+than)\s+)?(?:(?:the|a)\s+)?(?:(?<next>next|coming|following)\s+)?(?:(?<another>another)\s+|(?:about|around|roughly|approximately|approx\.?|maybe|like|some|just|only|~)\s*)?(?<qty>${QTY})(?:\s*(?:-|–|to|or)\s*(?<qty2>${QTY}))?(?:\s+of)?\s*(?<unit>days?|weeks?|wks?|months?|mos?|mths?|years?|yrs?|quarters?|fortnights?)\b(?<half>\s+and\s+a\s+half)?(?:\s+or\s+(?<qty3>so|two|three|four|\d+))?(?:\s+(?<from>from\s+now|out|time|'s\s+time|hence|away))?`, 'gi'), resolve: duration },
];

/**
 * The timeline rule: when the visitor wants to be up and running, as `timeline.targetDate`
 * (ISO date in the visitor's time zone) and `timeline.bucket`, or bucket `none` for "no rush".
 * Outside an answer to the timeline question, a date counts only in a sentence about timing,
 * never in a clause about money ("no budget for it this year"). The last date said wins; of
 * two joined by "or" the first counts ("January or February"); a date beats a "no rush".
 * Choices: a bare month is its 1st; "early" the 5th (two weeks into a longer span); "mid" the
 * middle; "late" and "end of" the last day; "next year" is Jul 1, "this year" Dec 31; "next
 * quarter" its last day; "Q3" its first; seasons are meteorological (spring = Mar 1 north,
 * Sep 1 south); a range of durations ("6 to 8 weeks") takes the upper end.
 *
 * @example timelineRule('By the end of Q2.', ctx) // targetDate 2026-06-30, bucket by the day count
 */
export function timelineRule(text: string, ctx: RuleContext): RuleResult {
  const country = getCountryForTimezone(ctx.visitor.timezone)?.id ?? ctx.region;
  const env: Env = {
    today: localToday(ctx.now, ctx.visitor.timezone),
    ctx,
    answering: ctx.expecting === 'timeline',
    southern: country !== undefined && SOUTHERN.has(country),
    strongCue: false,
  };
  const hits: Hit[] = [];
  for (const sentence of splitSentences(text)) {
    const cues = [...sentence.matchAll(TIMELINE_CUE)].map((m) => m[0]);
    if (!env.answering && cues.length === 0) continue;
    const sentenceEnv = { ...env, strongCue: cues.some((c) => !WEAK_CUES_ONLY.test(c)) };
    for (const clause of clauses(sentence)) {
      if (BUDGET_WORDS.test(clause) || findMoney(clause).some((m) => m.currency !== null)) continue;
      hits.push(...dropAlternatives(clause, findHits(clause, sentenceEnv)).map((h) => ({ ...h, sentence })));
    }
  }
  const lastDate = hits.filter((h): h is Hit & { value: CivilDate } => h.value !== 'none').at(-1);
  if (lastDate) {
    const iso = toIsoDate(lastDate.value);
    return {
      candidates: [
        candidate('timeline.targetDate', iso, lastDate.sentence),
        candidate('timeline.bucket', bucketFor(iso, ctx.now, ctx.visitor.timezone), lastDate.sentence),
      ].filter((c): c is Candidate => c !== null),
    };
  }
  const none = hits.at(-1);
  return { candidates: none ? [candidate('timeline.bucket', 'none', none.sentence)].filter((c): c is Candidate => c !== null) : [] };
}

/** Every time expression of a clause, in order; earlier matchers win over later and over chrono. */
function findHits(clause: string, env: Env): Omit<Hit, 'sentence'>[] {
  const hits: Omit<Hit, 'sentence'>[] = [];
  const free = (start: number, end: number) => hits.every((h) => end <= h.start || start >= h.end);
  for (const { re, resolve } of MATCHERS) {
    for (const m of clause.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].trim() === '' || !free(start, end)) continue;
      const value = resolve(m.groups ?? {}, env, clause.slice(0, start), clause.slice(end));
      if (value !== null) hits.push({ start, end, value: clampToToday(value, env.today) });
    }
  }
  if (env.answering || env.strongCue) for (const hit of chronoHits(clause, env)) if (free(hit.start, hit.end)) hits.push(hit);
  return hits.sort((a, b) => a.start - b.start);
}

/** "January or February": an alternative after "or" does not replace the first. */
function dropAlternatives(clause: string, hits: Omit<Hit, 'sentence'>[]): Omit<Hit, 'sentence'>[] {
  return hits.filter((h, i) => {
    const prev = hits[i - 1];
    return !prev || h.start - prev.end > 20 || !/^\s*(?:or|\/)\s/i.test(clause.slice(prev.end, h.end));
  });
}

function chronoHits(clause: string, env: Env): Omit<Hit, 'sentence'>[] {
  // Day-first dates ("03/04/2027") outside the US.
  const parser = /-US$/i.test(env.ctx.visitor.locale) ? chrono.casual : chrono.en.GB;
  const ref = { instant: env.ctx.now, timezone: utcOffsetMinutes(env.ctx.now, env.ctx.visitor.timezone) };
  return parser.parse(clause, ref, { forwardDate: true }).flatMap((r) => {
    const s = r.start;
    // Durations, month names and seasons have their own matchers; a time of day alone is no plan.
    if (/\b(?:days?|weeks?|months?|years?|quarters?|fortnights?|hours?|minutes?)\b|^(?:right\s+)?now$|^24\/7$/i.test(r.text)) return [];
    // A weekday alone or a span of weekdays ("open Mon-Fri") is a routine, not a date.
    if (!s.isCertain('day') && (!s.isCertain('weekday') || Boolean(r.end))) return [];
    if (!s.isCertain('day') && /^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/.test(r.text)) return [];
    const year = s.get('year');
    const month = s.get('month');
    const day = s.get('day');
    if (year === null || month === null || day === null) return [];
    const date = { year, month, day };
    return compareDates(date, env.today) < 0 ? [] : [{ start: r.index, end: r.index + r.text.length, value: date }];
  });
}

function clauses(sentence: string): string[] {
  return sentence.split(CLAUSE_BREAK).map((c) => c.trim()).filter(Boolean);
}

function clampToToday(value: Value, today: CivilDate): Value {
  return value !== 'none' && compareDates(value, today) < 0 ? today : value;
}

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

function at(period: Period, point: PeriodPoint | 'by' | null, fallback: PeriodPoint): CivilDate {
  return pointIn(period, point === null ? fallback : point === 'by' ? 'start' : point);
}

function relativePeriod(g: Groups, env: Env): CivilDate | null {
  const point = pointOf(g.mod);
  const unit = (g.unit ?? '').toLowerCase();
  const rel = (g.rel ?? (g.later ? 'this' : 'the')).toLowerCase().replace(/^the\s+/, '');
  // "the year" alone is any year ("the year we started"); only "end of the year" and the like name one.
  if ((rel === 'the' || rel === 'our') && (point === null || point === 'by')) return null;
  const next = rel === 'next' || rel === 'coming' || rel === 'following';
  const { today } = env;
  // "within the next year" is a year from today, not next calendar year.
  if (next && /within/i.test(g.mod ?? '')) {
    if (unit.startsWith('week')) return addDays(today, 7);
    return addMonths(today, unit === 'month' ? 1 : unit === 'quarter' ? 3 : 12);
  }
  if (unit.startsWith('week')) {
    const monday = addDays(today, 1 - isoWeekday(today) + (next ? 7 : 0));
    return at({ start: monday, end: addDays(monday, 6) }, point, next && unit === 'week' ? 'start' : 'end');
  }
  if (unit === 'month') {
    const first = addMonths({ ...today, day: 1 }, next ? 1 : 0);
    return at(monthPeriod(first.year, first.month), point, next ? 'start' : 'end');
  }
  if (unit === 'quarter') {
    const first = monthsPeriod(today.year, Math.floor((today.month - 1) / 3) * 3 + 1, 3);
    const start = next ? addMonths(first.start, 3) : first.start;
    return at(monthsPeriod(start.year, start.month, 3), point, 'end');
  }
  if (/fiscal|financial|fy/.test(unit)) {
    const fy = fiscalYear(env, next ? 1 : 0);
    return at(fy, point, next ? 'start' : 'end');
  }
  const year = today.year + (next ? 1 : 0);
  return at(monthsPeriod(year, 1, 12), point === 'by' && !next ? 'end' : point, next ? 'mid' : 'end');
}

function fiscalYear(env: Env, offset: number): Period {
  const endMonth = env.ctx.fiscalYearEndMonth;
  const current = upcoming((y) => monthsPeriod(endMonth === 12 ? y : y - 1, (endMonth % 12) + 1, 12), env.today);
  return monthsPeriod(current.start.year + offset, current.start.month, 12);
}

function yearEnd(g: Groups, env: Env): CivilDate {
  if (g.fiscal) return fiscalYear(env, 0).end;
  const eo = g.eo?.toLowerCase();
  if (eo === 'm') return monthPeriod(env.today.year, env.today.month).end;
  if (eo === 'q') return monthsPeriod(env.today.year, Math.floor((env.today.month - 1) / 3) * 3 + 1, 3).end;
  return { year: env.today.year, month: 12, day: 31 };
}

function quarter(g: Groups, env: Env): CivilDate | null {
  const word = g.qword?.toLowerCase() ?? '';
  const index = g.q ? Number(g.q) : Math.max(ORDINALS.indexOf(word), ORDINAL_DIGITS.indexOf(word)) + 1;
  if (index < 1) return null;
  const year = g.year ? Number(g.year) : g.yy ? 2000 + Number(g.yy) : null;
  const inYear = (y: number) => monthsPeriod(y, index * 3 - 2, 3);
  const period = year === null ? upcoming(inYear, env.today) : inYear(year);
  return compareDates(period.end, env.today) < 0 ? null : at(period, pointOf(g.mod), 'start');
}

/** "first half of next year", "H2", "H1 2027": the half's first day, like "Q3". */
function halfYear(g: Groups, env: Env): CivilDate | null {
  const second = /^(?:second|2nd)$/i.test(g.h ?? '') || g.hn === '2';
  const inYear = (y: number) => monthsPeriod(y, second ? 7 : 1, 6);
  const explicit = g.year ?? g.year2;
  const year = explicit ? Number(explicit) : /next/i.test(g.hrel ?? '') ? env.today.year + 1 : g.hrel ? env.today.year : null;
  const period = year === null ? upcoming(inYear, env.today) : inYear(year);
  return compareDates(period.end, env.today) < 0 ? null : period.start;
}

function holiday(g: Groups, env: Env): CivilDate {
  const name = (g.holiday ?? '').toLowerCase();
  const onDay = (y: number): CivilDate => {
    if (/christmas|xmas/.test(name)) return { year: y, month: 12, day: 25 };
    if (/eve/.test(name)) return { year: y, month: 12, day: 31 };
    if (/new/.test(name)) return { year: y, month: 1, day: 1 };
    // Thanksgiving: fourth Thursday of November (US), second Monday of October (Canada).
    const canada = env.ctx.region === 'CA' && /thanks/.test(name);
    const first = { year: y, month: canada ? 10 : 11, day: 1 };
    const day = canada ? addDays(first, ((8 - isoWeekday(first)) % 7) + 7) : addDays(first, ((11 - isoWeekday(first)) % 7) + 21);
    return /black/.test(name) ? addDays(day, 1) : day;
  };
  const date = upcoming((y) => ({ start: onDay(y), end: onDay(y) }), env.today).start;
  return /after/i.test(g.hprep ?? '') ? addDays(date, 1) : date;
}

function month(g: Groups, env: Env, before: string, after: string): CivilDate | null {
  const word = g.month ?? '';
  // "may" is a verb and lower-case month names are words unless a preposition or modifier says otherwise.
  if (!g.mod && !g.prep && (/^may$/i.test(word) || word.charAt(0) === word.charAt(0).toLowerCase())) return null;
  // "March 10" and "10th of March" are chrono's.
  if ((!g.year && /^\s+\d{1,2}(?:st|nd|rd|th)?\b/.test(after)) || /\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?$/i.test(before)) return null;
  const index = MONTH_KEYS.indexOf(word.slice(0, 3).toLowerCase()) + 1;
  const period = g.year ? monthPeriod(Number(g.year), index) : upcoming((y) => monthPeriod(y, index), env.today);
  return compareDates(period.end, env.today) < 0 ? null : at(period, pointOf(g.mod), 'start');
}

function season(g: Groups, env: Env, _before: string, after: string): CivilDate | null {
  const name = (g.season ?? '').toLowerCase();
  // "fall" needs a preposition; a noun after the season is an event ("our spring sale"), not the season.
  if (name === 'fall' && !g.mod && !g.sprep) return null;
  if (/^\s+(?!(?:time|season|break|holidays?|or|and|at|if|ideally|hopefully|probably|maybe|latest|this|next|so|but|then|when|we|i|since|because|as|to|is|would|will|though|please|of)\b)\p{L}/iu.test(after)) return null;
  const startMonth = ((SEASON_START[name] ?? 3) + (env.southern ? 6 : 0) - 1) % 12 + 1;
  const inYear = (y: number) => monthsPeriod(y, startMonth, 3);
  let period = g.year ? inYear(Number(g.year)) : upcoming(inYear, env.today);
  if (/next/i.test(g.sprep ?? '') && compareDates(period.start, env.today) <= 0) period = inYear(period.start.year + 1);
  const point = /after/i.test(g.sprep ?? '') ? 'after' : pointOf(g.mod);
  return at(period, point, 'start');
}

function explicitYear(g: Groups, env: Env): CivilDate | null {
  const period = monthsPeriod(Number(g.year), 1, 12);
  return compareDates(period.end, env.today) < 0 ? null : at(period, pointOf(g.mod), 'mid');
}

function duration(g: Groups, env: Env, before: string, after: string): CivilDate | null {
  const anchored = Boolean(g.prep || g.next || g.from || g.another);
  // "for 10 years" is how long; "(not) for another 6 months" is when.
  if (!g.prep && !g.another && /\b(?:for|every|each|per|last|past|than|since)\s+(?:the\s+)?$/i.test(before)) return null;
  // "over 10 years" is how long; "over the next 18 months" is when.
  if (!g.prep && !g.next && /\bover\s+$/i.test(before)) return null;
  if (/^\s*(?:ago|old|long|in\s+a\s+row|running|straight|of\s+(?:experience|history|data))\b/i.test(after)) return null;
  if (!anchored && !(env.answering && before.toLowerCase().split(/[^\p{L}'’]+/u).every((w) => w === '' || FILLERS.has(w)))) return null;
  const amounts = [g.qty, g.qty2, g.qty3].map(quantity).filter((n): n is number => n !== null);
  if (amounts.length === 0) return null;
  const q = Math.max(...amounts) + (g.half ? 0.5 : 0);
  const unit = (g.unit ?? '').toLowerCase();
  if (unit.startsWith('d')) return addDays(env.today, Math.round(q));
  if (unit.startsWith('w')) return addDays(env.today, Math.round(q * 7));
  if (unit.startsWith('f')) return addDays(env.today, Math.round(q * 14));
  const months = unit.startsWith('q') ? q * 3 : unit.startsWith('y') ? q * 12 : q;
  return Number.isInteger(months) ? addMonths(env.today, months) : addDays(env.today, Math.round(months * 30.44));
}

function quantity(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t);
  if (/^half\s/.test(t)) return 0.5;
  if (t === 'a' || t === 'an') return 1;
  return wordsToNumber(t);
}
