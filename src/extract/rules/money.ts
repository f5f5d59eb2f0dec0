import {
  BARE_NEXT_OK,
  CODE_DENYLIST,
  CORE,
  DOLLAR_NATIONS,
  DOLLARS,
  LOWER_CODES,
  MONTH_BEFORE,
  MULTIPLIERS,
  NOT_AMOUNT_AFTER,
  PREFIX,
  RANGE_JOIN,
  SYMBOL_AFTER,
  SYMBOLS,
  WORD_CURRENCIES,
} from './money-phrases.js';
import { wordsToNumber } from './number-words.js';

/** An amount of money found in a text. */
export type MoneyMention = {
  /** The amount in currency units; for a range ("£15k to £20k") its lower bound. */
  amount: number;
  /** ISO 4217 code, or null when the text names no currency ("around 40k"). */
  currency: string | null;
  /** Offsets of the mention (currency included) in the searched text. */
  start: number;
  end: number;
  text: string;
};

/** The parsed value of a money phrase. */
export type Money = { amount: number; currency: string | null };

type Atom = {
  start: number;
  end: number;
  base: number;
  mult: number;
  currency: string | null;
  words: boolean;
};

const ISO_CODES = new Set(Intl.supportedValuesOf('currency').filter((c) => !CODE_DENYLIST.has(c)));

/**
 * Finds every money amount in a text, in order, ranges merged to their lower bound.
 * Handles symbols and codes on either side ("$", "US$", "€", "₹", "Rs", "CAD 18,000", "60k CAD"),
 * currency words ("euros", "quid", "Canadian dollars"), k / m / lakh / crore suffixes, number words
 * ("forty thousand dollars") and both separator styles ("30,000", "1,200.50", "€3.000", "1.200,50").
 * An amount with no currency is returned (currency null) only when it reads as an amount on its
 * own: it has a suffix ("around 40k") or no other noun follows it ("about 5,000 a year").
 *
 * @example findMoney('£15k to £20k a year') // [{ amount: 15000, currency: 'GBP', ... }]
 */
export function findMoney(text: string): MoneyMention[] {
  const atoms = findAtoms(text);
  const mentions: MoneyMention[] = [];
  for (let i = 0; i < atoms.length; i++) {
    const a = atoms[i];
    if (!a) continue;
    const b = atoms[i + 1];
    let amount = a.base * a.mult;
    let currency = a.currency;
    let end = a.end;
    let hasMult = a.mult > 1;
    if (b && isRange(text, a, b)) {
      // "between 10 and 20k": the second suffix applies to the first when that keeps the order.
      amount = a.mult === 1 && a.base * b.mult <= b.base * b.mult ? a.base * b.mult : amount;
      currency = a.currency ?? b.currency;
      end = b.end;
      hasMult = hasMult || b.mult > 1;
      i++;
    }
    if (currency === null && !readsAsAmount(text, a, end, amount, hasMult)) continue;
    mentions.push({ amount, currency, start: a.start, end, text: text.slice(a.start, end) });
  }
  return mentions;
}

/**
 * Parses the first money amount of a phrase.
 *
 * @example parseMoney('EUR 15.000') // { amount: 15000, currency: 'EUR' }
 * @example parseMoney('two and a half thousand quid') // { amount: 2500, currency: 'GBP' }
 */
export function parseMoney(text: string): Money | null {
  const first = findMoney(text)[0];
  return first ? { amount: first.amount, currency: first.currency } : null;
}

function findAtoms(text: string): Atom[] {
  const atoms: Atom[] = [];
  for (const m of text.matchAll(CORE)) {
    const digits = m[1];
    let end = m.index + m[0].length;
    let mult = 1;
    for (const [re, value] of MULTIPLIERS) {
      const hit = digits === undefined ? null : re.exec(text.slice(end));
      if (hit) {
        mult = value;
        end += hit[0].length;
        break;
      }
    }
    const base = digits === undefined ? wordsToNumber(m[0]) : parseDigits(digits, mult > 1);
    if (base === null || base <= 0 || NOT_AMOUNT_AFTER.test(text.slice(end))) continue;
    const after = currencyAfter(text.slice(end));
    const before = currencyBefore(text.slice(Math.max(0, m.index - 8), m.index));
    end += after?.length ?? 0;
    const start = m.index - (before?.length ?? 0);
    // A code or word after the number names the currency more precisely than a "$" before it.
    const currency = after?.code ?? before?.code ?? null;
    atoms.push({ start, end, base, mult, currency, words: digits === undefined });
  }
  return atoms;
}

