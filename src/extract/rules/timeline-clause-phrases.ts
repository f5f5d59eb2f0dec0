import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The words the timeline rule reads around a time phrase: whether a sentence is about timing,
 * whether a clause is about money or the past, what the visitor wants, and the words that
 * correct or restate a time said before. One phrase per line with a message it must match.
 */

/** Words that make a sentence about timing, read as whole words; present tense only ("we launched in January" is history). */
export const TIMELINE_CUES = phraseTable(
  'timeline cues',
  [
    [String.raw`by|before|within|until|till`, 'before June'],
    [String.raw`live|launch(?:es|ing)?|start(?:s|ing)?|go[-\s]?live`, 'we go-live in May'],
    [String.raw`deadline|decid(?:e|ing)|decision`, 'deciding in May'],
    [
      String.raw`pilot(?:ing)?|in\s+place|up\s+and\s+running|running|sorted`,
      'up and running in May',
    ],
    [
      String.raw`roll(?:ing)?\s+(?:it\s+)?out|rollout|sign(?:ing)?|implement(?:ing|ation)?|deploy(?:ing|ment)?`,
      'rolling it out in May',
    ],
    [String.raw`set\s+up|ready|kick\s*off|begin(?:ning)?`, 'kickoff in May'],
    [
      String.raw`aim(?:s|ing)?|target(?:ing)?|plan(?:s|ning|ned)?|timeline|time\s?frame|schedul\w*`,
      'scheduled for May',
    ],
    [String.raw`when|soon|asap|urgent\w*|immediately|right\s+away`, 'urgently'],
    [String.raw`no\s+(?:rush|hurry)|some\s?day|at\s+some\s+point`, 'no hurry'],
    [String.raw`next\s+year|early|mid|late|end\s+of`, 'late May'],
    [String.raw`opens|opening`, 'the new store opens in May'],
    [
      String.raw`(?:need(?:ed)?|want(?:ed)?|have|get)\s+(?:it|this|something|started)`,
      'we want this in May',
    ],
  ],
  'gi',
);

/** The cues that alone make no plan: "by Monday they've booked elsewhere". */
export const WEAK_CUE = /^(?:by|before|within|until|till|when|early|mid|late|end\s+of)$/i;

/** A clause about money, which dates no plan outside an answer ("we can spend $500 this year"). */
export const BUDGET_WORDS =
  /\b(?:budget\w*|funds?|funding|money|spend\w*|afford\w*|allocat\w*|earmark\w*|grant|invest\w*)\b/i;

/** Having no money: "no budget for it this year" tells when there is no money, not when they buy. */
export const NO_MONEY = phraseTable('no money', [
  [
    String.raw`\b(?:no|zero|without)\s+(?:\w+\s+)?(?:budget|money|funds?|funding)\b`,
    'no real budget',
  ],
  [String.raw`\b(?:not|un)\s?budgeted\b`, 'it is not budgeted'],
  [
    String.raw`\b{any:don't|do not|dont|haven't|have not|havent}\s+(?:have|got)\s+(?:a\s+|any\s+|the\s+)?(?:budget|money|funds)\b`,
    "we haven't got the budget",
  ],
]);

/** A billing period right after an amount ("$500 a month"): part of the money, not a date. */
export const RATES = phraseTable('rates', [
  [
    String.raw`(?:a|an|per|each|every|this|for\s+the)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:month|year|quarter|week|annum)\b`,
    'per calendar year',
  ],
  [String.raw`\/\s?\w+`, '/mo'],
  [String.raw`monthly|yearly|annually|quarterly`, 'quarterly'],
  [String.raw`p\.?a\.?`, 'p.a.'],
  [String.raw`pm\b`, 'pm'],
]);

/** Deeds done, which tell of the past. */
export const PAST_DEEDS = phraseTable('past deeds', [
  [String.raw`launched|started|began|opened|founded`, 'we launched'],
  [String.raw`went\s+live|rolled\s+out`, 'it went live'],
  [String.raw`switched|moved|migrated`, 'we migrated'],
  [String.raw`signed|joined|bought|purchased`, 'we bought one'],
  [String.raw`implemented|installed|deployed|kicked\s+off`, 'we kicked off'],
  [String.raw`finished|completed|raised|hired`, 'we hired two reps'],
]);

/** A clause telling of something done ("we launched in January"), history unless it also plans. */
export const PAST_EVENT = phraseTable('past event', [
  [
    String.raw`\b(?:we|i|they|it|the\s+(?:company|team|business))\s+(?:(?:have|'ve|had|only|just|already|first|originally|recently)\s+)*` +
      String.raw`(?:${PAST_DEEDS.source})\b`,
    'the team had already switched',
    'we switch in May',
  ],
]);

/** Words of a plan, read as whole words; they keep a clause about the past in ("we started, and will go live in May"). */
export const PLANS = phraseTable('plans', [
  [String.raw`will|'ll|going\s+to|gonna`, "we'll"],
  [String.raw`plan\w*|want\w*|need\w*|hop(?:e|ing)|aim\w*`, 'we hope'],
  [String.raw`should|must|ha(?:ve|s)\s+to|would|'d`, 'it has to'],
  [String.raw`expect\w*|intend\w*`, 'we intend'],
]);

/** A clause saying when the visitor wants the product ("we need it by March"), not when something else happens. */
export const WANTED = phraseTable('wanted', [
  [
    String.raw`\b(?:need|want|'d\s+like|would\s+like|hop(?:e|ing)|aim(?:ing)?|plan(?:ning)?|must\s+have|have\s+to\s+have)\s+` +
      String.raw`(?:it|this|that|something|one|a\s+\w+|the\s+\w+|to\s+(?:be|go|have|get|launch|start|roll|sign|pilot))\b`,
    'we would like to be live',
  ],
  [
    String.raw`\b(?:we'd|we\s+would|we'll|we\s+will|we\s+could|i'd|i\s+would)\s+(?:then\s+)?` +
      String.raw`(?:start|launch|go\s+live|begin|roll\s+(?:it\s+)?out|sign|kick\s+off)\b`,
    "we'd then go live",
  ],
]);

/**
 * Words that withdraw the time said before them ("June. Actually, make that July."); "X
 * instead of Y" and "X rather than Y" keep X, so those two do not correct.
 */
export const CORRECTIONS = phraseTable('corrections', [
  [String.raw`actually`, 'actually'],
  [String.raw`sorry`, 'sorry'],
  [String.raw`make\s+(?:that|it)`, 'make that'],
  [String.raw`scratch\s+that`, 'scratch that'],
  [String.raw`(?:or\s+)?rather(?!\s+than)`, 'or rather', 'rather than'],
  [String.raw`more\s+like`, 'more like'],
  [String.raw`instead(?!\s+of)`, 'instead', 'instead of'],
  [String.raw`no\s+wait`, 'no wait'],
  [String.raw`wait(?=\s*[,.!-])`, 'wait, June', 'wait for June'],
  [String.raw`correction`, 'correction'],
  [String.raw`i\s+mean`, 'I mean'],
  [String.raw`on\s+second\s+thoughts?`, 'on second thought'],
]);

/** Words that restate the time just before them more precisely ("before the January deadline, so by mid-December"). */
export const RESTATEMENTS = phraseTable('restatements', [
  [String.raw`so|i\.?e\.?`, 'i.e.'],
  [String.raw`that\s+is(?:\s+to\s+say)?`, 'that is to say'],
  [String.raw`that\s+means|meaning`, 'meaning'],
  [String.raw`in\s+other\s+words`, 'in other words'],
  [String.raw`which\s+(?:is|means)`, 'which means'],
]);
