import { phrase, phraseTable } from '../phrases/compile-phrases.js';
import { COMPANIONS, PEOPLE, ROLES } from './head-count-phrases.js';

/**
 * The ways a head count is said ("200 employees", "team of 12", "just me and two assistants",
 * "two locations with 12 staff each"), each with a named group `num` the rule reads.
 */

/** "200 employees", "a 200-person company", "130-odd staff", "35 guys", "30 teachers", "3 of us", "50-100 employees". */
export const COUNT_THEN_NOUN = phrase(
  [
    String.raw`{notamount}\b(?<num>{headcount})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to|and)\s*(?:{headcount})\+?)?`,
    String.raw`(?<sep>[\s-]+|(?=(?:ppl|people|staff|employees|persons|ftes?)\b))(?<between>(?:[\p{L}'’-]+\s+){0,3}?)`,
    String.raw`(?:(?<people>${PEOPLE.source})|(?<role>(?:${ROLES.source})))(?![\p{L}\p{N}_])`,
  ].join(''),
  'giu',
);

/** The nouns a count follows: "a staff of 30", "team of 12", "headcount is 45", "company size: 40", "we employ 40". */
export const SIZE_NOUNS = phraseTable('size nouns', [
  [String.raw`(?:staff|team|workforce|crew)\s+of|head\s?count`, 'a staff of 30'],
  [String.raw`(?:company|team|org(?:ani[sz]ation)?)\s+size`, 'company size: 40'],
  [
    String.raw`(?:staff|employee|team|manpower)\s+(?:strength|count|numbers?|size)`,
    'staff strength',
  ],
  [String.raw`number\s+of\s+(?:employees|staff)|employ(?:s|ing)?`, 'we employ 40'],
]);

/** Words between such a noun and the count ("headcount is about 45"). */
const SIZE_VERB = String.raw`(?:is|are|=|:|at|of|totals?|stands\s+at|around|about|roughly|approximately|approx\.?|circa|~|just|only|over|under|nearly|almost|currently|now)`;

/** Who a count after such a noun may be instead of staff ("we employ 40 volunteers" is no size). */
export const NOT_STAFF_NOUNS = phraseTable('counted nouns that are not staff', [
  [String.raw`volunteers|clients|customers|students|pupils|patients|users|members\s+of`, 'clients'],
  [
    String.raw`visitors|guests|subscribers|agencies|vendors|suppliers|firms|companies|tools|systems`,
    'vendors',
  ],
]);

export const NOUN_THEN_COUNT = phrase(
  [
    String.raw`\b(?:${SIZE_NOUNS.source})(?:'s|’s)?\s*(?:${SIZE_VERB}\s*)*(?<num>{headcount})\b`,
    String.raw`(?!\s*(?:[\p{L}-]+\s+){0,2}?(?:${NOT_STAFF_NOUNS.source})\b)`,
  ].join(''),
  'giu',
);

/** "on the books", "on our team": whoever is on the payroll is staff. */
export const ON_THE_BOOKS = phraseTable('on the payroll', [
  [String.raw`on\s+(?:the\s+|our\s+|my\s+)?(?:books|payroll)`, 'on the books'],
  [String.raw`on\s+(?:the|our|my)\s+team|on\s+staff|in\s+(?:the|our)\s+team`, 'on staff'],
]);

/** "27 blokes on the books", "about 60 on the payroll". */
export const ON_PAYROLL = phrase(
  String.raw`{notamount}\b(?<num>{headcount})\s+(?:[\p{L}'’-]+\s+){0,3}?(?:${ON_THE_BOOKS.source})\b`,
  'giu',
);

/** "just me and two assistants" (3), "only me" (1), "me plus 2 contractors" (3), "me and my 3 techs" (4). */
export const JUST_ME = phrase(
  [
    String.raw`\b(?<just>(?:just|only)\s+)?(?:me|myself)\b(?:\s*(?:,(?:\s*(?:and|plus|with))?|and|plus|\+|&|with)\s+`,
    String.raw`(?:(?:my\s+|our\s+)?(?<num>\d+|{numwords})\s+|(?:my|a|an|one)\s+)(?:[\p{L}-]+\s+)?(?<who>${COMPANIONS.source})\b)?`,
  ].join(''),
  'giu',
);

/** What JUST_ME needs to match at all: a cheap test, so the big pattern runs (and compiles) only then. */
export const ME = /\b(?:me|myself)\b/i;

/** Words between a count and a people noun that describe something else ("6 clinics and", "40 per"). */
export const NOT_DESCRIBING =
  /^(?:per|a|an|each|every|from|by|with|for|to|in|on|at|the|of|than|our|their|your)$/i;

/** "22 funcionários (employees)", "40 Angestellte (staff)": any word glossed as staff in brackets. */
export const GLOSSED = phrase(
  String.raw`{notamount}\b(?<num>{headcount})\s+[\p{L}'’-]+\s*\(\s*(?:employees?|staff|people|workers|persons|ftes?)\s*\)`,
  'giu',
);

