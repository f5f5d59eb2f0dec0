import { wholeWords } from './whole-words.js';
import { phrase, phraseTable } from '../phrases/compile-phrases.js';

/** Words that make money in a sentence a budget ("we can go up to", "set aside", "willing to pay"). */
export const BUDGET_CUE_WORDS = phraseTable('budget cue', [
  [String.raw`budget\w*|spend\w*|afford\w*|allocat\w*|earmark\w*`, 'we budgeted'],
  [String.raw`set\s+aside|put\s+aside|invest(?:s|ing|ments?)?`, 'set aside'],
  [
    String.raw`(?:can|could)\s+(?:do|go\s+(?:up\s+)?to|stretch\s+to|manage|swing)`,
    'we can go up to',
  ],
  [String.raw`grant|approved|to\s+spend`, 'approved'],
  [
    String.raw`(?:willing|happy|able|prepared|ready)\s+to\s+(?:pay|spend|invest|put)`,
    'happy to pay',
  ],
  [String.raw`pay\s+up\s+to|fund(?:s|ing)?\s+(?:for|of)`, 'funding for'],
]);

export const BUDGET_CUE = wholeWords(BUDGET_CUE_WORDS, 'i');

/** "project budget", "purchase allowance": the noun right after names the money as a budget. */
export const BUDGET_NOUN = phrase(String.raw`^\S+\s+(?:budget\w*|allowance|allocation|spend)\b`);

/** "budget about 18k a year", "our budget is 500/mo": the word budget right before an amount. */
export const BUDGET_RIGHT_BEFORE = phrase(
  String.raw`\bbudget(?:\s+(?:is|of|=|:|at|around|about|roughly|approx\.?|approximately|~|maybe|probably|like|say))*\s*$`,
);

/** "got maybe 2k", "we have 500": money the visitor has (the words before the amount). */
export const HAVE_BEFORE = phrase(
  String.raw`\b(?:have|has|got|given|can\s+(?:do|spend|afford))\s+(?:(?:maybe|about|around|roughly|like|probably|up\s+to|only|just)\s+)*$`,
);

/**
 * "we do have $50k", "we now have 20k", "we found 15k": money the visitor says they have after
 * all, which overrides a "no budget" said before (the words right before the amount).
 */
export const HAVING_AFTER_ALL = phraseTable('have after all', [
  [String.raw`(?:do|does|actually|really|now)\s+(?:have|has)(?:\s+got)?`, 'we do have'],
  [String.raw`(?:found|freed\s+up|secured|scraped\s+together)`, 'we found'],
]);

export const HAVE_AFTER_ALL = new RegExp(
  String.raw`\b(?:${HAVING_AFTER_ALL.source})\s+(?:(?:maybe|about|around|roughly|like|probably|up\s+to|only|just)\s+)*$`,
  'i',
);

/** "... for the year", "... a month", "... set aside": what money the visitor has is for (after the amount). */
export const FOR_PERIOD = phraseTable('for a period', [
  [String.raw`for\s+(?:the|this|a|next)\s+(?:year|month)|a\s+(?:year|month)`, 'for the year'],
  [String.raw`per\s+(?:year|month|annum)|\/\s?(?:mo|month|yr|year)`, '/mo'],
  [String.raw`budgeted|allocated|set\s+aside|earmarked|approved`, 'set aside'],
]);

export const FOR_PERIOD_AFTER = new RegExp(String.raw`^\s*(?:${FOR_PERIOD.source})\b`, 'i');

/** Words that withdraw the amount after them ("scratch the $800", "not $800"). */
export const WITHDRAWING = phraseTable('withdrawing', [
  [String.raw`not|scratch(?:\s+that)?|instead\s+of|rather\s+than|no\s+longer`, 'scratch that'],
  [String.raw`used\s+to\s+be|forget|ignore|drop`, 'used to be'],
  [
    String.raw`(?:don't|do\s+not|doesn't|can't|cannot|won't)\s+(?:have|do|afford|spend|go\s+(?:up\s+)?to|pay)`,
    "can't afford",
  ],
]);

export const WITHDRAWN = new RegExp(
  String.raw`\b(?:${WITHDRAWING.source})\s+(?:the\s+|about\s+|around\s+|like\s+)?$`,
  'i',
);

/** Words that replace the amount before ("Actually no, make that $12k"). */
export const CORRECTING = phraseTable('correction', [
  [String.raw`actually|make\s+(?:that|it)|scratch\s+that|sorry|i\s+meant?`, 'make that'],
  [String.raw`(?:or\s+)?rather|no\s+wait|correction|on\s+second\s+thoughts?`, 'no wait'],
  [String.raw`change\s+that\s+to|let'?s\s+say`, "let's say"],
]);

export const CORRECTION = wholeWords(CORRECTING, 'i');

/**
 * Words that make the amount after them a stretch above one already said ("around $300 a month,
 * maybe $400 if it really works", "20 grand, perhaps 25", "10k, could stretch to 15k").
 */
export const STRETCHING = phraseTable('stretch', [
  [String.raw`maybe|perhaps|possibly|potentially`, 'perhaps'],
  [String.raw`or\s+(?:even|so|up\s+to)|up\s+to`, 'or even'],
  [String.raw`at\s+(?:a\s+)?push|at\s+(?:the\s+)?most|max(?:imum)?`, 'at a push'],
  [
    String.raw`(?:could|can|might|would)\s+(?:maybe\s+|possibly\s+)?(?:stretch|go|push|extend)(?:\s+up)?(?:\s+to)?`,
    'could stretch to',
  ],
  [String.raw`stretch(?:ing)?\s+to|worst\s+case`, 'worst case'],
]);

export const STRETCH = new RegExp(
  String.raw`\b(?:${STRETCHING.source})\s*(?:to\s+|around\s+|about\s+)?$`,
  'i',
);
