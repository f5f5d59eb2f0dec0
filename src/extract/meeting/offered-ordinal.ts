const WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  earliest: 1,
  soonest: 1,
  former: 1,
  top: 1,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
  '5th': 5,
  '6th': 6,
  '7th': 7,
  '8th': 8,
  '9th': 9,
  '10th': 10,
};
const LAST = new Set(['last', 'latter', 'latest', 'final', 'bottom']);
const NOUN = '(?:one|option|slot|choice|time|opening|suggestion|button)s?';
const MONTH = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$/;
const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day)?$/;
/** Words before a numeric ordinal that make it a date: "on the 2nd", "by the 3rd", "Dec 2nd". */
const DATE_BEFORE = new Set([
  'on',
  'for',
  'by',
  'until',
  'till',
  'from',
  'since',
  'before',
  'after',
]);

/** Where in the list the visitor pointed, and whether they said so unmistakably. */
export type OfferedOrdinal = {
  /** 1-based position; -1 for "the last one". */
  position: number;
  /** True with a noun ("the second option", "option 2", "2"), false for a bare word ("the first", "the 2nd"). */
  explicit: boolean;
};

/** Whether the numeric ordinal at `i` reads as a day of the month ("the 2nd of March", "Dec 2nd", "on the 2nd", "Monday the 2nd"). */
function readsAsDate(words: readonly string[], i: number): boolean {
  const next = words[i + 1] ?? '';
  const before = words[i - 1] === 'the' ? words[i - 2] : words[i - 1];
  if (next === 'of' || MONTH.test(next)) return true;
  return (
    before !== undefined && (DATE_BEFORE.has(before) || MONTH.test(before) || WEEKDAY.test(before))
  );
}

/**
 * Reads a pick from a list: "the first one", "the second option", "the last one", "option 2",
 * "#3", a lone "2", "the 2nd". A bare ordinal, word or number ("the first", "second please",
 * "I'll take the 2nd"), is returned as not explicit: "first thing Monday" or "last Friday" name a
 * day instead, so the caller trusts it only when no date or time was read. A numeric ordinal
 * that reads as a day of the month ("the 2nd of March", "Dec 2nd", "on the 2nd", "Monday the
 * 2nd") is no pick: while slots are listed, "the 2nd" alone means the second of them. "a second"
 * and "per first" are not picks either. Null when there is no pick.
 *
 * @example offeredOrdinal('I will take the second option') // { position: 2, explicit: true }
 * @example offeredOrdinal('the 2nd') // { position: 2, explicit: false }
 * @example offeredOrdinal('the 2nd of March') // null
 */
export function offeredOrdinal(text: string): OfferedOrdinal | null {
  const t = text
    .toLowerCase()
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim();
  const numbered =
    /^(?:(?:option|slot|choice|number|no|#)\s*)?#?(\d{1,2})(?:\s+please)?$/.exec(t) ??
    /\b(?:option|slot|choice|number|#)\s*#?(\d{1,2})\b/.exec(t);
  if (numbered?.[1] !== undefined) return { position: Number(numbered[1]), explicit: true };

  const words = t.split(' ');
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? '';
    const position = LAST.has(w) ? -1 : WORDS[w];
    if (position === undefined) continue;
    const before = words[i - 1];
    if (before === 'a' || before === 'per' || before === 'at') continue;
    const rest = words.slice(i + 1).join(' ');
    const withNoun = new RegExp(`^${NOUN}\\b`).test(rest);
    if (/^\d/.test(w) && !withNoun && readsAsDate(words, i)) continue;
    return { position, explicit: withNoun };
  }
  return null;
}
