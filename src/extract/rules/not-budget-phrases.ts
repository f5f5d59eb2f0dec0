import { phraseTable } from '../phrases/compile-phrases.js';

/**
 * Money that is not what the visitor will spend with us: revenue, prices, approval limits, what
 * their customers and deals are worth, a price per seat. The budget rule skips an amount next
 * to one of these.
 */

/** Words before an amount that make it revenue, a price or a limit ("we make $2M", "projects below"). */
export const REVENUE_PRICE_LIMIT = phraseTable('revenue, price or limit before', [
  [String.raw`revenues?|turnover|sales\s+of|in\s+sales|arr|mrr|gmv`, 'annual revenue'],
  // "we do have $50k" is money they have (budget-phrases.ts HAVING_AFTER_ALL), not "we do $2M".
  [
    String.raw`(?<!\b(?:can|could|would|will|might|to)\s+)(?<!'d\s+)(?:do|does|doing|did)(?!\s+(?:have|has)\b)`,
    'we do',
    'we can do',
  ],
  [String.raw`mak(?:e|es|ing)(?!\s+(?:that|it)\b)|made`, 'we make', 'make that'],
  [String.raw`earn\w*|generat\w*|bring(?:s|ing)?\s+in|brought\s+in|gross\w*`, 'brings in'],
  [String.raw`valu(?:ed|ation)|worth|raised?|raising|series\s+[a-e]`, 'valued at'],
  [String.raw`prices?(?!\s+range)|priced|pricing`, 'priced at', 'price range'],
  [String.raw`costs?|costing|charg(?:e|es|ed|ing)|quoted`, 'it costs'],
  [String.raw`(?<!\b(?:to|can|could|would|will|'d)\s+)pay(?:ing)?|paid`, 'we pay', 'happy to pay'],
  [String.raw`sell\w*|sold|salar(?:y|ies)`, 'kits sell for'],
  [String.raw`approv(?:e|al|ing)`, 'needs approval'],
  [
    String.raw`purchases?|orders?|deals?|contracts?|projects?|tickets?|invoices?|loans?|mortgages?`,
    'contracts over',
  ],
  [String.raw`minimum|threshold|(?<!\b(?:budget|spending)\s)limit`, 'the limit', 'budget limit'],
  [String.raw`anything\s+(?:over|above|more\s+than|beyond|north\s+of)`, 'anything over'],
  [
    String.raw`(?:spend(?:ing)?|purchases?|invoices?)\s+(?:over|above|beyond|exceeding|of\s+more\s+than|in\s+excess\s+of)`,
    'spending above',
  ],
]);

/** The clause before an amount ends with one of those words ("it costs us $500"). */
export const NOT_BUDGET_BEFORE = new RegExp(
  String.raw`\b(?:${REVENUE_PRICE_LIMIT.source})\b(?:\s+\S+){0,4}\s*$`,
  'i',
);

/** Words after an amount that make it revenue, a limit or another vendor's price ("$2M in revenue"). */
export const REVENUE_PRICE_LIMIT_AFTER = phraseTable('revenue, price or limit after', [
  [String.raw`in\s+(?:annual\s+)?(?:revenue|sales|turnover|funding|arr|gmv)`, 'in annual revenue'],
  [String.raw`revenue|turnover|arr|mrr|gmv|valuation|round`, 'seed round'],
  [String.raw`(?:are|is)\s+(?:mine|my\s+call|up\s+to\s+me)`, 'are mine to approve'],
  [String.raw`to\s+approve|approval|sign[-\s]?off|minimum|threshold|limit`, 'needs sign-off'],
  [
    String.raw`(?:for|on|with)\s+(?:our|the|my)\s+(?:current|existing|old|present)`,
    'for our current tool',
  ],
  [
    String.raw`(?:by|from)\s+(?:another|a|the\s+other)\s+(?:vendor|provider|supplier|competitor)`,
    'by another vendor',
  ],
]);

/** Within the clause after an amount ("$800 a month by another vendor"). */
export const NOT_BUDGET_AFTER = new RegExp(
  String.raw`^[^,;:]{0,30}?\b(?:${REVENUE_PRICE_LIMIT_AFTER.source})\b`,
  'i',
);

