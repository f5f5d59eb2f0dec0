import { getCountryForTimezone } from 'countries-and-timezones';
import { candidate, type Candidate } from '../../lead/field-paths.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';
import {
  bucketFor,
  compareDates,
  daysBetween,
  isWithin,
  localToday,
  toIsoDate,
  type CivilDate,
} from './timeline-bucket.js';
import { CORRECTIONS, RESTATEMENTS } from './timeline-clause-phrases.js';
import { findAllHits, type Dated, type Hit } from './timeline-hits.js';
import { ownFiscalYearEnd } from './timeline-periods.js';
import type { DatedPhrase, PhraseEnv } from './timeline-types.js';
import { wholeWords } from './whole-words.js';

// Southern-hemisphere countries, for seasons ("before summer" in Sydney is December).
const SOUTHERN = new Set(
  'AU NZ AR CL UY PY BR BO PE ZA NA BW LS SZ MZ ZW ZM MW MG MU FJ NC'.split(' '),
);

const CORRECTION_ANYWHERE = wholeWords(CORRECTIONS, 'gi');
/** A sentence of only correction words: "No wait." */
const CORRECTION_ONLY = new RegExp(
  String.raw`^\W*(?:(?:${CORRECTIONS.source}|oh|um|hmm|no|oops)\W*)+$`,
  'i',
);
/** A restatement ("so", "i.e.", "=", "->") right before a time, with the hedges that may follow it ("so realistically"). */
const RESTATEMENT = new RegExp(
  String.raw`(?:\b(?:${RESTATEMENTS.source})|[=:]|->)[\s,]*` +
    String.raw`(?:(?:probably|ideally|realistically|roughly|about|around|say|basically|effectively|really)[\s,]+)*$`,
  'i',
);

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