/** Reads "30,000", "1,200.50", "3.000" (thousands), "1.200,50", "12,00,000" (lakh), "1.5" (with a suffix), "1'000". */
function parseDigits(raw: string, hasSuffix: boolean): number | null {
  const s = raw.replace(/['\s\u00A0\u202F]/g, '');
  if (/^\d+$/.test(s)) return Number(s);
  const grouped = /^\d{1,3}([.,])\d{3}(?:\1\d{3})*$/.exec(s);
  // "€3.000" is three thousand, but "3.000k" or "1.500m" read the dot as a decimal point.
  const dotDecimal = hasSuffix && grouped?.[1] === '.' && s.split('.').length === 2;
  if (grouped && !dotDecimal) return Number(s.replace(/[.,]/g, ''));
  // Indian grouping (lakh, crore): "12,00,000" is 1,200,000 and "1,50,00,000" is 15,000,000.
  if (/^\d{1,2}(?:,\d{2})+,\d{3}$/.test(s)) return Number(s.replace(/,/g, ''));
  const mixed = /^(\d{1,3}(?:([.,])\d{3})*)([.,])(\d{1,2})$/.exec(s);
  if (mixed && mixed[2] !== mixed[3])
    return Number(`${(mixed[1] ?? '').replace(/[.,]/g, '')}.${mixed[4] ?? ''}`);
  const decimal = /^(\d+)[.,](\d+)$/.exec(s);
  return decimal ? Number(`${decimal[1] ?? ''}.${decimal[2] ?? ''}`) : null;
}

function currencyBefore(window: string): { code: string; length: number } | null {
  const m = PREFIX.exec(window);
  if (!m) return null;
  const code = m[1] !== undefined ? SYMBOLS[m[1]] : codeFor(m[2] ?? '');
  return code ? { code, length: m[0].length } : null;
}

function currencyAfter(rest: string): { code: string; length: number } | null {
  const symbol = SYMBOL_AFTER.exec(rest);
  if (symbol?.[1]) return { code: SYMBOLS[symbol[1]] ?? 'USD', length: symbol[0].length };
  const code = /^\s?([A-Za-z]{3})\b/.exec(rest);
  const fromCode = code?.[1] ? codeFor(code[1]) : null;
  if (code && fromCode) return { code: fromCode, length: code[0].length };
  const dollars = DOLLARS.exec(rest);
  if (dollars)
    return {
      code: DOLLAR_NATIONS[dollars[1]?.toLowerCase() ?? 'us'] ?? 'USD',
      length: dollars[0].length,
    };
  const spaced = /^\s?/.exec(rest)?.[0].length ?? 0;
  for (const [re, iso] of WORD_CURRENCIES) {
    const hit = re.exec(rest.slice(spaced));
    if (hit) return { code: iso, length: spaced + hit[0].length };
  }
  return null;
}

function codeFor(token: string): string | null {
  if (/^rs\.?$/i.test(token)) return 'INR';
  if (ISO_CODES.has(token)) return token;
  return LOWER_CODES.has(token) ? token.toUpperCase() : null;
}

function isRange(text: string, a: Atom, b: Atom): boolean {
  const between = text.slice(a.end, b.start);
  if (!RANGE_JOIN.test(between)) return false;
  // "and" joins a range only after "between"; otherwise it is a list ("$500 and 20 users").
  if (
    /^\s*and\b/i.test(between) &&
    !/\bbetween\s+(?:about\s+|around\s+)?$/i.test(text.slice(0, a.start))
  )
    return false;
  return a.base * a.mult <= b.base * b.mult || (a.mult === 1 && b.mult > 1);
}

/** Whether a number with no currency still reads as money: a suffix, or nothing countable after it. */
function readsAsAmount(
  text: string,
  a: Atom,
  end: number,
  amount: number,
  hasMult: boolean,
): boolean {
  if (MONTH_BEFORE.test(text.slice(Math.max(0, a.start - 12), a.start))) return false;
  // "Q2", "#3", "+49 89 ..." are labels and phone numbers, not amounts.
  if (/(?:[#qQ+]|\d\s)\s?$/.test(text.slice(0, a.start))) return false;
  if (hasMult) return true;
  if (a.words ? amount < 100 : amount < 50) return false;
  if (!a.words && /^\d{7,}$/.test(text.slice(a.start, a.end).trim())) return false;
  // A bare four-digit number from 1900 to 2100 is a year ("in 2027").
  if (
    !a.words &&
    /^\d{4}$/.test(text.slice(a.start, a.end).trim()) &&
    amount >= 1900 &&
    amount <= 2100
  )
    return false;
  const next = /^[\s,]*([\p{L}/]+)/u.exec(text.slice(end))?.[1];
  return next === undefined || next.startsWith('/') || BARE_NEXT_OK.test(next);
}
