import { candidate } from '../../lead/field-paths.js';
import { mayHoldNumber, NUMBER_WORDS_SOURCE, wordsToNumber } from './number-words.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';

/**
 * A count found in the text. A `group` is part of the company ("12 engineers", "3 office
 * staff"); the others name everyone ("60 staff", "team of 12", "just me and 2 techs").
 */
type Hit = {
  at: number;
  end: number;
  size: number;
  sentence: string;
  group: boolean;
  correction: boolean;
  withdrawn: boolean;
  contingent: boolean;
};

const NUM = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k|\d+|${NUMBER_WORDS_SOURCE}`;
/** "Employees" and "people" in other languages visitors mix in ("22 funcionários", "40 medewerkers", "15 työntekijää"). */
const FOREIGN_STAFF = String.raw`funcion[aá]rios|empleados|empregados|colaboradores|collaborateurs|collaboratori|trabajadores|trabalhadores|medewerkers|werknemers|mitarbeiter(?:innen)?|mitarbeitende|besch[aä]ftigte|angestellte|salari[ée]s|employ[ée]s|dipendenti|ansatte|anst[aä]llda|medarbetare|medarbejdere|ty[oö]ntekij(?:[aä][aä]|[oö]it[aä])|pracownik[oó]w|personnes|pessoas|persone`;
/** Words for everyone on the payroll, formal or not ("35 guys", "27 blokes", "20 FTEs"). */
const PEOPLE = String.raw`employees?|staff(?:ers)?|staff\s+members|people|persons?|ppl|peeps|folks|guys|blokes|lads|gals|bodies|souls|personnel|members?|team\s*members|team-?mates|crew(?:\s+members)?|colleagues|workers|ftes?|full[-\s]?time\s+equivalents|full[-\s]?timers|heads|faculty|${FOREIGN_STAFF}|strong|of\s+us`;
/** Roles: a group of the company, or everyone when nothing else is said ("30 teachers", "me and 3 techs"). */
const ROLES = String.raw`(?:techs?|technicians?|engineers?|developers?|devs?|programmers?|coders?|designers?|consultants?|advis[eo]rs?|analysts?|accountants?|bookkeepers?|auditors?|lawyers?|attorneys?|solicitors?|barristers?|paralegals?|agents?|brokers?|realtors?|(?:sales\s*)?reps?|salespeople|salesmen|recruiters?|managers?|admins?|administrators?|assistants?|secretar(?:y|ies)|receptionists?|clerks?|cashiers?|drivers?|couriers?|mechanics?|electricians?|plumbers?|carpenters?|joiners?|builders?|installers?|fitters?|labou?rers?|tradespeople|tradesmen|operatives?|cleaners?|cooks?|chefs?|waiters?|waitresses?|baristas?|bartenders?|teachers?|lecturers?|professors?|instructors?|tutors?|trainers?|educators?|nurses?|doctors?|physicians?|surgeons?|dentists?|hygienists?|pharmacists?|therapists?|physios?|physiotherapists?|psychologists?|counsell?ors?|carers?|caregivers?|care\s+workers?|support\s+workers?|social\s+workers?|vets?|veterinarians?|midwi(?:fe|ves)|paramedics?|clinicians?|practitioners?|architects?|surveyors?|scientists?|researchers?|writers?|editors?|photographers?|stylists?|hairdressers?|barbers?|guards?|estimators?|planners?|dispatchers?|pickers?|packers?|part[-\s]?timers?|contractors?|freelancers?)`;
/** Who may join "me" in a headcount ("just me + 1 paralegal", "myself plus two part-timers"). */
const COMPANIONS = String.raw`${ROLES}|partners?|co-?founders?|colleagues?|employees?|staff|interns?|helpers?|others|other\s+people|people|guys|associates?|wife|husband|spouse|brother|sister|son|daughter`;

/** "200 employees", "a 200-person company", "130-odd staff", "35 guys", "30 teachers", "3 of us", "50-100 employees". */
const COUNT_THEN_NOUN = new RegExp(
  String.raw`(?<![\d.,$€£₹¥])\b(?<num>${NUM})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to|and)\s*(?:${NUM})\+?)?(?<sep>[\s-]+|(?=(?:ppl|people|staff|employees|persons|ftes?)\b))(?<between>(?:[\p{L}'’-]+\s+){0,3}?)(?:(?<people>${PEOPLE})|(?<role>${ROLES}))(?![\p{L}\p{N}_])`,
  'giu',
);
/** "a staff of 30", "team of 12", "headcount is 45", "company size: 40", "we employ 40". */
const NOUN_THEN_COUNT = new RegExp(
  String.raw`\b(?:(?:staff|team|workforce|crew)\s+of|head\s?count|(?:company|team|org(?:ani[sz]ation)?)\s+size|(?:staff|employee|team|manpower)\s+(?:strength|count|numbers?|size)|number\s+of\s+(?:employees|staff)|employ(?:s|ing)?)(?:'s|’s)?\s*(?:(?:is|are|=|:|at|of|totals?|stands\s+at|around|about|roughly|approximately|approx\.?|circa|~|just|only|over|under|nearly|almost|currently|now)\s*)*(?<num>${NUM})\b(?!\s*(?:[\p{L}-]+\s+){0,2}?(?:volunteers|clients|customers|students|pupils|patients|users|members\s+of|visitors|guests|subscribers|agencies|vendors|suppliers|firms|companies|tools|systems)\b)`,
  'giu',
);
/** "27 blokes on the books", "about 60 on the payroll": whoever is on the payroll is staff. */
const ON_PAYROLL = new RegExp(
  String.raw`(?<![\d.,$€£₹¥])\b(?<num>${NUM})\s+(?:[\p{L}'’-]+\s+){0,3}?(?:on\s+(?:the\s+|our\s+|my\s+)?(?:books|payroll)|on\s+(?:the|our|my)\s+team|on\s+staff|in\s+(?:the|our)\s+team)\b`,
  'giu',
);
/** "just me and two assistants" (3), "only me" (1), "me plus 2 contractors" (3), "me and my 3 techs" (4). */
const JUST_ME = new RegExp(
  String.raw`\b(?<just>(?:just|only)\s+)?(?:me|myself)\b(?:\s*(?:,(?:\s*(?:and|plus|with))?|and|plus|\+|&|with)\s+(?:(?:my\s+|our\s+)?(?<num>\d+|${NUMBER_WORDS_SOURCE})\s+|(?:my|a|an|one)\s+)(?:[\p{L}-]+\s+)?(?<who>${COMPANIONS})\b)?`,
  'giu',
);
/** What JUST_ME needs to match at all: a cheap test, so the big pattern runs (and compiles) only then. */
const ME = /\b(?:me|myself)\b/i;
/** "22 funcionários (employees)", "40 Angestellte (staff)": any word glossed as staff in brackets. */
const GLOSSED = new RegExp(
  String.raw`(?<![\d.,$€£₹¥])\b(?<num>${NUM})\s+[\p{L}'’-]+\s*\(\s*(?:employees?|staff|people|workers|persons|ftes?)\s*\)`,
  'giu',
);
/** "a company of 50", "an agency of 15": only when nothing countable follows ("a group of 3 clinics" is not). */
const ORG_OF_COUNT = new RegExp(
  String.raw`\b(?:company|firm|agency|business|startup|practice|studio|organi[sz]ation|shop)\s+of\s+(?:(?:about|around|roughly|~|just|only|over|nearly|almost)\s+)?(?<num>${NUM})(?=\s*(?:[,.;!?)]|$|people\b|employees\b|staff\b))`,
  'gi',
);
/** A bare count answering the company question: "about 40", "40ish", "around 40-50", "about 55 across sales and service". */
const BARE = new RegExp(
  String.raw`(?<![\d.,$€£₹¥/])\b(?<num>${NUM})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to)\s*(?:\d+))?(?=\s*(?:(?:or\s+so|give\s+or\s+take|total|in\s+total|all\s+told|right\s+now|now|currently|at\s+the\s+moment|today|max|tops|and\s+(?:growing|counting)|across|counting|including|incl|plus|spread|all\s+in|altogether|full[-\s]?time|fte)\b|,(?=\s)|[.!?)]|$))`,
  'giu',
);
/** "18 people, actually 21", "make that 21", "sorry, 21", "now 21": the corrected count, with nothing countable after it. */
const CORRECTED = new RegExp(
  String.raw`\b(?:actually|call\s+it|make\s+(?:that|it)|(?:or\s+)?rather|sorry|no\s+wait|wait|correction|scratch\s+that|i\s+meant?|typo|my\s+(?:bad|mistake)|oops|now)\b[\s,:;–—-]*(?:(?:it's|its|it\s+is|we're|we\s+are|there\s+are|(?:it|that)?\s*should\s+(?:be|read|say|have\s+said)|more\s+like|closer\s+to|about|around|roughly|nearly|almost|over|just\s+over|~)\s*)*(?<num>${NUM})(?!,\d{3})(?:\s*\+|-?ish)?(?=\s*(?:[,.;!?)]|\s[-–—]\s|$|(?:since|as|after|with|because|cos|now|today|currently|counting|including|incl|in\s+total|total|or\s+so|if|once|when|following|not|tbh|thanks|${PEOPLE})\b))`,
  'giu',
);
/** "25 not 52", "it's 40, not 30": the number before "not" replaces the one after it. */
const NOT_THAT_ONE = new RegExp(
  String.raw`(?<![\d.,$€£₹¥])\b(?<num>${NUM})\s*,?\s+(?:not|rather\s+than|instead\s+of)\s+(?:${NUM})(?=\s*(?:[,.;!?)]|$|(?:${PEOPLE})\b))`,
  'giu',
);

/** "somos 15 personas", "wir sind 20 Leute": "we are N people" in Spanish, Portuguese and German ("3 personas" alone are marketing's). */
const WE_ARE_N_PEOPLE =
  /\b(?:somos|éramos|wir\s+sind)\s+(?:unas?\s+|unos\s+|cerca\s+de\s+|alrededor\s+de\s+|aproximadamente\s+|ca\.?\s+|etwa\s+|rund\s+)?(?<num>\d{1,5})\s+(?:personas|pessoas|leute|personen|mitarbeiter(?:innen)?|empleados|trabajadores|funcion[aá]rios)\b/giu;

/** "two locations with 12 staff each", "3 sites of about 20 people each": the count times the places. */
const EACH = new RegExp(
  String.raw`\b(?<places>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten)\s+(?:[\p{L}-]+\s+)?(?:locations?|sites?|stores?|shops?|branch(?:es)?|offices?|clinics?|practices?|restaurants?|hotels?|schools?|studios?|gyms?|salons?|outlets?|venues?|depots?|warehouses?)\s+(?:with|of|having)\s+(?:about\s+|around\s+|roughly\s+|~\s?)?(?<num>\d{1,4}|${NUMBER_WORDS_SOURCE})\s+(?:${PEOPLE}|${ROLES})\s+each\b`,
  'giu',
);

/** "not counting the 2000 flex workers", "excluding 40 contractors": a count the visitor leaves out. */
const EXCLUDED_BEFORE =
  /\b(?:not\s+counting|not\s+including|excluding|excl\.?|without\s+counting|leaving\s+out)\s+(?:the\s+|our\s+|my\s+)?(?:about\s+|around\s+|roughly\s+|some\s+|~\s?)?$/i;
/** "... but they don't count", "(not counted)": said after the count it leaves out. */
const EXCLUDED_AFTER =
  /^\s*\(?\s*(?:not\s+counted|not\s+included|excluded)\b|^[^.;!?]*?\b(?:they|those|these|which|who)\s+(?:(?:probably|really|technically)\s+)?(?:(?:don't|do\s+not|wouldn't|won't|shouldn't)\s+(?:really\s+)?(?:count|matter)(?!\s+(?:the|our|my|any|all|in\s+the|\d))|(?:aren't|are\s+not)\s+(?:really\s+|technically\s+)?(?:counted|included|staff|employees|on\s+(?:the|our)\s+(?:books|payroll)))\b/i;
/** Workers who are not on the staff proper: after a staff count they add nothing ("35 staff plus 2000 flex workers"). */
const CONTINGENT =
  /\b(?:contractors?|subcontractors?|sub-contractors?|freelancers?|temps?|temporary|flex(?:ible)?|seasonal|casuals?|agency(?!\s+of)|gig|outsourced|volunteers?|on\s+assignment|placed|hourly\s+workers)\b/i;

const WITHDRAWN =
  /\b(?:not|no\s+longer|used\s+to\s+be|was|were|previously|formerly)\s+(?:about\s+|around\s+|~\s?)?$/i;
const NOT_STAFF_BEFORE =
  /\b(?:(?:office|department|dept|division|unit|branch|desk|admissions|sales|marketing|support)\s+(?:is|are|has|have)\s+(?:just\s+|only\s+)?|(?:serv\w*|reach\w*|help\w*|hir\w*|recruit\w*|add(?:ing)?|onboard\w*|train\w*|email\w*|contact\w*|call\w*|invit\w*|attract\w*|visitors?|customers?|clients?|patients?|students?|users?|leads)(?!,?\s+(?:and|&|plus|\+)\s+$)\s+(?:\S+\s+){0,2})$/i;
// Traffic ("200 people visiting a day"), parts of the company ("12 people in the sales team"), the public.
const NOT_STAFF_AFTER =
  /^\s+(?:(?:visit|use|sign|come|apply|attend|call|email|message|chat|book|register|enquire|inquire|ask|browse|click|download)(?:s|es|d|ed|ing)?\b|(?:visiting|using|coming|chatting|shopping|buying|browsing)\b|a\s+(?:day|week|month|year)\b|per\b|each\b|every\b|daily|weekly|monthly|of\s+(?:the\s+)?(?:public|community|club|gym|association|union|congregation|church|network)\b|(?:in|on|within|at)\s+(?:the\s+|our\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}?(?:team|department|dept|division|unit|group|function|office|branch|location|site)\b|(?:in|on)\s+(?:sales|marketing|support|engineering|it|hr|finance|ops|operations|customer\s+service|admissions)\b)/iu;
/**
 * A role counted for someone else ("enquiries from 300 agents", "we sell to 40 dentists",
 * "software for 20 engineers"), or a team inside the company ("I manage 8 engineers", "our 3
 * sales reps"): only answering the company question does "our 30 teachers" give the size.
 */
const NOT_OURS_BEFORE =
  /\b(?:from|to|for|by|(?:work(?:s|ing)?|partner(?:s|ing)?|deal(?:s|ing)?)\s+with|(?:manag|lead|run|supervis|oversee|head)\w*)\s+(?:about\s+|around\s+|over\s+|some\s+|roughly\s+)?$/i;
const OUR_GROUP_BEFORE = /\b(?:our|my|the|his|her|their)\s+(?:about\s+|around\s+|roughly\s+)?$/i;
/** Machines with role names ("3 AI agents", "printer drivers", "virtual assistants"). */
const MACHINE =
  /^(?:ai|virtual|software|device|printer|usb|chat|bot|voice|digital|automated|robot(?:ic)?|machine|computer|hardware)$/i;
/** What "members" may follow and still be staff ("30 members", "12 paid members"), unlike "200 gym members". */
const STAFF_MEMBERS = /^(?:paid|full[-\s]?time|part[-\s]?time|permanent|core|salaried)$/i;
const BARE_LEAD_IN =
  /(?:^|\b(?:about|around|roughly|approximately|approx\.?|circa|ca\.?|maybe|probably|nearly|almost|over|under|just\s+(?:over|under)|we're|we\s+are|we\s+have|there\s+are|there's|it's|size\s+is|we're\s+about|~))\s*$/i;
const FILLER_ONLY =
  /^[\s\W]*(?:(?:about|around|roughly|approximately|approx|circa|maybe|probably|hmm|um|oh|well|honestly|currently|right\s+now|now|only|just|ish|we're|we\s+are|it's|its|total|in\s+total|so)\W*)*$/i;
const LIST_JOIN = /^\s*(?:,|and|&|\+|plus)\s*(?:and\s+)?$/i;
/** "2 devs and a designer": one more of a role after a listed group. */
const AND_ONE_MORE = new RegExp(
  String.raw`^\s*(?:,|and|&|\+|plus)\s*(?:and\s+)?(?:a|an|one)\s+(?:[\p{L}-]+\s+)?${ROLES}\b`,
  'iu',
);

/**
 * The company-size rule: `company.size` in employees, from a count next to a people noun
 * ("about 60 staff", "35 guys", "a 200-person company", "team of 12", "27 blokes on the
 * books", "22 funcionários", "40 Angestellte (staff)"), next to a role ("30 teachers", "6
 * doctors and 14 nurses" = 20), "me" plus others ("just me + 1 paralegal" = 2), or a bare
 * number when answering the company question ("about 40"). Never from other nouns ("6
 * clinics", "60 volunteers", "40 clients"); a range gives its lower end. A count of everyone
 * beats a count of a group ("200 staff, 30 of them nurses"); a number after "not", "was" or
 * "used to be" is a correction's old value, one after "actually", "make that", "now", "or
 * rather", "sorry", "I meant" or "typo" (or before "not 52") is the new one, and the last
 * stated size wins. A count the visitor leaves out ("not counting 30 freelancers", "... but
 * they don't count") is never the size, and after a staff count, contractors, temps or flex
 * workers add nothing ("35 staff plus 2000 flex workers" = 35).
 *
 * @example companySizeRule("We're 18 people, actually 21 with the new starters.", ctx) // company.size 21
 */
export function companySizeRule(text: string, ctx: RuleContext): RuleResult {
  const answering = ctx.expecting === 'company';
  const hits: Hit[] = [];
  let offset = 0;
  for (const sentence of splitSentences(text)) {
    const base = text.indexOf(sentence, offset);
    offset = base + sentence.length;
    for (const hit of sentenceHits(sentence, answering))
      hits.push({ ...hit, at: base + hit.at, end: base + hit.end });
  }
  const sorted = hits.sort((a, b) => a.at - b.at || b.end - a.end);
  // A correction needs something to correct ("we were 10 people, now 15"), unless it answers the company question.
  const first = sorted.find((h) => !h.correction);
  const staff = sorted.find((h) => !h.correction && !h.contingent && !h.withdrawn);
  const kept = sorted.filter(
    (h) =>
      !h.withdrawn &&
      !excludedAfter(text, h, sorted) &&
      // "35 office staff, plus ~2000 flex workers": the staff count stands; only a correction replaces it.
      !(h.contingent && !h.correction && staff !== undefined && staff.at < h.at) &&
      (!h.correction || answering || (first !== undefined && first.at < h.at)),
  );
  const counts = mergeLists(
    text,
    kept.filter(
      (h) =>
        !kept.some((o) => o !== h && o.at <= h.at && o.end >= h.end && o.end - o.at > h.end - h.at),
    ),
  );
  const everyone = counts.filter((h) => !h.group);
  const last = (everyone.length > 0 ? everyone : counts).at(-1);
  const c = last ? candidate('company.size', last.size, last.sentence) : null;
  return { candidates: c ? [c] : [] };
}

/** Whether the words after a count, up to the next count, leave it out ("but they don't count"). */
function excludedAfter(text: string, hit: Hit, hits: readonly Hit[]): boolean {
  const next = hits.find((h) => h.at >= hit.end);
  return EXCLUDED_AFTER.test(text.slice(hit.end, next?.at ?? hit.end + 120));
}

/** "6 doctors and 14 nurses", "2 devs and a designer": groups listed together add up. */
function mergeLists(text: string, hits: readonly Hit[]): Hit[] {
  const merged: Hit[] = [];
  for (const hit of hits) {
    const prev = merged.at(-1);
    if (
      prev &&
      prev.group &&
      hit.group &&
      prev.sentence === hit.sentence &&
      LIST_JOIN.test(text.slice(prev.end, hit.at))
    ) {
      merged[merged.length - 1] = { ...prev, end: hit.end, size: prev.size + hit.size };
    } else merged.push(hit);
  }
  return merged.map((h) => {
    const one = h.group ? AND_ONE_MORE.exec(text.slice(h.end)) : null;
    return one ? { ...h, end: h.end + one[0].length, size: h.size + 1 } : h;
  });
}

function sentenceHits(sentence: string, answering: boolean): Hit[] {
  const hits: Hit[] = [];
  // Every pattern but "just me" needs a count; most sentences have none.
  const counted = mayHoldNumber(sentence);
  const add = (m: RegExpMatchArray, size: number | null, group = false, correction = false) => {
    const at = m.index ?? 0;
    if (size === null || size < 1) return;
    const lead = sentence.slice(Math.max(0, at - 40), at);
    const withdrawn = WITHDRAWN.test(lead.slice(-25)) || EXCLUDED_BEFORE.test(lead);
    hits.push({
      at,
      end: at + m[0].length,
      size: Math.round(size),
      sentence,
      group,
      correction,
      withdrawn,
      contingent: CONTINGENT.test(m[0]),
    });
  };
  for (const m of counted ? sentence.matchAll(COUNT_THEN_NOUN) : []) {
    const g = m.groups ?? {};
    const between = (g.between ?? '').trim().split(/\s+/).filter(Boolean);
    // Words between the count and the noun describe people ("paid", "full-time"), never other things ("6 clinics and").
    if (
      between.some(
        (w) =>
          /s$/i.test(w) ||
          /^(?:per|a|an|each|every|from|by|with|for|to|in|on|at|the|of|than|our|their|your)$/i.test(
            w,
          ),
      )
    )
      continue;
    const end = m.index + m[0].length;
    if (notStaffBefore(sentence.slice(0, m.index)) || NOT_STAFF_AFTER.test(sentence.slice(end)))
      continue;
    if (/^members?$/i.test(g.people ?? '') && between.some((w) => !STAFF_MEMBERS.test(w))) continue;
    if (g.role && !roleIsStaff(g.role, g.sep ?? '', between, sentence.slice(0, m.index), answering))
      continue;
    const size = count(g.num);
    // "one of us will..." and "one person handles it" are not company sizes; "a one-person shop" is.
    if (size === 1 && !/^(?:an?\s+)?(?:one|1)-/i.test(m[0])) continue;
    add(m, size, Boolean(g.role) || between.length > 0);
  }
  for (const re of counted
    ? [NOUN_THEN_COUNT, ORG_OF_COUNT, ON_PAYROLL, GLOSSED, WE_ARE_N_PEOPLE]
    : [])
    for (const m of sentence.matchAll(re)) add(m, count(m.groups?.num));
  for (const m of counted ? sentence.matchAll(EACH) : []) {
    const places = count(m.groups?.places);
    const each = count(m.groups?.num);
    // Longer than the "12 staff" inside it, so the product replaces that count.
    if (places !== null && each !== null) add(m, places * each);
  }
  for (const m of ME.test(sentence) ? sentence.matchAll(JUST_ME) : []) {
    const g = m.groups ?? {};
    // "me and my co-founder sign off" is who decides; only "just me ..." or "me and 4 others" is a headcount.
    if (!g.just && !(g.who && g.num)) continue;
    add(m, 1 + (g.who ? (count(g.num) ?? 1) : 0));
  }
  for (const re of counted ? [CORRECTED, NOT_THAT_ONE] : [])
    for (const m of sentence.matchAll(re)) add(m, notYear(m.groups?.num), false, true);
  if (answering && counted) {
    for (const m of sentence.matchAll(BARE)) {
      const before = sentence.slice(0, m.index);
      const clauseStart = Math.max(
        before.lastIndexOf(','),
        before.lastIndexOf(';'),
        before.lastIndexOf(':'),
        before.lastIndexOf(' — '),
        before.lastIndexOf(' – '),
        before.lastIndexOf(' - '),
      );
      if (!FILLER_ONLY.test(before.slice(clauseStart + 1)) && !BARE_LEAD_IN.test(before)) continue;
      add(m, notYear(m.groups?.num));
    }
  }
  return hits;
}

/**
 * Whether the words before a count make it people served or reached ("we help 200 patients"),
 * not staff; a capitalised word inside a name does not ("Bayanihan Contact Solutions, 500+ agents").
 */
function notStaffBefore(before: string): boolean {
  const m = NOT_STAFF_BEFORE.exec(before);
  if (m === null) return false;
  const word = m[0].trimStart();
  const at = before.length - word.length;
  return !(/^\p{Lu}/u.test(word) && at > 0 && !/[.!?]\s*$/.test(before.slice(0, at)));
}

/** Whether a role count is people of the company: plural (or "a 30-teacher school"), no machine, not someone else's. */
function roleIsStaff(
  role: string,
  sep: string,
  between: readonly string[],
  before: string,
  answering: boolean,
): boolean {
  // "3 admin", "2 support staff": mass nouns count as plurals.
  const plural = /(?:s|people|men|ves|ies|admin|staff|crew|personnel)$/i.test(role);
  if (!plural && !sep.includes('-')) return false;
  if (!answering && OUR_GROUP_BEFORE.test(before)) return false;
  return !between.some((w) => MACHINE.test(w)) && !NOT_OURS_BEFORE.test(before);
}

/** A count that is not a year ("now 2026"). */
function notYear(text: string | undefined): number | null {
  const size = count(text);
  return size !== null && /^\d{4}$/.test(text ?? '') && size >= 1900 && size <= 2100 ? null : size;
}

function count(text: string | undefined): number | null {
  if (!text) return null;
  // "a few" and "several" are not counts anyone would score.
  if (/\b(?:few|several)\b/i.test(text)) return null;
  const k = /^(\d+(?:\.\d+)?)k$/i.exec(text);
  if (k) return Number(k[1]) * 1000;
  return /^\d/.test(text) ? Number(text.replace(/,/g, '')) : wordsToNumber(text);
}
