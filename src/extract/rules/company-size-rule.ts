import { candidate } from '../../lead/field-paths.js';
import { NUMBER_WORDS_SOURCE, wordsToNumber } from './number-words.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';

type Hit = { at: number; size: number; sentence: string };

const NUM = String.raw`\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?k|\d+|${NUMBER_WORDS_SOURCE}`;
const PEOPLE = String.raw`employees?|staff(?:ers)?|people|persons?|ppl|folks|members?|team\s+members|colleagues|workers|ftes?|heads|faculty|mitarbeiter(?:innen)?|mitarbeitende|personnes|empleados|strong|of\s+us`;

/** "200 employees", "a 200-person company", "130-odd staff", "650 faculty and staff", "3 of us", "50-100 employees". */
const COUNT_THEN_NOUN = new RegExp(String.raw`(?<![\d.,$€£₹¥])\b(?<num>${NUM})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to|and)\s*(?:${NUM})\+?)?[\s-]+(?<between>(?:[\p{L}'’-]+\s+){0,3}?)(?<noun>${PEOPLE})\b`, 'giu');
/** "a staff of 30", "team of 12", "headcount is 45", "company size: 40". */
const NOUN_THEN_COUNT = new RegExp(String.raw`\b(?:(?:staff|team|workforce|crew)\s+of|head\s?count|(?:company|team|org(?:ani[sz]ation)?)\s+size)\s*(?:(?:is|are|=|:|at|of|totals?|stands\s+at|around|about|roughly|approximately|approx\.?|circa|~|just|only|over|under|nearly|almost|currently|now)\s*)*(?<num>${NUM})\b`, 'gi');
/** "just me and two assistants" (3), "only me" (1), "me plus 2 contractors" (3). */
const JUST_ME = new RegExp(String.raw`\b(?<just>(?:just|only)\s+)?(?:me|myself)\b(?:\s*(?:,|and|plus|\+|&|with)\s+(?:(?<num>\d+|${NUMBER_WORDS_SOURCE})\s+|(?:my|a|an|one)\s+)(?:[\p{L}-]+\s+)?(?<who>assistants?|partners?|co-?founders?|colleagues?|employees?|staff|contractors?|freelancers?|part-?timers?|interns?|helpers?|others|other\s+people|people|associates?|admins?|receptionists?|bookkeepers?|developers?|devs?|designers?|wife|husband|spouse|brother|sister|son|daughter))?`, 'giu');
/** "a company of 50", "an agency of 15": only when nothing countable follows ("a group of 3 clinics" is not). */
const ORG_OF_COUNT = new RegExp(String.raw`\b(?:company|firm|agency|business|startup|practice|studio|organi[sz]ation|shop)\s+of\s+(?:(?:about|around|roughly|~|just|only|over|nearly|almost)\s+)?(?<num>${NUM})(?=\s*(?:[,.;!?)]|$|people\b|employees\b|staff\b))`, 'gi');
/** A bare count answering the company question: "about 40", "40ish", "around 40-50". */
const BARE = new RegExp(String.raw`(?<![\d.,$€£₹¥/])\b(?<num>${NUM})(?:\s*\+|-?\s?odd|-?ish)?(?:\s*(?:-|–|to)\s*(?:\d+))?(?=\s*(?:(?:or\s+so|give\s+or\s+take|total|in\s+total|right\s+now|now|currently|at\s+the\s+moment|today|max|tops|and\s+(?:growing|counting))\b|[.!?)]|$))`, 'giu');

const WITHDRAWN = /\b(?:not|no\s+longer|used\s+to\s+be|was|were|previously|formerly)\s+(?:about\s+|around\s+|~\s?)?$/i;
const NOT_STAFF_BEFORE = /\b(?:(?:office|department|dept|division|unit|branch|desk|admissions|sales|marketing|support)\s+(?:is|are|has|have)\s+(?:just\s+|only\s+)?|(?:serv\w*|reach\w*|help\w*|hir\w*|recruit\w*|add(?:ing)?|onboard\w*|train\w*|email\w*|contact\w*|call\w*|invit\w*|attract\w*|visitors?|customers?|clients?|patients?|students?|users?|leads?)\s+(?:\S+\s+){0,2})$/i;
// Traffic ("200 people visiting a day") and parts of the company ("12 people in the sales team").
const NOT_STAFF_AFTER = /^\s+(?:(?:visit|use|sign|come|apply|attend|call|email|message|chat|book|register|enquire|inquire|ask|browse|click|download)(?:s|es|d|ed|ing)?\b|(?:visiting|using|coming|chatting|shopping|buying|browsing)\b|a\s+(?:day|week|month|year)\b|per\b|each\b|every\b|daily|weekly|monthly|(?:in|on|within|at)\s+(?:the\s+|our\s+|my\s+)?(?:[\p{L}-]+\s+){0,2}?(?:team|department|dept|division|unit|group|function|office|branch|location|site)\b|(?:in|on)\s+(?:sales|marketing|support|engineering|it|hr|finance|ops|operations|customer\s+service|admissions)\b)/iu;
const BARE_LEAD_IN = /(?:^|\b(?:about|around|roughly|approximately|approx\.?|circa|ca\.?|maybe|probably|nearly|almost|over|under|just\s+(?:over|under)|we're|we\s+are|we\s+have|there\s+are|there's|it's|size\s+is|we're\s+about|~))\s*$/i;
const FILLER_ONLY = /^[\s\W]*(?:(?:about|around|roughly|approximately|approx|circa|maybe|probably|hmm|um|oh|well|honestly|currently|right\s+now|now|only|just|ish|we're|we\s+are|it's|its|total|in\s+total|so)\W*)*$/i;

