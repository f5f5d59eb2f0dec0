import { wholeWords } from './whole-words.js';
import { phrase, phraseTable } from '../phrases/compile-phrases.js';

/** How a budget may be qualified when there is none ("no real budget", "no signed-off budget"). */
const NO_BUDGET_KIND = String.raw`(?:real\s+|set\s+|dedicated\s+|actual\s+|allocated\s+|formal\s+|approved\s+|signed[-\s]off\s+|agreed\s+|confirmed\s+|official\s+|committed\s+)`;
/** "no budget limits" is about a limit, not a missing budget. */
const BUDGET_LIMIT = String.raw`(?:limits?|caps?|constraints?|ceiling|restrictions?|concerns?|issues?|problems?)`;

/** "No budget", "nothing allocated", "we don't have any money for this": the visitor has no budget. */
export const NO_BUDGET = phraseTable('no budget', [
  [
    String.raw`\b(?:no|zero)\s+${NO_BUDGET_KIND}?budget\b(?!\s+${BUDGET_LIMIT})`,
    'no real budget',
    'no budget limits',
  ],
  [
    String.raw`\bno\s+(?:money|funds|funding)\s+(?:\w+\s+){0,2}?(?:set\s+aside|put\s+aside|allocated|earmarked|available|for\b|yet\b|right\s+now|at\s+the\s+moment)`,
    'There is no money set aside',
  ],
  [
    String.raw`\bnothing\s+(?:is\s+|has\s+been\s+|'s\s+)?(?:budgeted|allocated|set\s+aside|earmarked)`,
    'nothing is budgeted',
  ],
  [
    String.raw`\b{any:don't|do not|dont|haven't|have not|havent}\s+(?:have\s+|got\s+)?anything\s+(?:budgeted|allocated|set\s+aside|earmarked)\b`,
    "we haven't got anything allocated",
  ],
  [
    String.raw`\b{any:haven't|have not|havent|hasn't|has not|didn't|did not}\s+(?:yet\s+)?(?:set|agreed|allocated|defined|approved|fixed)\s+(?:a|any|the)\s+budget\b`,
    "we haven't set a budget",
  ],
  [
    String.raw`\b(?:budget|money|funds|funding)\s*(?:isn't|hasn't|is\s+not|has\s+not|'s\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?(?:approved|signed\s+off)\b`,
    "the budget hasn't been approved",
  ],
  [
    String.raw`\b{any:don't|do not|doesn't|does not|haven't|have not|hasn't|dont|havent}\s+(?:have|got)\s+(?:a|any)\s+(?:budget|money|funds)\b`,
    "We don't have a budget for this.",
  ],
  [String.raw`\b(?:not|un)\s?budgeted\b`, "it's unbudgeted"],
  [
    String.raw`\bbudget\s+(?:is\s+|of\s+|:\s*)?(?:zero|nil|none|non-?existent|\$?0)\b`,
    'the budget is zero',
  ],
  [
    String.raw`\b(?:have|has|got)\s+(?:basically|literally|really|pretty\s+much|practically|virtually|almost)?\s*(?:no|zero)\s+(?:money|budget|funds|funding|cash)\b`,
    'we have basically no money',
  ],
]);

/**
 * "Nothing approved", "it's not approved yet" answering the budget question: no money until it
 * is (only when no amount is said). Elsewhere "it" may be the purchase, not the money.
 */
export const NOT_APPROVED_ANSWER = phraseTable('not approved', [
  [
    String.raw`\bnothing\s+(?:is\s+|has\s+been\s+|'s\s+)?(?:approved|signed\s+off)\b`,
    'nothing approved',
  ],
  [
    String.raw`\b(?:it|this|that|anything)\s*(?:isn't|hasn't|is\s+not|has\s+not|'s\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?(?:approved|signed\s+off)\b`,
    "it's not approved yet",
  ],
  [
    String.raw`^\W*(?:(?:still|but|so\s+far)\s+)*not\s+(?:yet\s+)?(?:approved|signed\s+off)(?:\s+yet)?\b`,
    'still not signed off',
  ],
]);

