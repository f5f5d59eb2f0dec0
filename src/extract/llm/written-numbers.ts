import { findMoney } from '../rules/money.js';
import { NUMBER_WORDS_SOURCE, wordsToNumber } from '../rules/number-words.js';

/**
 * Magnitude suffixes written after digits, as people write them: "40k", "2.5L" (lakh),
 * "1.2Cr" (crore), "3m", "1.5bn", "2 lakhs", "10 thousand". Case-insensitive; a suffix must
 * end the word, so "5 months" is not five million.
 */
const MAGNITUDES: readonly (readonly [RegExp, number])[] = [
  [/^\s?(?:k|thousand|grand)\b/i, 1e3],
  [/^\s?(?:l|lakhs?|lacs?|lkh)\b/i, 1e5],
  [/^\s?(?:cr|crores?)\b/i, 1e7],
  [/^\s?(?:m|mn|mio|million)\b/i, 1e6],
  [/^\s?(?:b|bn|billion)\b/i, 1e9],
];

/** Digits with either separator style: "250000", "2,50,000", "1.2", "9 000", "1.200,50". */
const DIGITS = /\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?!\d)|\d[\d,.]*\d|\d/g;
const NUMBER_WORDS = new RegExp(`\\b${NUMBER_WORDS_SOURCE}\\b`, 'gi');

/**
 * The readings of one run of digits: commas grouping thousands ("2,50,000", "1.2"), and, when
 * the run is written that way, dots grouping thousands ("€3.000", "1.200,50") or a decimal
 * comma ("1,5").
 */
function readDigits(raw: string): number[] {
  const s = raw.replace(/[\s\u00a0\u202f]/g, '');
  const out = [Number(s.replace(/,/g, ''))];
  if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(s))
    out.push(Number(s.replace(/\./g, '').replace(',', '.')));
  if (/^\d+,\d{1,2}$/.test(s)) out.push(Number(s.replace(',', '.')));
  return out.filter((n) => Number.isFinite(n));
}

/** The factor of a magnitude suffix at the start of `rest`, or 1. */
const magnitudeAt = (rest: string): number => MAGNITUDES.find(([re]) => re.test(rest))?.[1] ?? 1;

/**
 * Every number a text writes, in any form: digits (either separator style), digits with a
 * magnitude suffix ("2.5L" is 250,000, and then only that: the bare 2.5 is not how the text
 * reads), number words ("fifty", "two and a half thousand"), and the amounts the rules' money
 * parser reads ("between 10 and 20k" is 10,000).
 *
 * @example numbersWrittenIn('₹2.5L a month') // [250000, ...]
 * @example numbersWrittenIn('about fifty people') // [50]
 */
export function numbersWrittenIn(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(DIGITS)) {
    const raw = m[0].replace(/[,.\s]+$/, '');
    const mult = magnitudeAt(text.slice(m.index + raw.length));
    out.push(...readDigits(raw).map((n) => n * mult));
  }
  for (const m of text.matchAll(NUMBER_WORDS)) {
    const words = wordsToNumber(m[0]);
    if (words === null) continue;
    out.push(words * magnitudeAt(text.slice(m.index + m[0].length)));
  }
  // The money parser's amounts (ranges read to their lower bound), except one it cut short of
  // a suffix it does not know ("₹2.5" of "₹2.5L").
  for (const money of findMoney(text))
    if (magnitudeAt(text.slice(money.end)) === 1) out.push(money.amount);
  return out.filter((n) => n > 0);
}

/**
 * True when `value` is one of the numbers its evidence writes, within a relative `tolerance`
 * (0.01 for money: "about 40k" is 40,000; a count may round). A number that is nowhere in the
 * evidence, in any form, is not written there.
 *
 * @example writesNumber(250000, '₹2.5L a month', 0.01) // true
 * @example writesNumber(2.5, '₹2.5L a month', 0.01) // false: the text reads 250,000
 * @example writesNumber(1000000, 'We have about 20k a year.', 0.01) // false
 */
export function writesNumber(value: number, evidence: string, tolerance: number): boolean {
  return numbersWrittenIn(evidence).some(
    (n) => Math.abs(n - value) <= tolerance * Math.max(Math.abs(n), Math.abs(value)),
  );
}
