import * as chrono from 'chrono-node';
import { getCountryForTimezone } from 'countries-and-timezones';
import { candidate, type Candidate } from '../../lead/field-paths.js';
import { findMoney } from './money.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';
import {
  ownFiscalYearEnd,
  PHRASE_MATCHERS,
  type DatedPhrase,
  type Phrase,
  type PhraseEnv,
} from './timeline-phrases.js';
import {
  addDays,
  bucketFor,
  compareDates,
  daysBetween,
  isWithin,
  localToday,
  toIsoDate,
  utcOffsetMinutes,
  type CivilDate,
} from './timeline-bucket.js';

/** A time phrase found in the message, with offsets in the whole message. */
type Hit = {
  start: number;
  end: number;
  value: Phrase;
  sentence: string;
  sentenceIndex: number;
  sentenceStart: number;
  wanted: boolean;
};
type Found = Omit<Hit, 'sentence' | 'sentenceIndex' | 'sentenceStart' | 'wanted'>;
type Dated = Hit & { value: DatedPhrase };

// Southern-hemisphere countries, for seasons ("before summer" in Sydney is December).
const SOUTHERN = new Set([
  'AU',
  'NZ',
  'AR',
  'CL',
  'UY',
  'PY',
  'BR',
  'BO',
  'PE',
  'ZA',
  'NA',
  'BW',
  'LS',
  'SZ',
  'MZ',
  'ZW',
  'ZM',
  'MW',
  'MG',
  'MU',
  'FJ',
  'NC',
]);

// Present-tense cues only: "we launched in January" tells of the past, not a plan.
const TIMELINE_CUE =
  /\b(?:by|before|within|until|till|live|launch(?:es|ing)?|start(?:s|ing)?|go[-\s]?live|deadline|decid(?:e|ing)|decision|pilot(?:ing)?|in\s+place|up\s+and\s+running|running|sorted|roll(?:ing)?\s+(?:it\s+)?out|rollout|sign(?:ing)?|implement(?:ing|ation)?|deploy(?:ing|ment)?|set\s+up|ready|kick\s*off|begin(?:ning)?|aim(?:s|ing)?|target(?:ing)?|plan(?:s|ning|ned)?|timeline|time\s?frame|schedul\w*|when|soon|asap|urgent\w*|immediately|right\s+away|no\s+(?:rush|hurry)|some\s?day|at\s+some\s+point|next\s+year|early|mid|late|end\s+of|opens|opening|(?:need(?:ed)?|want(?:ed)?|have|get)\s+(?:it|this|something|started))\b/gi;
/** "by Monday they've booked elsewhere": a weekday or a day needs more than "by" to be a plan. */
const WEAK_CUES_ONLY = /^(?:by|before|within|until|till|when|early|mid|late|end\s+of)$/i;
const BUDGET_WORDS =
  /\b(?:budget\w*|funds?|funding|money|spend\w*|afford\w*|allocat\w*|earmark\w*|grant|invest\w*)\b/i;
/** "no budget for it this year": the year is when there is no money, not when they buy. */
const NO_MONEY =
  /\b(?:no|zero|without)\s+(?:\w+\s+)?(?:budget|money|funds?|funding)\b|\b(?:not|un)\s?budgeted\b|\b(?:don't|do\s+not|dont|haven't|have\s+not|havent)\s+(?:have|got)\s+(?:a\s+|any\s+|the\s+)?(?:budget|money|funds)\b/i;
/** A billing period right after an amount ("$500 a month") is part of the money, not a date. */
const RATE_AFTER =
  /^\s*(?:(?:a|an|per|each|every|this|for\s+the)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:month|year|quarter|week|annum)\b|\/\s?\w+|monthly|yearly|annually|quarterly|p\.?a\.?|pm\b)/i;
