import { NUMBER_WORDS_SOURCE } from '../rules/number-words.js';

/**
 * The named building blocks of the phrase language (see `compile-phrases.ts`). A phrase writes
 * `{dont}` instead of spelling out "don't / do not / dont" again; a block is regular-expression
 * source, usually a non-capturing group, and may itself use other blocks.
 *
 * Add a block when the same words appear in more than one table; keep each one a single concept.
 */
export const BLOCKS = {
  /** "don't", "do not", "dont" (apostrophes are straightened before matching). */
  dont: String.raw`(?:don't|do not|dont)`,
  /** "doesn't", "does not", "doesnt". */
  doesnt: String.raw`(?:doesn't|does not|doesnt)`,
  /** "didn't", "did not", "didnt". */
  didnt: String.raw`(?:didn't|did not|didnt)`,
  /** "can't", "cannot", "can not", "cant". */
  cant: String.raw`(?:can't|cannot|can not|cant)`,
  /** "haven't", "have not", "havent". */
  havent: String.raw`(?:haven't|have not|havent)`,
  /** "isn't", "is not", "isnt", "it's not", "its not". */
  isnt: String.raw`(?:isn't|is not|isnt|it's not|its not)`,
  /** "won't", "will not", "wont". */
  wont: String.raw`(?:won't|will not|wont)`,
  /** Any of the negations above, or a plain "not" / "never". */
  neg: String.raw`(?:don't|do not|dont|doesn't|does not|doesnt|didn't|did not|didnt|can't|cannot|can not|cant|haven't|have not|havent|won't|will not|wont|not|never)`,
  /** The visitor speaking for themselves or their team: "i", "we". */
  we: String.raw`(?:i|we)`,
  /** "i'm", "im", "i am", "we're", "we are". */
  weare: String.raw`(?:i'm|im|i am|we're|were|we are)`,
  /** "my", "our". */
  our: String.raw`(?:my|our)`,
  /** People words: who works somewhere or is counted in a head count. */
  people: String.raw`(?:people|persons?|employees?|staff|folks|heads|members?|users?|seats?|engineers?|developers?|reps?|agents?|colleagues|workers|team ?mates|fte?s?)`,
  /** A number written with digits, with thousands separators or a decimal part: "12", "1,200", "2.5". */
  num: String.raw`(?:\d{1,3}(?:[,\s]\d{3})+|\d+)(?:\.\d+)?`,
  /** Number words up to a dozen and the round ones ("a hundred"). */
  numword: String.raw`(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a dozen|dozens?|twenty|thirty|forty|fifty|a hundred|hundreds?|a thousand|thousands?)`,
  /** Articles and possessives before a noun: "a", "an", "the", "my", "our", "your", "this". */
  det: String.raw`(?:a|an|the|my|our|your|this|that|any)`,
  // money and head counts
  /** A run of English number words: "forty thousand", "two and a half", "a couple of hundred" (see `number-words.ts`). */
  numwords: NUMBER_WORDS_SOURCE,
  /** A head count in digits or words: "1,200", "1.5k", "40", "forty". */
  headcount: String.raw`(?:\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k|\d+|{numwords})`,
  /** Not right after a digit, a decimal point or a currency sign: "40" in "$40" or "1.40" is no count. */
  notamount: String.raw`(?<![\d.,$€£₹¥])`,
  // needs, intents and roles
  /** The visitor introducing themselves: "i'm", "i am", "im". */
  im: String.raw`(?:i'm|i am|im)`,
  /** After "i": "i'd", "i would", "i'll", "i will", "i'm", "i am" ("i'd be the approver"). */
  iwill: String.raw`i(?:'d| would|'ll| will|'m| am)`,
  /** The people who decide, in third-party cues ("our CEO decides", "I'd take it to my VP"). */
  decider: [
    String.raw`(?:ceos?|cfos?|coos?|ctos?|cros?|cmos?|cios?|mds?|gms?|vps?|svps?|evps?|boss|bosses|directors?|board|owners?`,
    String.raw`|founders?|co-founders?|partners?|management|leadership|presidents?|principals?|heads?|managers?|execs?`,
    String.raw`|executives?|exec team|committee|ownership(?: group)?|shareholders|investors|chancellor|vice-chancellor|dean`,
    String.raw`|provost|bursar|superintendent|trustees|governors|council|supervisors?|team lead|higher-ups|procurement`,
    String.raw`|finance team|chair(?:man|woman|person)?|headteacher|slt|smt|decision[- ]?makers?|c-suite|geschäftsleitung`,
    String.raw`|geschaeftsleitung|geschäftsführung|vorstand|directie|dirección|direction|direção|diretoria|ledningen|johto`,
    String.raw`|hallitus)`,
  ].join(''),
  // time
  /** Month names and their abbreviations: "March", "Mar", "Sept" (a named group goes around it where it is used). */
  month: String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`,
  /** The seasons: "spring", "summer", "autumn", "fall", "winter". */
  season: String.raw`(?:spring|summer|autumn|fall|winter)`,
  /** Where in a period, or a deadline: "by the end of", "early", "mid-", "late", "start of", "after", "within". */
  timemod: String.raw`\b(?:(?:(?:by|before|until|till|in|around|at|from)\s+)?(?:the\s+)?(?:early|mid(?:dle\s+of)?|late|end(?:\s+of)?|start\s+of|beginning\s+of)|by|before|until|till|after|within)`,
} as const satisfies Record<string, string>;

export type BlockName = keyof typeof BLOCKS;
