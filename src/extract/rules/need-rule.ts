import { candidate } from '../../lead/field-paths.js';
import { DECIDER, normalizeText, NOT_BUYING, REFUSAL, SELLING_TO_US } from './lexicon.js';
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
  [
    NOT_BUYING.source,
    String.raw`\bnothing (?:specific|really|in particular|much|yet|at the moment|right now)\b|\bnot (?:buying|shopping)\b`,
    String.raw`\b(?:don't|do not|dont) need (?:anything|it)\b|\bno need\b|^\W*(?:honestly|really|well|um+)?[\s,]*nothing\b`,
    String.raw`\b(?:only|just|purely) for (?:(?:my|a|our|the)\s+)?(?:coursework|class|course|homework|research|school|uni|university|studies|paper|essay|assignment|project for (?:school|class|uni))\b`,
    // "it's for my research paper", "for a term paper": academic writing, not a business.
    String.raw`\bfor (?:a|my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:research|term|academic|seminar|student|conference)\s+paper\b`,
    String.raw`\b(?:i|we)\s+(?:don't|do not|dont)\s+(?:really\s+|actually\s+)?have\s+(?:a|any)\s+(?:real\s+|actual\s+)?business\s+(?:need|reason|use)\b|\bno (?:real |actual )?business (?:need|reason|use)\b`,
    SELLING_TO_US.source,
  ].join('|'),
  'i',
);
// Softer ways to say there is nothing to solve; they count only when no need follows ("no real
// problem with our tool, but we need ..." still states one).
const NO_PROBLEM = new RegExp(
  [
    String.raw`\b(?:no|not (?:a|any))\s+(?:specific|particular|real|actual|concrete|big|pressing)\s+(?:problem|issue|pain(?: point)?|need|use case|requirement)s?\b`,
    String.raw`\b(?:i|we)\s+(?:don't|do not|dont)\s+(?:really\s+|actually\s+)?(?:have|need)\s+(?:a|an|any)\s+(?:specific\s+|particular\s+|real\s+)?(?:problem|issue|need|use case)\b`,
    String.raw`\b(?:don't|do not|dont)\s+(?:really\s+|actually\s+)?need\s+(?:(?:a|an|any|your|this)\s+(?:[\w-]+\s+)?(?:chat ?bot|bot|chat tool|tool|product|solution|platform|service)s?|software)\b`,
  ].join('|'),
  'i',
);
const CONTRAST = /\b(?:but|however|though|although|except)\b/i;
const WE_NEED = /\b(?:i|we)\s+(?:(?:really|actually|do|just|still|simply)\s+)?need\b/i;
// Whole answers that only say they are looking, curious or trying the bot out.
const ONLY_CURIOUS =
  /^\s*(?:(?:nothing|none|nope|no|nah|not really|n\/a|just curious|just browsing|just looking(?: around)?|just exploring|curious|idk|not sure|no idea|(?:i'm |im |i am |we're |just )?(?:trying|testing|playing with|checking out|poking at) (?:it|this|you|the bot|your bot|the chat(?:bot)?)(?: out)?(?: for now)?)[\s,.!]*)+$/i;
