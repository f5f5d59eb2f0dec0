import { getAllCountries, getAllTimezones } from 'countries-and-timezones';
import type { AuthorityLevel } from '../../lead/field-paths.js';

/**
 * Word lists shared by the word rules (contact, company, authority, need, intents), plus the
 * text helpers they share. Lists are lower-case; callers lower-case first.
 */

/** Curly quotes become straight ones so every pattern only has to know one apostrophe. */
export function normalizeText(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"');
}

/**
 * Job-title words with the authority level they imply when the visitor gives no other cue.
 * Multi-word titles come first so "managing director" wins over "director". A `null` level is a
 * title that says nothing about buying power on its own (professions: "attorney", "architect").
 */
export const TITLE_LEVELS: readonly (readonly [string, AuthorityLevel | null])[] = [
  ['job seeker', 'researcher'],
  ['job hunting', 'researcher'],
  ['product owner', 'influencer'],
  ['chief of', 'influencer'],
  ['managing director', 'decision_maker'],
  ['managing partner', 'decision_maker'],
  ['managing broker', 'decision_maker'],
  ['executive director', 'decision_maker'],
  ['general manager', 'decision_maker'],
  ['vice president', 'decision_maker'],
  ['head of', 'decision_maker'],
  ['board member', null],
  ['team lead', 'influencer'],
  ['tech lead', 'influencer'],
  ['executive assistant', 'influencer'],
  ['account executive', 'influencer'],
  ['decision maker', 'decision_maker'],
  ['industry analyst', 'researcher'],
  ['estate agent', null],
  ['head teacher', 'decision_maker'],
  ['ceo', 'decision_maker'],
  ['cfo', 'decision_maker'],
  ['coo', 'decision_maker'],
  ['cto', 'decision_maker'],
  ['cro', 'decision_maker'],
  ['cmo', 'decision_maker'],
  ['cio', 'decision_maker'],
  ['cpo', 'decision_maker'],
  ['cso', 'decision_maker'],
  ['ciso', 'decision_maker'],
  ['chief', 'decision_maker'],
  ['md', 'decision_maker'],
  ['owner', 'decision_maker'],
  ['co-owner', 'decision_maker'],
  ['proprietor', 'decision_maker'],
  ['inhaber', 'decision_maker'],
  ['founder', 'decision_maker'],
  ['co-founder', 'decision_maker'],
  ['cofounder', 'decision_maker'],
  ['founding', 'decision_maker'],
  ['president', 'decision_maker'],
  ['partner', 'decision_maker'],
  ['principal', 'decision_maker'],
  ['vp', 'decision_maker'],
  ['svp', 'decision_maker'],
  ['evp', 'decision_maker'],
  ['head', 'decision_maker'],
  ['director', 'decision_maker'],
  ['dir', 'decision_maker'],
  ['headteacher', 'decision_maker'],
  ['superintendent', 'decision_maker'],
  ['geschäftsführer', 'decision_maker'],
  ['geschäftsführerin', 'decision_maker'],
  ['geschaeftsfuehrer', 'decision_maker'],
  ['inhaberin', 'decision_maker'],
  ['gm', 'decision_maker'],
  // Titles visitors write in their own language: German, Dutch, French, Spanish, Portuguese.
  ['leiter', 'decision_maker'],
  ['leiterin', 'decision_maker'],
  ['vertriebsleiter', 'decision_maker'],
  ['vertriebsleiterin', 'decision_maker'],
  ['abteilungsleiter', 'decision_maker'],
  ['abteilungsleiterin', 'decision_maker'],
  ['prokurist', 'decision_maker'],
  ['prokuristin', 'decision_maker'],
  ['eigenaar', 'decision_maker'],
  ['oprichter', 'decision_maker'],
  ['directeur', 'decision_maker'],
  ['directrice', 'decision_maker'],
  ['gérant', 'decision_maker'],
  ['gérante', 'decision_maker'],
  ['fondateur', 'decision_maker'],
  ['fondatrice', 'decision_maker'],
  ['dueño', 'decision_maker'],
  ['dueña', 'decision_maker'],
  ['fundador', 'decision_maker'],
  ['fundadora', 'decision_maker'],
  ['sócio', 'decision_maker'],
  ['sócia', 'decision_maker'],
  ['socio', 'decision_maker'],
  ['socia', 'decision_maker'],
  ['gerente', 'influencer'],
  ['responsable', 'influencer'],
  ['sachbearbeiter', 'influencer'],
  ['sachbearbeiterin', 'influencer'],
  ['referent', 'influencer'],
  ['referentin', 'influencer'],
  ['hoofd', 'decision_maker'],
  ['student', 'researcher'],
  ['intern', 'researcher'],
  ['researcher', 'researcher'],
  ['trainee', 'researcher'],
  // People who write or teach about software rather than buy it.
  ['journalist', 'researcher'],
  ['reporter', 'researcher'],
  ['writer', 'researcher'],
  ['blogger', 'researcher'],
  ['podcaster', 'researcher'],
  ['columnist', 'researcher'],
  ['correspondent', 'researcher'],
  ['academic', 'researcher'],
  ['professor', 'researcher'],
  ['lecturer', 'researcher'],
  ['manager', 'influencer'],
  ['mgr', 'influencer'],
  ['mngr', 'influencer'],
  ['lead', 'influencer'],
  ['analyst', 'influencer'],
  ['coordinator', 'influencer'],
  ['specialist', 'influencer'],
  ['engineer', 'influencer'],
  ['developer', 'influencer'],
  ['dev', 'influencer'],
  ['assistant', 'influencer'],
  ['asst', 'influencer'],
  ['associate', 'influencer'],
  ['consultant', 'influencer'],
  ['administrator', 'influencer'],
  ['admin', 'influencer'],
  ['committee', 'influencer'],
  ['member', 'influencer'],
  ['supervisor', 'influencer'],
  ['strategist', 'influencer'],
  ['designer', 'influencer'],
  ['marketer', 'influencer'],
  ['representative', 'influencer'],
  ['executive', 'influencer'],
  ['officer', 'influencer'],
  ['advisor', 'influencer'],
  ['adviser', 'influencer'],
  ['recruiter', 'influencer'],
  ['planner', 'influencer'],
  ['buyer', 'influencer'],
  ['treasurer', 'influencer'],
  ['secretary', 'influencer'],
  ['volunteer', 'influencer'],
  ['agent', 'influencer'],
  ['broker', null],
  ['chair', 'decision_maker'],
  ['chairman', 'decision_maker'],
  ['chairwoman', 'decision_maker'],
  ['chairperson', 'decision_maker'],
  ['trustee', null],
  ['editor', 'influencer'],
  ['producer', 'influencer'],
  // Professions: a role, but whether they buy depends on whose practice it is ("solo", "I own").
  ['attorney', null],
  ['lawyer', null],
  ['solicitor', null],
  ['barrister', null],
  ['paralegal', null],
  ['notary', null],
  ['accountant', null],
  ['bookkeeper', null],
  ['architect', null],
  ['dentist', null],
  ['orthodontist', null],
  ['doctor', null],
  ['physician', null],
  ['surgeon', null],
  ['pharmacist', null],
  ['vet', null],
  ['veterinarian', null],
  ['nurse', null],
  ['therapist', null],
  ['physiotherapist', null],
  ['psychologist', null],
  ['counsellor', null],
  ['counselor', null],
  ['chiropractor', null],
  ['optometrist', null],
  ['realtor', null],
  ['contractor', null],
  ['tutor', null],
  ['teacher', null],
  ['coach', null],
  ['photographer', null],
];

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

