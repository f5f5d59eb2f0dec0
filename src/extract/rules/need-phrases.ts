import { phraseTable } from '../phrases/compile-phrases.js';

/*
 * The need rule's phrases (`need-rule.ts` holds the logic): saying there is nothing to solve, and
 * the cues of a sentence that states a problem or a goal. Every example is a test.
 */

/** The visitor says there is nothing to solve (besides `NOT_BUYING` and `SELLING_TO_US`). */
export const NO_NEED = phraseTable('no need', [
  [
    String.raw`\bnothing (?:specific|really|in particular|much|yet|at the moment|right now)\b`,
    'nothing specific, just curious',
  ],
  [String.raw`\bnot (?:buying|shopping)\b`, "we're not buying anything"],
  [String.raw`\b{dont} need (?:anything|it)\b`, "we don't need anything"],
  [String.raw`\bno need\b`, 'no need really'],
  [String.raw`^\W*(?:honestly|really|well|um+)?[\s,]*nothing\b`, 'honestly, nothing'],
  [
    String.raw`\b(?:only|just|purely) for (?:(?:my|a|our|the)\s+)?(?:coursework|class|course|homework|research|school|uni|university)\b`,
    'only for coursework',
  ],
  [
    String.raw`\b(?:only|just|purely) for (?:(?:my|a|our|the)\s+)?(?:studies|paper|essay|assignment|project for (?:school|class|uni))\b`,
    'just for a project for school',
  ],
  // "it's for my research paper", "for a term paper": academic writing, not a business.
  [
    String.raw`\bfor (?:a|my|our|the)\s+(?:[\w-]+\s+){0,2}?(?:research|term|academic|seminar|student|conference)\s+paper\b`,
    "it's for my research paper",
  ],
  [
    String.raw`\b{we}\s+{dont}\s+(?:really\s+|actually\s+)?have\s+(?:a|any)\s+(?:real\s+|actual\s+)?business\s+(?:need|reason|use)\b`,
    "I don't really have a business need",
  ],
  [String.raw`\bno (?:real |actual )?business (?:need|reason|use)\b`, 'no real business reason'],
]);

/**
 * Softer ways to say there is nothing to solve; they count only when no need follows ("no real
 * problem with our tool, but we need ..." still states one).
 */
export const NO_PROBLEM = phraseTable('no problem', [
  [
    String.raw`\b(?:no|not (?:a|any))\s+(?:specific|particular|real|actual|concrete|big|pressing)\s+(?:problem|issue|pain(?: point)?|need|use case|requirement)s?\b`,
    'no specific problem as such',
  ],
  [
    String.raw`\b{we}\s+{dont}\s+(?:really\s+|actually\s+)?(?:have|need)\s+(?:a|an|any)\s+(?:specific\s+|particular\s+|real\s+)?(?:problem|issue|need|use case)\b`,
    "We don't have a specific use case",
  ],
  [
    String.raw`\b{dont}\s+(?:really\s+|actually\s+)?need\s+(?:(?:a|an|any|your|this)\s+(?:[\w-]+\s+)?(?:chat ?bot|bot|chat tool|tool|product|solution|platform|service)s?|software)\b`,
    "we don't really need a chatbot",
  ],
]);

/** What a whole answer that only says they are looking, curious or trying the bot out is made of. */
export const ONLY_CURIOUS = phraseTable('only curious', [
  [String.raw`nothing|none|nope|no|nah|not really|n\/a`, 'nope'],
  [
    String.raw`just curious|just browsing|just looking(?: around)?|just exploring|curious`,
    'just looking around',
  ],
  [String.raw`idk|not sure|no idea`, 'no idea'],
  [
    String.raw`(?:i'm |im |i am |we're |just )?(?:trying|testing|playing with|checking out|poking at) (?:it|this|you|the bot|your bot|the chat(?:bot)?)(?: out)?(?: for now)?`,
    "I'm testing the bot out for now",
  ],
]);