// Sentences that state a problem or a goal.
const NEED_CUE =
  /\b(?:i|we)\s+(?:really\s+|urgently\s+|also\s+|badly\s+|desperately\s+)?need\b|\bneed(?:s)? to\b|\bwant(?:s|ed)? to\b|\b(?:we'd|i'd|we would|i would) like to\b|\b(?:i|we) want (?:something|a|an|one)\b|\btrying to\b|\bstruggl\w*|\bkeep (?:losing|missing|dropping)\b|\b(?:can't|cannot|can not|couldn't) keep up\b|\b(?:is|are|'s)\s+(?:(?:a|such a|an absolute) (?:bit of a |total |complete |real |huge )?)?mess\b|\bout of control\b|\bget (?:tons|loads|lots|a lot|heaps|hundreds|thousands|so many|too many|a ton|plenty)\b|\b(?:flood|influx) of\b|\b(?:swamped|drowning|overwhelmed|inundated|flooded)\b|\bfall(?:s|ing)? through the cracks\b|\bgo(?:es)? unanswered\b|\bget(?:s)? lost\b|\bwast(?:e|es|ing) (?:hours|days|time)\b|^\s*(?:we\s+)?needs?\b|\bpil(?:e|es|ing) up\b|\b(?:nobody|no one|no-one) (?:\w+\s+){0,2}?(?:triages?|follows? up|answers?|responds?|replies|checks?|reads?|handles?|qualif\w+)\b|\btoo many\b|\bgo(?:es|ing)? (?:cold|stale|unanswered|unnoticed|nowhere)\b|\bslip(?:s|ping)? through\b|\b(?:by hand|manually)\b|\b(?:can't|cannot|can not|don't|do not|doesn't|never) (?:tell|separate|sort|follow up|respond|reply|answer|handle|qualify|prioriti[sz]e|reach|call back)\b|\btoo slow(?:ly)?\b|\b(?:very|so|really|painfully|extremely|far too|way too)\s+slow(?:ly)?\b|\bslow to (?:respond|reply|answer|follow|get back)\b|\bneeds?\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+)?(?:faster|quicker|better)\b|\blos(?:e|es|ing|t)\s+(?:track|sight)\b|\blos(?:e|es|ing|t)\s+(?:\w+\s+)?(?:deals|leads|customers|sales|bookings|business|enquiries|inquiries|patients|clients|jobs)\b|\bsit(?:s|ting)?\s+(?:there\s+)?(?:for\s+(?:hours|days|weeks)|unanswered|untouched)\b|\bwait(?:s|ing)?\s+(?:a\s+(?:full\s+|whole\s+)?(?:day|week)|(?:for\s+)?(?:hours|days|weeks)|for\s+(?:an?\s+)?(?:answers?|repl(?:y|ies)|responses?|callbacks?))\b|\bwhile (?:we|i|they|everyone|the team)(?:'re| are)?\s+(?:sleep\w*|asleep|offline|closed|away|out)\b|\bkeep(?:s)?\s+(?:on\s+)?(?:asking|messaging|calling|emailing|chasing|coming in|piling)\b|\b(?:our|my|the)\s+(?:main\s+|biggest\s+|big\s+|real\s+)?(?:problem|issue|challenge|pain(?:\s+point)?|headache|bottleneck)\s*(?:is|:|right now)|\bring(?:s|ing)?\s+off\s+the\s+hook\b|\b(?:flood|overwhelm|swamp|clog|bury|burie)(?:s|ed|ing)?\s+(?:up\s+)?(?:our|my|the)\b|\bwonder(?:ing)?\s+(?:if|whether)\s+(?:your|the|this)\s+(?:[\w-]+\s+)?(?:bot|tool|product|platform|software|chat\w*|system|assistant|agent)\s+(?:can|could|would|will)\b|\b(?:almost\s+|hardly\s+)?(?:nobody|no one|no-one)\s+(?:ever\s+|actually\s+)?(?:converts?|buys?|books?|signs?\s+up|follows?\s+up|gets?\s+back)\b|\b(?:days|hours|weeks)\s+late\b|\b(?:all\s+night|at\s+all\s+hours|around\s+the\s+clock)\b|\b(?:can't|cannot|can not)\s+(?:triage|cope|keep\s+track)\b/i;
