import { candidate } from '../../lead/field-paths.js';
import {
  DEPARTMENTS,
  isPlaceName,
  LEGAL_SUFFIXES,
  normalizeText,
  REFUSAL,
  TITLE_LEVELS,
} from './lexicon.js';
import {
  ANSWER_INTRO,
  NAME_END,
  NOT_A_COMPANY,
  STUDENT_THERE,
  VENUE,
  COMPANY_CALLED,
  CAP_NAME,
  FILLER_START,
  GENERIC_WORDS,
  COMPANY_NAMED,
  WE_ARE_COMPANY,
} from './company-name-phrases.js';
import type { RuleContext, RuleResult } from './rule-context.js';

// A size starts after the name ("Acme 40 people"), but digits inside a name stay ("Ridgeway 360 Ltd").
const SIZE_START = /\s~|\s\d[\d,.+]*(?!\s+(?:in|at|from)\s+\p{Lu})(?=\s+[\p{Ll}~]|\s*$|\s*[,.;(])/u;
// Titles whose "of" names a department, not the employer ("Head of Operations at ...").
const DEPARTMENT_TITLES =
  /\b(?:head|director|vp|vice president|svp|evp|manager|lead|chief)\)?\s*$/i;
const EMPLOYER_TITLES = /\b(?:managing|executive)\s+director\)?\s*$/i;
const TITLE_TRIGGER = new RegExp(
  String.raw`\b(?:${TITLE_LEVELS.map(([t]) => t).join('|')})s?\b|\bi\s+(?:currently\s+|now\s+)?work(?:ing)?\b|\bi'm working\b`,
  'i',
);
// "I'm Ana Lima from Acme": an introduction by name also announces the employer.
const NAME_TRIGGER =
  /(?:^|[\s,])(?:[Ii]'m|[Ii] am|[Tt]his is|[Mm]y name is)\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2}\s*$/u;
// "grad student at Kelmscott University", "PhD student of ...": where a student studies is no employer.
const STUDENT_OF_PLACE =
  /\bstudents?(?:\s+(?:here|there|currently|now|(?:in|of)\s+[\p{L}&-]+(?:\s+[\p{L}&-]+)?))?\s*$/iu;
// "does Beacon work for ...", "is Beacon ...": the vendor's own product, not the visitor's employer.
// "this is Tom from ..." and "it is Ana from ..." are introductions, not questions.
const VENDOR_QUESTION =
  /(?<!\b(?:this|it|here|that)\s)\b(?:do|does|is|are|can|will|would)\s+(?:\S+\s+){0,2}$/i;

const VENUE_WORD = new RegExp(`^(?:${VENUE.source})$`, 'i');

// "hey its dave from desert bloom landscaping": a lower-case introduction, the company captured.
const LOWER_INTRO = new RegExp(
  String.raw`(?:^|[\s,.!])(?:this is|it's|its|i'm|im|i am)\s+\p{Ll}[\p{Ll}'-]+\s+from\s+` +
    String.raw`(\p{Ll}[\p{Ll}&'-]*(?:\s+\p{Ll}[\p{Ll}&'-]*){0,4})(?=\s*[,.;!?]|\s+(?:and|here)\b)`,
  'u',
);

function cleanName(raw: string): string {
  let name = raw.trim().replace(/^["']|["']$/g, '');
  // "Co." loses its final period; "S.A." keeps its dotted form.
  if (!/(?:\b\p{Lu}\.){2,}$/u.test(name)) name = name.replace(/\.$/, '');
  return name.replace(/\s+(?:&|and|of|de|la|le|der|und|für|y)$/i, '').trim();
}

/** True when a candidate company name is plausible: short, not a sentence, a place, a size or a description. */
function looksLikeName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 6 || !/\p{L}/u.test(name)) return false;
  const first = (words[0] ?? '').toLowerCase();
  // "Big Sky Survey & Mapping", "Little Oak Dental": a size word that opens a capitalised name belongs to it.
  const sizeWordInName =
    /^(?:big|small|little|tiny|large)$/.test(first) &&
    words.length > 1 &&
    words.every((w) => /^[\p{Lu}&\d]/u.test(w));
  if ((FILLER_START.has(first) && !sizeWordInName) || /^\d+$/.test(first)) return false;
  if (first === 'the' && !/^\p{Lu}/u.test(words[1] ?? '')) return false;
  if (isPlaceName(name) || NOT_A_COMPANY.test(name) || REFUSAL.test(name)) return false;
  // "Magnolia Barn at Cedar Ridge", "The Inn at Little Falls": a venue named after its place.
  const venueJoin = (w: string, i: number): boolean =>
    /^(?:at|on|by)$/.test(w) &&
    VENUE_WORD.test(words[i - 1] ?? '') &&
    /^\p{Lu}/u.test(words[i + 1] ?? '');
  const lowerWords = words.filter(
    (w, i) => /^\p{Ll}/u.test(w) && !LEGAL_SUFFIXES.has(w.toLowerCase()) && !venueJoin(w, i),
  );
  if (lowerWords.some((w) => GENERIC_WORDS.has(w.toLowerCase()))) return false;
  return !words.every((w) => GENERIC_WORDS.has(w.toLowerCase()));
}

/**
 * Where the name ends, passing over a capitalised small word between capitalised ones, which
 * is part of the name ("Locked In Games Co", "Shop At Home Ltd"), not the start of a phrase.
 */
function nameEnd(text: string): RegExpExecArray | null {
  let from = 0;
  for (;;) {
    const m = NAME_END.exec(text.slice(from));
    if (m === null) return null;
    const word = /^\s(\p{Lu}\p{Ll}*)$/u.exec(m[0])?.[1];
    const next = text.slice(from + m.index + m[0].length);
    if (
      word === undefined ||
      !/^(?:In|At|On|Of|With|And|About|By|For)$/.test(word) ||
      !/^\s*\p{Lu}/u.test(next)
    ) {
      m.index += from;
      return m;
    }
    from += m.index + m[0].length;
  }
}

/** Cuts a bare answer down to its leading name ("Acme Ltd, 40 staff" -> "Acme Ltd"). */
function leadingName(text: string): string {
  let rest = text.trim();
  let name = '';
  // "Pvt. Ltd." and "Co. Ltd" continue the name after an abbreviation's period.
  for (;;) {
    const m = nameEnd(rest);
    const size = SIZE_START.exec(rest);
    const end = Math.min(m ? m.index : rest.length, size ? size.index : rest.length);
    name += rest.slice(0, end);
    const lastWord = (name.split(/\s+/).pop() ?? '').toLowerCase();
    const next = m && m.index === end ? rest.slice(end + m[0].length) : '';
    const nextWord = (next.split(/\s+/)[0] ?? '').toLowerCase().replace(/[,.]$/, '');
    const periodEnd = m !== null && m.index === end && m[0].startsWith('.');
    // "St. Brendan's Medical Center", "Mt. Hood Dental": a saint's or a mountain's dot, then the name goes on.
    const nameGoesOn = /^(?:st|mt|ft)$/.test(lastWord) && /^\p{Lu}/u.test(next);
    if (
      periodEnd &&
      ((LEGAL_SUFFIXES.has(lastWord) && LEGAL_SUFFIXES.has(nextWord) && nextWord !== '') ||
        nameGoesOn)
    ) {
      name += '. ';
      rest = next;
      continue;
    }
    if (periodEnd && LEGAL_SUFFIXES.has(lastWord)) name += '.';
    return name;
  }
}

/** The company named in a bare answer to "what's the company called?". */
function fromAnswer(text: string): Found | null {
  // "Do you need the legal entity? Harmony Row Music, 33 people.": a question back comes first.
  const firstLine = text
    .trim()
    .replace(/^(?:[^.!?]*\?\s+)+(?:(?:ok|okay|fine|sure|anyway)[,.!]?\s+)?(?=\S)/i, '')
    // "Just me - Kowalczyk Dev, a one-person company": the name after the headcount.
    .replace(
      /^(?:it's\s+|its\s+)?(?:just|only)\s+me\s*(?:[-–—:,]|\s[-–—]\s)\s*(?:(?:i\s+trade\s+as|trading\s+as)\s+)?(?=\p{Lu})/iu,
      '',
    );
  if (
    REFUSAL.test(leadingName(firstLine)) ||
    REFUSAL.test(firstLine.split(/[.!?](?:\s|$)/)[0] ?? '')
  )
    return null;
  if (STUDENT_THERE.test(firstLine)) return null;
  const intro = ANSWER_INTRO.exec(firstLine);
  const body = intro ? firstLine.slice(intro[0].length) : firstLine;
  // After "it's", "we're", ... only a capitalised name is trusted ("it's a small shop" is not one).
  const name = intro && !/^[\p{Lu}\d]/u.test(body) ? '' : cleanName(leadingName(body));
  if (looksLikeName(name))
    return { value: name, raw: firstLine.slice(0, (intro?.[0].length ?? 0) + name.length) };
  // "We're a 40-person accounting firm, Hollis & Reed CPAs.": the name after the description.
  const after = new RegExp(String.raw`,\s+(${CAP_NAME})\s*[.!]?\s*$`, 'u').exec(
    firstLine.split(/(?<=[.!?])\s+/)[0] ?? '',
  );
  const named = after?.[1] ? cleanName(after[1]) : '';
  return after && looksLikeName(named) && !/\d/.test(named)
    ? { value: named, raw: after[0].replace(/^,\s+/, '') }
    : null;
}

type Found = { value: string; raw: string };

/** A capitalised name after "at/of/with/from/for" following a role, "I work", or "I'm <Name>". */
function fromIntroduction(text: string): Found | null {
  const re = new RegExp(String.raw`\b(at|of|with|from|for)\s+(${CAP_NAME})`, 'gu');
  for (const m of text.matchAll(re)) {
    const clauseStart = Math.max(
      text.lastIndexOf('.', m.index),
      text.lastIndexOf('!', m.index),
      text.lastIndexOf('?', m.index),
      text.lastIndexOf(';', m.index),
    );
    const before = text.slice(clauseStart + 1, m.index);
    // The role must sit right before the preposition: "I'm the owner and we use X with Y" names no employer.
    const tail = (before.split(/\b(?:we|they|use|uses|using|who|which|but|so)\b/i).pop() ?? '')
      .split(/\s+/)
      .slice(-6)
      .join(' ');
    if (
      !(TITLE_TRIGGER.test(tail) || NAME_TRIGGER.test(before)) ||
      VENDOR_QUESTION.test(tail) ||
      STUDENT_OF_PLACE.test(tail)
    )
      continue;
    if (m[1] === 'of' && DEPARTMENT_TITLES.test(before) && !EMPLOYER_TITLES.test(before)) continue;
    const name = cleanName(leadingName(m[2] ?? ''));
    if (looksLikeName(name)) return { value: name, raw: m[0] };
  }
  // "hey its dave from desert bloom landscaping, ...": a lower-case introduction names the company after "from".
  const lowerIntro = LOWER_INTRO.exec(text);
  const lowerName = lowerIntro?.[1]
    ? lowerIntro[1].replace(
        /(^|\s)(\p{Ll})/gu,
        (_, sep: string, ch: string) => sep + ch.toUpperCase(),
      )
    : '';
  if (lowerIntro && lowerName.includes(' ') && looksLikeName(lowerName))
    return { value: lowerName, raw: lowerIntro[0].trim() };
  // "sorry, the company is Al Noor Properties, not Developments": named in so many words, in any message.
  const named = COMPANY_NAMED.exec(text);
  const namedName = named?.[1] ? cleanName(leadingName(named[1])) : '';
  if (named && looksLikeName(namedName)) return { value: namedName, raw: named[0] };
  const called = COMPANY_CALLED.exec(text);
  const calledName = called?.[1] ? cleanName(leadingName(called[1])) : '';
  if (called && looksLikeName(calledName)) return { value: calledName, raw: called[0] };
  const we = WE_ARE_COMPANY.exec(text);
  const weName = we?.[1] ? cleanName(we[1]) : '';
  // "I run Marketing." names a department, not a company.
  if (DEPARTMENTS.has(weName.toLowerCase())) return null;
  // A lone word after "we're" may be a nationality ("we're Canadian"), not a company.
  const nationality = !weName.includes(' ') && /(?:ian|ese|ish|ean|ch)$/i.test(weName);
  if (we && /^[\p{Lu}\d]/u.test(weName) && !nationality && looksLikeName(weName))
    return { value: weName, raw: we[0] };
  return null;
}

/**
 * `company.name`: from a bare answer when the company question was asked ("Acme Robotics,
 * 40 staff"), else from introductions in any message ("I'm the COO of Acme Robotics",
 * "I work at Acme Robotics", "we're Acme Robotics, a ..."). Descriptions ("a 200-person
 * logistics firm"), places and the vendor's own product ("does Beacon work for ...") are skipped.
 * @example companyNameRule('Kessler Feinmechanik GmbH, 140 Mitarbeiter.', { ...ctx, expecting: 'company' })
 */
export function companyNameRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input);
  const found = (ctx.expecting === 'company' ? fromAnswer(text) : null) ?? fromIntroduction(text);
  const c = found ? candidate('company.name', found.value, found.raw) : null;
  return { candidates: c ? [c] : [] };
}
