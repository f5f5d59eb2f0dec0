import { phraseTable } from '../phrases/compile-phrases.js';

/** A yes to a yes/no question (the follow-up consent, a cancel to confirm). */
export const YES_PHRASES = phraseTable('yes', [
  [String.raw`^\W*(?:y|yes|yeah|yep|yup|sure|ok(?:ay)?)\b`, 'Yes, cancel my meeting'],
  [
    String.raw`^\W*(?:please|please do|go ahead|absolutely|of course|definitely|sounds good)\b`,
    'go ahead',
  ],
  [String.raw`\bfollow up\b(?![^.]*\bno\b)`, 'you can follow up', 'follow up? no'],
]);

/** A no to a yes/no question; a no wins over a yes. */
export const NO_PHRASES = phraseTable('no', [
  [String.raw`^\W*(?:n|no|nope|nah|no thanks)\b`, 'No, keep my meeting'],
  [String.raw`^\W*(?:not now|not really|not interested|don'?t|please don'?t)\b`, 'not really'],
  [String.raw`\b{dont} (?:contact|email|call|follow)\b`, "please don't contact me"],
]);