/**
 * The company-size rule: `company.size` in employees, from a count next to a people noun
 * ("about 60 staff", "a 200-person company", "team of 12", "just me and two assistants"), or a
 * bare number when answering the company question ("about 40"). Never from other nouns
 * ("6 clinics", "180-unit condo"); a range gives its lower end; a number after "not", "was"
 * or "used to be" is a correction's old value, and the last stated size wins.
 *
 * @example companySizeRule("With the new team it's 48 staff now, not 30.", ctx) // company.size 48
 */
export function companySizeRule(text: string, ctx: RuleContext): RuleResult {
  const answering = ctx.expecting === 'company';
  const hits: Hit[] = [];
  let offset = 0;
  for (const sentence of splitSentences(text)) {
    const base = text.indexOf(sentence, offset);
    offset = base + sentence.length;
    for (const hit of sentenceHits(sentence, answering)) hits.push({ ...hit, at: base + hit.at });
  }
  const last = hits.sort((a, b) => a.at - b.at).at(-1);
  const c = last ? candidate('company.size', last.size, last.sentence) : null;
  return { candidates: c ? [c] : [] };
}

function sentenceHits(sentence: string, answering: boolean): Hit[] {
  const hits: Hit[] = [];
  const add = (at: number, size: number | null) => {
    if (size !== null && size >= 1 && !WITHDRAWN.test(sentence.slice(Math.max(0, at - 25), at))) hits.push({ at, size: Math.round(size), sentence });
  };
  for (const m of sentence.matchAll(COUNT_THEN_NOUN)) {
    const g = m.groups ?? {};
    const between = (g.between ?? '').trim().split(/\s+/).filter(Boolean);
    // Words between the count and the noun describe people ("paid", "full-time"), never other things ("6 clinics and").
    if (between.some((w) => /s$/i.test(w) || /^(?:per|a|an|each|every|from|by|with|for|to|in|on|at|the|of|than|our|their|your)$/i.test(w))) continue;
    const end = m.index + m[0].length;
    if (NOT_STAFF_BEFORE.test(sentence.slice(0, m.index)) || NOT_STAFF_AFTER.test(sentence.slice(end))) continue;
    const size = count(g.num);
    // "one of us will..." and "one person handles it" are not company sizes; "a one-person shop" is.
    if (size === 1 && !/^(?:an?\s+)?(?:one|1)-/i.test(m[0])) continue;
    add(m.index, size);
  }
  for (const re of [NOUN_THEN_COUNT, ORG_OF_COUNT]) for (const m of sentence.matchAll(re)) add(m.index, count(m.groups?.num));
  for (const m of sentence.matchAll(JUST_ME)) {
    const g = m.groups ?? {};
    // "me and my co-founder sign off" is who decides; only "just me ..." or "me and 4 others" is a headcount.
    if (!g.just && !(g.who && g.num)) continue;
    add(m.index, 1 + (g.who ? (count(g.num) ?? 1) : 0));
  }
  if (answering) {
    for (const m of sentence.matchAll(BARE)) {
      const before = sentence.slice(0, m.index);
      const clauseStart = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'));
      if (!FILLER_ONLY.test(before.slice(clauseStart + 1)) && !BARE_LEAD_IN.test(before)) continue;
      const size = count(m.groups?.num);
      if (size !== null && /^\d{4}$/.test(m.groups?.num ?? '') && size >= 1900 && size <= 2100) continue;
      add(m.index, size);
    }
  }
  return hits;
}

function count(text: string | undefined): number | null {
  if (!text) return null;
  // "a few" and "several" are not counts anyone would score.
  if (/\b(?:few|several)\b/i.test(text)) return null;
  const k = /^(\d+(?:\.\d+)?)k$/i.exec(text);
  if (k) return Number(k[1]) * 1000;
  return /^\d/.test(text) ? Number(text.replace(/,/g, '')) : wordsToNumber(text);
}
