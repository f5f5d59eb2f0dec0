import { phrase, phraseTable } from '../phrases/compile-phrases.js';

/*
 * The words `find-role.ts` reads a role with: how a visitor introduces it, where it ends, what
 * never starts one. The shapes that capture the role are in `find-role.ts`.
 */

/** How a visitor introduces their role: "I'm (the) ...", "I work as ...", "my title is ...". */
export const I_AM_INTRO = phraseTable(
  'i am',
  [
    [String.raw`{im}`, "I'm the CEO"],
    [
      String.raw`i work as|i'm working as|i serve as|i act as|i'm serving as`,
      'I work as a paralegal',
    ],
    [String.raw`my (?:role|title|job title|job|position) is`, 'my job title is Head of Growth'],
  ],
  'iu',
);

/** "I own an online supplements store", "I co-own it": the owner, said without the word. */
export const I_OWN_A_BUSINESS = phraseTable('i own a business', [
  [
    String.raw`\bi\s+(?:own|co-own|run my own|have my own)\s+(?:a|an|the|my|this)?\s*(?:[\w-]+\s+){0,4}?(?:business|company|store|shop|agency|firm|practice` +
      String.raw`|clinic|restaurant|studio|brokerage|startup|salon|bakery|cafe|franchise|consultancy)\b`,
    'I own an online supplements store',
  ],
  [
    String.raw`\bi\s+(?:own|co-own)\s+(?:it|the\s+place)(?=\s*(?:[,.;!]|$|\s(?:and|so|lol|with|together)\b))`,
    'I own the place, so yes',
    'I own it outright',
  ],
]);

/** Where a role phrase ends ("the Director of Admissions, and ...", "a job seeker at the moment"). */
export const ROLE_END = phraseTable('role end', [
  [String.raw`\s*(?:[,;:!?\n]|\.(?:\s|$)|\s[-–—]\s|\s\()`, 'Director of Admissions, and more'],
  [
    String.raw`\s*\s(?:and|but|so|who|which|that|because|since|as|if|when|where|while|then|though|anyway|until|till|before|after)\b`,
    'owner and I decide',
  ],
  [String.raw`\s*\s(?:looking|at|in|on|with|from|by)\b`, 'a job seeker at the moment'],
  [
    String.raw`\s*\s(?:also|currently|too|just|now|atm|right now|here|there|lol|haha)\b`,
    'the office manager here',
  ],
  [String.raw`\s*\s(?:i|i'm|i'd|i'll|we|we're|this|my|our|myself)\b`, 'owner we decide together'],
  [
    String.raw`\s*\s(?:doing|working|looking|trying|studying|writing|researching|hoping|planning|based|located|helping|handling|supporting|assisting` +
      String.raw`|representing|covering)\b`,
    'a consultant working with clinics',
  ],
  [
    String.raw`\s*\s(?:for|of)\s+(?:a|an|the|our|my|this|that|\d|two|three|several|many)\b`,
    'marketing manager for a dental group',
  ],
]);

/**
 * A role never starts like this: "I'm not sure", "I'm looking for", "I'm curious"; nor does a bare
 * clause that opens with a pronoun or a filler ("its just me", "yeah we decide", "our CEO").
 */
export const NOT_A_ROLE_START = phraseTable('not a role start', [
  [String.raw`not|no|nope|nah`, 'not sure'],
  [
    String.raw`looking|interested|curious|trying|wondering|sure|happy|based|from|here|in|at|with|on`,
    'looking for a tool',
  ],
  [
    String.raw`afraid|sorry|fine|good|ok|okay|new|going|gonna|hoping|planning|thinking|exploring|browsing|researching`,
    'afraid I cannot say',
  ],
  [
    String.raw`writing|doing|working|responsible|also|still|only|pretty|quite|very|really|kind|sort|in charge|the one|one|just`,
    'in charge of it',
  ],
  [
    String.raw`able|unable|about|around|reaching|contacting|asking|evaluating|comparing|after|glad|excited|keen|aware|unsure|confused`,
    'evaluating tools',
  ],
  [
    String.raw`the|a|an|it|it's|its|this|that|there|i|i'm|im|i'd|id|ive|we|we're|my|mine|myself|our|ours|us|me|you|they|he|she|his|her|their`,
    'our CEO',
  ],
  [
    String.raw`as|like|so|and|but|well|um|uh|hmm|yes|yeah|yep|yup|honestly|maybe|probably|both|either|nothing|none|depends|together`,
    'yeah we decide',
  ],
  [
    String.raw`putting|gathering|collecting|pulling|compiling|scouting|shopping|preparing|helping|asking|applying|n\/a`,
    'putting together a shortlist',
  ],
]);

/** Words a role never holds: verbs, contractions ("is", "don't", "'s"). */
export const VERBISH = phraseTable('verbish', [
  [
    String.raw`\b(?:is|are|was|were|am|be|been|do|does|did|don't|have|has|had|not|can't|won't|would|will|should|could|need|want|decide|decides|approve` +
      String.raw`|sign|make|makes|asked|get|got)\b`,
    'the one who decides',
  ],
  [String.raw`'(?:s|d|ll|re|ve)\b`, "that's me"],
]);

