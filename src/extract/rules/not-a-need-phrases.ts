import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * Words that look like a need but are about something else: the timeline, the budget, a request
 * for a demo or a quote, someone's approval, not wanting to be contacted, shopping around. The
 * need rule takes them out of a sentence before it looks for a need (`need-rule.ts`).
 */

const WANT_IT_TO = String.raw`\b(?:want|need|like|hoping|aim(?:ing)?|plan(?:ning)?)\s+(?:to\s+)?(?:it\s+|this\s+|something\s+)?`;
const WANT_TO = String.raw`\b(?:want(?:s|ed)?|like|need(?:s|ed)?|love|trying)\s+(?:to\s+)?`;

/** Cue words that are about the timeline, the budget or the vendor rather than a problem. */
export const NOT_A_NEED = phraseTable(
  'not a need',
  [
    [
      String.raw`${WANT_IT_TO}(?:be\s+live|go\s+live|live|launch|decide|make\s+a\s+decision|sign|start|get\s+started|spend|pay|invest|budget` +
        String.raw`|move\s+forward|have\s+(?:it|this|something)\s+(?:live|in\s+place|running|set\s+up|sorted|done))\b`,
      'we want to go live by June',
    ],
    [
      String.raw`${WANT_TO}(?:know|ask|check|learn|understand|talk|speak|chat` +
        String.raw`|(?:see|book|get|schedule|try|have|arrange)\s+(?:a|an|the|your|some)\s+(?:quick\s+|short\s+|free\s+)?(?:demo|call|meeting|trial|quote|price|pricing|walk-?through)` +
        String.raw`|(?:keep|stay|be)\s+(?:it\s+)?(?:under|below|within|around|at)` +
        String.raw`|(?:see|get|check|compare|review)\s+(?:the\s+|your\s+|some\s+)?(?:pricing|prices?|costs?|quotes?|numbers|plans?)` +
        String.raw`|figure\s+out\s+(?:which|what)\s+(?:plan|tier|package|option)` +
        String.raw`|(?:see|know|find\s+out|check|ask)\s+(?:what|how\s+much)\s+(?:the\s+|your\s+)?(?:plans?|pricing|it|this|tiers?|packages?)\s+(?:costs?|would\s+cost|is|are|runs?))\b`,
      "we'd like to keep it under 500",
    ],
    [
      String.raw`\bneed\s+it\s+(?:asap|soon|by|before|now|quickly|fast|this|next|within|in)\b`,
      'we need it by March',
    ],
  ],
  'gi',
);

const ASKING = String.raw`\b(?:want(?:s|ed)?|need(?:s|ed)?|like|love|requesting|request|after)\s+`;
const TO_GET = String.raw`(?:(?:to\s+)?(?:see|get|book|schedule|have|arrange|set up|request|receive)\s+)?(?:(?:a|an|the|your|some)\s+)?`;
const KIND = String.raw`(?:(?:quick|short|free|live|personal(?:i[sz]ed)?|custom|rough|ballpark|formal|detailed|written)\s+)*`;
const THEN =
  String.raw`(?![\w-])(?=\s*(?:$|[,.;:!?)]|(?:asap|urgently|urgent|please|pls|first|soon|now|today|thanks|thx|before|for` +
  String.raw`|from|of|on|with|and|so|to|this|next|by|if|because|when|sent|emailed)\b))`;

/**
 * Asking for a demo, a call, a quote or the price is a request, not a problem ("need a demo",
 * "need pricing", "need a quote asap"); "need a price comparison feature" still is one.
 */
export const REQUEST = phraseTable('request', [
  [
    String.raw`${ASKING}${TO_GET}${KIND}(?:demo|demonstration|call|meeting|trial|quote|quotation|estimate|price|prices|pricing|price list|proposal` +
      String.raw`|walk-?through|tour|callback|brochure)${THEN}`,
    'need a quick demo asap',
    'need a price comparison feature',
  ],
]);

const PERSON = String.raw`(?:{decider}|team|colleagues?|accountant|legal|lawyers?|it|wife|husband|spouse|family|co-?workers?|others)(?:'s)?`;
const THE_PERSON = String.raw`\s+(?:the|our|my|their)?\s*(?:[\w-]+\s+){0,2}?${PERSON}`;

/**
 * Getting someone's approval is about authority, not a problem: "would need to get our MD on
 * board", "need sign-off from finance", "I'd need to check with my boss".
 */
export const APPROVAL = phraseTable('approval', [
  [
    String.raw`\bneed(?:s|ed)?\s+(?:to\s+)?(?:get|have|bring)${THE_PERSON}\s+(?:on ?board|in the loop|to (?:approve|sign off|agree))`,
    'would need to get our MD on board',
  ],
  [
    String.raw`\bneed(?:s|ed)?\s+to\s+(?:loop in|involve|consult|ask|talk to|speak (?:to|with)|check(?: it| this| that)? with` +
      String.raw`|clear (?:it|this|that) with|run (?:it|this|that) (?:by|past)|take (?:it|this|that) to|present (?:it|this|that) to` +
      String.raw`|pass (?:it|this|that) (?:to|by)|convince|persuade)${THE_PERSON}\b`,
    "I'd need to check with my boss",
  ],
  [
    String.raw`\bneed(?:s|ed)?\s+(?:\w+\s+)?(?:approval|sign-?off|buy-in|the go-ahead|a green light|permission)\b`,
    'we need sign-off from finance',
  ],
]);

/** What they don't want from us: "don't want to get spammed with emails", "don't want a sales call". */
export const NOT_FROM_US = phraseTable('not from us', [
  [
    String.raw`\b(?:{dont}|doesn't|never)\s+want\s+to\s+(?:be|get)\s+(?:spammed|contacted|called|emailed|bothered|pestered|hassled|sold\s+to|chased)\b[^.!?]*`,
    "don't want to get spammed with emails",
  ],
]);

/** Shopping around is not a problem: "which plan fits us", "comparing vendors", "just browsing". */
export const SHOPPING = phraseTable('shopping', [
  [String.raw`\b(?:which|what) (?:plan|tier|package|vendor|option)s?\b`, 'which plan fits us'],
  [String.raw`\bshortlist`, "we're shortlisting tools"],
  [
    String.raw`\bcompar(?:e|ing) (?:you|vendors|tools|options|providers)\b`,
    'comparing vendors this month',
  ],
  [String.raw`\bjust (?:exploring|browsing|looking)\b`, 'just browsing'],
  [String.raw`\bexploring (?:options|what's out there)\b`, "exploring what's out there"],
  [String.raw`\blooking around\b`, 'looking around for now'],
]);
