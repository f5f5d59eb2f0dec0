import { phraseTable } from '../phrases/compile-phrases.js';

/**
 * The billing periods of a budget ("a month", "per annum", "one-off"), in English and the
 * languages visitors mix in. `budget-period.ts` reads them; the rule decides which one applies.
 */

// "a month" after "in", "within", "for"... is a duration, not a billing period.
const NOT_A_RATE = String.raw`(?<!\b(?:in|within|than|for|over|next|about|last|past)\s+)`;

/** "$500 a month", "200/mo", "monatlich", "500 pcm". */
export const MONTHLY = phraseTable(
  'monthly',
  [
    [
      String.raw`${NOT_A_RATE}\b(?:a|an|per|each|every|one)\s+(?:calendar\s+)?(?:month|mo|mth)\b`,
      '$500 a month',
      'live within a month',
    ],
    [
      String.raw`\b(?:per|pro|par|al|por|im|in\s+de)\s+(?:maand|monat|mois|mes|mês)\b`,
      '500 € par mois',
    ],
    [String.raw`\bmonatlich\b`, '500 Euro monatlich'],
    [String.raw`\bmensuel(?:le)?(?:ment)?\b`, '500 € mensuellement'],
    [String.raw`\bmensual(?:es)?\b`, '500 euros mensuales'],
    [String.raw`\bmaandelijks\b`, '500 euro maandelijks'],
    [String.raw`\/\s?(?:month|mo|mth|m)\b`, '200/mo'],
    [String.raw`\bmonthly\b`, 'a monthly fee'],
    [String.raw`\bp\/?m\b`, '500 p/m'],
    [String.raw`\bpcm\b`, '500 pcm'],
    [String.raw`\bmonth(?:ly)?\s+(?:fee|budget|spend|retainer)`, 'a month budget of 500'],
  ],
  'gi',
);

/** "12k a year", "per annum", "jährlich", "p.a.", "for the first year", "this fiscal year", "FY". */
export const YEARLY = phraseTable(
  'yearly',
  [
    [
      String.raw`${NOT_A_RATE}\b(?:a|an|per|each|every)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:year|yr|annum)\b`,
      '12k per annum',
      'done in a year',
    ],
    [String.raw`\b(?:per|pro|par|al|por|im)\s+(?:jaar|jahr|an|année|año|ano)\b`, '5000 € pro Jahr'],
    [String.raw`\bj(?:ä|ae)hrlich\b`, '5000 Euro jährlich'],
    [String.raw`\bjaarlijks\b`, '5000 euro jaarlijks'],
    [String.raw`\bannuel(?:le)?(?:ment)?\b`, '5000 € annuellement'],
    [String.raw`\banual(?:es)?\b`, '5000 euros anuales'],
    [String.raw`\/\s?(?:year|yr|y|annum)\b`, '$15-20k/yr'],
    [String.raw`\bannual(?:ly)?\b`, 'a $7,500 annual grant'],
    [String.raw`\byearly\b`, '10k yearly'],
    [String.raw`\bp\.\s?a\b\.?`, '50k p.a.'],
    [String.raw`\bpa\b`, '50k pa'],
    [
      String.raw`\bfor\s+(?:the\s+)?(?:first\s+|whole\s+|entire\s+|full\s+|next\s+|coming\s+)?(?:fiscal\s+|financial\s+|calendar\s+)?year\b`,
      'CAD 22,000 for the first year',
    ],
    [String.raw`\bthis\s+(?:fiscal\s+|financial\s+)?year\b`, '40k this fiscal year'],
    [String.raw`\bFY\b`, '40k for FY'],
  ],
  'gi',
);

/**
 * "one-off", "$5k once", "upfront", "in total", "lump sum". "Upfront" in "to be upfront, ..." is
 * about honesty, and "once" must end the clause.
 */
export const ONE_TIME = phraseTable(
  'one-time',
  [
    [String.raw`\bone[-\s]?(?:time|off)\b`, 'a one-off budget'],
    [String.raw`\bonce\b(?=\s*(?:[,.;!?)]|$|off\b))`, '$5k once.', 'once we launch'],
    [String.raw`(?<!\bbe\s)\bup[-\s]?front\b`, '$5k up front', 'to be upfront, no budget'],
    [String.raw`\b(?:in\s+)?total\b`, '$5k in total'],
    [String.raw`\blump[-\s]?sum\b`, 'a lump sum of 5k'],
    [String.raw`\bsingle\s+payment\b`, 'a single payment'],
  ],
  'gi',
);

/** A period right after the amount ("$4M a year") also marks money as a budget when no cue word is said. */
export const PERIOD_WORDS = phraseTable('period right after the amount', [
  [String.raw`(?:a|an|per|each|every)\s+(?:month|mo|year|yr|annum)\b`, 'a year'],
  [String.raw`\/\s?(?:month|mo|mth|m|year|yr|y)\b`, '/yr'],
  [
    String.raw`(?:monthly|annually|yearly|p\.?a\b|pm|p\/m|one[-\s]?off|one[-\s]?time|upfront|up front|total)\b`,
    'upfront',
  ],
]);

export const PERIOD_RIGHT_AFTER = new RegExp(String.raw`^\s*(?:${PERIOD_WORDS.source})`, 'i');