/** "Zero haha, I'm a student", "Nothing, we're tiny": none, then why (no amount, no money word after). */
export const NONE_THEN_WHY = phrase(
  String.raw`^\W*(?:zero|nothing|none|nada|zilch|zip|nil)\b(?!\s+of\b)(?![^.!?]*\b(?:but|budget|money|could|can|would|have|maybe)\b)[^\d$€£₹]*$`,
);

/** Words that may come before a one-word "none" ("honestly, none"). */
export const NONE_LEAD_IN = phraseTable('before none', [
  [String.raw`honestly|well|um|uh|erm|hmm|sadly|unfortunately`, 'um'],
  [String.raw`currently|basically|literally|so|ha|haha|lol`, 'haha'],
]);

/** A one-word "none": "nothing", "zero", "$0", "not a penny". */
export const NONE_WORD = phraseTable('none', [
  [String.raw`none|nothing|zero|zilch|zip|nada|nil|nope|no|0|[$€£₹]\s?0`, 'zilch'],
  [String.raw`not\s+a\s+(?:penny|cent|dime|thing)`, 'not a penny'],
]);

/** Words that may come after a one-word "none" ("none lol", "zero for now", "nothing, just browsing"). */
export const NONE_TAIL = phraseTable('after none', [
  [String.raw`lol|lmao|haha|ha|sadly|unfortunately|honestly|really|tbh|atm|yet`, 'tbh'],
  [
    String.raw`so\s+far|for\s+now|right\s+now|at\s+the\s+moment|currently|at\s+all|whatsoever`,
    'for now',
  ],
  [
    String.raw`i'?m\s+afraid|sorry|not\s+yet|at\s+this\s+point|to\s+be\s+honest|not\s+buying`,
    "i'm afraid",
  ],
  [String.raw`(?:i'?m|we'?re)\s+not\s+buying|just\s+(?:curious|looking|browsing)`, 'just browsing'],
]);

/** A one-word "no budget" answering the budget question ("none lol", "zero", "nada", "no"). */
export const NONE_ANSWER = new RegExp(
  String.raw`^\W*(?:(?:${NONE_LEAD_IN.source})\W+)*(?:${NONE_WORD.source})(?:\W+(?:${NONE_TAIL.source}))*\W*$`,
  'i',
);

/** "No idea", "it depends", "TBD", "rather not say": the visitor does not give a budget. */
export const DECLINING = phraseTable('declined', [
  [String.raw`no\s+idea|not\s+sure|unsure|{any:don't|do not|dont}\s+know|dunno|no\s+clue`, 'dunno'],
  [String.raw`depends\s+on|it\s+depends|couldn't\s+(?:tell|say)`, 'it depends'],
  [
    String.raw`can't\s+(?:say|tell|share)|cannot\s+(?:say|tell|share)|above\s+my\s+pay\s*grade`,
    "can't say",
  ],
  [
    String.raw`tb[dc]|to\s+be\s+(?:determined|decided|confirmed)|haven't\s+(?:decided|settled|worked)`,
    'tbd',
  ],
  [
    String.raw`not\s+(?:yet\s+)?(?:decided|set|defined|determined|finali[sz]ed|confirmed|known)|undecided`,
    'not yet decided',
  ],
  [String.raw`(?:rather|prefer)\s+not|not\s+at\s+liberty|confidential`, "I'd rather not"],
  [String.raw`need\s+to\s+see\s+(?:the\s+)?pric\w*`, 'need to see the pricing'],
  [
    String.raw`(?:still\s+)?(?:working|figuring)\s+(?:it|that)\s+out|not\s+(?:really\s+)?my\s+call`,
    'not my call',
  ],
]);

export const DECLINED = wholeWords(DECLINING, 'i');
