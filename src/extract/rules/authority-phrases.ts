import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The authority rule's first-person phrases (`authority-cue-level.ts` holds the logic): no buying
 * role, "I don't decide", "I decide", working alone. Third-party cues are in `influence-phrases.ts`.
 */

/** A student, an intern, a job seeker, a competitor: no buying role. */
export const RESEARCHER_EXPLICIT = phraseTable('researcher', [
  [
    String.raw`\b(?:i\s+)?work(?:ing)?\s+(?:on|at|for)\s+(?:a|an)\s+(?:similar|competing|rival)\s+(?:[\w-]+\s+)?(?:product|company|tool|platform|startup|vendor)\b`,
    'I work on a similar product',
  ],
  [
    String.raw`\bat\s+(?:another|a\s+competing|a\s+rival)\s+(?:[\w-]+\s+){0,2}?(?:company|vendor|startup|firm|provider)\b`,
    "I'm at another chatbot company",
  ],
  [
    String.raw`\b{im}\s+(?:just\s+)?(?:a\s+|an\s+)?(?:[\w-]+\s+){0,3}?(?:student|intern|job seeker)\b`,
    "I'm just a marketing intern",
  ],
  [
    String.raw`\b(?:i'm|i am|im|we're|we are)\s+(?:a|an|your|one of your)\s+(?:direct\s+)?competitors?\b`,
    "we're one of your direct competitors",
  ],
  [
    String.raw`\bi work (?:for|at|with) (?:a|an|one of your)\s+(?:direct\s+)?competitors?\b`,
    'I work for a competitor',
  ],
  [String.raw`^\W*(?:a\s+)?competitor\b`, 'a competitor, honestly'],
]);

/** Only looking: "just curious", "doing some research". */
export const RESEARCHER_SOFT = phraseTable('just researching', [
  [String.raw`\bjust (?:curious|browsing|looking|researching)\b`, 'just curious'],
  [String.raw`\bdoing (?:some )?research\b`, 'doing some research on chatbots'],
  [String.raw`\bjust research\b`, 'just research for now'],
  [String.raw`\bresearch (?:project|purposes)\b`, "it's for research purposes"],
  [
    String.raw`\bjust (?:poking|nosing|snooping|having a (?:look|poke|nose)|looking) around\b`,
    'just having a nose around',
  ],
]);

/** "no purchasing power": no buying role at all, unless they also say whom they would take it to. */
export const NO_BUYING_POWER = phraseTable('no buying power', [
  [
    String.raw`\b(?:no|zero|without|{dont} have (?:any|much)|not much|little)\s+(?:real\s+)?` +
      String.raw`(?:purchasing|buying|spending|budget(?:ary)?|signing|decision(?:[- ]making)?)\s+(?:power|authority|rights)\b`,
    "I don't have much purchasing power",
  ],
]);

/** "I don't decide": an influencer, whatever the title. */
export const DECISION_NEGATED = phraseTable('not my decision', [
  [
    String.raw`\bi (?:{dont}|can't|cannot|can not|won't)\s+(?:\w+\s+)?(?:decide|sign|approve|make (?:the )?(?:final )?(?:call|decision))`,
    "I don't make the final call",
  ],
  [String.raw`\bnot (?:my (?:call|decision|budget)|up to me|mine to)\b`, "it's not my call"],
  [String.raw`\babove my pay ?grade\b`, "that's above my pay grade"],
]);

