import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The intent rule's phrases (`intent-rule.ts` holds the logic): asking for a demo, a walkthrough
 * or a call with sales, asking for a person, and "I don't know". Every example is a test.
 */

// A call with the vendor: the noun, what may precede it ("a quick 15-minute video call") and what
// may follow it, so "a chat widget" or "a call-tracking tool" is no request for a call.
const CALL =
  String.raw`(?:a|an|some)\s+(?:(?:quick|short|brief|little|proper|live|online|video|zoom|teams|phone|intro(?:ductory)?|discovery|sales|demo` +
  String.raw`|follow-up|\d+[- ]?min(?:ute)?s?|\w+-minute)\s+){0,3}(?:call|chat|meeting|zoom|conversation|catch-?up)`;
const CALL_END =
  String.raw`(?![\w-])(?=\s*(?:$|[,.;:!?)]|(?:with|about|to|this|next|on|at|for|tomorrow|today|sometime|soon|please|pls|asap|so|and|if|when` +
  String.raw`|before|after|or|later|around|early|one|that|in|over|via|together|first|then)\b|\d))(?!\s+with\s+(?:my|our|his|her|their)\b)`;
const CALL_VERB = String.raw`(?:book|schedule|set up|setup|arrange|organi[sz]e|line up|get|grab|hop on|jump on|get on|do|have|fix up|squeeze in|plan)`;

const DEMO_NOUN = String.raw`(?:demo|demonstration|walk-?through|product tour|tour of the product)`;
// "demo" describing the visitor's own business: "demo requests", "demo request volume".
const NOT_THEIR_REQUEST =
  String.raw`(?!\s*(?:requests?|volume|bookings?|forms?|leads?|sign-?ups?|no-?shows?|traffic|pipeline|environment|account|site|days?` +
  String.raw`|videos?|version|data|mode|instance|server)\b)`;
/** "a quick demo", "the product tour", said as a request (not "our demo requests"). */
const A_DEMO = String.raw`(?:a|an|the|your|some)\s+(?:[\w-]+\s+){0,3}?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`;
const KEEN_ON_A_DEMO =
  String.raw`(?:(?:very|really|quite|super|also|definitely|most)\s+)?(?:keen|eager|interested|up)\s+(?:on|in|for)\s+` +
  String.raw`(?:(?:getting|seeing|having|booking|doing|a quick)\s+)?${A_DEMO}`;
const THE_PRODUCT = String.raw`(?:product|platform|tool|bot|chatbot|software|app|system|widget)`;
const SEE_IT_LIVE =
  String.raw`\s+(?:to\s+)?(?:see|watch)\s+(?:it|this|the\s+${THE_PRODUCT}|your\s+${THE_PRODUCT}|how\s+(?:it|this|the\s+\w+)\s+works)\s+` +
  String.raw`(?:in action|in real life|live(?!\s+(?:on|by|in|before|for|across|within|at|from)\b)|working(?!\s+(?:on|for|with)\b))`;

/**
 * A request for a demo, a walkthrough or a call with sales ("Could we get a demo?", "Can someone
 * from sales walk me through it?", "happy to jump on a call").
 */