/**
 * Refusals to answer ("I'd rather not say", "prefer not to", "rather keep that private").
 * "rather not" only counts when it refers to telling, so "I'd rather not wait" is no refusal.
 */
export const REFUSAL =
  /\b(?:rather not|prefer not(?: to)?)(?=\s*(?:$|[,.!;)]|say|share|tell|disclose|answer|give|get into|discuss|mention|provide|specify|reveal|for now))|\b(?:rather|prefer to|like to|want to) keep (?:that|it|this|(?:the|our|my) [\w ]{1,30}?) (?:private|confidential|to myself|under wraps)|\bno comment\b|\bnot telling\b|\bnone of your business\b|\b(?:don't|do not|dont) (?:want|wish) to (?:share|say|tell|give|disclose)|\b(?:can't|cannot|won't|can not) (?:share|disclose|say|tell you)\b|\bnot (?:comfortable|willing) (?:sharing|to share|saying|to say)|^\s*(?:skip|pass|next question)\b|\b(?:i'll|i will|i'd|let me) (?:pass|skip)\b|\bskip (?:this|that|it|the question)\b/i;

/** Words for the people who decide, in third-party cues ("our CEO decides", "I'd take it to my VP"). */
export const DECIDER =
  '(?:ceos?|cfos?|coos?|ctos?|cros?|cmos?|cios?|mds?|gms?|vps?|svps?|evps?|boss|bosses|directors?|board|owners?|founders?|co-founders?|partners?|management|leadership|presidents?|principals?|heads?|managers?|execs?|executives?|exec team|committee|ownership(?: group)?|shareholders|investors|chancellor|vice-chancellor|dean|provost|bursar|superintendent|trustees|governors|council|supervisors?|team lead|higher-ups|procurement|finance team|chair(?:man|woman|person)?|headteacher|slt|smt|decision[- ]?makers?|c-suite|geschäftsleitung|geschaeftsleitung|geschäftsführung|vorstand|directie|dirección|direction|direção|diretoria|ledningen|johto|hallitus)';

/**
 * The visitor is not here to buy, whatever they are asked: a job seeker or candidate, a school
 * or writing project, someone only testing the bot. Shared by the need rule (no need) and the
 * authority rule (researcher).
 */
export const NOT_BUYING = new RegExp(
  [
    // First person only: a recruiter's "every job seeker who visits our site" is a real need.
    String.raw`\b(?:i'm|i am|im|as|currently|just|still|only)\s+(?:a\s+|an\s+)?(?:\w+\s+)?job[- ]?(?:seeker|seeking|hunting|hunter|searching)\b`,
    String.raw`\bjob[- ]?hunting\b(?!\s+(?:platform|site|app|board|portal|tool|service))`,
    String.raw`\blooking for (?:a |an )?(?:new )?(?:job|internship|placement)\b`,
    String.raw`\bapplying\s+(?:for|to)\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}?(?:job|role|position|opening|internship|vacancy)\b|\bbetween jobs\b|\b(?:love|like|want|hoping|planning|keen) to apply\b|\binterested in (?:a |an |the )?(?:job|role|position|internship|opening)s?\b`,
    String.raw`\bnot (?:looking|shopping|here) for (?:any |a |new )?(?:software|a tool|tools|a product|a solution|a chatbot|a bot)\b`,
    String.raw`\b(?:an?|my|the) (?:job |phone |first |second |final )?interview (?:at|with) (?:your|you)\b`,
    String.raw`\binterviewing (?:at|with) (?:your|you)\b`,
    String.raw`\b(?:applied|applying) (?:for (?:a|the) (?:job|role|position) )?(?:at|to|with) (?:your|you)\b`,
    String.raw`\bnot (?:looking to |here to |planning to |going to )?buy(?:ing)?\b`,
    String.raw`\bnot (?:really )?an? (?:potential |prospective |real )?buyer\b`,
    String.raw`\bjust (?:wanted to |want to |here to |trying to |thought i'?d )?(?:test(?:ing)?|try(?:ing)?(?: out)?|play(?:ing)?(?: around)? with|mess(?:ing)?(?: around)? with|poke at|poking at|check(?:ing)? out)\s+(?:the|your|this)\s+(?:chat ?bot|bot|chat|widget|assistant|ai)\b`,
    String.raw`\bjust (?:testing|playing|messing)(?: around)?\b`,
    String.raw`\bfor (?:a|my|our)\s+(?:[\w-]+\s+){0,4}?(?:school project|class project|uni project|assignment|dissertation|thesis|homework|coursework|essay|article|news story|podcast episode|blog post)\b`,
    String.raw`\b(?:my|a) (?:dissertation|thesis)\b`,
  ].join('|'),
  'i',
);

// The departments a vendor asks for when pitching ("whoever runs your marketing"); never sales or
// support, which a buyer asks for ("can I talk to your sales team?").
const PITCHED_TEAM = String.raw`(?:marketing|seo|advertising|ads|social media|content|website|web design|growth|procurement|purchasing|partnerships|recruit(?:ing|ment)|hiring)`;
const OUR_OFFERING = String.raw`(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|products?|platform|software|tools?|expertise|offering)`;

/**
 * The visitor is selling to the vendor, not buying: they ask for the vendor's marketing or
 * purchasing people, or offer their own services to "you". Describing whom they serve ("we build
 * websites for dentists") is not enough: a buyer describes their business the same way.
 */
export const SELLING_TO_US = new RegExp(
  [
    String.raw`\b(?:speak|talk|chat|get in touch|connect|be put in touch)\s+(?:to|with)\s+(?:whoever|the person (?:who|that)|someone (?:who|that)|the (?:one|people|team) (?:who|that))\s+(?:\w+\s+)?(?:runs|handles|manages|heads|leads|looks after|oversees|is in charge of|is responsible for|buys|makes decisions (?:on|about|for))\s+(?:your|the company's)\s+(?:[\w-]+\s+){0,2}?${PITCHED_TEAM}\b`,
    String.raw`\bwho(?:'s| is)?\s+(?:runs|handles|manages|heads|looks after|oversees|in charge of|responsible for)\s+your\s+(?:[\w-]+\s+){0,2}?${PITCHED_TEAM}\b`,
    String.raw`\b(?:offer|pitch|sell|introduce|present|propose)\s+(?:you|your (?:company|team|business))\s+(?:to\s+)?${OUR_OFFERING}\b`,
    String.raw`\b(?:offer|pitch|sell|introduce|present|propose|provide)\s+${OUR_OFFERING}\s+to\s+(?:you|your\s+(?:company|team|business|brand|site|website))\b`,
    // "I help SaaS companies like yours scale outbound", "I was hoping to pitch to you guys".
    String.raw`\b(?:i|we)\s+help\s+(?:[\w-]+\s+){0,3}?(?:companies|businesses|teams|brands|firms|startups|vendors)\s+like\s+yours\b|\b(?:hoping|want(?:ed)?|like|love|here)\s+to\s+pitch\s+(?:to\s+)?(?:you|your)\b`,
    // "we want to sell our lead generation services to your company", "I'm offering our recruitment services".
    String.raw`\b(?:sell|offer|pitch|provide|introduce)\s+(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|products?|offering)\s+to\s+(?:you|your)\b|\b(?:i'm|i am|we're|we are)\s+(?:offering|selling|pitching|providing)\s+(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|offering)\b`,
    String.raw`\b(?:we|i)(?:\s+(?:can|could|want to)|'d love to|'d like to|\s+would (?:love|like) to)\s+help\s+(?:you|your\s+(?:[\w-]+\s+)?(?:site|website|company|business|team|brand|marketing|seo))\s+(?:rank|grow|get more|improve|boost|increase|scale|generate)\b`,
  ].join('|'),
  'i',
);

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
