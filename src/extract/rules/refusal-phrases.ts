import { phraseTable } from '../phrases/compile-phrases.js';

/**
 * Refusals to answer ("I'd rather not say", "prefer not to", "rather keep that private").
 * "rather not" only counts when it refers to telling, so "I'd rather not wait" is no refusal.
 */
export const REFUSAL_PHRASES = phraseTable('refusal', [
  [
    String.raw`\b(?:rather not|prefer not(?: to)?)(?=\s*(?:$|[,.!;)]|say|share|tell|disclose|answer|give|get into|discuss|mention|provide|specify|reveal|for now))`,
    "I'd rather not say",
    "I'd rather not wait",
  ],
  [
    String.raw`\b(?:rather|prefer to|like to|want to) keep (?:that|it|this|(?:the|our|my) [\w ]{1,30}?) (?:private|confidential|to myself|under wraps)`,
    "I'd rather keep the budget figure confidential",
  ],
  [String.raw`\bno comment\b`, 'no comment'],
  [String.raw`\bnot telling\b`, 'Not telling!'],
  [String.raw`\bnone of your business\b`, 'None of your business'],
  [
    String.raw`\b{dont} (?:want|wish) to (?:share|say|tell|give|disclose)`,
    "I don't want to share that",
  ],
  [
    String.raw`\b(?:can't|cannot|won't|can not) (?:share|disclose|say|tell you)\b`,
    "I can't disclose that",
  ],
  [
    String.raw`\bnot (?:comfortable|willing) (?:sharing|to share|saying|to say)`,
    'not comfortable sharing that',
  ],
  [String.raw`^\s*(?:skip|pass|next question)\b`, 'pass on that'],
  [String.raw`\b(?:i'll|i will|i'd|let me) (?:pass|skip)\b`, "I'll pass on that"],
  [String.raw`\bskip (?:this|that|it|the question)\b`, "let's skip this one"],
]);
