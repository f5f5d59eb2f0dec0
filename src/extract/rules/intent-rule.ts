import { candidate } from '../../lead/field-paths.js';
import { phrase } from '../phrases/compile-phrases.js';
import {
  DEMO_REQUEST,
  LEAD_IN as LEAD_IN_PHRASES,
  NO_IDEA as NO_IDEA_PHRASES,
  QUESTION_START,
  WANTS_HUMAN,
} from './intent-phrases.js';
import { normalizeText, REFUSAL } from './lexicon.js';
import { splitSentences } from './sentences.js';
import type { RuleContext, RuleResult } from './rule-context.js';

const NEGATED_DEMO = phrase(
  String.raw`\b(?:no|{dont}|not|without|never)\b[^.?!]{0,25}\b(?:demo|walk-?through|call|tour)\b`,
);

/**
 * `intent.demo: true` when the visitor asks for a demo, a walkthrough, a sales call or to be
 * shown the product ("Could we get a demo?", "Can someone from sales walk me through it?");
 * not when "demo" describes their own business ("our demo requests pile up"). Never emits false.
 * @example demoIntentRule('Can I see a demo next week?', ctx) // intent.demo = true
 */
export function demoIntentRule(input: string, _ctx: RuleContext): RuleResult {
  for (const sentence of splitSentences(normalizeText(input))) {
    if (NEGATED_DEMO.test(sentence)) continue;
    if (DEMO_REQUEST.test(sentence)) {
      const c = candidate('intent.demo', true, sentence);
      return { candidates: c ? [c] : [] };
    }
  }
  return { candidates: [] };
}

// Answers that only say "I don't know" to the slot asked: a decline of that slot.
const NO_IDEA = new RegExp(
  String.raw`^\s*(?:(?:honestly|um+|hmm+|well|sorry|tbh|lol)[,.!]*\s+)?(?:${NO_IDEA_PHRASES.source})\b`,
  'i',
);
// A question of the visitor's own starts with an interrogative or an auxiliary verb.
const INTERROGATIVE = new RegExp(String.raw`^(?:${QUESTION_START.source})\b`, 'i');
const LEAD_IN = new RegExp(String.raw`^(?:(?:${LEAD_IN_PHRASES.source})\b[\s,!:;.-]*)+`, 'i');
const BOOKING_CHOICE =
  /\b(?:mon|tue|wed|thu|fri|sat|sun)\w*\b|\b\d{1,2}(?::\d{2})?\s*(?:am|pm)\b|\b(?:tomorrow|today|next week)\b/i;

/** The question part of a "?" sentence ("I'm a student, can I ask ...?" -> "can I ask ...?"), else null. */
function questionPart(sentence: string): string | null {
  const starts = [
    0,
    ...[...sentence.matchAll(/[,;:\u2013\u2014-]\s+/g)].map((m) => m.index + m[0].length),
  ];
  for (const start of starts) {
    const part = sentence.slice(start).replace(LEAD_IN, '').trim();
    if (INTERROGATIVE.test(part)) return part;
  }
  return null;
}

/**
 * Things the visitor did that are not field values: asked for a person (`wantsHuman`),
 * refused to answer ("I'd rather not say", "skip"; also "no idea" for the slot asked:
 * `declined`), or asked a question of their own (`question`, the question's sentences).
 * @example detectSignals('Is there a free trial?', ctx) // { question: 'Is there a free trial?', ... }
 */
export function detectSignals(
  input: string,
  ctx: RuleContext,
): { declined: boolean; wantsHuman: boolean; question: string | null } {
  const text = normalizeText(input).trim();
  const sentences = splitSentences(text);
  const wantsHuman = sentences.some((s) => WANTS_HUMAN.test(s));
  const declined = REFUSAL.test(text) || (ctx.expecting !== null && NO_IDEA.test(text));
  const questions = sentences
    .filter((s) => s.endsWith('?'))
    .map(questionPart)
    .filter((s): s is string => s !== null)
    // Asking for a person or a demo is handled by its own signal, not answered as a question.
    .filter((s) => !WANTS_HUMAN.test(s) && !DEMO_REQUEST.test(s))
    .filter((s) => !(ctx.expecting === 'booking' && BOOKING_CHOICE.test(s)));
  return { declined, wantsHuman, question: questions.length > 0 ? questions.join(' ') : null };
}
