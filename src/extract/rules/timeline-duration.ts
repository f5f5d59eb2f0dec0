import { wordsToNumber } from './number-words.js';
import { addDays } from './timeline-bucket.js';
import { DURATION } from './timeline-period-phrases.js';
import type { Phrase, PhraseEnv, PhraseGroups, PhraseMatcher } from './timeline-types.js';

/** Words that may stand before a bare answer ("probably 3 weeks", "honestly, whenever", "sometime 2028"). */
const FILLERS = new Set(
  [
    'about around roughly approximately approx maybe perhaps probably possibly likely ideally hopefully',
    "realistically honestly really like say i'd we'd i we think guess reckon would oh um uh hmm hm well so",
    "and then it's its it is that's thats just only at most least max the next ok okay yeah yes sure no",
    'later than less more under some something somewhere sometime tbh in',
  ]
    .join(' ')
    .split(' '),
);

/**
 * Whether the words before a phrase are only fillers ("probably", "honestly, I'd say"), so
 * that a bare "3 weeks" or "2028" is the whole answer rather than part of another statement.
 */
export function onlyFillers(before: string): boolean {
  return before
    .toLowerCase()
    .split(/[^\p{L}'’]+/u)
    .every((w) => w === '' || FILLERS.has(w));
}

/**
 * "in 3 weeks", "within the next 2 months", "6 to 8 weeks" (the upper end), "three months from
 * now", "not for another 6 months"; a bare "two weeks" only as the whole answer.
 */
export const DURATION_MATCHER: PhraseMatcher = {
  re: DURATION.pattern,
  resolve: duration,
  examples: [
    ['in 3 weeks', '2026-03-31'],
    ['Within 6 to 8 weeks.', '2026-05-05'],
    ['three months from now', '2026-06-08'],
  ],
};

function duration(g: PhraseGroups, env: PhraseEnv, before: string, after: string): Phrase | null {
  const anchored = Boolean(g.prep || g.next || g.from || g.another);
  // "for 10 years" is how long; "(not) for another 6 months" is when.
  if (
    !g.prep &&
    !g.another &&
    /\b(?:for|every|each|per|last|past|than|since)\s+(?:the\s+)?$/i.test(before)
  )
    return null;
  // "over 10 years" is how long; "over the next 18 months" is when.
  if (!g.prep && !g.next && /\bover\s+$/i.test(before)) return null;
  if (
    /^\s*(?:ago|old|long|in\s+a\s+row|running|straight|of\s+(?:experience|history|data))\b/i.test(
      after,
    )
  )
    return null;
  if (!anchored && !(env.answering && onlyFillers(before))) return null;
  const amounts = [g.qty, g.qty2, g.qty3].map(quantity).filter((n): n is number => n !== null);
  if (amounts.length === 0) return null;
  const q = Math.max(...amounts) + (g.half ? 0.5 : 0);
  const unit = (g.unit ?? '').toLowerCase();
  if (unit.startsWith('d')) return { date: addDays(env.today, Math.round(q)) };
  if (unit.startsWith('w')) return { date: addDays(env.today, Math.round(q * 7)) };
  if (unit.startsWith('f')) return { date: addDays(env.today, Math.round(q * 14)) };
  const months = unit.startsWith('q') ? q * 3 : unit.startsWith('y') ? q * 12 : q;
  // A month of a duration is 30 days: "within a month" is immediate and "in 3 months" a quarter
  // whatever the calendar (31-day months would push them into the next bucket).
  return { date: addDays(env.today, Math.round(months * 30)) };
}

function quantity(text: string | undefined): number | null {
  if (!text) return null;
  const t = text.toLowerCase().trim();
  if (/^\d/.test(t)) return Number(t);
  if (/^half\s/.test(t)) return 0.5;
  if (t === 'a' || t === 'an') return 1;
  return wordsToNumber(t);
}
