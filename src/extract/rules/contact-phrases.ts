import { phraseTable } from '../phrases/compile-phrases.js';

/* The contact rule's phrases (`contact-rule.ts` holds the logic). */

/** What follows a number that is money, a head count or a rate, not a phone ("40k", "12 staff"). */
export const UNIT_AFTER = phraseTable('unit after a number', [
  [
    String.raw`k\b|m\b|%|[$£€₹¥]|usd|eur|gbp|inr|cad|aud|dollars?|euros?|pounds?|rupees?|lakh|crore`,
    'lakh',
  ],
  [String.raw`per\b|a (?:year|month)|\/`, 'a year'],
  [String.raw`employees|staff|people|users|units`, 'staff'],
]);

/** A field label written without a colon ("name Lena Park, email ..., mob 555 ..."). */
export const FIELD_LABELS = phraseTable('field label', [
  [String.raw`name|e-?mail|mail`, 'e-mail'],
  [
    String.raw`phone|mob|mobile|tel|telephone|cell|cellphone|ph|fax|whatsapp|landline|tlf|number`,
    'mobile',
  ],
]);

// "I'm Ana Lima", "this is Ana Lima", "my name is Ana": only capitalised words count as a name here.
export const CAP_NAME = String.raw`\p{Lu}[\p{L}\p{M}'-]*(?:\s+(?:(?:de|da|van|von|der|la|le|bin|al)\s+)?\p{Lu}[\p{L}\p{M}'-]*){0,3}`;
// "Dr. Anaya Rao", "Mrs Patel": a form of address before a name is not part of it.
const HONORIFIC = String.raw`(?:(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Professor|Sir|Dame)\.?\s+)?`;
/** "my name is Ana Lima", "name's lena park": the name captured. */
export const MY_NAME_IS = new RegExp(
  String.raw`\b(?:[Mm]y name is|[Mm]y name's|[Nn]ame's)\s+${HONORIFIC}(${CAP_NAME}|[\p{Ll}][\p{L}'-]*\s+[\p{Ll}][\p{L}'-]*)`,
  'u',
);
/** "I'm Ana Lima": a capitalised name only. */
export const I_AM_NAME = new RegExp(
  String.raw`(?:^|[\s,.!])(?:[Ii]'m|[Ii]m|[Ii] am)\s+${HONORIFIC}(${CAP_NAME})(?!\s*(?:&|[\p{Lu}\d]))`,
  'u',
);
/** "Hi, this is Dr. Anaya Rao": a capitalised name only. */
export const THIS_IS_NAME = new RegExp(
  String.raw`^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Gg]ood \w+)(?: there)?[,!.]?\s+)?(?:[Tt]his is)\s+` +
    String.raw`${HONORIFIC}(${CAP_NAME})(?!\s*(?:&|[\p{Lu}\d]))`,
  'u',
);
