import { phrase, phraseTable } from '../phrases/compile-phrases.js';
import { ROLES } from './head-count-phrases.js';

/**
 * Counts that are not the company's size: people served or reached, traffic, a team inside the
 * company, a count the visitor leaves out or takes back. The company-size rule skips them.
 */

/** "not counting the 2000 flex workers", "excluding 40 contractors": a count the visitor leaves out. */
export const LEAVING_OUT = phraseTable('leaving out', [
  [String.raw`not\s+counting|not\s+including|excluding|excl\.?`, 'not counting'],
  [String.raw`without\s+counting|leaving\s+out`, 'leaving out'],
]);

export const EXCLUDED_BEFORE = phrase(
  String.raw`\b(?:${LEAVING_OUT.source})\s+(?:the\s+|our\s+|my\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|~\s?)?$`,
);

/** "they don't count", "those aren't on the books": what is said of a count to leave it out. */
export const NOT_COUNTING = phraseTable('not counting', [
  [
    String.raw`{any:don't|do not|wouldn't|won't|shouldn't}\s+(?:really\s+)?(?:count|matter)(?!\s+(?:the|our|my|any|all|in\s+the|\d))`,
    "don't really count",
    "don't count the hours",
  ],
  [
    String.raw`{any:aren't|are not}\s+(?:really\s+|technically\s+)?(?:counted|included|staff|employees|on\s+(?:the|our)\s+(?:books|payroll))`,
    'are not on the books',
  ],
]);

/** "... (not counted)", "... but they don't count": said after the count it leaves out. */
export const EXCLUDED_AFTER = phrase(
  [
    String.raw`^\s*\(?\s*(?:not\s+counted|not\s+included|excluded)\b`,
    String.raw`|^[^.;!?]*?\b(?:they|those|these|which|who)\s+(?:(?:probably|really|technically)\s+)?(?:${NOT_COUNTING.source})\b`,
  ].join(''),
);

/** "not 30", "used to be 30", "was 30": the old value of a correction. */
export const WITHDRAWN =
  /\b(?:not|no\s+longer|used\s+to\s+be|was|were|previously|formerly)\s+(?:about\s+|around\s+|~\s?)?$/i;

/** Serving, reaching or hiring people, or the people served: a count after these is not staff. */
export const SERVING = phraseTable('serving or reaching', [
  [
    String.raw`serv\w*|reach\w*|help\w*|hir\w*|recruit\w*|add(?:ing)?|onboard\w*|train\w*`,
    'we help',
  ],
  [String.raw`email\w*|contact\w*|call\w*|invit\w*|attract\w*`, 'we email'],
  [String.raw`visitors?|customers?|clients?|patients?|students?|users?|leads`, 'students'],
]);

/** "sales is just 4", "we help 200 patients": the words right before the count. */
export const NOT_STAFF_BEFORE_WORDS = phraseTable('not staff before', [
  [
    String.raw`(?:office|department|dept|division|unit|branch|desk|admissions|sales|marketing|support)\s+(?:is|are|has|have)\s+(?:just\s+|only\s+)?`,
    'sales is just ',
  ],
  [
    String.raw`(?:${SERVING.source})(?!,?\s+(?:and|&|plus|\+)\s+$)\s+(?:\S+\s+){0,2}`,
    'we serve about ',
  ],
]);

export const NOT_STAFF_BEFORE = phrase(String.raw`\b(?:${NOT_STAFF_BEFORE_WORDS.source})$`);

/** Traffic ("200 people visiting a day"), parts of the company ("12 people in the sales team"), the public. */
export const TRAFFIC_OR_TEAM = phraseTable(
  'traffic or a team after',
  [
    [
      String.raw`(?:visit|use|sign|come|apply|attend|call|email|message|chat|book|register|enquire|inquire|ask|browse|click|download)(?:s|es|d|ed|ing)?\b`,
      'people use it',
    ],
    [String.raw`(?:visiting|using|coming|chatting|shopping|buying|browsing)\b`, 'visiting'],
    [String.raw`a\s+(?:day|week|month|year)\b`, 'a day'],
    [String.raw`per\b|each\b|every\b|daily|weekly|monthly`, 'daily'],
    [
      String.raw`of\s+(?:the\s+)?(?:public|community|club|gym|association|union|congregation|church|network)\b`,
      'of the public',
    ],
    [
      String.raw`(?:in|on|within|at)\s+(?:the\s+|our\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}?(?:team|department|dept|division|unit|group|function|office|branch|location|site)\b`,
      'in the sales team',
    ],
    [
      String.raw`(?:in|on)\s+(?:sales|marketing|support|engineering|it|hr|finance|ops|operations|customer\s+service|admissions)\b`,
      'in support',
    ],
  ],
  'iu',
);

export const NOT_STAFF_AFTER = phrase(String.raw`^\s+(?:${TRAFFIC_OR_TEAM.source})`, 'iu');

/**
 * A role counted for someone else ("enquiries from 300 agents", "we sell to 40 dentists") or a
 * team inside the company ("I manage 8 engineers").
 */
export const NOT_OURS_BEFORE = phrase(
  [
    String.raw`\b(?:from|to|for|by|(?:work(?:s|ing)?|partner(?:s|ing)?|deal(?:s|ing)?)\s+with|(?:manag|lead|run|supervis|oversee|head)\w*)`,
    String.raw`\s+(?:about\s+|around\s+|over\s+|some\s+|roughly\s+)?$`,
  ].join(''),
);

/** "our 3 sales reps": a group of the company, not its size (unless answering the company question). */
export const OUR_GROUP_BEFORE =
  /\b(?:our|my|the|his|her|their)\s+(?:about\s+|around\s+|roughly\s+)?$/i;

/** What may come before a bare count answering the company question ("about 40", "we're 40"). */
export const BARE_LEAD_IN_WORDS = phraseTable('before a bare count', [
  [String.raw`about|around|roughly|approximately|approx\.?|circa|ca\.?|maybe|probably`, 'circa'],
  [String.raw`nearly|almost|over|under|just\s+(?:over|under)`, 'just under'],
  [
    String.raw`we're|we\s+are|we\s+have|there\s+are|there's|it's|size\s+is|we're\s+about|~`,
    'there are',
  ],
]);

export const BARE_LEAD_IN = phrase(String.raw`(?:^|\b(?:${BARE_LEAD_IN_WORDS.source}))\s*$`);

/** Words that may make up the whole clause before a bare count ("hmm, right now about 40"). */
export const FILLERS = phraseTable('fillers', [
  [String.raw`about|around|roughly|approximately|approx|circa|maybe|probably`, 'roughly'],
  [String.raw`hmm|um|oh|well|honestly|currently|right\s+now|now|only|just|ish`, 'hmm'],
  [String.raw`we're|we\s+are|it's|its|total|in\s+total|so`, 'in total'],
]);

export const FILLER_ONLY = phrase(String.raw`^[\s\W]*(?:(?:${FILLERS.source})\W*)*$`);

export const LIST_JOIN = /^\s*(?:,|and|&|\+|plus)\s*(?:and\s+)?$/i;

/** "2 devs and a designer": one more of a role after a listed group. */
export const AND_ONE_MORE = phrase(
  String.raw`^\s*(?:,|and|&|\+|plus)\s*(?:and\s+)?(?:a|an|one)\s+(?:[\p{L}-]+\s+)?(?:${ROLES.source})\b`,
  'iu',
);
