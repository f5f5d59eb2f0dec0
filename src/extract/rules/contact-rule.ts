import { findPhoneNumbersInText } from 'libphonenumber-js';
import { candidate, type Candidate } from '../../lead/field-paths.js';
import {
  hasTitleWord,
  isPlaceName,
  isTitleWord,
  NAME_STOP_WORDS,
  normalizeText,
  ORG_WORDS,
} from './lexicon.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import {
  CAP_NAME,
  FIELD_LABELS,
  I_AM_NAME,
  MY_NAME_IS,
  THIS_IS_NAME,
  UNIT_AFTER as UNIT_AFTER_PHRASES,
} from './contact-phrases.js';

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
const PHONE_CUE =
  /\b(?:phone|mobile|cell|tel|telephone|call|ring|text|whatsapp|number|landline|line|direct|mob)\b[^\d+]{0,25}$/i;
const MONEY_BEFORE = /[$£€₹¥]\s*$|\b(?:usd|eur|gbp|inr|cad|aud|rs\.?)\s*$/i;
const UNIT_AFTER = new RegExp(String.raw`^\s*(?:${UNIT_AFTER_PHRASES.source})`, 'i');
// Answers about money, time or the company are full of numbers: a phone there needs its cue word.
const NUMBER_ANSWERS = new Set(['budget', 'timeline', 'company']);
const NAME_PARTICLES = new Set([
  'de',
  'da',
  'del',
  'della',
  'di',
  'du',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
  'bin',
  'al',
  'dos',
  'das',
  'ter',
  'y',
]);
const NAME_WORD = /^[\p{L}\p{M}][\p{L}\p{M}'-]*$|^\p{Lu}\u0001$/u;
// Stands in for an initial's period while a contact answer is split at periods.
const INITIAL = '\u0001';
const NAME_PREFIX =
  /^(?:(?:hi|hello|hey)[,!]?\s+)?(?:my name is|my name's|name is|name's|i'm|i am|im|this is|it's|its|it is)\s+/i;
const NAME_SUFFIX = /\s+(?:here|speaking)$/i;
// A field label written without a colon ("name Lena Park, email ..., mob 555 ...") is not part of the name.
const FIELD_LABEL = new RegExp(
  String.raw`^(?:(?:full|first|last|contact|my)\s+)?(?:${FIELD_LABELS.source})\b\s*[=#-]?\s*`,
  'i',
);
// Bullets and dashes around a segment ("- Lena Park", "* Tomas Reyes") are list marks, not the name.
const LIST_MARKS = /^[-–—*•>\s]+|[-–—*•<\s]+$/g;
const HONORIFIC_START = /^(?:dr|mr|mrs|ms|miss|mx|prof|professor|sir|dame)\.?\s+(?=\p{Lu})/iu;
// Month names are also first names (June, April, May): with "I'm" or "this is" before them, one is.
const MONTH_NAMES = new Set(['january', 'february', 'april', 'may', 'june', 'july', 'august']);
type Found = { value: string; raw: string };

// "ciara@tidewater.ie - sorry, ciara@tidewaterpayments.ie": the address after a correction replaces the one before.
const EMAIL_CORRECTION =
  /\b(?:sorry|actually|i\s+mean|i\s+meant|correction|typo|oops|make\s+(?:that|it)|rather|no\s+wait)\b/i;

function findEmail(text: string): Found | null {
  const all = [...text.matchAll(EMAIL)];
  let chosen = all[0];
  for (const [i, m] of all.entries()) {
    const prev = all[i - 1];
    if (prev && EMAIL_CORRECTION.test(text.slice(prev.index + prev[0].length, m.index))) chosen = m;
  }
  return chosen ? { value: chosen[0].toLowerCase(), raw: chosen[0] } : null;
}

/**
 * Phones via libphonenumber-js. Valid numbers always count; a number that is only "possible"
 * counts when the visitor clearly gave a phone (a cue word just before it, or a contact answer
 * written with a trunk prefix or "+"), because libphonenumber rejects Ofcom's reserved
 * 07700 900xxx drama range that UK visitors and fixtures use.
 */
const FOUR_DIGITS = /\d\D*\d\D*\d\D*\d/;

function findPhones(text: string, ctx: RuleContext): Found[] {
  // No numbering plan has numbers of fewer than four digits, and most messages have fewer:
  // they skip libphonenumber's matcher, the costliest step of this rule.
  if (!FOUR_DIGITS.test(text)) return [];
  const withoutEmails = text.replace(EMAIL, (m) => ' '.repeat(m.length));
  const found: Found[] = [];
  for (const m of findPhoneNumbersInText(withoutEmails, {
    defaultCountry: ctx.region,
    extended: true,
  })) {
    const raw = withoutEmails.slice(m.startsAt, m.endsAt);
    const before = withoutEmails.slice(0, m.startsAt);
    const after = withoutEmails.slice(m.endsAt);
    if (MONEY_BEFORE.test(before) || UNIT_AFTER.test(after)) continue;
    const digits = raw.replace(/\D/g, '').length;
    const cued = PHONE_CUE.test(before);
    if (ctx.expecting !== null && NUMBER_ANSWERS.has(ctx.expecting) && !cued) continue;
    const plausible = digits >= 10 && (cued || (ctx.expecting === 'contact' && /^[+(0]/.test(raw)));
    if (m.number.isValid() || (m.number.isPossible() && plausible))
      found.push({ value: m.number.number, raw });
  }
  return found;
}

function titleCase(s: string): string {
  return s.replace(/(^|[\s'-])(\p{Ll})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}

/**
 * A person's name when `segment` looks like one: 1-4 words of letters, apostrophes and hyphens,
 * no common or title words. All-lower-case names are accepted only when `allowLower` (a contact
 * answer) and are title-cased; a single word must be capitalised.
 */
function asName(segment: string, allowLower: boolean): string | null {
  const words = segment.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || words.length > 4) return null;
  if (NAME_PARTICLES.has(words[0] ?? '') || NAME_PARTICLES.has(words[words.length - 1] ?? ''))
    return null;
  for (const [i, w] of words.entries()) {
    const lower = w.toLowerCase();
    // A first name may be spelt like a title ("Dev Patel", "Chief Okoro"): only a capitalised
    // first word before a surname that is no title word is let through.
    const firstName =
      i === 0 &&
      words.length >= 2 &&
      /^\p{Lu}\p{Ll}+$/u.test(w) &&
      words.slice(1).every((o) => !isTitleWord(o));
    if (
      !NAME_WORD.test(w) ||
      NAME_STOP_WORDS.has(lower) ||
      (isTitleWord(w) && !firstName) ||
      ORG_WORDS.has(lower)
    )
      return null;
  }
  const core = words.filter((w) => !NAME_PARTICLES.has(w));
  const capitalised = core.every((w) => /^\p{Lu}/u.test(w));
  const lower = core.every((w) => /^\p{Ll}/u.test(w));
  if (!capitalised && !(lower && allowLower && words.length >= 2)) return null;
  if (isPlaceName(words.join(' '))) return null;
  const name = words.join(' ');
  return capitalised ? name : titleCase(name);
}

// "I'm Priya, COO at ...", "this is Tom from ...", "Marcus Lee here, VP Sales": a first name alone
// counts when what follows makes it an introduction (a title, "from", "here").
const NAME_HERE = new RegExp(
  String.raw`^(?:(?:[Hh]i|[Hh]ello|[Hh]ey|[Gg]ood \w+)(?: there)?[,!.]?\s+)?(${CAP_NAME})\s+here\b`,
  'u',
);
// "hey its dave from desert bloom landscaping": typed in lower case, "from" makes it an introduction.
const LOWER_INTRO = /(?:^|[\s,.!])(?:this is|it's|its|i'm|im|i am)\s+(\p{Ll}[\p{Ll}'-]+)\s+from\s/u;

/** A name stated in so many words, in any message ("my name is ...", "I'm Ana Lima, ..."). */
function statedName(text: string): Found | null {
  const my = MY_NAME_IS.exec(text);
  const myName = my?.[1] ? asName(my[1], true) : null;
  if (my && myName) return { value: myName, raw: my[0] };
  for (const re of [I_AM_NAME, THIS_IS_NAME]) {
    const m = re.exec(text);
    const name = m?.[1] ? asName(m[1], false) : null;
    if (!m || !name) continue;
    const introduced = isTitleOrIntro(text.slice((m.index ?? 0) + m[0].length));
    if (name.split(' ').length >= 2 || introduced) return { value: name, raw: m[0] };
  }
  const here = NAME_HERE.exec(text);
  const hereName = here?.[1] ? asName(here[1], false) : null;
  if (here && hereName) return { value: hereName, raw: here[0] };
  const lower = LOWER_INTRO.exec(text);
  const lowerName = lower?.[1] ? asName(titleCase(lower[1]), false) : null;
  if (lower && lowerName) return { value: lowerName, raw: lower[0] };
  return null;
}

/** After "I'm Priya": ", COO at ...", ", the founder", " from Acme", " here": an introduction, not "I'm Happy, thanks". */
function isTitleOrIntro(after: string): boolean {
  if (/^\s+(?:from|here|at|with)\b/i.test(after)) return true;
  const next =
    /^\s*,\s*(?:(?:the|a|an|your|one of the)\s+)?([\p{L}-]+(?:\s+[\p{L}-]+)?)/u.exec(after)?.[1] ??
    '';
  return next !== '' && hasTitleWord(next);
}

/** The segment of a contact answer that is a name, once the email and phone are taken out. */
function nameInContactAnswer(text: string, remove: readonly string[]): Found | null {
  let rest = text;
  for (const r of remove) rest = rest.split(r).join('\n');
  // An initial's period ("J. Smith") does not end the name.
  rest = rest.replace(/\b(\p{Lu})\.\s+(?=\p{Lu})/gu, `$1${INITIAL} `);
  const segments = rest
    // Brackets and pipes separate fields too: "Lena Park <lena@park.example>", "Name: Lena Park | Email: ...".
    .split(/[,.;:!?()[\]{}<>"|/\n]+|\s+[-–—]\s+|\s+(?:or|and)\s+/i)
    .map((s) => s.replace(LIST_MARKS, ''))
    .filter(Boolean);
  let single: Found | null = null;
  for (const raw of segments) {
    const introduced = NAME_PREFIX.test(raw);
    const seg = raw
      .replace(NAME_PREFIX, '')
      .replace(FIELD_LABEL, '')
      .replace(NAME_SUFFIX, '')
      .replace(HONORIFIC_START, '')
      .trim();
    if (seg === '') continue;
    const month = introduced && /^\p{Lu}\p{Ll}+$/u.test(seg) && MONTH_NAMES.has(seg.toLowerCase());
    const name = month ? seg : (asName(seg, true)?.replaceAll(INITIAL, '.') ?? null);
    if (name === null || (!name.includes(' ') && name.length < 2)) continue;
    if (name.includes(' ')) return { value: name, raw: seg };
    single ??= { value: name, raw: seg };
  }
  return single;
}

/**
 * Contact details: `contact.email` (lower-cased), `contact.phone` (E.164, national formats read
 * with `ctx.region`), and `contact.name` when the visitor answers the contact question or
 * introduces themselves ("my name is ...", "I'm Ana Lima").
 * @example contactRule('Ana Lima, ana@acme.example, (646) 555-0187', ctx) // name, email, phone
 */
export function contactRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input);
  const candidates: (Candidate | null)[] = [];
  const email = findEmail(text);
  if (email) candidates.push(candidate('contact.email', email.value, email.raw));
  const phones = findPhones(text, ctx);
  const phone = phones[0];
  if (phone) candidates.push(candidate('contact.phone', phone.value, phone.raw));

  const stated = statedName(text);
  const name =
    stated ??
    (ctx.expecting === 'contact'
      ? nameInContactAnswer(text, [...(email ? [email.raw] : []), ...phones.map((p) => p.raw)])
      : null);
  if (name) candidates.push(candidate('contact.name', name.value, name.raw));
  return { candidates: candidates.filter((c): c is Candidate => c !== null) };
}
