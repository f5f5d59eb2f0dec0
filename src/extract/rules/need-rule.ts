import { candidate } from '../../lead/field-paths.js';
import { normalizeText, REFUSAL } from './lexicon.js';
import { splitSentences } from './sentences.js';
import type { Slot } from '../../lead/slots.js';
import type { RuleContext, RuleResult } from './rule-context.js';

const MAX_SUMMARY = 400;
const ANSWERS_NOT_READ: ReadonlySet<Slot> = new Set<Slot>(['budget', 'timeline', 'contact', 'booking']);

// The visitor says there is nothing to solve: the need slot is answered with "no value".
const NO_NEED =
  /\bnothing (?:specific|really|in particular|much|yet|at the moment|right now)\b|\bnot looking to buy\b|\bnot (?:buying|shopping)\b|\b(?:don't|do not|dont) need (?:software|anything|a tool|a chatbot|it)\b|\bno need\b|\bjob[- ]?hunting\b|\bfor (?:a|my|our)\s+(?:[\w-]+\s+){0,4}?(?:school project|class project|assignment|dissertation|thesis|homework|coursework|essay)\b|\bmy (?:dissertation|thesis)\b|^\W*(?:honestly|really|well|um+)?[\s,]*nothing\b|\b(?:only|just|purely) for (?:(?:my|a|our|the)\s+)?(?:coursework|class|course|homework|research|school|uni|university|studies|paper|essay|assignment|project for (?:school|class|uni))\b/i;
const ONLY_CURIOUS = /^\s*(?:(?:nothing|none|nope|no|nah|not really|n\/a|just curious|just browsing|just looking(?: around)?|just exploring|curious|idk|not sure|no idea)[\s,.!]*)+$/i;
// Sentences that state a problem or a goal.
const NEED_CUE =
  /\b(?:i|we)\s+(?:really\s+|urgently\s+|also\s+|badly\s+|desperately\s+)?need\b|\bneed(?:s)? to\b|\bwant(?:s|ed)? to\b|\b(?:we'd|i'd|we would|i would) like to\b|\b(?:i|we) want (?:something|a|an|one)\b|\blooking (?:for|at) (?:a|an|some)?\s*(?:[\w-]+\s+){0,2}?(?:tool|way|ways|solution|chat|chatbot|bot|something|platform|system|software|assistant)\b|\btrying to\b|\bstruggl\w*|\bkeep (?:losing|missing|dropping)\b|\b(?:can't|cannot|can not|couldn't) keep up\b|\b(?:is|are|'s)\s+(?:(?:a|such a|an absolute) (?:bit of a |total |complete |real |huge )?)?mess\b|\bout of control\b|\bget (?:tons|loads|lots|a lot|heaps|hundreds|thousands|so many|too many|a ton|plenty)\b|\b(?:flood|influx) of\b|\b(?:swamped|drowning|overwhelmed|inundated|flooded)\b|\bfall(?:s|ing)? through the cracks\b|\bgo(?:es)? unanswered\b|\bget(?:s)? lost\b|\bwast(?:e|es|ing) (?:hours|days|time)\b|^\s*(?:we\s+)?needs?\b|\bpil(?:e|es|ing) up\b|\b(?:nobody|no one|no-one) (?:\w+\s+){0,2}?(?:triages?|follows? up|answers?|responds?|replies|checks?|reads?|handles?|qualif\w+)\b|\btoo many\b|\bgo(?:es|ing)? (?:cold|stale|unanswered|unnoticed|nowhere)\b|\bslip(?:s|ping)? through\b|\b(?:by hand|manually)\b|\b(?:can't|cannot|can not|don't|do not|doesn't|never) (?:tell|separate|sort|follow up|respond|reply|answer|handle|qualify|prioriti[sz]e|reach|call back)\b/i;
// Cue words that are about the timeline, the budget or the vendor rather than a problem.
const NOT_A_NEED =
  /\b(?:want|need|like|hoping|aim(?:ing)?|plan(?:ning)?)\s+(?:to\s+)?(?:it\s+|this\s+|something\s+)?(?:be\s+live|go\s+live|live|launch|decide|make\s+a\s+decision|sign|start|get\s+started|spend|pay|invest|budget|move\s+forward|have\s+(?:it|this|something)\s+(?:live|in\s+place|running|set\s+up|sorted|done))\b|\b(?:want(?:s|ed)?|like|need(?:s|ed)?|love|trying)\s+(?:to\s+)?(?:know|ask|check|learn|understand|talk|speak|chat|(?:see|book|get|schedule|try|have|arrange)\s+(?:a|an|the|your|some)\s+(?:quick\s+|short\s+|free\s+)?(?:demo|call|meeting|trial|quote|price|pricing|walk-?through)|(?:keep|stay|be)\s+(?:it\s+)?(?:under|below|within|around|at)|(?:see|get|check|compare|review)\s+(?:the\s+|your\s+|some\s+)?(?:pricing|prices?|costs?|quotes?|numbers|plans?)|figure\s+out\s+(?:which|what)\s+(?:plan|tier|package|option))\b|\bneed\s+it\s+(?:asap|soon|by|before|now|quickly|fast|this|next|within|in)\b/gi;
const SHOPPING = /\b(?:which|what) (?:plan|tier|package|vendor|option)s?\b|\bshortlist|\bcompar(?:e|ing) (?:you|vendors|tools|options|providers)\b|\bjust (?:exploring|browsing|looking)\b|\bexploring (?:options|what's out there)\b|\blooking around\b/i;

function truncate(text: string): string {
  if (text.length <= MAX_SUMMARY) return text;
  const cut = text.slice(0, MAX_SUMMARY);
  const lastStop = Math.max(cut.lastIndexOf('. '), cut.lastIndexOf('! '), cut.lastIndexOf('? '));
  return lastStop > MAX_SUMMARY / 2 ? cut.slice(0, lastStop + 1) : cut.slice(0, cut.lastIndexOf(' ')).trim();
}

function isNeedSentence(sentence: string): boolean {
  if (sentence.trim().endsWith('?') || SHOPPING.test(sentence)) return false;
  return NEED_CUE.test(sentence.replace(NOT_A_NEED, ' '));
}

/**
 * `need.summary`, in the visitor's own words. Answering the need question, the whole answer
 * (trimmed, at most ~400 characters) unless it says there is no need ("nothing specific, just
 * curious", "it's for my dissertation"), which yields `declined: true`. In other messages, the
 * sentences that state a problem or goal ("we keep losing track of ...", "we need to ...").
 * @example needRule('Our inbox is out of control. Do you integrate with Zendesk?', ctx) // first sentence
 */
export function needRule(input: string, ctx: RuleContext): RuleResult {
  const text = normalizeText(input).trim();
  if (ctx.expecting === 'need') {
    if (NO_NEED.test(text) || ONLY_CURIOUS.test(text) || REFUSAL.test(text)) return { candidates: [], declined: true };
    // A pure question back ("how much is it?") is not an answer to the need question.
    const statements = splitSentences(text).filter((s) => !s.endsWith('?'));
    if (statements.length === 0) return { candidates: [] };
    const c = candidate('need.summary', truncate(text), text);
    return { candidates: c ? [c] : [] };
  }
  // Answers to the budget, timeline, contact and booking questions talk about those ("we'd like to
  // keep it under 500"); a stray cue there would overwrite the real need, so they are not read.
  if (ctx.expecting !== null && ANSWERS_NOT_READ.has(ctx.expecting)) return { candidates: [] };
  const picked = splitSentences(text).filter(isNeedSentence);
  if (picked.length === 0 || NO_NEED.test(text)) return { candidates: [] };
  const summary = truncate(picked.join(' '));
  const c = candidate('need.summary', summary, summary);
  return { candidates: c ? [c] : [] };
}