/** A clause telling of something done ("we launched in January") is history, unless it also plans. */
const PAST_EVENT =
  /\b(?:we|i|they|it|the\s+(?:company|team|business))\s+(?:(?:have|'ve|had|only|just|already|first|originally|recently)\s+)*(?:launched|started|began|opened|founded|went\s+live|rolled\s+out|switched|moved|migrated|signed|joined|bought|purchased|implemented|installed|deployed|kicked\s+off|finished|completed|raised|hired)\b/i;
const PLANS =
  /\b(?:will|'ll|going\s+to|gonna|plan\w*|want\w*|need\w*|hop(?:e|ing)|aim\w*|should|must|ha(?:ve|s)\s+to|would|'d|expect\w*|intend\w*)\b/i;
/** A clause saying when the visitor wants the product ("we need it by March"), not when something else happens. */
const WANTED =
  /\b(?:need|want|'d\s+like|would\s+like|hop(?:e|ing)|aim(?:ing)?|plan(?:ning)?|must\s+have|have\s+to\s+have)\s+(?:it|this|that|something|one|a\s+\w+|the\s+\w+|to\s+(?:be|go|have|get|launch|start|roll|sign|pilot))\b|\b(?:we'd|we\s+would|we'll|we\s+will|we\s+could|i'd|i\s+would)\s+(?:then\s+)?(?:start|launch|go\s+live|begin|roll\s+(?:it\s+)?out|sign|kick\s+off)\b/i;
const CLAUSE_BREAK = /[,:](?!\d)|;|\s[-–—]\s|\b(?:and|but|so|though|although|because|since)\b/gi;
/**
 * Words that withdraw the time said before them ("June. Actually, make that July."); "X
 * instead of Y" and "X rather than Y" keep X, so those two do not correct.
 */
const CORRECTION_WORDS = String.raw`actually|sorry|make\s+(?:that|it)|scratch\s+that|(?:or\s+)?rather(?!\s+than)|more\s+like|instead(?!\s+of)|no\s+wait|wait(?=\s*[,.!-])|correction|i\s+mean|on\s+second\s+thoughts?`;
const CORRECTION_ANYWHERE = new RegExp(String.raw`\b(?:${CORRECTION_WORDS})\b`, 'gi');
const CORRECTION_ONLY = new RegExp(
  String.raw`^\W*(?:(?:${CORRECTION_WORDS}|oh|um|hmm|no|oops)\W*)+$`,
  'i',
);
/** Words that restate the time just before them more precisely ("before the January deadline, so by mid-December"). */
const RESTATEMENT =
  /(?:\b(?:so|i\.?e\.?|that\s+is(?:\s+to\s+say)?|that\s+means|meaning|in\s+other\s+words|which\s+(?:is|means))|[=:]|->)[\s,]*(?:(?:probably|ideally|realistically|roughly|about|around|say|basically|effectively|really)[\s,]+)*$/i;

/**
 * The timeline rule: when the visitor wants to be up and running, as `timeline.targetDate`
 * (ISO date in the visitor's time zone) and `timeline.bucket`, or bucket `none` for "no rush",
 * "no plans to buy", or "whenever" / "not urgent" as the answer ("not urgent" is never ASAP).
 * Outside an answer to the timeline question, a date counts only in a sentence about timing,
 * never in a clause about money ("no budget for it this year"); in an answer, money words do
 * not hide a date ("the grant has to be spent by the end of the year").
 * Of several dates, the FIRST counts ("by mid November, before the year-end rush"), except that
 * a later one replaces it when it is
 *  - a correction: after "actually", "sorry", "make that", "scratch that", "rather", "more like",
 *    "instead", "no wait", "correction" in its own sentence (or a sentence of only those words);
 *  - a restatement: right after "so", "i.e.", "that is", "meaning" ("before the January
 *    deadline, so by mid-December": the restated date is the one they act on);
 *  - what they want, after a date of something else ("we launch in May, so we need it by
 *    March"): a clause with "need it", "want it", "would like to be" names the target;
 *  - a refinement: inside the span of a vague earlier one ("early next year, around February",
 *    "Q3, probably August", "next year, in March" = March of next year); deadlines ("by",
 *    "end of") and durations have no span to refine ("within 2 months; our launch is in July").
 *  - more precise than a lower bound: "not this year, probably March" (a date at or after the
 *    day "not this year" points at);
 * Of two joined by "or" the first counts ("January or February"); a date beats a "no rush".
 * Choices: a bare month is its 1st; "early" the 5th (two weeks into a longer span); "mid" the
 * middle; "late" and "end (of)" the last day ("end Sept" too); "next year" and a later year
 * ("2028", "in 2027") are Jul 1, "this year" and the current year Dec 31; "the holidays" are
 * Dec 24 ("after the holidays" Jan 2); "March next year" is March of next year; "not this year" is the day after it;
 * "next quarter" its last day; "Q3" its first; seasons are meteorological (spring = Mar 1
 * north, Sep 1 south); a range of durations ("6 to 8 weeks") takes the upper end.
 *
 * @example timelineRule('By the end of Q2.', ctx) // targetDate 2026-06-30, bucket by the day count
 */
export function timelineRule(text: string, ctx: RuleContext): RuleResult {
  const country = getCountryForTimezone(ctx.visitor.timezone)?.id ?? ctx.region;
  const env: PhraseEnv = {
    today: localToday(ctx.now, ctx.visitor.timezone),
    ctx: { ...ctx, fiscalYearEndMonth: ownFiscalYearEnd(text, ctx.fiscalYearEndMonth) },
    answering: ctx.expecting === 'timeline',
    southern: country !== undefined && SOUTHERN.has(country),
    strongCue: false,
  };
  const hits = findAllHits(text, env);
  const chosen = choose(
    text,
    hits.filter((h): h is Dated => h.value !== 'none'),
  );
  if (chosen) {
    const iso = toIsoDate(chosen.value.date);
    return {
      candidates: [
        candidate('timeline.targetDate', iso, chosen.sentence),
        candidate(
          'timeline.bucket',
          bucketFor(iso, ctx.now, ctx.visitor.timezone),
          chosen.sentence,
        ),
      ].filter((c): c is Candidate => c !== null),
    };
  }
  const none = hits.at(-1);
  return {
    candidates: none
      ? [candidate('timeline.bucket', 'none', none.sentence)].filter(
          (c): c is Candidate => c !== null,
        )
      : [],
  };
}

/** Every time phrase of the message, in order, with offsets in the message. */
function findAllHits(text: string, env: PhraseEnv): Hit[] {
  const hits: Hit[] = [];
  let offset = 0;
  for (const [sentenceIndex, sentence] of splitSentences(text).entries()) {
    const sentenceStart = text.indexOf(sentence, offset);
    offset = sentenceStart + sentence.length;
    const cues = [...sentence.matchAll(TIMELINE_CUE)].map((m) => m[0]);
    if (!env.answering && cues.length === 0) continue;
    const sentenceEnv = { ...env, strongCue: cues.some((c) => !WEAK_CUES_ONLY.test(c)) };
    const parts = clauses(sentence);
    const asking = sentence.trimEnd().endsWith('?');
    for (const [index, { clause, at }] of parts.entries()) {
      const timing = timingText(clause, env.answering);
      if (timing === null) continue;
      const wanted = WANTED.test(clause);
      for (const h of dropAlternatives(timing, findHits(timing, sentenceEnv))) {
        // "does the bot hand over at some point?", "can it spot buyers ready this week?": the clause
        // that asks is about us, it states no plan of theirs (the timeline question will ask).
        if (!env.answering && asking && index === parts.length - 1) continue;
        hits.push({
          ...h,
          start: sentenceStart + at + h.start,
          end: sentenceStart + at + h.end,
          sentence,
          sentenceIndex,
          sentenceStart,
          wanted,
        });
      }
    }
  }
  return hits;
}

/**
 * The clause as far as timing goes, or null when it cannot hold the visitor's timeline: a
 * clause about money (outside an answer), about having no money, or telling of the past. In
 * an answer, amounts and their billing periods are blanked out (offsets kept) and the rest counts.
 */
function timingText(clause: string, answering: boolean): string | null {
  if (NO_MONEY.test(clause) || (PAST_EVENT.test(clause) && !PLANS.test(clause))) return null;
  const money = findMoney(clause).filter((m) => m.currency !== null);
  if (!answering) return BUDGET_WORDS.test(clause) || money.length > 0 ? null : clause;
  let masked = clause;
  for (const m of money) {
    const end = m.end + (RATE_AFTER.exec(clause.slice(m.end))?.[0].length ?? 0);
    masked = masked.slice(0, m.start) + ' '.repeat(end - m.start) + masked.slice(end);
  }
  return masked;
}

/**
 * The date the visitor means among those said: the first, unless a later one corrects,
 * restates or refines it, or says what they want after another event (see `timelineRule`).
 */
function choose(text: string, dated: readonly Dated[]): Dated | undefined {
  let chosen = dated[0];
  for (const h of dated.slice(1)) {
    if (!chosen) break;
    const refined = refinement(h, chosen);
    const bounded = chosen.value.lowerBound === true ? atOrAfter(h.value, chosen.value.date) : null;
    if (refined) chosen = { ...h, value: refined };
    else if (bounded) chosen = { ...h, value: bounded };
    else if (revises(text, chosen, h) || (h.wanted && !chosen.wanted)) chosen = h;
  }
  return chosen;
}

/**
 * `phrase` at or after the lower bound `from` ("not this year ... probably March" is March of
 * next year), or null when it lies before it.
 */
function atOrAfter(phrase: DatedPhrase, from: CivilDate): DatedPhrase | null {
  if (compareDates(phrase.date, from) >= 0) return phrase;
  const moved = [from.year, from.year + 1]
    .map((y) => phrase.inYear?.(y) ?? null)
    .find((p) => p !== null && compareDates(p.date, from) >= 0);
  return moved ?? null;
}

/** Whether `later` comes after a correction or restatement of `earlier`. */
function revises(text: string, earlier: Hit, later: Hit): boolean {
  const from = Math.max(earlier.end, later.sentenceStart);
  const own = text.slice(from, later.start);
  // Read on into the later phrase, so that "instead of July" (the phrase starts at "of") is no correction.
  const corrected = [...text.slice(from, later.end).matchAll(CORRECTION_ANYWHERE)].some(
    (m) => m.index < own.length,
  );
  if (corrected || RESTATEMENT.test(own)) return true;
  // "June. No wait. July.": a sentence of only correction words between the two.
  const between = splitSentences(text.slice(earlier.end, later.sentenceStart));
  return (
    between.some((s) => CORRECTION_ONLY.test(s)) && later.sentenceIndex > earlier.sentenceIndex
  );
}

/**
 * `later` as a narrower time inside the vague span of `earlier`, or null: "Q3, probably
 * August"; a phrase with no year moves into the span ("next year, around March" is next March).
 */
function refinement(later: Dated, earlier: Dated): DatedPhrase | null {
  const span = earlier.value.span;
  if (!span) return null;
  const { inYear } = later.value;
  const years = inYear ? [span.start.year, span.end.year].map(inYear) : [];
  const width = (p: DatedPhrase) => (p.span ? daysBetween(p.span.start, p.span.end) : 0);
  return (
    [later.value, ...years].find(
      (p): p is DatedPhrase =>
        p !== null && isWithin(p.date, span) && width(p) < width(earlier.value),
    ) ?? null
  );
}

/** Every time expression of a clause, in order; earlier matchers win over later and over chrono. */
function findHits(clause: string, env: PhraseEnv): Found[] {
  const hits: Found[] = [];
  const free = (start: number, end: number) => hits.every((h) => end <= h.start || start >= h.end);
  for (const { re, resolve } of PHRASE_MATCHERS) {
    for (const m of clause.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (m[0].trim() === '' || !free(start, end)) continue;
      const value = resolve(m.groups ?? {}, env, clause.slice(0, start), clause.slice(end));
      if (value !== null)
        hits.push({
          start,
          end,
          value: clampToToday(negated(value, clause.slice(0, start), m[0]), env.today),
        });
    }
  }
  if (env.answering || env.strongCue)
    for (const hit of chronoHits(clause, env)) if (free(hit.start, hit.end)) hits.push(hit);
  return hits.sort((a, b) => a.start - b.start);
}

/** "January or February": an alternative after "or" does not replace the first. */
function dropAlternatives(clause: string, hits: Found[]): Found[] {
  return hits.filter((h, i) => {
    const prev = hits[i - 1];
    return (
      !prev || h.start - prev.end > 20 || !/^\s*(?:or|\/)\s/i.test(clause.slice(prev.end, h.end))
    );
  });
}

function chronoHits(clause: string, env: PhraseEnv): Found[] {
  // Day-first dates ("03/04/2027") outside the US.
  const parser = /-US$/i.test(env.ctx.visitor.locale) ? chrono.casual : chrono.en.GB;
  const ref = {
    instant: env.ctx.now,
    timezone: utcOffsetMinutes(env.ctx.now, env.ctx.visitor.timezone),
  };
  return parser.parse(clause, ref, { forwardDate: true }).flatMap((r) => {
    const s = r.start;
    // Durations, month names and seasons have their own matchers; a time of day alone is no plan.
    if (
      /\b(?:days?|weeks?|months?|years?|quarters?|fortnights?|hours?|minutes?)\b|^(?:right\s+)?now$|^24\/7$/i.test(
        r.text,
      )
    )
      return [];
    // A weekday alone or a span of weekdays ("open Mon-Fri") is a routine, not a date.
    if (!s.isCertain('day') && (!s.isCertain('weekday') || Boolean(r.end))) return [];
    if (
      !s.isCertain('day') &&
      /^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/.test(r.text)
    )
      return [];
    // "is there a room open tonight": a time of day in their trade, not when they buy.
    if (
      !env.answering &&
      /^(?:tonight|this\s+(?:evening|afternoon|morning)|tomorrow\s+(?:morning|afternoon|evening|night))$/i.test(
        r.text.trim(),
      )
    )
      return [];
    const year = s.get('year');
    const month = s.get('month');
    const day = s.get('day');
    if (year === null || month === null || day === null) return [];
    const date = { year, month, day };
    return compareDates(date, env.today) < 0
      ? []
      : [{ start: r.index, end: r.index + r.text.length, value: { date } }];
  });
}

/** The clauses of a sentence with their offsets in it. */
function clauses(sentence: string): { clause: string; at: number }[] {
  const parts: { clause: string; at: number }[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = sentence.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    if (raw.trim()) parts.push({ clause: raw.trim(), at: start + lead });
  };
  for (const m of sentence.matchAll(CLAUSE_BREAK)) {
    push(m.index);
    start = m.index + m[0].length;
  }
  push(sentence.length);
  return parts;
}

/**
 * "Not this year", "not in Q2", "we won't buy this quarter": the time after the period named,
 * not the period itself. Deadlines have no span and stay ("not until June" is June).
 */
function negated(value: Phrase, before: string, said = ''): Phrase {
  if (value === 'none' || !value.span || !/\b(?:not|n't|never|no\s+plans?)\b/i.test(before))
    return value;
  // "Not before 2028": from its start; "not this year", "not in Q2": from the day after it.
  const notBefore =
    /\b(?:not|never)\s+(?:before|until|till|earlier\s+than|sooner\s+than)\s*$|\bno\s+(?:earlier|sooner)\s+than\s*$/i.test(
      before,
    );
  // The phrase may carry the "until" itself ("not [till early next year]").
  if (
    notBefore ||
    (/\b(?:not|never)\s*$/i.test(before) && /^\s*(?:before|until|till)\b/i.test(said))
  )
    return { date: value.span.start, lowerBound: true };
  return { date: addDays(value.span.end, 1), lowerBound: true };
}

function clampToToday(value: Phrase, today: CivilDate): Phrase {
  return value !== 'none' && compareDates(value.date, today) < 0
    ? { ...value, date: today }
    : value;
}