/** Sentences that state a problem or a goal. */
export const NEED_CUE = phraseTable('need cue', [
  [
    String.raw`\b{we}\s+(?:really\s+|urgently\s+|also\s+|badly\s+|desperately\s+)?need\b`,
    'we urgently need',
  ],
  [String.raw`\bneed(?:s)? to\b`, 'we need to screen those out'],
  [String.raw`\bwant(?:s|ed)? to\b`, 'we want to stop losing leads'],
  [String.raw`\b(?:we'd|i'd|we would|i would) like to\b`, "we'd like to answer faster"],
  [String.raw`\b{we} want (?:something|a|an|one)\b`, 'we want something that qualifies buyers'],
  [String.raw`\btrying to\b`, 'trying to cut our response time'],
  [String.raw`\bstruggl\w*`, 'struggling to follow up on trial signups'],
  [String.raw`\bkeep (?:losing|missing|dropping)\b`, 'we keep losing track of enquiries'],
  [String.raw`\b(?:can't|cannot|can not|couldn't) keep up\b`, "the team can't keep up"],
  [
    String.raw`\b(?:is|are|'s)\s+(?:(?:a|such a|an absolute) (?:bit of a |total |complete |real |huge )?)?mess\b`,
    'our inbox is a total mess',
  ],
  [String.raw`\bout of control\b`, 'Our inbox is out of control.'],
  [
    String.raw`\bget (?:tons|loads|lots|a lot|heaps|hundreds|thousands|so many|too many|a ton|plenty)\b`,
    'we get heaps of quote requests',
  ],
  [String.raw`\b(?:flood|influx) of\b`, 'a flood of registrations'],
  [String.raw`\b(?:swamped|drowning|overwhelmed|inundated|flooded)\b`, 'the front desk is swamped'],
  [String.raw`\bfall(?:s|ing)? through the cracks\b`, 'leads fall through the cracks'],
  [String.raw`\bgo(?:es)? unanswered\b`, 'chats go unanswered overnight'],
  [String.raw`\bget(?:s)? lost\b`, 'enquiries get lost'],
  [String.raw`\bwast(?:e|es|ing) (?:hours|days|time)\b`, 'the sales lads waste hours on them'],
  [String.raw`^\s*(?:we\s+)?needs?\b`, 'need a way to pre-screen tenants'],
  [String.raw`\bpil(?:e|es|ing) up\b`, 'requests are piling up'],
  [
    String.raw`\b(?:nobody|no one|no-one) (?:\w+\s+){0,2}?(?:triages?|follows? up|answers?|responds?|replies|checks?|reads?|handles?|qualif\w+)\b`,
    'nobody really follows up',
  ],
  [String.raw`\btoo many\b`, 'too many tyre-kickers'],
  [String.raw`\bgo(?:es|ing)? (?:cold|stale|unanswered|unnoticed|nowhere)\b`, 'leads go cold'],
  [String.raw`\bslip(?:s|ping)? through\b`, 'enquiries slip through after office hours'],
  [String.raw`\b(?:by hand|manually)\b`, 'we sort them by hand'],
  [
    String.raw`\b(?:can't|cannot|can not|don't|do not|doesn't|never) (?:tell|separate|sort|follow up|respond|reply|answer|handle|qualify|prioriti[sz]e|reach|call back)\b`,
    "we can't tell the serious buyers from the rest",
  ],
  [String.raw`\btoo slow(?:ly)?\b`, 'the team answers much too slowly'],
  [
    String.raw`\b(?:very|so|really|painfully|extremely|far too|way too)\s+slow(?:ly)?\b`,
    'follow-up is painfully slow',
  ],
  [String.raw`\bslow to (?:respond|reply|answer|follow|get back)\b`, 'we are slow to respond'],
  [
    String.raw`\bneeds?\s+(?:much\s+|far\s+|a\s+lot\s+|way\s+)?(?:faster|quicker|better)\b`,
    'the intake needs far better triage',
  ],
  [String.raw`\blos(?:e|es|ing|t)\s+(?:track|sight)\b`, 'we lose track of them'],
  [
    String.raw`\blos(?:e|es|ing|t)\s+(?:\w+\s+)?(?:deals|leads|customers|sales|bookings|business|enquiries|inquiries|patients|clients|jobs)\b`,
    'we are losing good leads',
  ],
  [
    String.raw`\bsit(?:s|ting)?\s+(?:there\s+)?(?:for\s+(?:hours|days|weeks)|unanswered|untouched)\b`,
    'forms sit there for days',
  ],
  [
    String.raw`\bwait(?:s|ing)?\s+(?:a\s+(?:full\s+|whole\s+)?(?:day|week)|(?:for\s+)?(?:hours|days|weeks)|for\s+(?:an?\s+)?(?:answers?|repl(?:y|ies)|responses?|callbacks?))\b`,
    'buyers wait a whole day for a reply',
  ],
  [
    String.raw`\bwhile (?:we|i|they|everyone|the team)(?:'re| are)?\s+(?:sleep\w*|asleep|offline|closed|away|out)\b`,
    "questions come in while we're asleep",
  ],
  [
    String.raw`\bkeep(?:s)?\s+(?:on\s+)?(?:asking|messaging|calling|emailing|chasing|coming in|piling)\b`,
    'people keep messaging about insurance after hours',
  ],
  [
    String.raw`\b(?:our|my|the)\s+(?:main\s+|biggest\s+|big\s+|real\s+)?(?:problem|issue|challenge|pain(?:\s+point)?|headache|bottleneck)\s*(?:is|:|right now)`,
    'our biggest headache is no-shows',
  ],
  [
    String.raw`\bring(?:s|ing)?\s+off\s+the\s+hook\b`,
    'phones ring off the hook with booking questions',
  ],
  [
    String.raw`\b(?:flood|overwhelm|swamp|clog|bury|burie)(?:s|ed|ing)?\s+(?:up\s+)?(?:our|my|the)\b`,
    'spam floods our support inbox',
  ],
  [
    String.raw`\bwonder(?:ing)?\s+(?:if|whether)\s+(?:your|the|this)\s+(?:[\w-]+\s+)?(?:bot|tool|product|platform|software|chat\w*|system|assistant|agent)\s+(?:can|could|would|will)\b`,
    'wondering if your bot can qualify our dealer inquiries',
  ],
  [
    String.raw`\b(?:almost\s+|hardly\s+)?(?:nobody|no one|no-one)\s+(?:ever\s+|actually\s+)?(?:converts?|buys?|books?|signs?\s+up|follows?\s+up|gets?\s+back)\b`,
    'almost nobody converts',
  ],
  [String.raw`\b(?:days|hours|weeks)\s+late\b`, 'we answer them days late'],
  [
    String.raw`\b(?:all\s+night|at\s+all\s+hours|around\s+the\s+clock)\b`,
    'questions about fees at all hours',
  ],
  [
    String.raw`\b(?:can't|cannot|can not)\s+(?:triage|cope|keep\s+track)\b`,
    "our SDRs can't triage the inbound requests",
  ],
]);