/** Who or what their customers are: the amount after them is what those are worth. */
export const CUSTOMERS_AND_THINGS = phraseTable('customers and what they buy', [
  [
    String.raw`buyers?|customers?|clients?|consumers?|shoppers?|leads?|prospects?|investors?|tenants?|landlords?|sellers?`,
    'buyers',
  ],
  [
    String.raw`homeowners?|households?|families|patients?|members?|visitors?|enquir(?:y|ies)|inquir(?:y|ies)|applicants?`,
    'enquiries',
  ],
  [String.raw`accounts?|companies|businesses`, 'businesses'],
  [
    String.raw`propert(?:y|ies)|homes?|houses?|apartments?|flats?|units?|listings?|deals?|projects?|orders?|jobs?`,
    'properties',
  ],
  [
    String.raw`carts?|baskets?|transactions?|polic(?:y|ies)|loans?|mortgages?|portfolios?|contracts?|tickets?`,
    'policies',
  ],
  [String.raw`bookings?|quotes?|bids?|tenders?|opportunit(?:y|ies)`, 'opportunities'],
]);

/** "above", "worth", "valued at", "starting from": the comparison or valuation after such a noun. */
export const WORTH_COMPARISON = phraseTable('comparison or valuation', [
  [String.raw`above|over|below|under|exceeding|beyond`, 'above'],
  [
    String.raw`(?:more|less|greater|bigger|larger)\s+than|north\s+of|south\s+of|upwards\s+of`,
    'more than',
  ],
  [
    String.raw`in\s+excess\s+of|worth|valued\s+at|priced\s+(?:at|from)|starting\s+(?:at|from)`,
    'valued at',
  ],
]);

/**
 * "buyers looking above AED 2M", "deals over $50k", "customers spending $1k", "clients with $2M
 * in assets": a noun for customers or what they buy, then a comparison or valuation.
 */
export const CUSTOMER_AMOUNT_BEFORE = new RegExp(
  [
    String.raw`\b(?:${CUSTOMERS_AND_THINGS.source})\b`,
    String.raw`(?:(?:\s+\S+){0,4}?\s+(?:${WORTH_COMPARISON.source})`,
    String.raw`|\s+(?:(?:who|that)\s+)?(?:spend(?:s|ing)?|with|hav(?:e|ing)|hold(?:s|ing)?))`,
    String.raw`\s*(?:(?:about|around|roughly|over|above|at\s+least|more\s+than|upwards\s+of|north\s+of)\s+)?$`,
  ].join(''),
  'i',
);

const THEIR_THINGS = [
  String.raw`(?:deals?|propert(?:y|ies)|homes?|houses?|apartments?|listings?|orders?|contracts?`,
  String.raw`|clients?|customers?|accounts?|jobs?|transactions?|polic(?:y|ies)|loans?|mortgages?`,
  String.raw`|portfolios?|tickets?|carts?|baskets?)`,
].join('');

/** "$2M+ properties", "$50k deals", "$2M in assets": the amount sizes something of theirs. */
export const SIZED_THINGS = phraseTable('what an amount sizes', [
  [String.raw`${THEIR_THINGS}\b(?!\s+(?:budget|allowance|spend))`, 'deals', 'deals budget'],
  [
    String.raw`in\s+(?:assets|aum|investable\s+assets|net\s+worth|property|deal\s+value|order\s+value|sales\s+volume)`,
    'in assets',
  ],
]);

export const CUSTOMER_AMOUNT_AFTER = new RegExp(
  String.raw`^\s*\+?\s*(?:(?:plus|and\s+(?:up|above|over))\s+)?(?:${SIZED_THINGS.source})`,
  'i',
);

/** What a price may be per ("30 CAD per user per month", "$15 a seat"). */
export const PRICED_UNITS = phraseTable(
  'priced units',
  [
    [String.raw`users?|seats?|licen[cs]es?|agents?|heads?|persons?|people|employees?`, 'seat'],
    [
      String.raw`staff\s+members?|team\s+members?|members?|logins?|accounts?|operators?`,
      'team member',
    ],
    [String.raw`reps?|editors?|admins?|mailbox(?:es)?|inbox(?:es)?|locations?|sites?`, 'mailbox'],
    [
      String.raw`branch(?:es)?|stores?|desks?|chats?|conversations?|leads?|contacts?|resolutions?`,
      'resolution',
    ],
  ],
  'iu',
);

/** A price per user, seat, licence or agent: the total is unknown, so it is no amount, and no refusal either. */
export const PER_UNIT_AFTER = new RegExp(
  [
    String.raw`^\s*(?:(?:a|an|per|each|every|\/)\s*(?:month|mo|mth|year|yr|annum)\b\s*,?\s*)?`,
    String.raw`(?:(?:a|an|per|each|every|\/)\s*(?:[\p{L}-]+\s+)?(?:${PRICED_UNITS.source})\b`,
    String.raw`|each(?=\s*(?:[,.;!?)]|$)))`,
  ].join(''),
  'iu',
);
