import { candidate } from '../../lead/field-paths.js';
import { phrase } from '../phrases/compile-phrases.js';
import { normalizeText, NOT_BUYING, REFUSAL, SELLING_TO_US } from './lexicon.js';
import {
  LOOKING_FOR_PURPOSE,
  NEED_CUE,
  NO_NEED as NO_NEED_PHRASES,
  NO_PROBLEM,
  ONLY_CURIOUS as ONLY_CURIOUS_PHRASES,
  POINTS_BACK,
} from './need-phrases.js';
import { APPROVAL, NOT_A_NEED, NOT_FROM_US, REQUEST, SHOPPING } from './not-a-need-phrases.js';
import { splitSentences } from './sentences.js';
import type { Slot } from '../../lead/slots.js';
import type { RuleContext, RuleResult } from './rule-context.js';

const MAX_SUMMARY = 400;
const ANSWERS_NOT_READ: ReadonlySet<Slot> = new Set<Slot>([
  'budget',
  'timeline',
  'contact',
  'booking',
]);

// The visitor says there is nothing to solve: the need slot is answered with "no value".
const NO_NEED = new RegExp(
  [NOT_BUYING.source, NO_NEED_PHRASES.source, SELLING_TO_US.source].join('|'),
  'i',
);
const CONTRAST = /\b(?:but|however|though|although|except)\b/i;
const WE_NEED = phrase(String.raw`\b{we}\s+(?:(?:really|actually|do|just|still|simply)\s+)?need\b`);
// Whole answers that only say they are looking, curious or trying the bot out.
const ONLY_CURIOUS = new RegExp(
  String.raw`^\s*(?:(?:${ONLY_CURIOUS_PHRASES.source})[\s,.!]*)+$`,
  'i',
);
const NOT_A_NEED_EXTRA = new RegExp(
  [REQUEST.source, APPROVAL.source, NOT_FROM_US.source].join('|'),
  'gi',
);

function truncate(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const cut = text.slice(0, MAX_SUMMARY);
  const lastStop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return lastStop > MAX_SUMMARY / 2
    ? cut.slice(0, lastStop + 1)
    : cut.slice(0, cut.lastIndexOf(' ')).trim();
}

// What is left of a bare request once the request itself is taken out: "hi, need a demo asap pls".
const REQUEST_FILLER = new Set(
  (
    "hi hello hey ok okay so well yes yeah yep honestly really just only mainly mostly i we i'd we'd i'm we're im " +
    'would will like love want need please pls asap urgently urgent first soon now today tomorrow thanks thx thank you for the a an ' +
    'your some and to of on this that week next quick short free live demo demos demonstration call meeting trial quote ' +
    'quotes quotation estimate price prices pricing proposal walkthrough walk-through tour callback brochure info then ' +
    "we'll see go from there"
  ).split(' '),
);

/** True when a sentence only asks for a demo, a call, a quote or the price. */
function isOnlyRequest(sentence: string): boolean {
  const rest = sentence
    .replace(NOT_A_NEED.pattern, ' ')
    .replace(NOT_A_NEED_EXTRA, ' ')
    .toLowerCase();
  return rest.split(/[^\p{L}'-]+/u).every((w) => w === '' || REQUEST_FILLER.has(w));
}

/** True when the answer says there is no problem to solve and goes on to state none. */
function saysNoProblem(text: string): boolean {
  const m = NO_PROBLEM.exec(text);
  if (!m) return false;
  const after = text.slice(m.index + m[0].length);
  const rest = after.replace(NOT_A_NEED.pattern, ' ').replace(NOT_A_NEED_EXTRA, ' ');
  return !(WE_NEED.test(rest) || (CONTRAST.test(rest) && NEED_CUE.test(rest)));
}

function isNeedSentence(sentence: string): boolean {
  if (sentence.trim().endsWith('?') || SHOPPING.test(sentence)) return false;
  const rest = sentence.replace(NOT_A_NEED.pattern, ' ').replace(NOT_A_NEED_EXTRA, ' ');
  return NEED_CUE.test(rest) || LOOKING_FOR_PURPOSE.test(rest);
}

/**
 * `need.summary`, in the visitor's own words. Answering the need question, the whole answer
 * (trimmed, at most ~400 characters) unless it says there is no need ("nothing specific, just
 * curious", "it's for my dissertation", "no specific problem as such", a vendor offering their own
 * services), which yields `declined: true`. In other messages, the
 * sentences that state a problem or goal ("we keep losing track of ...", "we need to ...").
 * @example needRule('Our inbox is out of control. Do you integrate with Zendesk?', ctx) // first sentence
 */
export function needRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input).trim();
  if (ctx.expecting === 'need') {
    if (NO_NEED.test(text) || saysNoProblem(text) || ONLY_CURIOUS.test(text) || REFUSAL.test(text))
      return { candidates: [], declined: true };
    // A pure question back ("how much is it?") is not an answer to the need question.
    const statements = splitSentences(text).filter((s) => !s.endsWith('?'));
    // "need a demo", "pricing please": a request, not a problem; the need stays open.
    if (statements.length === 0 || statements.every(isOnlyRequest)) return { candidates: [] };
    const c = candidate('need.summary', truncate(text), text);
    return { candidates: c ? [c] : [] };
  }
  // Answers to the budget, timeline, contact and booking questions talk about those ("we'd like to
  // keep it under 500"); a stray cue there would overwrite the real need, so they are not read.
  if (ctx.expecting !== null && ANSWERS_NOT_READ.has(ctx.expecting)) return { candidates: [] };
  const sentences = splitSentences(text);
  // "... most of them renters who can't buy. Need to screen those out.": a need that points back
  // ("those", "them", "it") keeps the sentence it points at.
  const picked = sentences.filter(
    (s, i) =>
      isNeedSentence(s) ||
      (i + 1 < sentences.length &&
        isNeedSentence(sentences[i + 1] ?? '') &&
        POINTS_BACK.test(sentences[i + 1] ?? '') &&
        !(sentences[i] ?? '').endsWith('?')),
  );
  if (picked.length === 0 || NO_NEED.test(text) || saysNoProblem(text)) return { candidates: [] };
  const summary = truncate(picked.join(' '));
  const c = candidate('need.summary', summary, summary);
  return { candidates: c ? [c] : [] };
}
