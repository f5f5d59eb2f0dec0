import { candidate } from '../../lead/field-paths.js';
import { normalizeText, REFUSAL } from './lexicon.js';
import { splitSentences } from './sentences.js';
import type { RuleContext, RuleResult } from './rule-context.js';

// A call with the vendor: the noun, what may precede it ("a quick 15-minute video call") and what
// may follow it, so "a chat widget" or "a call-tracking tool" is no request for a call.
const CALL = String.raw`(?:a|an|some)\s+(?:(?:quick|short|brief|little|proper|live|online|video|zoom|teams|phone|intro(?:ductory)?|discovery|sales|demo|follow-up|\d+[- ]?min(?:ute)?s?|\w+-minute)\s+){0,3}(?:call|chat|meeting|zoom|conversation|catch-?up)`;
const CALL_END = String.raw`(?![\w-])(?=\s*(?:$|[,.;:!?)]|(?:with|about|to|this|next|on|at|for|tomorrow|today|sometime|soon|please|pls|asap|so|and|if|when|before|after|or|later|around|early|one|that|in|over|via|together|first|then)\b|\d))(?!\s+with\s+(?:my|our|his|her|their)\b)`;
const CALL_VERB = String.raw`(?:book|schedule|set up|setup|arrange|organi[sz]e|line up|get|grab|hop on|jump on|get on|do|have|fix up|squeeze in|plan)`;

/** The shapes of a request for a call: a question, an offer, a wish, "let's", an imperative. */
function callRequests(): RegExp[] {
  return [
    String.raw`\b(?:can|could|shall|may|should)\s+(?:we|i)\s+(?:please\s+|also\s+|maybe\s+|perhaps\s+)*${CALL_VERB}\s+${CALL}`,
    String.raw`\b(?:happy|keen|glad|open|ready|eager|free)\s+to\s+${CALL_VERB}\s+${CALL}`,
    String.raw`\b(?:i'd|we'd|i would|we would|i|we)\s+(?:\w+\s+)?(?:like|love|want|prefer)\s+to\s+${CALL_VERB}\s+${CALL}`,
    String.raw`\b(?:let's|lets|let us)\s+${CALL_VERB}\s+${CALL}`,
    String.raw`^\W*(?:please\s+|pls\s+|(?:can|could|would) you\s+(?:please\s+)?)?(?:book|schedule|set up|arrange|organi[sz]e|line up)\s+(?:me\s+|us\s+|me in for\s+|us in for\s+)?${CALL}`,
    String.raw`\b(?:can|could|would)\s+(?:someone|somebody|you|one of your (?:team|reps|people|colleagues))\s+(?:please\s+)?(?:give me|give us|set up|book|schedule|arrange)\s+${CALL}`,
  ].map((re) => new RegExp(re + CALL_END, 'i'));
}

