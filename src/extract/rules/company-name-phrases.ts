import { phraseTable } from '../phrases/compile-phrases.js';

/* The company-name rule's phrases (`company-name-rule.ts` holds the logic). */

/** The visitor has no employer to name: "I don't work", "freelance", "at uni", "retired". */
export const NOT_A_COMPANY = phraseTable('not a company', [
  [
    String.raw`\b(?:don'?t work|do not work|not (?:working|employed)|unemployed|self-employed|freelanc\w*)\b`,
    "I'm not working at the moment",
  ],
  [String.raw`\b(?:at (?:uni|university|college|school)|student|between jobs|retired)\b`, 'at uni'],
]);

/**
 * Where the name in a bare answer ends: punctuation, or a word that starts the size or the place
 * ("Acme Ltd, 40 staff", "Acme based in Leeds", "Acme and we are 12").
 */
export const NAME_END = phraseTable('name end', [
  [
    String.raw`\s*(?:[,;:(\n]|\s[-–—]\s|\.(?:\s|$)|!|\?|\s(?:is|are|was|has|have|with|we|we're|we've|i|i'm|based|located|headquartered|in|about|around` +
      String.raw`|approx\.?|approximately|circa|roughly|currently|which|who|that|employing|employs|and (?:we|i|our|about|around|\d))\b)`,
    'Acme Robotics based in Leeds',
  ],
]);

/** What opens a bare answer before the name: "it's called", "our company is", "I work at". */
export const ANSWER_INTRO = phraseTable('answer intro', [
  [
    String.raw`^(?:(?:the\s+|my\s+|our\s+)?client(?:'s|\s+is|\s+name\s+is|:)(?:\s+called)?)\s+`,
    "the client's called Harbour Health",
  ],
  [
    String.raw`^(?:(?:it's|it is|we're|we are|i'm|i am)\s+(?:called|named))\s+`,
    "we're called Acme",
  ],
  [String.raw`^(?:the company(?:'s| is)(?: called)?)\s+`, 'the company is called Acme'],
  [String.raw`^(?:(?:our|my) company(?:'s| is)(?: called)?)\s+`, "our company's Acme"],
  [String.raw`^(?:company(?: name)?(?:'s| is|:))\s+`, 'company name: Acme'],
  [String.raw`^(?:the name(?:'s| is))\s+`, "the name's Acme"],
  [String.raw`^(?:we're|we are|it's|it is)\s+`, "we're Acme Robotics"],
  [String.raw`^(?:i work (?:at|for)|i'm (?:at|with))\s+`, 'I work at Acme'],
  [String.raw`^(?:i (?:run|own|founded|co-founded|started))\s+`, 'I founded Acme'],
]);

/** "Brightwater College, I'm a student there": the named place is where the visitor studies. */
export const STUDENT_THERE = phraseTable('student there', [
  [
    String.raw`\b{im}\s+(?:(?:a|an|just a|only a)\s+)?(?:[\w-]+\s+){0,2}?students?\s+(?:there|here)\b`,
    "I'm a grad student there",
  ],
  [String.raw`\bi(?:'m| am)?\s+(?:study|studying|enrolled)\s+(?:there|here)\b`, 'I study there'],
]);

/** Venues named after their place ("Magnolia Barn at Cedar Ridge", "The Inn at Little Falls"). */
export const VENUE = phraseTable('venue', [
  [String.raw`barn|inn|hotel|lodge|resort|spa|house|manor|farm|estate|vineyard|winery`, 'barn'],
  [String.raw`kitchen|bistro|grill|tavern|café|cafe|bar|restaurant|club|market`, 'bistro'],
  [String.raw`studio|gallery|chapel|hall|gardens?|centre|center|clinic`, 'gardens'],
]);

// A bare answer that starts like a sentence ("we're ~40", "just a small office") is no name.
export const FILLER_START = new Set(
  (
    "i i'm im i'd i've we we're were we've our ours it it's its just sorry no not a an well um uh hmm sure yes yeah " +
    "ok okay my me they you that this there there's theres here here's that's thats nothing none n/a na same " +
    'currently still only about around roughly ' +
    'approximately small medium large tiny big hi hello hey as like so lol haha honestly actually basically ' +
    'self freelance freelancer unemployed retired student between'
  ).split(' '),
);
// Lower-case words that describe a company instead of naming it ("family business", "small office").
export const GENERIC_WORDS = new Set(
  (
    'office business company firm shop store agency startup start-up practice clinic team nonprofit non-profit charity ' +
    'school family small big large medium tiny local own personal private confidential secret various several ' +
    'us me them it this that the a an my our your their to at on in by for as so but or if not no yes just only also ' +
    'right now university uni college work anywhere nowhere myself freelance freelancing self-employed'
  ).split(' '),
);
// A capitalised organisation name: capitalised or digit-led words, joined by "&", "and", "of", ...
const NAME_WORD = String.raw`(?:\p{Lu}[\p{L}\p{M}\d'.-]*|\d+[\p{L}][\p{L}\d-]*|(?:gmbh|ltd|inc|llc|plc|pvt|co)\b\.?)`;
export const CAP_NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:&|and|of|de|du|la|le|der|und|für|y)\s+)?${NAME_WORD}){0,6}`;

/** "the company is Al Noor Properties": named in so many words, in any message. */
export const COMPANY_NAMED = new RegExp(
  String.raw`\b(?:[Tt]he|[Oo]ur|[Mm]y)\s+(?:company|business|firm|agency)(?:'s\s+name|\s+name)?` +
    String.raw`(?:'s|\s+is|\s+is\s+called|\s+is\s+actually)\s+(${CAP_NAME})`,
  'u',
);

/** "a firm called Acme", "trading as Acme", "dba Acme". */
export const COMPANY_CALLED = new RegExp(
  String.raw`\b(?:(?:company|agency|firm|business|startup|shop|store|studio|practice|clinic|brand|group|lab|organi[sz]ation|charity|nonprofit|school)\s+(?:called|named)` +
    String.raw`|[Ii]\s+trade\s+as|trading\s+as|[Dd]oing\s+business\s+as|dba|t\/a)\s+(${CAP_NAME})`,
  'u',
);

/** "we're Acme Robotics, ...", "I founded Acme": the company the visitor runs. */
export const WE_ARE_COMPANY = new RegExp(
  String.raw`\b(?:[Ww]e're|[Ww]e are|[Ii] (?:run|own|founded|co-founded|started))\s+(${CAP_NAME})` +
    String.raw`(?=\s*(?:[,.;:(!]|\s[-–—]\s|$)|\s+(?:with|and|in|from|based|located|headquartered)\s)`,
  'u',
);
