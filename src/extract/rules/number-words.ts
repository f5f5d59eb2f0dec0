/*
 * English number words ("forty thousand", "two and a half thousand", "a couple hundred").
 * Hand-written on purpose: the npm packages for this (words-to-numbers, word-to-numbers) are
 * unmaintained, have no types, and none knows the Indian scales (lakh, crore) or the vague
 * counts visitors use ("a couple", "a few", "half a dozen"). The grammar is small.
 */

const UNITS: Readonly<Record<string, number>> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fourty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** Vague counts: "a couple" is two, "a few" is three, "several" is four. */
const VAGUE: Readonly<Record<string, number>> = { couple: 2, few: 3, several: 4 };

const SCALES: Readonly<Record<string, number>> = {
  thousand: 1e3,
  grand: 1e3,
  lakh: 1e5,
  lakhs: 1e5,
  lac: 1e5,
  lacs: 1e5,
  million: 1e6,
  millions: 1e6,
  crore: 1e7,
  crores: 1e7,
  billion: 1e9,
};

const WORDS = [
  ...Object.keys(UNITS),
  ...Object.keys(VAGUE),
  ...Object.keys(SCALES),
  'hundred',
  'dozen',
  'half',
];

/**
 * A regular-expression source matching a run of number words ("two and a half thousand",
 * "a couple of hundred", "twenty-five"). Use it to find candidates, then `wordsToNumber`.
 * "one-off" and "one-time" are kinds of payment, never the number one.
 */
export const NUMBER_WORDS_SOURCE = `(?:an?\\s+)?(?:${WORDS.join('|')})(?:(?:\\s+|-)(?:(?:and|of)\\s+)?(?:an?\\s+)?(?:${WORDS.join('|')}))*(?![-\\s]?(?:off|time)\\b)`;

const ANY_NUMBER_WORD = new RegExp(`(?:${WORDS.join('|')})`, 'i');

/**
 * Whether `text` may hold a count: a digit, or a number word anywhere (even inside another
 * word). False means no pattern built on NUMBER_WORDS_SOURCE or digits can match it, so rules
 * skip those patterns.
 *
 * @example mayHoldNumber('just me') // false
 */
export function mayHoldNumber(text: string): boolean {
  return /\d/.test(text) || ANY_NUMBER_WORD.test(text);
}

/**
 * Converts English number words to a number.
 *
 * @returns the value, or null when the text is not made only of number words.
 * @example wordsToNumber('two and a half thousand') // 2500
 * @example wordsToNumber('a couple hundred') // 200
 * @example wordsToNumber('fifteen lakh') // 1500000
 */
export function wordsToNumber(text: string): number | null {
  const tokens = text
    .toLowerCase()
    .trim()
    .split(/[\s-]+/)
    .filter(Boolean);
  let total = 0;
  let current = 0;
  // A bare scale ("grand opening", "thousand") is not a number: it needs a quantity or "a".
  let seen = false;
  for (const token of tokens) {
    if (token === 'a' || token === 'an') {
      seen = true;
      continue;
    }
    if (token === 'and' || token === 'of') continue;
    const unit = UNITS[token] ?? VAGUE[token];
    if (unit !== undefined) {
      current += unit;
    } else if (token === 'half') {
      // "half a million" starts a value; "two and a half" adds to one.
      current = current === 0 ? 0.5 : current + 0.5;
    } else if (token === 'hundred' || token === 'dozen') {
      if (!seen) return null;
      current = (current || 1) * (token === 'hundred' ? 100 : 12);
    } else {
      const scale = SCALES[token];
      if (scale === undefined) return null;
      if (!seen) return null;
      total += (current || 1) * scale;
      current = 0;
    }
    seen = true;
  }
  const value = total + current;
  return seen && value > 0 ? value : null;
}