/** The visitor decides: "I sign off", "the budget's mine", "the CEO and I decide together". */
export const DECISION = phraseTable('i decide', [
  [
    String.raw`\bi(?:'d|'ll)?\s+(?:alone\s+|ultimately\s+|will\s+|would\s+|get to\s+|can\s+|also\s+|usually\s+|do\s+|then\s+)?` +
      String.raw`(?:decide|sign[- ]?off|sign off|approve|sign(?![- ]?(?:up|in|into|on|out)\b))\b`,
    'I ultimately decide',
    'I sign up for tools',
  ],
  [
    String.raw`\bi\s+(?:make|take)\s+(?:the|all|all the)\s+(?:[\w-]+\s+){0,2}?(?:decisions?|call)\b`,
    'I make all the purchasing decisions',
  ],
  [
    String.raw`\bi\s+(?:own|hold|control|manage|have)\s+(?:the|this|our|that)\s+(?:[\w'’-]+\s+){0,2}budget\b`,
    "I own the team's budget",
  ],
  [
    String.raw`\bi\s+(?:have|hold|got)\s+(?:the\s+)?(?:approval|sign-?off|signing)\s+(?:authority\s+|rights\s+|power\s+)?(?:for|on|over)\b`,
    'I have signing authority for this',
  ],
  [String.raw`\bi\s+(?:hold|control)\s+the\s+purse(?:[- ]strings)?\b`, 'I hold the purse strings'],
  [
    String.raw`\bi\s+(?:give|grant)\s+(?:the\s+)?(?:final\s+)?(?:approval|sign-?off|go-ahead|green light)\b`,
    'I give the final approval',
  ],
  [
    String.raw`\bi\s+have\s+(?:the\s+)?(?:final say|final call|sign[- ]?off|budget authority)\b`,
    'I have the final say',
  ],
  [
    String.raw`\b{iwill}\s+(?:be\s+)?the\s+(?:executive\s+|budget\s+|final\s+)?(?:sponsor|budget holder|decision[- ]?maker|approver|signatory)\b`,
    "I'm the budget holder",
  ],
  // "I'd be one of the people approving it", "I'm one of the approvers".
  [
    String.raw`\b{iwill}\s+(?:be\s+|also\s+)*one of the\s+(?:\w+\s+)?(?:approvers|decision[- ]?makers|deciders|signatories|signers|budget holders` +
      String.raw`|(?:people|persons|ones|folks)\s+(?:who(?:'d|'ll| would| will)?\s+)?(?:(?:voting|needed|required|involved|asked|responsible)\s+(?:to|in|for)\s+)?(?:approv|decid|sign)\w*)\b`,
    "I'd be one of the people approving it",
  ],
  [
    String.raw`(?<!\b(?:after|before|during|from|since|on|in|missed|book|booked)\s)\bmy (?:call|decision)\b(?!\s+(?:with|to|on|at|tomorrow|today|yesterday|earlier|about|regarding))`,
    "it's my call",
    'after my call with sales',
  ],
  [
    String.raw`\b(?:out of|within|from|under|it's|its|it is|that's|thats|comes? (?:out )?of)\s+my\s+(?:own\s+)?budget\b`,
    'it comes out of my budget',
  ],
  [String.raw`\bmy (?:budget(?:ary)? )?authority\b`, "it's within my budget authority"],
  [
    String.raw`\b(?:final (?:call|say|decision|sign-?off|approval)|call|decision|budget|sign-?off|approval)(?:'s|\s+is)\s+mine\b`,
    "the budget's mine",
  ],
  [
    String.raw`\b(?:budget|decision|final (?:say|call|decision|approval)|sign-?off|approval)\s+(?:\w+\s+)?(?:sits|rests|lies|is)\s+with\s+me\b`,
    'the final say rests with me',
  ],
  [String.raw`\b(?:signed off|approved|decided|owned)\s+by\s+me\b`, "it's signed off by me"],
  [String.raw`\bmine to (?:approve|sign|decide)\b`, "it's mine to approve"],
  [
    String.raw`\b{iwill}\s+(?:be\s+)?the one\s+(?:who\s+)?(?:decid|sign|approv|mak)\w*`,
    "I'd be the one deciding",
  ],
  [
    String.raw`\bi\s+[^.;!?]{0,40}?\band\s+(?:own|hold|control)\s+(?:the|this|our)\s+(?:\w+\s+)?budget\b`,
    'I run marketing and own the budget',
  ],
  [String.raw`\b(?:it's|its|it is|that's|all)\s+up to me\b`, "it's all up to me"],
  [
    String.raw`\b(?:me and my|my)\s+(?:co-?founders?|business partners?|partners?)(?:\s+and i)?\s+(?:sign off|decide|approve|make)\b`,
    'me and my co-founder decide',
  ],
  // Deciding jointly: "the managing partner and I decide", "together with our GM I decide",
  // "the CEO and I decide together", "we both sign off".
  [
    String.raw`\b(?:[\w-]+\s+){1,4}?and\s+i\s+(?:(?:both|jointly|together|usually|always|will|would|then|also)\s+)?(?:decide|sign(?:[- ]?off)?|approve` +
      String.raw`|make\s+(?:the|all|all the|these|those)\s+(?:[\w-]+\s+)?(?:decisions?|calls?)|own\s+the\s+budget|hold\s+the\s+budget)\b`,
    'the managing partner and I decide',
  ],
  [
    String.raw`\btogether\s+with\s+(?:[\w-]+\s+){1,4}?i\s+(?:\w+\s+)?(?:decide|sign|approve)\b`,
    'together with our GM I decide',
  ],
  [
    String.raw`\bwe\s+(?:both|jointly|together)\s+(?:decide|sign(?:[- ]?off)?|approve|make\s+(?:the|all)\s+(?:\w+\s+)?decisions?)\b`,
    'we both sign off',
  ],
  [String.raw`\bwe\s+are\s+both\s+responsible\b`, 'we are both responsible for it'],
]);