/** What a tool is for, after "looking for a tool ... for": "for lead qualification", "for our admissions". */
const PURPOSE = [
  String.raw`(?:leads?|lead gen\w*|enquir(?:y|ies)|inquir(?:y|ies)|qualif\w+|triage|screening|intake|bookings?|appointments?`,
  String.raw`|scheduling|support|customer service|onboarding|sales|prospects?|admissions|applicants?|tenants?|patients?`,
  String.raw`|donors?|registrations?|sign-?ups?|quotes?|rfqs?|orders?|after-hours)`,
].join('');

/**
 * Shopping for a tool counts as a need only with its purpose: "looking for a tool to pre-screen
 * tenants", "a chat that qualifies buyers", "a bot for lead qualification"; not "looking at chat
 * tools for our website".
 */
export const LOOKING_FOR_PURPOSE = phraseTable('looking for a tool with a purpose', [
  [
    String.raw`\blooking (?:for|at|into) (?:a|an|some)?\s*(?:[\w-]+\s+){0,2}?(?:tools?|ways?|solutions?|chats?|chatbots?|bots?|something` +
      String.raw`|platforms?|systems?|software|assistants?|widgets?|options?)\b(?=\s+(?:[\w-]+\s+){0,4}?(?:to\s+\w+|that|which|who` +
      String.raw`|so\s+(?:that|we|our|i)|capable|able to|for\s+(?:(?:our|my|the)\s+)?(?:\w+ing|${PURPOSE})\b))`,
    'looking for a tool to pre-screen tenants',
    'looking at chat tools for our website',
  ],
]);

/** A need that points back at the sentence before it ("Need to screen those out."). */
export const POINTS_BACK = phraseTable('points back', [
  [
    String.raw`^\W*(?:{we}\s+)?(?:really\s+)?(?:need|want|have)\s+to\s+\w+\s+(?:those|them|these|this|that|it)\b`,
    'Need to screen those out.',
  ],
  [String.raw`\b(?:those|them|these)\b`, 'most of them are renters'],
]);
