import { phraseTable } from '../phrases/compile-phrases.js';

/**
 * The visitor is not here to buy, whatever they are asked: a job seeker or candidate, a school
 * or writing project, someone only testing the bot. Shared by the need rule (no need) and the
 * authority rule (researcher).
 */
export const NOT_BUYING_PHRASES = phraseTable('not buying', [
  // First person only: a recruiter's "every job seeker who visits our site" is a real need.
  [
    String.raw`\b(?:i'm|i am|im|as|currently|just|still|only)\s+(?:a\s+|an\s+)?(?:\w+\s+)?job[- ]?(?:seeker|seeking|hunting|hunter|searching)\b`,
    "I'm a job seeker",
    'every job seeker who visits our site',
  ],
  [
    String.raw`\bjob[- ]?hunting\b(?!\s+(?:platform|site|app|board|portal|tool|service))`,
    'job hunting at the moment',
    'we run a job hunting platform',
  ],
  [
    String.raw`\blooking for (?:a |an )?(?:new )?(?:job|internship|placement)\b`,
    'looking for a new job',
  ],
  [
    String.raw`\bapplying\s+(?:for|to)\s+(?:the|a|an|your)\s+(?:[\w-]+\s+){0,2}?(?:job|role|position|opening|internship|vacancy)\b`,
    'applying for the SDR job',
  ],
  [String.raw`\bbetween jobs\b`, "I'm between jobs"],
  [String.raw`\b(?:love|like|want|hoping|planning|keen) to apply\b`, "I'd love to apply"],
  [
    String.raw`\binterested in (?:a |an |the )?(?:job|role|position|internship|opening)s?\b`,
    'interested in a role with you',
  ],
  [
    String.raw`\bnot (?:looking|shopping|here) for (?:any |a |new )?(?:software|a tool|tools|a product|a solution|a chatbot|a bot)\b`,
    "we're not looking for a tool",
  ],
  [
    String.raw`\b(?:an?|my|the) (?:job |phone |first |second |final )?interview (?:at|with) (?:your|you)\b`,
    'I have an interview at your company next week',
  ],
  [String.raw`\binterviewing (?:at|with) (?:your|you)\b`, "I'm interviewing with you on Friday"],
  [
    String.raw`\b(?:applied|applying) (?:for (?:a|the) (?:job|role|position) )?(?:at|to|with) (?:your|you)\b`,
    'applied for a role at your company last week',
  ],
  [
    String.raw`\bnot (?:looking to |here to |planning to |going to )?buy(?:ing)?\b`,
    "I'm not here to buy",
  ],
  [
    String.raw`\bnot (?:really )?an? (?:potential |prospective |real )?buyer\b`,
    'not really a buyer',
  ],
  [
    String.raw`\bjust (?:wanted to |want to |here to |trying to |thought i'?d )?(?:test(?:ing)?|try(?:ing)?(?: out)?|play(?:ing)?(?: around)? with` +
      String.raw`|mess(?:ing)?(?: around)? with|poke at|poking at|check(?:ing)? out)\s+(?:the|your|this)\s+(?:chat ?bot|bot|chat|widget|assistant|ai)\b`,
    'just wanted to try out the chatbot',
  ],
  [String.raw`\bjust (?:testing|playing|messing)(?: around)?\b`, 'just messing around'],
  [
    String.raw`\bfor (?:a|my|our)\s+(?:[\w-]+\s+){0,4}?(?:school project|class project|uni project|assignment|dissertation|thesis|homework|coursework` +
      String.raw`|essay|article|news story|podcast episode|blog post)\b`,
    "it's for my school project",
  ],
  [String.raw`\b(?:my|a) (?:dissertation|thesis)\b`, 'researching for my dissertation'],
]);

// The departments a vendor asks for when pitching ("whoever runs your marketing"); never sales or
// support, which a buyer asks for ("can I talk to your sales team?").
const PITCHED_TEAM = String.raw`(?:marketing|seo|advertising|ads|social media|content|website|web design|growth|procurement|purchasing|partnerships|recruit(?:ing|ment)|hiring)`;
const OUR_OFFERING = String.raw`(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|products?|platform|software|tools?|expertise|offering)`;
const WHO_RUNS = String.raw`(?:runs|handles|manages|heads|leads|looks after|oversees|is in charge of|is responsible for|buys|makes decisions (?:on|about|for))`;

/**
 * The visitor is selling to the vendor, not buying: they ask for the vendor's marketing or
 * purchasing people, or offer their own services to "you". Describing whom they serve ("we build
 * websites for dentists") is not enough: a buyer describes their business the same way.
 */
export const SELLING_TO_US_PHRASES = phraseTable('selling to us', [
  [
    String.raw`\b(?:speak|talk|chat|get in touch|connect|be put in touch)\s+(?:to|with)\s+(?:whoever|the person (?:who|that)|someone (?:who|that)` +
      String.raw`|the (?:one|people|team) (?:who|that))\s+(?:\w+\s+)?${WHO_RUNS}\s+(?:your|the company's)\s+(?:[\w-]+\s+){0,2}?${PITCHED_TEAM}\b`,
    'could I talk to whoever handles your marketing?',
    'can I talk to whoever handles your sales?',
  ],
  [
    String.raw`\bwho(?:'s| is)?\s+(?:runs|handles|manages|heads|looks after|oversees|in charge of|responsible for)\s+your\s+(?:[\w-]+\s+){0,2}?${PITCHED_TEAM}\b`,
    'who is in charge of your SEO?',
  ],
  [
    String.raw`\b(?:offer|pitch|sell|introduce|present|propose)\s+(?:you|your (?:company|team|business))\s+(?:to\s+)?${OUR_OFFERING}\b`,
    "I'd like to introduce you to our outsourcing services",
  ],
  [
    String.raw`\b(?:offer|pitch|sell|introduce|present|propose|provide)\s+${OUR_OFFERING}\s+to\s+(?:you|your\s+(?:company|team|business|brand|site|website))\b`,
    'we would like to offer our video services to your brand',
  ],
  // "I help SaaS companies like yours scale outbound", "I was hoping to pitch to you guys".
  [
    String.raw`\b{we}\s+help\s+(?:[\w-]+\s+){0,3}?(?:companies|businesses|teams|brands|firms|startups|vendors)\s+like\s+yours\b`,
    'I help SaaS companies like yours scale outbound',
  ],
  [
    String.raw`\b(?:hoping|want(?:ed)?|like|love|here)\s+to\s+pitch\s+(?:to\s+)?(?:you|your)\b`,
    'I was hoping to pitch to you guys',
  ],
  // "we want to sell our lead generation services to your company", "I'm offering our recruitment services".
  [
    String.raw`\b(?:sell|offer|pitch|provide|introduce)\s+(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|products?|offering)\s+to\s+(?:you|your)\b`,
    'we want to sell our lead generation services to your company',
  ],
  [
    String.raw`\b(?:i'm|i am|we're|we are)\s+(?:offering|selling|pitching|providing)\s+(?:our|my)\s+(?:[\w-]+\s+){0,3}?(?:services?|solutions?|offering)\b`,
    "I'm offering our recruitment services",
  ],
  [
    String.raw`\b(?:we|i)(?:\s+(?:can|could|want to)|'d love to|'d like to|\s+would (?:love|like) to)\s+help\s+(?:you|your\s+(?:[\w-]+\s+)?(?:site|website` +
      String.raw`|company|business|team|brand|marketing|seo))\s+(?:rank|grow|get more|improve|boost|increase|scale|generate)\b`,
    'we could help your website rank higher',
  ],
]);
