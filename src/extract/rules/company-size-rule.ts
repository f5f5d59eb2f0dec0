import { candidate } from '../../lead/field-paths.js';
import {
  BARE,
  COUNT_THEN_NOUN,
  CORRECTED,
  EACH,
  GLOSSED,
  JUST_ME,
  ME,
  NOT_DESCRIBING,
  NOT_THAT_ONE,
  NOUN_THEN_COUNT,
  ON_PAYROLL,
  ORG_OF_COUNT,
  WE_ARE_N_PEOPLE,
} from './company-size-phrases.js';
import { CONTINGENT, MACHINE, STAFF_MEMBERS } from './head-count-phrases.js';
import {
  AND_ONE_MORE,
  BARE_LEAD_IN,
  EXCLUDED_AFTER,
  EXCLUDED_BEFORE,
  FILLER_ONLY,
  LIST_JOIN,
  NOT_OURS_BEFORE,
  NOT_STAFF_AFTER,
  NOT_STAFF_BEFORE,
  OUR_GROUP_BEFORE,
  WITHDRAWN,
} from './not-staff-phrases.js';
import { mayHoldNumber, wordsToNumber } from './number-words.js';
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
    if (between.some((w) => /s$/i.test(w) || NOT_DESCRIBING.test(w))) continue;
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