// Shopping for a tool counts as a need only with its purpose: "looking for a tool to pre-screen
// tenants", "a chat that qualifies buyers", "a bot for lead qualification"; not "looking at chat
// tools for our website".
const PURPOSE = String.raw`(?:leads?|lead gen\w*|enquir(?:y|ies)|inquir(?:y|ies)|qualif\w+|triage|screening|intake|bookings?|appointments?|scheduling|support|customer service|onboarding|sales|prospects?|admissions|applicants?|tenants?|patients?|donors?|registrations?|sign-?ups?|quotes?|rfqs?|orders?|after-hours)`;
const LOOKING_FOR_PURPOSE = new RegExp(
  String.raw`\blooking (?:for|at|into) (?:a|an|some)?\s*(?:[\w-]+\s+){0,2}?(?:tools?|ways?|solutions?|chats?|chatbots?|bots?|something|platforms?|systems?|software|assistants?|widgets?|options?)\b(?=\s+(?:[\w-]+\s+){0,4}?(?:to\s+\w+|that|which|who|so\s+(?:that|we|our|i)|capable|able to|for\s+(?:(?:our|my|the)\s+)?(?:\w+ing|${PURPOSE})\b))`,
  'i',
);
// Asking for a demo, a call, a quote or the price is a request, not a problem ("need a demo",
// "need pricing", "need a quote asap"); "need a price comparison feature" still is one.
const REQUEST = String.raw`\b(?:want(?:s|ed)?|need(?:s|ed)?|like|love|requesting|request|after)\s+(?:(?:to\s+)?(?:see|get|book|schedule|have|arrange|set up|request|receive)\s+)?(?:(?:a|an|the|your|some)\s+)?(?:(?:quick|short|free|live|personal(?:i[sz]ed)?|custom|rough|ballpark|formal|detailed|written)\s+)*(?:demo|demonstration|call|meeting|trial|quote|quotation|estimate|price|prices|pricing|price list|proposal|walk-?through|tour|callback|brochure)(?![\w-])(?=\s*(?:$|[,.;:!?)]|(?:asap|urgently|urgent|please|pls|first|soon|now|today|thanks|thx|before|for|from|of|on|with|and|so|to|this|next|by|if|because|when|sent|emailed)\b))`;
// Getting someone's approval is about authority, not a problem: "would need to get our MD on
// board", "need sign-off from finance", "I'd need to check with my boss".
const PERSON = String.raw`(?:${DECIDER}|team|colleagues?|accountant|legal|lawyers?|it|wife|husband|spouse|family|co-?workers?|others)(?:'s)?`;
const APPROVAL = [
  String.raw`\bneed(?:s|ed)?\s+(?:to\s+)?(?:get|have|bring)\s+(?:the|our|my|their)?\s*(?:[\w-]+\s+){0,2}?${PERSON}\s+(?:on ?board|in the loop|to (?:approve|sign off|agree))`,
  String.raw`\bneed(?:s|ed)?\s+to\s+(?:loop in|involve|consult|ask|talk to|speak (?:to|with)|check(?: it| this| that)? with|clear (?:it|this|that) with|run (?:it|this|that) (?:by|past)|take (?:it|this|that) to|present (?:it|this|that) to|pass (?:it|this|that) (?:to|by)|convince|persuade)\s+(?:the|our|my|their)?\s*(?:[\w-]+\s+){0,2}?${PERSON}\b`,
  String.raw`\bneed(?:s|ed)?\s+(?:\w+\s+)?(?:approval|sign-?off|buy-in|the go-ahead|a green light|permission)\b`,
].join('|');
// Cue words that are about the timeline, the budget or the vendor rather than a problem.
const NOT_A_NEED =
  /\b(?:want|need|like|hoping|aim(?:ing)?|plan(?:ning)?)\s+(?:to\s+)?(?:it\s+|this\s+|something\s+)?(?:be\s+live|go\s+live|live|launch|decide|make\s+a\s+decision|sign|start|get\s+started|spend|pay|invest|budget|move\s+forward|have\s+(?:it|this|something)\s+(?:live|in\s+place|running|set\s+up|sorted|done))\b|\b(?:want(?:s|ed)?|like|need(?:s|ed)?|love|trying)\s+(?:to\s+)?(?:know|ask|check|learn|understand|talk|speak|chat|(?:see|book|get|schedule|try|have|arrange)\s+(?:a|an|the|your|some)\s+(?:quick\s+|short\s+|free\s+)?(?:demo|call|meeting|trial|quote|price|pricing|walk-?through)|(?:keep|stay|be)\s+(?:it\s+)?(?:under|below|within|around|at)|(?:see|get|check|compare|review)\s+(?:the\s+|your\s+|some\s+)?(?:pricing|prices?|costs?|quotes?|numbers|plans?)|figure\s+out\s+(?:which|what)\s+(?:plan|tier|package|option)|(?:see|know|find\s+out|check|ask)\s+(?:what|how\s+much)\s+(?:the\s+|your\s+)?(?:plans?|pricing|it|this|tiers?|packages?)\s+(?:costs?|would\s+cost|is|are|runs?))\b|\bneed\s+it\s+(?:asap|soon|by|before|now|quickly|fast|this|next|within|in)\b/gi;
// What they don't want from us: "don't want to get spammed with emails", "don't want a sales call".
const NOT_FROM_US = String.raw`\b(?:don't|do not|dont|doesn't|never)\s+want\s+to\s+(?:be|get)\s+(?:spammed|contacted|called|emailed|bothered|pestered|hassled|sold\s+to|chased)\b[^.!?]*`;
const NOT_A_NEED_EXTRA = new RegExp(`${REQUEST}|${APPROVAL}|${NOT_FROM_US}`, 'gi');
const SHOPPING =
  /\b(?:which|what) (?:plan|tier|package|vendor|option)s?\b|\bshortlist|\bcompar(?:e|ing) (?:you|vendors|tools|options|providers)\b|\bjust (?:exploring|browsing|looking)\b|\bexploring (?:options|what's out there)\b|\blooking around\b/i;

const POINTS_BACK =
  /^\W*(?:(?:we|i)\s+)?(?:really\s+)?(?:need|want|have)\s+to\s+\w+\s+(?:those|them|these|this|that|it)\b|\b(?:those|them|these)\b/i;

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
  const rest = sentence.replace(NOT_A_NEED, ' ').replace(NOT_A_NEED_EXTRA, ' ').toLowerCase();
  return rest.split(/[^\p{L}'-]+/u).every((w) => w === '' || REQUEST_FILLER.has(w));
}

/** True when the answer says there is no problem to solve and goes on to state none. */
function saysNoProblem(text: string): boolean {
  const m = NO_PROBLEM.exec(text);
  if (!m) return false;
  const after = text.slice(m.index + m[0].length);
  const rest = after.replace(NOT_A_NEED, ' ').replace(NOT_A_NEED_EXTRA, ' ');
  return !(WE_NEED.test(rest) || (CONTRAST.test(rest) && NEED_CUE.test(rest)));
}

function isNeedSentence(sentence: string): boolean {
  if (sentence.trim().endsWith('?') || SHOPPING.test(sentence)) return false;
  const rest = sentence.replace(NOT_A_NEED, ' ').replace(NOT_A_NEED_EXTRA, ' ');
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
