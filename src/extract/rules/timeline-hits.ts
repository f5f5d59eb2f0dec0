import * as chrono from 'chrono-node';
import { findMoney } from './money.js';
import { splitSentences } from './sentences.js';
import { addDays, compareDates, utcOffsetMinutes, type CivilDate } from './timeline-bucket.js';
import {
  BUDGET_WORDS,
  NO_MONEY,
  PAST_EVENT,
  PLANS,
  RATES,
  TIMELINE_CUES,
  WANTED,
  WEAK_CUE,
} from './timeline-clause-phrases.js';
import { PHRASE_MATCHERS } from './timeline-matchers.js';
import { wholeWords } from './whole-words.js';
import type { DatedPhrase, Phrase, PhraseEnv } from './timeline-types.js';

/** A time phrase found in the message, with offsets in the whole message. */
export type Hit = {
  start: number;
  end: number;
  value: Phrase;
  sentence: string;
  sentenceIndex: number;
  sentenceStart: number;
  wanted: boolean;
};
type Found = Omit<Hit, 'sentence' | 'sentenceIndex' | 'sentenceStart' | 'wanted'>;
export type Dated = Hit & { value: DatedPhrase };

/** Words that make a sentence about timing. */
const TIMELINE_CUE = wholeWords(TIMELINE_CUES);
const PLAN_WORDS = wholeWords(PLANS);
/** A billing period right after an amount ("$500 a month") is part of the money, not a date. */
const RATE_AFTER = new RegExp(String.raw`^\s*(?:${RATES.source})`, 'i');
const CLAUSE_BREAK = /[,:](?!\d)|;|\s[-–—]\s|\b(?:and|but|so|though|although|because|since)\b/gi;
/** What chrono reads that is no date: durations and month names have their own matchers; a time of day alone is no plan. */
const NOT_A_DATE =
  /\b(?:days?|weeks?|months?|years?|quarters?|fortnights?|hours?|minutes?)\b|^(?:right\s+)?now$|^24\/7$/i;
const WEEKDAY_ALONE = /^(?:on\s+)?(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?$/;
/** "is there a room open tonight": a time of day in their trade, not when they buy. */
const TIME_OF_DAY =
  /^(?:tonight|this\s+(?:evening|afternoon|morning)|tomorrow\s+(?:morning|afternoon|evening|night))$/i;
/** "Not before 2028", "no sooner than June": from the start of the period. */
const NOT_BEFORE =
  /\b(?:not|never)\s+(?:before|until|till|earlier\s+than|sooner\s+than)\s*$|\bno\s+(?:earlier|sooner)\s+than\s*$/i;

/** Every time phrase of the message, in order, with offsets in the message. */
export function findAllHits(text: string, env: PhraseEnv): Hit[] {
  const hits: Hit[] = [];
  let offset = 0;
  for (const [sentenceIndex, sentence] of splitSentences(text).entries()) {
    const sentenceStart = text.indexOf(sentence, offset);
    offset = sentenceStart + sentence.length;
    const cues = [...sentence.matchAll(TIMELINE_CUE)].map((m) => m[0]);
    if (!env.answering && cues.length === 0) continue;
    const sentenceEnv = { ...env, strongCue: cues.some((c) => !WEAK_CUE.test(c)) };
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
  if (NO_MONEY.test(clause) || (PAST_EVENT.test(clause) && !PLAN_WORDS.test(clause))) return null;
  const money = findMoney(clause).filter((m) => m.currency !== null);
  if (!answering) return BUDGET_WORDS.test(clause) || money.length > 0 ? null : clause;
  let masked = clause;
  for (const m of money) {
    const end = m.end + (RATE_AFTER.exec(clause.slice(m.end))?.[0].length ?? 0);
    masked = masked.slice(0, m.start) + ' '.repeat(end - m.start) + masked.slice(end);
  }
  return masked;
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
    if (NOT_A_DATE.test(r.text)) return [];
    // A weekday alone or a span of weekdays ("open Mon-Fri") is a routine, not a date.
    if (!s.isCertain('day') && (!s.isCertain('weekday') || Boolean(r.end))) return [];
    if (!s.isCertain('day') && WEEKDAY_ALONE.test(r.text)) return [];
    if (!env.answering && TIME_OF_DAY.test(r.text.trim())) return [];
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
  const notBefore = NOT_BEFORE.test(before);
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