export const DEMO_REQUEST = phraseTable('demo request', [
  // "Can I see a demo?", "Could someone show me a demo?", "Please can I book a demo?"
  [
    String.raw`\b(?:can|could|may|would|will|please|pls)\b[^.?!]*?\b${A_DEMO}`,
    'Could someone show me a demo?',
    'can we cut our demo requests?',
  ],
  // "I'd love a short demo", "Would love a walkthrough of the setup", "we'd like to book a demo"
  [
    String.raw`\b(?:love|like|want|need|book|see|get|schedule|arrange|request|set up|have|organi[sz]e)\s+(?:to\s+(?:see|get|book|have|schedule|arrange|set up|do|request)\s+)?${A_DEMO}`,
    'Would love a walkthrough of the setup',
  ],
  // "Keen on a walkthrough", "we're interested in a product tour": the visitor's own wish;
  // "our clients are keen on a demo" is someone else's.
  [
    String.raw`^\W*(?:(?:hi|hello|hey|also|so|and|but|oh|ok|okay|yes|yeah)\W+)*${KEEN_ON_A_DEMO}`,
    'Keen on a walkthrough',
    'our clients are keen on a demo',
  ],
  [
    String.raw`\b(?:{im}|we're|we are|we'd be|i'd be|i would be|we would be)\s+${KEEN_ON_A_DEMO}`,
    "we're interested in a product tour",
  ],
  // Without an article, as visitors writing fast or in a second language do: "we want demo of
  // your bot", "need demo asap", "pls demo".
  [
    String.raw`\b{we}\s+(?:(?:would|'d)\s+)?(?:want|need|like|request|require)\s+(?:to\s+(?:see|get|book|have)\s+)?(?:a\s+)?` +
      String.raw`(?:quick\s+|short\s+|free\s+|live\s+|online\s+)?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'we want demo of your bot',
  ],
  [
    String.raw`^\W*(?:(?:hi|hello|hey)\W+)*(?:need|want|pls|please|request(?:ing)?)\s+(?:a\s+)?${DEMO_NOUN}\b${NOT_THEIR_REQUEST}`,
    'need demo asap',
  ],
  // "A quick demo would be great".
  [
    String.raw`\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?${DEMO_NOUN}\s+would be\s+(?:really\s+|very\s+|super\s+)?` +
      String.raw`(?:great|good|nice|helpful|useful|ideal|awesome|perfect|brilliant|appreciated|amazing|lovely)\b`,
    'A quick demo would be great',
  ],
  // "Would love to watch the bot in action", "could we see the platform live?"; not "see it live on our site by May".
  [
    String.raw`\b(?:(?:would|'d)\s+(?:really\s+)?(?:love|like)${SEE_IT_LIVE})`,
    'Would love to watch the bot in action',
  ],
  [
    String.raw`\b(?:(?:would|'d)\s+be\s+(?:really\s+|very\s+|super\s+)?(?:great|good|nice|helpful|useful|awesome|ideal|brilliant|keen|happy|lovely|cool)${SEE_IT_LIVE})`,
    "it'd be great to see it in action",
  ],
  [
    String.raw`\b(?:{we}\s+(?:really\s+)?(?:want|wanted|hope|hoping)${SEE_IT_LIVE})`,
    'we hope to see your bot working',
    'we want to see it live on our site by May',
  ],
  [
    String.raw`\b(?:keen|eager|(?:can|could|may)\s+{we})${SEE_IT_LIVE}`,
    'could we see the platform live?',
  ],
  // "can someone show me the lead scoring part?", "show us the booking feature".
  [
    String.raw`\b(?:show|walk)\s+(?:me|us)\s+(?:through\s+)?(?:the|your)\s+(?:[\w-]+\s+){1,3}?(?:part|feature|features|side|module|bit|functionality|flow|workflow|integration|dashboard)s?\b`,
    'can someone show me the lead scoring part?',
  ],
  // "Can someone from sales walk me through it?", "Can you show me how it works?"
  [
    String.raw`\b(?:show|walk)\s+(?:me|us)\s+(?:(?:through|around)\b(?!\s+(?:the\s+|your\s+)?(?:pricing|prices?|costs?|plans?|options|invoice|contract)\b)` +
      String.raw`|how|what|a\s+(?:quick\s+|short\s+)?demo|the\s+(?:product|platform|tool)|it\b)`,
    'Can someone from sales walk me through it?',
    'walk me through the pricing',
  ],
  // "Can I get someone to ring me about this?", "could somebody call me back?"
  [
    String.raw`\b(?:can|could|would|will)\s+{we}\s+(?:get|have)\s+(?:someone|somebody|a\s+(?:person|rep|human))\s+(?:to\s+)?(?:ring|call|phone|contact)\s+(?:me|us)\b`,
    'Can I get someone to ring me about this?',
  ],
  [
    String.raw`\b(?:can|could|would)\s+(?:someone|somebody|you)\s+(?:please\s+)?(?:ring|call|phone)\s+(?:me|us)(?:\s+back)?\b`,
    'could somebody call me back?',
  ],
  // "Could we set up a call with your sales team?", "I'd like to talk to sales"
  [
    String.raw`\b(?:call|meeting|chat|talk|speak)\s+(?:to|with)\s+(?:your\s+|a\s+|the\s+|someone\s+(?:from|in|on)\s+(?:your\s+|the\s+)?)?sales\b`,
    "I'd like to talk to sales",
  ],
  // Not their own calls with their prospects: "qualify them before we book a discovery call".
  [
    String.raw`(?<!\b(?:before|until|after|when|so|once|then)\s+(?:we|they|our\s+\w+)\s+)\b(?:book|schedule|set up|arrange|get|have|want|like|love|jump on|hop on)\s+(?:a|an)\s+` +
      String.raw`(?:quick\s+|short\s+)?(?:sales\s+call|discovery\s+call|intro(?:ductory)?\s+call)\b`,
    "I'd like to book a discovery call",
    'qualify them before we book a discovery call',
  ],
  // The shapes of a request for a call: a question, an offer, a wish, "let's", an imperative.
  [
    String.raw`\b(?:can|could|shall|may|should)\s+{we}\s+(?:please\s+|also\s+|maybe\s+|perhaps\s+)*${CALL_VERB}\s+${CALL}${CALL_END}`,
    'Can we set up a quick call?',
    'can we get a chat widget?',
  ],
  [
    String.raw`\b(?:happy|keen|glad|open|ready|eager|free)\s+to\s+${CALL_VERB}\s+${CALL}${CALL_END}`,
    'happy to jump on a call',
  ],
  [
    String.raw`\b(?:i'd|we'd|i would|we would|i|we)\s+(?:\w+\s+)?(?:like|love|want|prefer)\s+to\s+${CALL_VERB}\s+${CALL}${CALL_END}`,
    "I'd like to set up a sales call.",
  ],
  [
    String.raw`\b(?:let's|lets|let us)\s+${CALL_VERB}\s+${CALL}${CALL_END}`,
    "let's set up a call next week",
  ],
  [
    String.raw`^\W*(?:please\s+|pls\s+|(?:can|could|would) you\s+(?:please\s+)?)?(?:book|schedule|set up|arrange|organi[sz]e|line up)\s+(?:me\s+|us\s+|me in for\s+|us in for\s+)?${CALL}${CALL_END}`,
    'please book me in for a 15-minute call',
  ],
  [
    String.raw`\b(?:can|could|would)\s+(?:someone|somebody|you|one of your (?:team|reps|people|colleagues))\s+(?:please\s+)?(?:give me|give us|set up|book|schedule|arrange)\s+${CALL}${CALL_END}`,
    'Could someone give me a call tomorrow?',
  ],
]);

/** Asking for a person instead of the bot ("talk to a human", "real person?"). */
export const WANTS_HUMAN = phraseTable('wants a human', [
  [
    String.raw`\b(?:talk|speak|chat|connect|transfer|put|get|pass)\s+(?:me\s+)?(?:to|with|through to|over to)\s+(?:a|an|some|the|your)?\s*(?:real\s+|actual\s+|live\s+|human\s+)?` +
      String.raw`(?:human|person|people|agent|representative|operator|staff member|team member|somebody|someone|support(?:\s+team)?|customer (?:service|support)` +
      String.raw`|(?<=(?:your|the)\s+)team)(?:\s+(?:real|please))?\b(?!\s+(?:from|in|on)\s+sales)`,
    'can you put me through to a real person',
    'can I talk to someone from sales',
  ],
  [String.raw`\bhuman,?\s+(?:please|pls|plz)\b`, 'human please'],
  [String.raw`^\s*(?:a\s+)?(?:human|real person|agent|operator)[.!?]*\s*$`, 'real person?'],
  [String.raw`\b(?:someone|somebody)\s+real\b`, 'can I talk to someone real?'],
  [
    String.raw`(?<!\b(?:are you|is this|is that|you're|you are|am i talking to)\s+(?:a\s+)?)\breal (?:human|person)\b`,
    'I want a real human',
    'are you a real person?',
  ],
  [
    String.raw`\bnot (?:talk|speak|chat)\w* (?:to|with) a (?:bot|robot|machine)\b`,
    "I'd rather not talk to a bot",
  ],
]);

/** Saying "I don't know" to the slot asked (after an optional "honestly,", "um"). */
export const NO_IDEA = phraseTable('no idea', [
  [String.raw`no idea|not sure|no clue`, 'no clue'],
  [String.raw`don't know|dont know|do not know|dunno|i {dont} know`, 'dunno'],
  [
    String.raw`i'm not sure|im not sure|couldn't tell you|can't say|cannot say|not yet sure|unsure`,
    "couldn't tell you",
  ],
]);

/** How a question of the visitor's own starts: an interrogative or an auxiliary verb. */
export const QUESTION_START = phraseTable('question start', [
  [String.raw`what|what's|whats|how|why|when|where|which|who|whom|whose`, 'how does it work'],
  [
    String.raw`is|are|was|were|do|does|did|can|could|will|would|should|shall|may|might|has|have|had`,
    'can it book meetings',
  ],
  [String.raw`any|anything|got|isn't|aren't|don't|doesn't|can't|won't`, "doesn't it do SMS"],
]);

/** Greetings and fillers before a question ("hi there, quick q: ..."). */
export const LEAD_IN = phraseTable('lead-in', [
  [
    String.raw`hi there|hey there|hello there|hi|hello|hey|hiya|hallo|bonjour|g'day|good (?:morning|afternoon|evening)|morning`,
    'hey there',
  ],
  [
    String.raw`ok|okay|also|and|so|but|btw|oh|quick q(?:uestion)?|one more thing|sorry`,
    'quick question',
  ],
]);
