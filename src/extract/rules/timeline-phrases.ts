import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The timeline phrases that name no calendar period: no plan, only looking, "whenever", as soon
 * as possible, half years, today, a fortnight, the school year, the week after next. One phrase
 * per line with a message it must match (and, where it helps, one it must not); entries are
 * tried in order, and each table is read as whole words (`wholeWords`). `timeline-matchers.ts` gives each table its meaning; the named periods are in
 * `timeline-period-phrases.ts`, the holidays in `timeline-holiday-phrases.ts`.
 */

/** Verbs of buying and switching: "buy", "purchasing", "switch", "roll out" ... */
const PURCHASE = String.raw`(?:buy|purchas|switch|chang|invest|spend|get|implement|adopt|sign|commit|roll|start|mov|replac|upgrad)\w*`;

/** No plan at all, including no plan to buy. */
export const NO_PLAN = phraseTable(
  'no plan',
  [
    [String.raw`no\s+(?:rush|hurry)`, 'no rush'],
    [String.raw`not\s+in\s+(?:a|any)\s+(?:rush|hurry)`, 'we are not in any hurry'],
    [
      String.raw`no\s+(?:fixed\s+|set\s+|firm\s+|real\s+|specific\s+|particular\s+|hard\s+|concrete\s+)?(?:timeline|time\s?frame|deadline|date|schedule)s?`,
      'no fixed deadline',
    ],
    [
      String.raw`no\s+(?:real\s+|concrete\s+|firm\s+|immediate\s+|current\s+)?plans?(?=\s*(?:yet|at\s+all|for\s+now|right\s+now|at\s+the\s+moment)?\s*(?:[,.;!?]|$))`,
      'no concrete plans yet.',
      'no plans for the launch event',
    ],
    [
      String.raw`no\s+(?:real\s+|concrete\s+|immediate\s+|current\s+)?plans?\s+(?:yet\s+)?(?:to|on|for)\s+${PURCHASE}`,
      'no plans yet to buy anything',
    ],
    [
      String.raw`not\s+(?:currently\s+|really\s+|actively\s+|even\s+)?(?:planning|looking|intending|going|hoping|aiming)\s+(?:to|on)\s+${PURCHASE}`,
      "we're not actively looking to switch",
    ],
    [
      String.raw`(?:not|n't)\s+(?:actually\s+|really\s+)?(?:buying|purchasing|in\s+the\s+market)`,
      'not really in the market',
    ],
    [String.raw`nothing\s+planned`, 'nothing planned'],
    [
      String.raw`{any:don't|do not|dont}\s+(?:have|got)\s+(?:a|any)\s+(?:specific\s+|set\s+|fixed\s+|firm\s+|particular\s+|real\s+)?(?:date|deadline|timeline|time\s?frame)s?(?:\s+in\s+mind)?`,
      "we don't have a set date in mind",
    ],
    [String.raw`(?:not\s+sure|no\s+idea|don't\s+know|dont\s+know|unsure)\s+when`, 'not sure when'],
    [String.raw`some\s?day`, 'some day'],
    [String.raw`at\s+some\s+point`, 'at some point'],
  ],
  'gi',
);

/** Only looking: no plan when it answers the timeline question. */
export const EXPLORING = phraseTable(
  'exploring',
  [
    [
      String.raw`just\s+(?:looking(?:\s+around)?|browsing|exploring|researching|research|curious)`,
      'just looking around',
    ],
    [String.raw`(?:we're|we\s+are|i'm|i\s+am|still)\s+(?:just\s+)?exploring`, "we're exploring"],
    [String.raw`exploring\s+(?:options|for\s+now)`, 'exploring options'],
    [String.raw`(?:it'?s|its)\s+(?:just\s+)?(?:for\s+)?research`, "it's just research"],
  ],
  'gi',
);

/** "Whenever (it's ready)" as the whole answer, not "whenever a lead comes in"; "eventually". */
export const WHENEVER = phraseTable(
  'whenever',
  [
    [
      String.raw`whenever(?=\s*(?:[,.;!?)]|$|(?:it'?s|it\s+is|you(?:'re|\s+are)?|we(?:'re|\s+are)?|works?|suits?|really|honestly|ready|possible|convenient|is\s+fine|tbh|i\s+guess)\b))`,
      'whenever you are ready',
      'whenever a lead comes in',
    ],
    [String.raw`eventually`, 'eventually'],
  ],
  'gi',
);

/** As soon as possible; `urgent` and `now` mark the words a negation reads differently. */
export const SOON = phraseTable(
  'as soon as possible',
  [
    [String.raw`(?<urgent>asap|a\.s\.a\.p|urgent(?:ly)?)`, 'urgently'],
    [String.raw`as\s+soon\s+as\s+(?:possible|we\s+can|you\s+can)`, 'as soon as we can'],
    [String.raw`(?:right|straight)\s+away`, 'straight away'],
    [String.raw`immediately`, 'immediately'],
    [String.raw`(?<now>right\s+now)`, 'right now'],
    [String.raw`at\s+once`, 'at once'],
    [String.raw`as\s+quickly\s+as\s+possible`, 'as quickly as possible'],
    [
      String.raw`(?:need(?:ed)?|want(?:ed)?)\s+(?:it|this|that|something|one)\s+yesterday`,
      'we needed it yesterday',
    ],
  ],
  'gi',
);

/** A half year: "first half of next year", "H2", "H1 2027". */
export const HALF_YEAR = phraseTable(
  'half year',
  [
    [
      String.raw`(?<h>first|second|1st|2nd)\s+half\s+of\s+(?:(?<hrel>this|next|the)\s+year|(?<year>20\d{2}))`,
      'the second half of this year',
    ],
    [
      String.raw`h(?<hn>[12])(?:\s+(?:(?<year2>20\d{2})|(?:of\s+)?(?<hrel2>next|this)\s+year))?`,
      'H1 of next year',
    ],
  ],
  'gi',
);

/** Today as the whole answer: "now", "today", "like yesterday". */
export const TODAY = phraseTable(
  'today',
  [[String.raw`^\W*(?:like\s+)?(?:yesterday|now|today)\W*$`, 'like yesterday!', 'today is busy']],
  'gi',
);

/** Two weeks from today: "next fortnight ideally", "in the next fortnight". */
export const FORTNIGHT = phraseTable(
  'fortnight',
  [
    [
      String.raw`\b(?:(?:in|within)\s+)?(?:the\s+)?(?:next|coming)\s+fortnight\b`,
      'within the coming fortnight',
    ],
  ],
  'gi',
);

/** The start of the school year: September in the north, February in the south. */
export const SCHOOL_YEAR = phraseTable(
  'school year',
  [
    [
      String.raw`(?:the\s+)?(?:start|beginning)\s+of\s+(?:the\s+)?(?:new\s+|next\s+)?(?:school|academic)\s+year`,
      'by the start of the school year',
    ],
    [
      String.raw`(?:the\s+)?(?:new|next)\s+(?:school|academic)\s+year`,
      'before the new academic year',
    ],
    [String.raw`back[-\s]to[-\s]school`, 'ready for back-to-school'],
  ],
  'gi',
);

/** Monday of the week after next. */
export const WEEK_AFTER_NEXT = phraseTable(
  'week after next',
  [[String.raw`\b(?:the\s+)?week\s+after\s+next\b`, 'the week after next']],
  'gi',
);