/** "a company of 50", "an agency of 15": only when nothing countable follows ("a group of 3 clinics" is not). */
export const ORG_OF_COUNT = phrase(
  [
    String.raw`\b(?:company|firm|agency|business|startup|practice|studio|organi[sz]ation|shop)\s+of\s+`,
    String.raw`(?:(?:about|around|roughly|~|just|only|over|nearly|almost)\s+)?(?<num>{headcount})`,
    String.raw`(?=\s*(?:[,.;!?)]|$|people\b|employees\b|staff\b))`,
  ].join(''),
  'gi',
);

/** What may follow a bare count answering the company question ("about 40 in total", "55 across ..."). */
export const AFTER_BARE_COUNT = phraseTable('after a bare count', [
  [String.raw`or\s+so|give\s+or\s+take|total|in\s+total|all\s+told`, 'give or take'],
  [String.raw`right\s+now|now|currently|at\s+the\s+moment|today|max|tops`, 'at the moment'],
  [
    String.raw`and\s+(?:growing|counting)|across|counting|including|incl|plus|spread`,
    'and growing',
  ],
  [String.raw`all\s+in|altogether|full[-\s]?time|fte`, 'full-time'],
]);

/** A bare count answering the company question: "about 40", "40ish", "around 40-50". */
export const BARE = phrase(
  [
    String.raw`(?<![\d.,$€£₹¥/])\b(?<num>{headcount})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to)\s*(?:\d+))?`,
    String.raw`(?=\s*(?:(?:${AFTER_BARE_COUNT.source})\b|,(?=\s)|[.!?)]|$))`,
  ].join(''),
  'giu',
);

/** Words that correct a count said before ("18 people, actually 21", "make that 21", "now 21"). */
export const CORRECTING = phraseTable('correcting a count', [
  [String.raw`actually|call\s+it|make\s+(?:that|it)|(?:or\s+)?rather|sorry`, 'call it'],
  [String.raw`no\s+wait|wait|correction|scratch\s+that|i\s+meant?|typo`, 'typo'],
  [String.raw`my\s+(?:bad|mistake)|oops|now`, 'my bad'],
]);

/** Words between the correction and the count ("actually it's closer to 21"). */
const CORRECTED_LEAD_IN = [
  String.raw`(?:it's|its|it\s+is|we're|we\s+are|there\s+are|(?:it|that)?\s*should\s+(?:be|read|say|have\s+said)`,
  String.raw`|more\s+like|closer\s+to|about|around|roughly|nearly|almost|over|just\s+over|~)`,
].join('');

/** What may follow the corrected count: nothing countable but people. */
const CORRECTED_TAIL = String.raw`(?:since|as|after|with|because|cos|now|today|currently|counting|including|incl|in\s+total|total|or\s+so|if|once|when|following|not|tbh|thanks|${PEOPLE.source})`;

/** "18 people, actually 21", "make that 21", "sorry, 21", "now 21": the corrected count. */
export const CORRECTED = phrase(
  [
    String.raw`\b(?:${CORRECTING.source})\b[\s,:;–—-]*(?:${CORRECTED_LEAD_IN}\s*)*(?<num>{headcount})(?!,\d{3})(?:\s*\+|-?ish)?`,
    String.raw`(?=\s*(?:[,.;!?)]|\s[-–—]\s|$|${CORRECTED_TAIL}\b))`,
  ].join(''),
  'giu',
);

/** "25 not 52", "it's 40, not 30": the number before "not" replaces the one after it. */
export const NOT_THAT_ONE = phrase(
  [
    String.raw`{notamount}\b(?<num>{headcount})\s*,?\s+(?:not|rather\s+than|instead\s+of)\s+(?:{headcount})`,
    String.raw`(?=\s*(?:[,.;!?)]|$|(?:${PEOPLE.source})\b))`,
  ].join(''),
  'giu',
);

/** "somos 15 personas", "wir sind 20 Leute": "we are N people" in Spanish, Portuguese and German. */
export const WE_ARE_N_PEOPLE = phrase(
  [
    String.raw`\b(?:somos|éramos|wir\s+sind)\s+`,
    String.raw`(?:unas?\s+|unos\s+|cerca\s+de\s+|alrededor\s+de\s+|aproximadamente\s+|ca\.?\s+|etwa\s+|rund\s+)?`,
    String.raw`(?<num>\d{1,5})\s+(?:personas|pessoas|leute|personen|mitarbeiter(?:innen)?|empleados|trabajadores|funcion[aá]rios)\b`,
  ].join(''),
  'giu',
);

/** Places a company may count staff in ("two locations with 12 staff each"). */
export const PLACES = phraseTable('places', [
  [
    String.raw`locations?|sites?|stores?|shops?|branch(?:es)?|offices?|clinics?|practices?`,
    '3 branches',
  ],
  [
    String.raw`restaurants?|hotels?|schools?|studios?|gyms?|salons?|outlets?|venues?|depots?|warehouses?`,
    '2 salons',
  ],
]);

/** "two locations with 12 staff each", "3 sites of about 20 people each": the count times the places. */
export const EACH = phrase(
  [
    String.raw`\b(?<places>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\p{L}-]+\s+)?(?:${PLACES.source})\s+`,
    String.raw`(?:with|of|having)\s+(?:about\s+|around\s+|roughly\s+|~\s?)?(?<num>\d{1,4}|{numwords})\s+`,
    String.raw`(?:${PEOPLE.source}|(?:${ROLES.source}))\s+each\b`,
  ].join(''),
  'giu',
);
