import { phrase } from '../phrases/compile-phrases.js';

/**
 * The words and signs of money: currency codes, symbols and names, the multipliers ("k", "lakh"),
 * and the words around a bare number that tell an amount from a count. `money.ts` reads them.
 */

/** Codes that are also everyday English words or acronyms ("100 ALL", "5 PHP developers"). */
export const CODE_DENYLIST = new Set(
  'ALL TOP CUP TRY MAD SOS GEL BOB MOP PEN PHP LAK NIO'.split(' '),
);

/** Lower-case codes people type ("1k eur"); others must be upper case to count. */
export const LOWER_CODES = new Set(
  'usd eur gbp cad aud inr chf nzd sgd jpy sek nok dkk zar aed hkd'.split(' '),
);

/** Currency signs, longest first where one ends another ("US$" before "$"). */
export const SYMBOLS: Readonly<Record<string, string>> = {
  US$: 'USD',
  C$: 'CAD',
  CA$: 'CAD',
  CAN$: 'CAD',
  A$: 'AUD',
  AU$: 'AUD',
  NZ$: 'NZD',
  S$: 'SGD',
  HK$: 'HKD',
  R$: 'BRL',
  $: 'USD',
  '€': 'EUR',
  '£': 'GBP',
  '₹': 'INR',
  '¥': 'JPY',
  '₩': 'KRW',
  '₪': 'ILS',
  '₱': 'PHP',
  '₦': 'NGN',
};
/** Any key of SYMBOLS. */
export const SYMBOL_SOURCE = '(?:US|CA|CAN|AU|NZ|HK|[CASR])?\\$|[€£₹¥₩₪₱₦]';

/** Whose dollar: "Canadian dollars", "Aussie bucks", "US dollars". */
export const DOLLAR_NATIONS: Readonly<Record<string, string>> = {
  us: 'USD',
  'u.s.': 'USD',
  american: 'USD',
  canadian: 'CAD',
  australian: 'AUD',
  aussie: 'AUD',
  nz: 'NZD',
  'new zealand': 'NZD',
  singapore: 'SGD',
  'hong kong': 'HKD',
};

/** "dollars", "bucks", with the nation (group 1) when said: "canadian dollars". */
export const DOLLARS = new RegExp(
  String.raw`^\s?(?:(${Object.keys(DOLLAR_NATIONS)
    .map((n) => n.replace(/\./g, '\\.'))
    .join('|')})\s+)?(?:dollars?|bucks)\b`,
  'i',
);

/** Currency names after an amount ("40 euros", "20 quid", "5 lakh rupees"). */
export const WORD_CURRENCIES: readonly (readonly [RegExp, string])[] = [
  [/^(?:euros?)\b/i, 'EUR'],
  [/^(?:pounds?(?:\s+sterling)?|quid|sterling|gbp)\b/i, 'GBP'],
  [/^(?:rupees?|rs\b\.?)/i, 'INR'],
  [/^(?:swiss\s+)?francs?\b/i, 'CHF'],
  [/^yen\b/i, 'JPY'],
];

/** Suffixes that multiply the number before them ("40k", "2 grand", "12 lakh", "1.5 crore"). */
export const MULTIPLIERS: readonly (readonly [RegExp, number])[] = [
  [/^(?:\s?(?:k|thousand|grand)\b)/i, 1e3],
  [/^(?:\s?(?:million|mn|mio)\b|m\b)/i, 1e6],
  [/^\s?(?:lakhs?|lacs?)\b/i, 1e5],
  [/^(?:\s?crores?\b|\s?cr\b)/i, 1e7],
  [/^\s?(?:billion|bn)\b/i, 1e9],
];

/**
 * A number in digits or words. Thousands grouped with spaces, as in French, Nordic and SI style
 * ("10 000 $", "15 000 kr"), come first.
 */
export const CORE = phrase(
  [
    String.raw`(?<![\p{L}\d.,'])(\d{1,3}(?:[ \u00A0\u202F]\d{3})+(?![\d.,])|\d(?:[\d,.']*\d)?)`,
    String.raw`|\b({numwords})\b`,
  ].join(''),
  'giu',
);

/** A sign (group 1) or a code (group 2) right before the number. */
export const PREFIX = new RegExp(`(?:(${SYMBOL_SOURCE})|\\b(Rs\\.?|[A-Za-z]{3}))\\s?~?\\s?$`, 'u');
/** A sign right after the number ("10 000 $"). */
export const SYMBOL_AFTER = new RegExp(`^\\s?(${SYMBOL_SOURCE})`, 'u');

export const RANGE_JOIN = /^\s*(?:-|–|—|to|or|and)\s*(?:(?:about|around|maybe)\s+)?$/i;

/** After a number: a percentage, an ordinal, a time or a factor, never an amount. */
export const NOT_AMOUNT_AFTER =
  /^(?:\s?%|\s?percent\b|st\b|nd\b|rd\b|th\b|:\d|x\b|\s?(?:am|a\.m\.|o'clock)(?!\w))/i;

/** Words that may follow a bare amount ("40k a year", "5,000 max"); any other word means a count of something. */
const BARE_NEXT_WORDS = [
  'a an per each every or to and max maximum tops ish total upfront up',
  'annually annual monthly yearly pa pm p for give so in at is range roughly approx budget',
  'one once then but if though we i that which would should could can',
].join(' ');
export const BARE_NEXT_OK = new RegExp(`^(?:${BARE_NEXT_WORDS.split(' ').join('|')})\\b`, 'i');

/** A month name right before a number is a date ("March 15"), not an amount. */
export const MONTH_BEFORE = phrase(
  [
    String.raw`\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?`,
    String.raw`|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?\s+$`,
  ].join(''),
);
