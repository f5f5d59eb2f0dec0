import { DEPARTMENTS, FUNCTIONS, hasTitleWord, REFUSAL } from './lexicon.js';
import {
  DECISION_WORDS,
  DEPARTMENT_PERSON,
  EMPLOYER_OF,
  FOREIGN_TITLE,
  GLOSSES,
  I_AM,
  I_OWN_A_BUSINESS,
  IN_A_DEPARTMENT,
  NOT_A_ROLE_START,
  ON_A_BODY,
  ROLE_END,
  RUN_A_DEPARTMENT,
  VERBISH,
} from './role-phrases.js';
import { splitSentences } from './sentences.js';

/** A role as the visitor said it (`value`) and the words it came from (`raw`). */
export type Role = { value: string; raw: string };

// "I run revenue ops", "I head up marketing": the area is the role (authority answers only).
const I_RUN = /\bi\s+(?:run|head(?: up)?|lead|oversee)\s+(?!(?:the|a|an|our|my|this|it)\b)(.+)/i;
// "of"/"for" followed by a capitalised word names the employer ("COO of Acme"), unless the word
// is a department ("Director of Admissions", "VP of Sales").
const OF_EMPLOYER = /\s(?:for|of)\s+(\p{Lu}[\p{L}-]*)/gu;
// "it" ends a role, "IT" is a department ("IT manager", "Head of IT").
const ROLE_END_CASED = /\s(?:it|it's|its|It's)\b/;
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

const NOT_A_ROLE_START_RE = new RegExp(String.raw`^(?:${NOT_A_ROLE_START.source})\b`, 'i');

/** ", so head of sales", ", i.e. the managing director": the same title said again, in other words. */
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
    (!acronymStart && NOT_A_ROLE_START_RE.test(role)) ||
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
