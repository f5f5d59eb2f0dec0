import type { RuleContext } from './rule-context.js';
import type { CivilDate, Period } from './timeline-bucket.js';

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

/**
 * One kind of time phrase: its pattern (global, compiled from a phrase table), what a match of
 * it means (null: not a time after all), and examples of both.
 */
export type PhraseMatcher = {
  re: RegExp;
  resolve: (g: PhraseGroups, env: PhraseEnv, before: string, after: string) => Phrase | null;
  /**
   * What the visitor says and what it means (an ISO date, or `none`), read on Tuesday 2026-03-10
   * in New York as the answer to the timeline question; every example is a test.
   */
  examples: readonly (readonly [said: string, means: string])[];
};
