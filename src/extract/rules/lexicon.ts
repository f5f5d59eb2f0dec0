import { getAllCountries, getAllTimezones } from 'countries-and-timezones';
import type { AuthorityLevel } from '../../lead/field-paths.js';
import { BLOCKS } from '../phrases/blocks.js';
import { NOT_BUYING_PHRASES, SELLING_TO_US_PHRASES } from './not-buying-phrases.js';
import { REFUSAL_PHRASES } from './refusal-phrases.js';
import { TITLE_LEVELS } from './title-levels.js';

/**
 * Word lists shared by the word rules (contact, company, authority, need, intents), plus the
 * text helpers they share. Lists are lower-case; callers lower-case first.
 */

/** Curly quotes become straight ones so every pattern only has to know one apostrophe. */
export function normalizeText(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

export { TITLE_LEVELS };

const TITLE_WORDS = new Set(TITLE_LEVELS.map(([t]) => t).filter((t) => !t.includes(' ')));
const TITLE_LOOKUP = new Map<string, AuthorityLevel | null>(TITLE_LEVELS.map(([t, l]) => [t, l]));

/** True when the word (any case, singular or plural) is a job-title word ("Owners", "CEO"). */
export function isTitleWord(word: string): boolean {
  const w = word.toLowerCase().replace(/[^\p{L}-]/gu, '');
  return TITLE_WORDS.has(w) || (w.endsWith('s') && TITLE_WORDS.has(w.slice(0, -1)));
}

/** True when a phrase contains a title word or a multi-word title ("team lead for support"). */
export function hasTitleWord(phrase: string): boolean {
  const lower = phrase.toLowerCase();
  if (/\bjob seeker\b|\bhead of\b|\bestate agent\b/.test(lower)) return true;
  return lower.split(/[\s/()&+]+/).some((w) => isTitleWord(w) || w.split('-').some(isTitleWord));
}

/** A title's entry: `undefined` when the word is no title, else its level (maybe null). */
function titleEntry(word: string): AuthorityLevel | null | undefined {
  const w = word.replace(/[^\p{L}-]/gu, '');
  if (TITLE_LOOKUP.has(w)) return TITLE_LOOKUP.get(w);
  if (w.endsWith('s') && TITLE_LOOKUP.has(w.slice(0, -1))) return TITLE_LOOKUP.get(w.slice(0, -1));
  return undefined;
}

/**
 * The level of one title: the first title word from the left that implies a level decides
 * ("assistant to the CEO" is an assistant); a title with no level ("immigration attorney") gives null.
 */
function levelForOneTitle(role: string): AuthorityLevel | null {
  const words = role.toLowerCase().replace(/[()]/g, ' ').split(/\s+/).filter(Boolean);
  for (let i = 0; i < words.length; i++) {
    const two = `${words[i]} ${words[i + 1] ?? ''}`;
    if (TITLE_LOOKUP.has(two)) {
      const multi = TITLE_LOOKUP.get(two) ?? null;
      if (multi) return multi;
      i++;
      continue;
    }
    if (words[i] === 'managing' && i + 1 < words.length) return 'decision_maker';
    const word = words[i] ?? '';
    // "owner-operator": a hyphenated pair of titles is read part by part; "co-founder" is one title.
    const entries =
      titleEntry(word) !== undefined ? [titleEntry(word)] : word.split('-').map(titleEntry);
    const level = entries.find((l) => l !== undefined && l !== null);
    if (level) return level;
  }
  return null;
}

const LEVEL_RANK: Record<AuthorityLevel, number> = {
  researcher: 0,
  influencer: 1,
  decision_maker: 2,
};

/**
 * The level a title implies. Titles joined by "/", "&" or "+" ("Owner/director", "founder & CEO",
 * "partner / head of sales") are looked up one by one and the strongest wins: someone who holds
 * several titles has the buying power of the highest one.
 */
export function levelForTitle(role: string): AuthorityLevel | null {
  let best: AuthorityLevel | null = null;
  for (const part of role.split(/\s*[/&+]\s*/)) {
    const level = levelForOneTitle(part);
    if (level && (best === null || LEVEL_RANK[level] > LEVEL_RANK[best])) best = level;
  }
  return best;
}

/** Departments and functions: after "Head of" they are part of the role, not the employer. */
export const DEPARTMENTS = new Set(
  (
    'sales marketing operations ops engineering product growth revenue finance it hr people admissions customer patient ' +
    'business technology development communications digital ecommerce e-commerce partnerships strategy support services ' +
    'success procurement data design research security information nursing clinical fundraising events education ' +
    'enrollment enrolment legal compliance accounting logistics supply training quality analytics brand content demand ' +
    'talent recruitment recruiting facilities infrastructure global international regional corporate student learning ' +
    'software platform web mobile field inside staff admissions communications public admin administration billing ' +
    'service outreach membership merchandising purchasing payroll treasury relations pr comms creative editorial ' +
    'underwriting claims bizdev devops qa acquisition retention lifecycle dispatch reservations estimating intake bookings'
  ).split(' '),
);

/**
 * The functions a person works "in" ("I'm in marketing", "I work in customer success"): the
 * last word of such a department phrase. Industries ("education", "software") are not here, so
 * "I work in education" names no role.
 */
export const FUNCTIONS = new Set(
  (
    'sales marketing operations ops engineering product growth revenue finance it hr people admissions partnerships ' +
    'procurement purchasing support success communications comms accounting compliance legal admin administration ' +
    'billing fundraising enrollment enrolment recruitment recruiting talent outreach membership merchandising payroll ' +
    'treasury relations pr creative analytics bizdev devops qa acquisition retention lifecycle service dispatch reservations ' +
    'estimating intake bookings'
  ).split(' '),
);

/** Words that never belong to a person's name (contact answers: "sure", "send info to", "my cell is"). */
export const NAME_STOP_WORDS = new Set(
  (
    'sure send info to email e-mail me at best on or by phone my cell is mobile office line please reach you can thanks thank ' +
    "the here it's its it i i'm im this that name name's is are be am was and with from for of a an yes yeah yep no nope " +
    'ok okay hi hello hey dear regards cheers contact number tel call text whatsapp work home via use try ping write drop ' +
    "just only also fine good great works work's prefer rather not skip pass later n/a na none nothing want would like " +
    "let know if that's easier fastest quickest address direct reach me mail gmail outlook we our us your they them " +
    'monday tuesday wednesday thursday friday saturday sunday january february march april may june july august ' +
    'september october november december today tomorrow morning afternoon evening asap soon now anytime ' +
    'demo sales team support company business ' +
    // How a visitor describes an address ("(main inbox)", "shared mailbox"), not who they are.
    'inbox mailbox account shared main general personal private primary backup alternate alt preferred generic'
  ).split(/\s+/),
);

/** Words that mark an organisation rather than a person ("Acme Robotics", "Harbour Health Trust"). */
export const ORG_WORDS = new Set(
  (
    'inc ltd llc llp plc gmbh ag sa s.a. pvt pty co corp corporation company limited group partners solutions systems ' +
    'technologies tech labs digital media analytics robotics realty lending health healthcare clinic clinics college ' +
    'university school academy society trust foundation institute agency studio studios consulting capital bank ' +
    'insurance logistics software services industries holdings ventures networks global international associates ' +
    'alliance developments outfitters nutrition lettings physio pharma foods motors energy finance financial wealth ' +
    'marketing design works hub cloud data apps store shop cafe restaurant hotel travel dental legal law properties ' +
    'homes construction manufacturing engineering'
  ).split(/\s+/),
);

/** Legal-form suffixes kept as part of a company name ("GmbH", "Pvt Ltd", "Co.", "S.A."). */
export const LEGAL_SUFFIXES = new Set(
  'gmbh ltd ltd. inc inc. llc llp plc ag sa s.a. s.a pvt pvt. pty co co. corp corp. limited bv nv oy ab srl sarl kg ug se'.split(
    ' ',
  ),
);

/** Refusals to answer ("I'd rather not say", "prefer not to", "rather keep that private"). */
export const REFUSAL = REFUSAL_PHRASES.pattern;

/** Words for the people who decide, in third-party cues ("our CEO decides", "I'd take it to my VP"). */
export const DECIDER = BLOCKS.decider;

/** The visitor is not here to buy: a job seeker, a school or writing project, testing the bot. */
export const NOT_BUYING = NOT_BUYING_PHRASES.pattern;

/** The visitor is selling to the vendor, not buying ("who handles your marketing?"). */
export const SELLING_TO_US = SELLING_TO_US_PHRASES.pattern;

// Every country name and every IANA city (e.g. "Munich" is absent but "Berlin", "Kolkata" are),
// from the countries-and-timezones data we already ship, so place names are not taken as companies.
const PLACES = new Set<string>([
  ...Object.values(getAllCountries()).map((c) => c.name.toLowerCase()),
  ...Object.keys(getAllTimezones()).map((tz) =>
    (tz.split('/').pop() ?? '').replace(/_/g, ' ').toLowerCase(),
  ),
]);

/** True for a country or a time-zone city name ("Germany", "London", "New York"). */
export function isPlaceName(name: string): boolean {
  return PLACES.has(name.trim().toLowerCase());
}