/** Working alone: whoever runs a one-person business decides ("it's just me", "sole trader"). */
export const SOLO = phraseTable('works alone', [
  [
    String.raw`\b(?:it's|its|it is|there's|theres)\s+(?:just|only)\s+(?:me|myself)\b(?!\s+(?:asking|looking|browsing|curious|checking|researching|here|for now))`,
    "it's just me",
    "it's just me asking",
  ],
  [
    String.raw`^\W*(?:just|only)\s+me\b(?!\s+(?:asking|looking|browsing|curious|checking|researching|here|and {our}))`,
    'just me, so yes',
    'just me and my partner',
  ],
  [
    String.raw`\bsole\s+(?:trader|proprietor\w*|owner|practitioner|director|founder|operator|decision[- ]?maker)\b`,
    "I'm a sole trader",
  ],
  [
    String.raw`\bone[- ](?:man|woman|person)[- ](?:band|business|shop|show|operation|team|company|firm|practice|agency|outfit)\b`,
    "we're a one-person shop",
  ],
  [
    String.raw`\bi\s+(?:run|do|manage|handle)\s+(?:it|everything|the (?:business|company|shop|practice|firm|agency))\s+(?:all\s+)?(?:alone|solo|by myself|on my own|single-?handedly)\b`,
    'I run the practice on my own',
  ],
  [String.raw`\bi work (?:alone|solo|for myself|on my own)\b`, 'I work for myself'],
  [String.raw`\bself-?employed\b`, "I'm self-employed"],
  [String.raw`\bmy own boss\b`, "I'm my own boss"],
  [
    String.raw`\bsolo\s+(?:[\w-]+\s+){0,2}?(?:practice|practitioner|founder|operator|business|shop|firm|agency|consultancy|entrepreneur|owner)\b`,
    'a solo dental practice',
  ],
]);

/** Titles that carry the buying decision by themselves. */
export const OWNS_BY_TITLE = phraseTable('owns by title', [
  [String.raw`\b(?:co-?)?(?:owner|founder)s?\b`, 'co-founder'],
  [
    String.raw`\b(?:ceo|cfo|coo|cto|cmo|cro|cio|cpo|chief|president|vice president|s?vp|evp|proprietor|inhaber|gesch(?:ä|ae)ftsf(?:ü|ue)hrer(?:in)?` +
      String.raw`|managing director|managing partner|founding partner|sole trader|md)\b`,
    'Geschäftsführerin',
  ],
]);