/** Words about the buying decision, not a job: "Final approval from CEO" names no role of the visitor. */
export const DECISION_WORDS = phraseTable('decision words', [
  [
    String.raw`\b(?:approvals?|approvers?|decisions?|deciders?|decision[- ]?makers?|sign-?off|signator(?:y|ies)|signers?|purse)\b`,
    'final approval from CEO',
  ],
  [
    String.raw`\b(?:(?:purchasing|buying|spending) power|budget (?:holder|owner)s?)\b`,
    'the budget holder',
  ],
]);

/** Titles in German, Dutch, French, Spanish or Portuguese, which visitors often explain in English. */
export const FOREIGN_TITLE = phraseTable('foreign title', [
  [
    String.raw`hoofd|due[ñn]a|leiter|gesch(?:ä|ae)ftsf(?:ü|ue)hr|inhaber|prokurist|eigenaar|oprichter`,
    'Geschäftsführer',
  ],
  [
    String.raw`directeur|directrice|g[ée]rant|fondat|due[ñn][oa]|fundador|s[óo]ci[oa]|gerente|responsable|sachbearbeit|referent`,
    'Soy la dueña',
  ],
]);

/* The shapes that capture a role or a department, built from the words above. */

// "I'm (the|a) <role>", "I'm one of the two owners", "I work as a <role>".
export const I_AM = new RegExp(
  String.raw`(?:^|[^\p{L}'])(?:${I_AM_INTRO.source})\s+(?:(?:just|also|currently|actually|basically|now)\s+)?` +
    String.raw`(?:one of (?:the |our |my )?(?:two |three |four |five |several |\d+ )?|(?:the|a|an)\s+)?(.+)`,
  'iu',
);
// "I'm on the tech committee", "I sit on the board".
export const ON_A_BODY = phrase(
  String.raw`\b(?:{im}|i sit|i serve|i volunteer)\s+(?:on|in)\s+(?:the|a|an|our)\s+` +
    String.raw`([\w -]{1,40}?\b(?:committee|board|council|working group|panel|task force))\b`,
  'i',
);
/** Up to three words naming a department, captured: "customer success", "R&D". */
const AREA = String.raw`((?:[\p{L}&-]+\s+){0,2}?[\p{L}-]+)`;
const AREA_END = String.raw`(?=\s*(?:$|[,.;:!?)]|(?:at|for|and|but|so|with|here|there|over|where|which|who|i|we)\b))`;
// "I'm in marketing", "I work in customer success", "I'm on the growth team": the department is the role.
export const IN_A_DEPARTMENT = new RegExp(
  String.raw`\b(?:i'm|i am|im|i work|i'm working|i currently work|i sit)\s+(?:in|on|within)\s+(?:the\s+|our\s+)?${AREA}` +
    String.raw`(?:\s+(?:team|department|dept|side|function|org))?${AREA_END}`,
  'giu',
);
// "I run dispatch", "I manage sales for a hotel", "I lead the digital marketing team": a
// department run by the visitor is their role, in any message.
// "I'm kind of the marketing person", "I'm the IT guy here": the department is the role.
export const DEPARTMENT_PERSON = phrase(
  String.raw`\b{im}\s+(?:kind of |sort of |basically |just |like )?(?:the|our)\s+((?:[\p{L}&-]+\s+){0,1}[\p{L}-]+)\s+` +
    String.raw`(?:person|guy|girl|gal|lady|man|woman|one)\b`,
  'giu',
);
export const RUN_A_DEPARTMENT = new RegExp(
  String.raw`\bi\s+(?:run|manage|lead|head(?:\s+up)?|oversee|look\s+after|handle|am\s+in\s+charge\s+of|am\s+responsible\s+for)\s+(?:the\s+|our\s+)?` +
    String.raw`${AREA}(?:\s+(?:team|department|dept|side|function|org|desk))?${AREA_END}`,
  'giu',
);

// These titles never take a department, so their "of" always introduces the employer ("ceo of greenleaf ltd").
const EMPLOYER_TITLES =
  String.raw`(?:c[a-z]{1,2}o|founder|co-founder|cofounder|owner|co-owner|(?<!vice\s)president|partner|proprietor|principal|` +
  String.raw`managing director|executive director|md|inhaber\w*|geschäftsführer\w*)`;
export const EMPLOYER_OF = new RegExp(String.raw`\b${EMPLOYER_TITLES}\)?(\s+of\s)`, 'i');

/** Up to four words of a title, captured. */
const TITLE_CAPTURE = String.raw`((?:[\p{L}&-]+\s+){0,3}[\p{L}&-]+)`;
export const GLOSSES = [
  new RegExp(
    String.raw`^\s*,\s*(?:so|i\.?e\.?|that is|meaning|aka|basically|in english)\s*,?\s+(?:the\s+|a\s+|an\s+)?${TITLE_CAPTURE}` +
      String.raw`(?=\s*(?:$|[,.;!?)]|\s(?:and|but|so|i|we)\b))`,
    'iu',
  ),
  new RegExp(String.raw`^\s*,\s*(?:the|a|an)\s+${TITLE_CAPTURE}(?=\s*(?:$|[.;!?]))`, 'iu'),
  // "hoofd sales — head of sales — and I decide", "Soy la dueña — I'm the owner."
  new RegExp(
    String.raw`^\s+[-–—]\s+(?:(?:i'm|i am)\s+)?(?:the\s+|a\s+|an\s+)?${TITLE_CAPTURE}` +
      String.raw`(?=\s+[-–—](?:\s|$)|\s*(?:$|[.;!?,])|\s+(?:across|at|for|in|with|and)\b)`,
    'iu',
  ),
];