const DEMO_NOUN = String.raw`(?:demo|demonstration|walk-?through|product tour|tour of the product)`;
// "demo" describing the visitor's own business: "demo requests", "demo request volume".
const NOT_THEIR_REQUEST = String.raw`(?!\s*(?:requests?|volume|bookings?|forms?|leads?|sign-?ups?|no-?shows?|traffic|pipeline|environment|account|site|days?|videos?|version|data|mode|instance|server)\b)`;
const DEMO_REQUESTS: readonly RegExp[] = [
  // "Can I see a demo?", "Could someone show me a demo?", "Please can I book a demo?"
  new RegExp(
    String.raw`\b(?:can|could|may|would|will|please|pls)\b[^.?!]*?\b(?:a|an|the|your|some)\s+(?:[\w-]+\s+){0,3}?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'i',
  ),
  // "I'd love a short demo", "Would love a walkthrough of the setup", "we'd like to book a demo"
  new RegExp(
    String.raw`\b(?:love|like|want|need|book|see|get|schedule|arrange|request|set up|have|organi[sz]e)\s+(?:to\s+(?:see|get|book|have|schedule|arrange|set up|do|request)\s+)?(?:a|an|the|your|some)\s+(?:[\w-]+\s+){0,3}?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'i',
  ),
  // "Keen on a walkthrough", "we're interested in a product tour": the visitor's own wish;
  // "our clients are keen on a demo" is someone else's.
  new RegExp(
    String.raw`(?:^\W*(?:(?:hi|hello|hey|also|so|and|but|oh|ok|okay|yes|yeah)\W+)*|\b(?:i'm|i am|im|we're|we are|we'd be|i'd be|i would be|we would be)\s+)(?:(?:very|really|quite|super|also|definitely|most)\s+)?(?:keen|eager|interested|up)\s+(?:on|in|for)\s+(?:(?:getting|seeing|having|booking|doing|a quick)\s+)?(?:a|an|the|your|some)\s+(?:[\w-]+\s+){0,3}?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'i',
  ),
  // Without an article, as visitors writing fast or in a second language do: "we want demo of
  // your bot", "need demo asap", "pls demo".
  new RegExp(
    String.raw`\b(?:i|we)\s+(?:(?:would|'d)\s+)?(?:want|need|like|request|require)\s+(?:to\s+(?:see|get|book|have)\s+)?(?:a\s+)?(?:quick\s+|short\s+|free\s+|live\s+|online\s+)?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}|^\W*(?:(?:hi|hello|hey)\W+)*(?:need|want|pls|please|request(?:ing)?)\s+(?:a\s+)?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'i',
  ),
  // "A quick demo would be great".
  new RegExp(
    String.raw`\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?${DEMO_NOUN}\s+would be\s+(?:really\s+|very\s+|super\s+)?(?:great|good|nice|helpful|useful|ideal|awesome|perfect|brilliant|appreciated|amazing|lovely)\b`,
    'i',
  ),
  // "Would love to watch the bot in action", "could we see the platform live?"; not "see it live on our site by May".
  new RegExp(
    String.raw`\b(?:(?:would|'d)\s+(?:really\s+)?(?:love|like)|(?:would|'d)\s+be\s+(?:really\s+|very\s+|super\s+)?(?:great|good|nice|helpful|useful|awesome|ideal|brilliant|keen|happy|lovely|cool)|(?:i|we)\s+(?:really\s+)?(?:want|wanted|hope|hoping)|keen|eager|(?:can|could|may)\s+(?:i|we))\s+(?:to\s+)?(?:see|watch)\s+(?:it|this|the\s+(?:product|platform|tool|bot|chatbot|software|app|system|widget)|your\s+(?:product|platform|tool|bot|chatbot|software|app|system|widget)|how\s+(?:it|this|the\s+\w+)\s+works)\s+(?:in action|in real life|live(?!\s+(?:on|by|in|before|for|across|within|at|from)\b)|working(?!\s+(?:on|for|with)\b))`,
    'i',
  ),
  // "can someone show me the lead scoring part?", "show us the booking feature".
  /\b(?:show|walk)\s+(?:me|us)\s+(?:through\s+)?(?:the|your)\s+(?:[\w-]+\s+){1,3}?(?:part|feature|features|side|module|bit|functionality|flow|workflow|integration|dashboard)s?\b/i,
  // "Can someone from sales walk me through it?", "Can you show me how it works?"
  /\b(?:show|walk)\s+(?:me|us)\s+(?:(?:through|around)\b(?!\s+(?:the\s+|your\s+)?(?:pricing|prices?|costs?|plans?|options|invoice|contract)\b)|how|what|a\s+(?:quick\s+|short\s+)?demo|the\s+(?:product|platform|tool)|it\b)/i,
  // "Can I get someone to ring me about this?", "could somebody call me back?"
  /\b(?:can|could|would|will)\s+(?:i|we)\s+(?:get|have)\s+(?:someone|somebody|a\s+(?:person|rep|human))\s+(?:to\s+)?(?:ring|call|phone|contact)\s+(?:me|us)\b|\b(?:can|could|would)\s+(?:someone|somebody|you)\s+(?:please\s+)?(?:ring|call|phone)\s+(?:me|us)(?:\s+back)?\b/i,
  // "Could we set up a call with your sales team?", "I'd like to talk to sales"
  /\b(?:call|meeting|chat|talk|speak)\s+(?:to|with)\s+(?:your\s+|a\s+|the\s+|someone\s+(?:from|in|on)\s+(?:your\s+|the\s+)?)?sales\b/i,
  // Not their own calls with their prospects: "qualify them before we book a discovery call".
  /(?<!\b(?:before|until|after|when|so|once|then)\s+(?:we|they|our\s+\w+)\s+)\b(?:book|schedule|set up|arrange|get|have|want|like|love|jump on|hop on)\s+(?:a|an)\s+(?:quick\s+|short\s+)?(?:sales\s+call|discovery\s+call|intro(?:ductory)?\s+call)\b/i,
  // "Can we set up a quick call?", "happy to jump on a call", "book a call with sales".
  ...callRequests(),
];
const NEGATED_DEMO =
  /\b(?:no|don't|do not|dont|not|without|never)\b[^.?!]{0,25}\b(?:demo|walk-?through|call|tour)\b/i;

/**
 * `intent.demo: true` when the visitor asks for a demo, a walkthrough, a sales call or to be
 * shown the product ("Could we get a demo?", "Can someone from sales walk me through it?");
 * not when "demo" describes their own business ("our demo requests pile up"). Never emits false.
 * @example demoIntentRule('Can I see a demo next week?', ctx) // intent.demo = true
 */
export function demoIntentRule(input: string, _ctx: RuleContext): RuleResult {
  for (const sentence of splitSentences(normalizeText(input))) {
    if (NEGATED_DEMO.test(sentence)) continue;
    if (DEMO_REQUESTS.some((re) => re.test(sentence))) {
      const c = candidate('intent.demo', true, sentence);
      return { candidates: c ? [c] : [] };
    }
  }
  return { candidates: [] };
}

const WANTS_HUMAN =
  /\b(?:talk|speak|chat|connect|transfer|put|get|pass)\s+(?:me\s+)?(?:to|with|through to|over to)\s+(?:a|an|some|the|your)?\s*(?:real\s+|actual\s+|live\s+|human\s+)?(?:human|person|people|agent|representative|operator|staff member|team member|somebody|someone|support(?:\s+team)?|customer (?:service|support)|(?<=(?:your|the)\s+)team)(?:\s+(?:real|please))?\b(?!\s+(?:from|in|on)\s+sales)|\bhuman,?\s+(?:please|pls|plz)\b|^\s*(?:a\s+)?(?:human|real person|agent|operator)[.!?]*\s*$|\b(?:someone|somebody)\s+real\b|(?<!\b(?:are you|is this|is that|you're|you are|am i talking to)\s+(?:a\s+)?)\breal (?:human|person)\b|\bnot (?:talk|speak|chat)\w* (?:to|with) a (?:bot|robot|machine)\b/i;
// Answers that only say "I don't know" to the slot asked: a decline of that slot.
const NO_IDEA =
  /^\s*(?:(?:honestly|um+|hmm+|well|sorry|tbh|lol)[,.!]*\s+)?(?:no idea|not sure|no clue|don't know|dont know|do not know|dunno|i (?:don't|dont|do not) know|i'm not sure|im not sure|couldn't tell you|can't say|cannot say|not yet sure|unsure)\b/i;
// A question of the visitor's own starts with an interrogative or an auxiliary verb.
const INTERROGATIVE =
  /^(?:what|what's|whats|how|why|when|where|which|who|whom|whose|is|are|was|were|do|does|did|can|could|will|would|should|shall|may|might|has|have|had|any|anything|got|isn't|aren't|don't|doesn't|can't|won't)\b/i;
const LEAD_IN =
  /^(?:(?:hi there|hey there|hello there|hi|hello|hey|hiya|hallo|bonjour|g'day|good (?:morning|afternoon|evening)|morning|ok|okay|also|and|so|but|btw|oh|quick q(?:uestion)?|one more thing|sorry)\b[\s,!:;.-]*)+/i;
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
    .filter((s) => !WANTS_HUMAN.test(s) && !DEMO_REQUESTS.some((re) => re.test(s)))
    .filter((s) => !(ctx.expecting === 'booking' && BOOKING_CHOICE.test(s)));
  return { declined, wantsHuman, question: questions.length > 0 ? questions.join(' ') : null };
}
