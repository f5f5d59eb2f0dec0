import { DEPARTMENTS, FUNCTIONS, hasTitleWord, REFUSAL } from './lexicon.js';
import { splitSentences } from './sentences.js';

/** A role as the visitor said it (`value`) and the words it came from (`raw`). */
export type Role = { value: string; raw: string };

// "I'm (the|a) <role>", "I'm one of the two owners", "I work as a <role>".
const I_AM =
  /(?:^|[^\p{L}'])(?:i'm|i am|im|i work as|i'm working as|i serve as|i act as|i'm serving as|my (?:role|title|job title|job|position) is)\s+(?:(?:just|also|currently|actually|basically|now)\s+)?(?:one of (?:the |our |my )?(?:two |three |four |five |several |\d+ )?|(?:the|a|an)\s+)?(.+)/iu;
// "I'm on the tech committee", "I sit on the board".
const ON_A_BODY =
  /\b(?:i'm|i am|im|i sit|i serve|i volunteer)\s+(?:on|in)\s+(?:the|a|an|our)\s+([\w -]{1,40}?\b(?:committee|board|council|working group|panel|task force))\b/i;
// "I'm in marketing", "I work in customer success", "I'm on the growth team": the department is the role.
const IN_A_DEPARTMENT =
  /\b(?:i'm|i am|im|i work|i'm working|i currently work|i sit)\s+(?:in|on|within)\s+(?:the\s+|our\s+)?((?:[\p{L}&-]+\s+){0,2}?[\p{L}-]+)(?:\s+(?:team|department|dept|side|function|org))?(?=\s*(?:$|[,.;:!?)]|(?:at|for|and|but|so|with|here|there|over|where|which|who|i|we)\b))/giu;
// "I run dispatch", "I manage sales for a hotel", "I lead the digital marketing team": a
// department run by the visitor is their role, in any message.
// "I'm kind of the marketing person", "I'm the IT guy here": the department is the role.
const DEPARTMENT_PERSON =
  /\b(?:i'm|i am|im)\s+(?:kind of |sort of |basically |just |like )?(?:the|our)\s+((?:[\p{L}&-]+\s+){0,1}[\p{L}-]+)\s+(?:person|guy|girl|gal|lady|man|woman|one)\b/giu;
const RUN_A_DEPARTMENT =
  /\bi\s+(?:run|manage|lead|head(?:\s+up)?|oversee|look\s+after|handle|am\s+in\s+charge\s+of|am\s+responsible\s+for)\s+(?:the\s+|our\s+)?((?:[\p{L}&-]+\s+){0,2}?[\p{L}-]+)(?:\s+(?:team|department|dept|side|function|org|desk))?(?=\s*(?:$|[,.;:!?)]|(?:at|for|and|but|so|with|here|there|over|where|which|who|i|we)\b))/giu;
// "I run revenue ops", "I head up marketing": the area is the role (authority answers only).
const I_RUN = /\bi\s+(?:run|head(?: up)?|lead|oversee)\s+(?!(?:the|a|an|our|my|this|it)\b)(.+)/i;
// "I own an online supplements store": the owner, said without the word.
const I_OWN_A_BUSINESS =
  /\bi\s+(?:own|co-own|run my own|have my own)\s+(?:a|an|the|my|this)?\s*(?:[\w-]+\s+){0,4}?(?:business|company|store|shop|agency|firm|practice|clinic|restaurant|studio|brokerage|startup|salon|bakery|cafe|franchise|consultancy)\b|\bi\s+(?:own|co-own)\s+(?:it|the\s+place)(?=\s*(?:[,.;!]|$|\s(?:and|so|lol|with|together)\b))/i;
// Where a role phrase ends ("the Director of Admissions, and ...", "a job seeker at the moment").
const ROLE_END =
  /\s*(?:[,;:!?\n]|\.(?:\s|$)|\s[-–—]\s|\s\(|\s(?:and|but|so|who|which|that|because|since|as|looking|at|in|on|with|from|also|currently|too|i|i'm|i'd|i'll|we|we're|this|my|our|by|if|when|where|while|then|just|now|atm|right now|here|there|myself|though|anyway|lol|haha|doing|working|looking|trying|studying|writing|researching|hoping|planning|based|located|helping|handling|supporting|assisting|representing|covering|until|till|while|since|before|after)\b|\s(?:for|of)\s+(?:a|an|the|our|my|this|that|\d|two|three|several|many)\b)/i;
// "of"/"for" followed by a capitalised word names the employer ("COO of Acme"), unless the word
// is a department ("Director of Admissions", "VP of Sales").
const OF_EMPLOYER = /\s(?:for|of)\s+(\p{Lu}[\p{L}-]*)/gu;
// "it" ends a role, "IT" is a department ("IT manager", "Head of IT").
const ROLE_END_CASED = /\s(?:it|it's|its|It's)\b/;
// These titles never take a department, so their "of" always introduces the employer ("ceo of greenleaf ltd").
const EMPLOYER_OF =
  /\b(?:c[a-z]{1,2}o|founder|co-founder|cofounder|owner|co-owner|(?<!vice\s)president|partner|proprietor|principal|managing director|executive director|md|inhaber\w*|geschäftsführer\w*)\)?(\s+of\s)/i;
// Titles that name their area after a dash: "Head - International Patient Services".
const TAKES_AREA =
  /^(?:head|director|dir|vp|svp|evp|vice president|manager|mgr|lead|chief|officer|coordinator)$/i;
const DASH_AREA = /^\s([-–—:])\s+((?:[\p{L}&]+\s+){0,4}[\p{L}&]+)(?=\s*(?:[.,;!?\n]|$))/u;

function roleEnd(phrase: string): number {
  const employer = EMPLOYER_OF.exec(phrase);
  const employerAt = employer
    ? employer.index + employer[0].length - (employer[1] ?? '').length
    : phrase.length;
  let end = Math.min(
    ROLE_END.exec(phrase)?.index ?? phrase.length,
    ROLE_END_CASED.exec(phrase)?.index ?? phrase.length,
    employerAt,
  );
  for (const m of phrase.matchAll(OF_EMPLOYER)) {
    const word = (m[1] ?? '').toLowerCase();
    if (m.index < end && !(m[0].trimStart().startsWith('of') && DEPARTMENTS.has(word)))
      end = m.index;
  }
  return end;
}

// A role never starts like this: "I'm not sure", "I'm looking for", "I'm curious"; nor does a bare
// clause that opens with a pronoun or a filler ("its just me", "yeah we decide", "our CEO").
const NOT_A_ROLE_START =
  /^(?:not|no|nope|nah|looking|interested|curious|trying|wondering|sure|happy|based|from|here|in|at|with|on|afraid|sorry|fine|good|ok|okay|new|going|gonna|hoping|planning|thinking|exploring|browsing|researching|writing|doing|working|responsible|also|still|only|pretty|quite|very|really|kind|sort|in charge|the one|one|just|able|unable|about|around|reaching|contacting|asking|evaluating|comparing|after|glad|excited|keen|aware|unsure|confused|the|a|an|it|it's|its|this|that|there|i|i'm|im|i'd|id|ive|we|we're|my|mine|myself|our|ours|us|me|you|they|he|she|his|her|their|as|like|so|and|but|well|um|uh|hmm|yes|yeah|yep|yup|honestly|maybe|probably|both|either|nothing|none|depends|together|putting|gathering|collecting|pulling|compiling|scouting|shopping|preparing|helping|asking|applying|n\/a)\b/i;
const VERBISH =
  /\b(?:is|are|was|were|am|be|been|do|does|did|don't|have|has|had|not|can't|won't|would|will|should|could|need|want|decide|decides|approve|sign|make|makes|asked|get|got)\b|'(?:s|d|ll|re|ve)\b/i;
// Words about the buying decision, not a job: "Final approval from CEO" names no role of the visitor.
const DECISION_WORDS =
  /\b(?:approvals?|approvers?|decisions?|deciders?|decision[- ]?makers?|sign-?off|signator(?:y|ies)|signers?|purse|(?:purchasing|buying|spending) power|budget (?:holder|owner)s?)\b/i;

/** ", so head of sales", ", i.e. the managing director": the same title said again, in other words. */
const GLOSSES = [
  /^\s*,\s*(?:so|i\.?e\.?|that is|meaning|aka|basically|in english)\s*,?\s+(?:the\s+|a\s+|an\s+)?((?:[\p{L}&-]+\s+){0,3}[\p{L}&-]+)(?=\s*(?:$|[,.;!?)]|\s(?:and|but|so|i|we)\b))/iu,
  /^\s*,\s*(?:the|a|an)\s+((?:[\p{L}&-]+\s+){0,3}[\p{L}&-]+)(?=\s*(?:$|[.;!?]))/iu,
  // "hoofd sales — head of sales — and I decide", "Soy la dueña — I'm the owner."
  /^\s+[-–—]\s+(?:(?:i'm|i am)\s+)?(?:the\s+|a\s+|an\s+)?((?:[\p{L}&-]+\s+){0,3}[\p{L}&-]+)(?=\s+[-–—](?:\s|$)|\s*(?:$|[.;!?,])|\s+(?:across|at|for|in|with|and)\b)/iu,
];

/** Titles in German, Dutch, French, Spanish or Portuguese, which visitors often explain in English. */
const FOREIGN_TITLE =
  /(?:hoofd|due[ñn]a|leiter|gesch(?:ä|ae)ftsf(?:ü|ue)hr|inhaber|prokurist|eigenaar|oprichter|directeur|directrice|g[ée]rant|fondat|due[ñn][oa]|fundador|s[óo]ci[oa]|gerente|responsable|sachbearbeit|referent)/i;

/** "Dr", "Mrs": a form of address, never a role by itself. */
const HONORIFIC = /^(?:mr|mrs|ms|miss|mx|dr|prof|sir|dame)\.?$/i;

/** "partners" -> "partner", "co-owners" -> "co-owner": the title said as "one of the ...". */
function singularTitle(role: string): string {
  return role.replace(/(?<=[a-z]{3})s$/i, '');
}

/** "Head - International Patient Services": the area after a dash belongs to a bare title. */
function areaAfterDash(role: string, rest: string): string | null {
  const m = DASH_AREA.exec(rest);
  if (!m?.[1] || !m[2] || !TAKES_AREA.test(role)) return null;
  const words = m[2].split(/\s+/);
  const isArea = words.every(
    (w) =>
      DEPARTMENTS.has(w.toLowerCase()) || /^(?:&|and|of)$/i.test(w) || /^\p{Lu}{2,5}$/u.test(w),
  );
  return isArea ? `${role} ${m[1]} ${m[2]}` : null;
}

const CORRECTING = /\b(?:actually|sorry|i\s+mean|correction|well|now|since\s+\w+)\b/i;

/** "co-founder and CEO", "owner & MD": a second title said right after the first belongs to it. */
const AND_TITLE = /^\s+(?:and|&)\s+((?:[\p{L}-]+\s+){0,2}[\p{L}-]+)(?=\s*(?:$|[,.;!?)]))/iu;

/** The role with the title said next to it in brackets or as an English gloss, when there is one. */
function withGloss(role: string, after: string): string {
  const second = AND_TITLE.exec(after)?.[1];
  if (
    second &&
    hasTitleWord(second) &&
    hasTitleWord(role) &&
    !/^(?:i|we|my|our)$/i.test(second.split(/\s+/)[0] ?? '')
  )
    return `${role} and ${second}`;
  if (role.includes('(')) return role;
  const paren = /^\s*\(([^)]{1,40})\)/.exec(after);
  const gloss = FOREIGN_TITLE.test(role)
    ? GLOSSES.map((re) => re.exec(after)).find((m) => m !== null)
    : undefined;
  const said = paren?.[1] ?? gloss?.[1];
  return said && hasTitleWord(said) ? `${role} (${said.trim()})` : role;
}

/** Trims a phrase to the role it starts with; null when it is not a plausible role. */
function cutRole(phrase: string, requireTitle: boolean): string | null {
  const end = roleEnd(phrase);
  let role = phrase.slice(0, end).trim();
  // An acronym such as "IT" is a department, not the pronoun "it".
  const acronymStart = /^\p{Lu}{2,}\b/u.test(role);
  if (!acronymStart && /^(?:my|our|its|it's)\b/i.test(role)) return null;
  role = areaAfterDash(role, phrase.slice(end)) ?? role;
  // Keep a parenthetical that is itself a title: "Geschäftsführer (managing director)"; and the
  // English gloss of a title in another language: "Leiter Vertrieb, so head of sales".
  role = withGloss(role, phrase.slice(end));
  role = role
    .replace(/^(?:the|a|an)\s+/i, '')
    .replace(/\s+(?:here|there|myself|to|of|for|and|at|with)$/i, '')
    .replace(/[.\s]+$/, '');
  if (HONORIFIC.test(role)) return null;
  const words = role.split(/\s+/).filter(Boolean);
  if (
    words.length === 0 ||
    words.length > 7 ||
    (!acronymStart && NOT_A_ROLE_START.test(role)) ||
    VERBISH.test(role) ||
    REFUSAL.test(role)
  )
    return null;
  if (DECISION_WORDS.test(role)) return null;
  if (requireTitle && !hasTitleWord(role)) return null;
  return role;
}

/** The department in "I'm in marketing" / "I work on the growth team", when it is a function. */
function department(text: string): Role | null {
  for (const m of [
    ...text.matchAll(IN_A_DEPARTMENT),
    ...text.matchAll(RUN_A_DEPARTMENT),
    ...text.matchAll(DEPARTMENT_PERSON),
  ]) {
    const area = m[1]?.trim() ?? '';
    const words = area.split(/\s+/);
    const last = words[words.length - 1] ?? '';
    if (
      !words.every((w) => DEPARTMENTS.has(w.toLowerCase()) || w === '&') ||
      !FUNCTIONS.has(last.toLowerCase())
    )
      continue;
    // Lower-case "it" is the pronoun ("I'm in it for the long run"); only "IT" is the department.
    if (last.toLowerCase() === 'it' && last !== 'IT') continue;
    const unit = /\s(team|department|dept|side|function|org)$/i.exec(m[0].trim())?.[1];
    // "I manage our sales team": the team is the role's area; "I run sales" is the area itself.
    return { value: unit ? `${area} ${unit}` : area, raw: m[0] };
  }
  return null;
}

/**
 * The role the visitor states in a message ("I'm the VP of Sales", "co-founder, ...",
 * "I'm in marketing"). When `answering` the authority question, a bare answer ("Head of
 * Operations. ...") is a role; elsewhere a role needs a title word.
 * @example findRole("I'm a product manager, I'd bring it to my VP", false) // { value: 'product manager', ... }
 */
export function findRole(text: string, answering: boolean): Role | null {
  const first = splitSentences(text)[0] ?? '';
  const body = ON_A_BODY.exec(text);
  if (body?.[1] && (answering || hasTitleWord(body[1])))
    return { value: body[1].trim(), raw: body[0] };
  // A bare answer ("Head of Operations. ...", "co-founder, i ...") starts with the role.
  let untitled: Role | null = null;
  if (answering) {
    // "Ich bin", "je suis", "soy", "ik ben": "I am" in the visitor's own language.
    const bare = cutRole(
      first
        .replace(/^(?:as i (?:said|mentioned)|like i said|well|so|um|hi|hello|hey)[,:]?\s+/i, '')
        .replace(
          /^(?:ich bin|je suis|ik ben|soy|sou)\s+(?:(?:der|die|el|la|le|o|a|de)\s+)?|^(?:myself|me)\s+(?=\p{L})/iu,
          '',
        ),
      false,
    );
    const glossed = bare ? withGloss(bare, first.slice(first.indexOf(bare) + bare.length)) : null;
    // "Soy la dueña — I'm the owner.": words with no title word give way to a title said next.
    if (glossed && (hasTitleWord(glossed) || !I_AM.test(text)))
      return { value: glossed, raw: first };
    if (glossed) untitled = { value: glossed, raw: first };
  }
  let stated: Role | null = null;
  for (const sentence of splitSentences(text)) {
    for (const clause of sentence.split(/[,;]\s*/)) {
      const m = I_AM.exec(clause);
      const role = m?.[1] ? cutRole(m[1], !answering) : null;
      if (!m || !role) continue;
      // "I'm the export coordinator - well, actually since March I'm export manager": the correction counts.
      if (stated !== null && !CORRECTING.test(clause.slice(0, m.index + 1))) continue;
      const value = /\bone of\b/i.test(m[0]) ? singularTitle(role) : role;
      stated = {
        value: withGloss(value, sentence.slice(sentence.indexOf(clause) + clause.length)),
        raw: m[0].trim(),
      };
    }
  }
  if (stated) return stated;
  const dept = department(text);
  if (dept) return dept;
  const owner = I_OWN_A_BUSINESS.exec(text);
  if (owner) return { value: 'owner', raw: owner[0] };
  if (untitled) return untitled;
  if (answering) {
    const run = I_RUN.exec(text);
    const area = run?.[1] ? cutRole(run[1], false) : null;
    if (run && area) return { value: area, raw: run[0] };
  }
  // "co-founder of a 5 person startup here", "Ana Lima, Geschäftsführer (managing director) of ...":
  // a clause that opens with a title and goes on with "of/at/for/here".
  for (const clause of text.split(/[,.;!?]\s+|^(?:hi|hey|hello)[,!]?\s+/i)) {
    const trimmed = clause.trim();
    const role = cutRole(trimmed, true);
    if (!role || !hasTitleWord(role.split(/\s+/).slice(0, 2).join(' '))) continue;
    const after = trimmed.slice(roleEnd(trimmed)).replace(/^\s*\([^)]*\)/, '');
    if (/^\s+(?:of|at|for|here)\b/i.test(after)) return { value: role, raw: trimmed };
  }
  return null;
}
