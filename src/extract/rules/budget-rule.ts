import { candidate, type BudgetPeriod, type Candidate } from '../../lead/field-paths.js';
import { findMoney, type MoneyMention } from './money.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';

type Found = {
  amount: number;
  currency: string | null;
  period: BudgetPeriod | null;
  sentence: string;
};

// "a month" after "in", "within", "for"... is a duration, not a billing period.
const NOT_A_RATE = String.raw`(?<!\b(?:in|within|than|for|over|next|about|last|past)\s+)`;

// "upfront" in "to be upfront, ..." is about honesty, and "once" must end the clause ("$5k once").
const ONE_TIME =
  /\bone[-\s]?(?:time|off)\b|\bonce\b(?=\s*(?:[,.;!?)]|$|off\b))|(?<!\bbe\s)\bup[-\s]?front\b|\b(?:in\s+)?total\b|\blump[-\s]?sum\b|\bsingle\s+payment\b/gi;

const PERIODS: readonly (readonly [BudgetPeriod, RegExp])[] = [
  [
    'monthly',
    new RegExp(
      String.raw`${NOT_A_RATE}\b(?:a|an|per|each|every|one)\s+(?:calendar\s+)?(?:month|mo|mth)\b|\b(?:per|pro|par|al|por|im|in\s+de)\s+(?:maand|monat|mois|mes|mês)\b|\bmonatlich\b|\bmensuel(?:le)?(?:ment)?\b|\bmensual(?:es)?\b|\bmaandelijks\b|\/\s?(?:month|mo|mth|m)\b|\bmonthly\b|\bp\/?m\b|\bpcm\b|\bmonth(?:ly)?\s+(?:fee|budget|spend|retainer)`,
      'gi',
    ),
  ],
  [
    'yearly',
    new RegExp(
      String.raw`${NOT_A_RATE}\b(?:a|an|per|each|every)\s+(?:calendar\s+|fiscal\s+|financial\s+)?(?:year|yr|annum)\b|\b(?:per|pro|par|al|por|im)\s+(?:jaar|jahr|an|année|año|ano)\b|\bj(?:ä|ae)hrlich\b|\bjaarlijks\b|\bannuel(?:le)?(?:ment)?\b|\banual(?:es)?\b|\/\s?(?:year|yr|y|annum)\b|\bannual(?:ly)?\b|\byearly\b|\bp\.\s?a\b\.?|\bpa\b|\bfor\s+(?:the\s+)?(?:first\s+|whole\s+|entire\s+|full\s+|next\s+|coming\s+)?(?:fiscal\s+|financial\s+|calendar\s+)?year\b|\bthis\s+(?:fiscal\s+|financial\s+)?year\b|\bFY\b`,
      'gi',
    ),
  ],
  ['one_time', ONE_TIME],
];

/** A period "right after the amount" ("$4M a year") also marks money as a budget when no cue word is said. */
const PERIOD_RIGHT_AFTER =
  /^\s*(?:(?:a|an|per|each|every)\s+(?:month|mo|year|yr|annum)\b|\/\s?(?:month|mo|mth|m|year|yr|y)\b|(?:monthly|annually|yearly|p\.?a\b|pm|p\/m|one[-\s]?off|one[-\s]?time|upfront|up front|total)\b)/i;

const BUDGET_CUE =
  /\b(?:budget\w*|spend\w*|afford\w*|allocat\w*|earmark\w*|set\s+aside|put\s+aside|invest(?:s|ing|ments?)?|(?:can|could)\s+(?:do|go\s+(?:up\s+)?to|stretch\s+to|manage|swing)|grant|approved|to\s+spend|(?:willing|happy|able|prepared|ready)\s+to\s+(?:pay|spend|invest|put)|pay\s+up\s+to|fund(?:s|ing)?\s+(?:for|of))\b/i;

// Revenue, prices and approval limits: money that is not what they will spend with us.
const NOT_BUDGET_BEFORE =
  /\b(?:revenues?|turnover|sales\s+of|in\s+sales|arr|mrr|gmv|(?<!\b(?:can|could|would|will|might|to)\s+)(?<!'d\s+)(?:do|does|doing|did)|mak(?:e|es|ing)(?!\s+(?:that|it)\b)|made|earn\w*|generat\w*|bring(?:s|ing)?\s+in|brought\s+in|gross\w*|valu(?:ed|ation)|worth|raised?|raising|series\s+[a-e]|prices?(?!\s+range)|priced|pricing|costs?|costing|charg(?:e|es|ed|ing)|quoted|(?<!\b(?:to|can|could|would|will|'d)\s+)pay(?:ing)?|paid|sell\w*|sold|salar(?:y|ies)|approv(?:e|al|ing)|purchases?|orders?|deals?|contracts?|projects?|tickets?|invoices?|loans?|mortgages?|minimum|threshold|(?<!\b(?:budget|spending)\s)limit|anything\s+(?:over|above|more\s+than|beyond|north\s+of)|(?:spend(?:ing)?|purchases?|invoices?)\s+(?:over|above|beyond|exceeding|of\s+more\s+than|in\s+excess\s+of))\b(?:\s+\S+){0,4}\s*$/i;
const NOT_BUDGET_AFTER =
  /^[^,;:]{0,30}?\b(?:in\s+(?:annual\s+)?(?:revenue|sales|turnover|funding|arr|gmv)|revenue|turnover|arr|mrr|gmv|valuation|round|(?:are|is)\s+(?:mine|my\s+call|up\s+to\s+me)|to\s+approve|approval|sign[-\s]?off|minimum|threshold|limit|(?:for|on|with)\s+(?:our|the|my)\s+(?:current|existing|old|present)|(?:by|from)\s+(?:another|a|the\s+other)\s+(?:vendor|provider|supplier|competitor))\b/i;

/** "project budget", "purchase allowance": the noun right after names the money as a budget. */
const BUDGET_NOUN = /^\S+\s+(?:budget\w*|allowance|allocation|spend)\b/i;

/** Words that withdraw the amount after them ("scratch the $800", "not $800"). */
const WITHDRAWN =
  /\b(?:not|scratch(?:\s+that)?|instead\s+of|rather\s+than|no\s+longer|used\s+to\s+be|forget|ignore|drop|(?:don't|do\s+not|doesn't|can't|cannot|won't)\s+(?:have|do|afford|spend|go\s+(?:up\s+)?to|pay))\s+(?:the\s+|about\s+|around\s+|like\s+)?$/i;

const NO_BUDGET = [
  /\b(?:no|zero)\s+(?:real\s+|set\s+|dedicated\s+|actual\s+|allocated\s+|formal\s+|approved\s+|signed[-\s]off\s+|agreed\s+|confirmed\s+|official\s+|committed\s+)?budget\b(?!\s+(?:limits?|caps?|constraints?|ceiling|restrictions?|concerns?|issues?|problems?))/i,
  /\bno\s+(?:money|funds|funding)\s+(?:\w+\s+){0,2}?(?:set\s+aside|put\s+aside|allocated|earmarked|available|for\b|yet\b|right\s+now|at\s+the\s+moment)/i,
  /\bnothing\s+(?:is\s+|has\s+been\s+|'s\s+)?(?:budgeted|allocated|set\s+aside|earmarked)/i,
  /\b(?:don't|do\s+not|dont|haven't|have\s+not|havent)\s+(?:have\s+|got\s+)?anything\s+(?:budgeted|allocated|set\s+aside|earmarked)\b/i,
  /\b(?:haven't|have\s+not|havent|hasn't|has\s+not|didn't|did\s+not)\s+(?:yet\s+)?(?:set|agreed|allocated|defined|approved|fixed)\s+(?:a|any|the)\s+budget\b/i,
  /\b(?:budget|money|funds|funding)\s*(?:isn't|hasn't|is\s+not|has\s+not|'s\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?(?:approved|signed\s+off)\b/i,
  /\b(?:don't|do\s+not|doesn't|does\s+not|haven't|have\s+not|hasn't|dont|havent)\s+(?:have|got)\s+(?:a|any)\s+(?:budget|money|funds)\b/i,
  /\b(?:not|un)\s?budgeted\b|\bbudget\s+(?:is\s+|of\s+|:\s*)?(?:zero|nil|none|non-?existent|\$?0)\b/i,
  /\b(?:have|has|got)\s+(?:basically|literally|really|pretty\s+much|practically|virtually|almost)?\s*(?:no|zero)\s+(?:money|budget|funds|funding|cash)\b/i,
];

/**
 * "Nothing approved", "it's not approved yet" answering the budget question: no money until it
 * is (only when no amount is said). Elsewhere "it" may be the purchase, not the money.
 */
const NOT_APPROVED_ANSWER =
  /\bnothing\s+(?:is\s+|has\s+been\s+|'s\s+)?(?:approved|signed\s+off)\b|\b(?:it|this|that|anything)\s*(?:isn't|hasn't|is\s+not|has\s+not|'s\s+not)\s+(?:yet\s+)?(?:been\s+)?(?:yet\s+)?(?:approved|signed\s+off)\b|^\W*(?:(?:still|but|so\s+far)\s+)*not\s+(?:yet\s+)?(?:approved|signed\s+off)(?:\s+yet)?\b/i;

/** "Zero haha, I'm a student", "Nothing, we're tiny": none, then why (no amount, no money word after). */
const NONE_THEN_WHY =
  /^\W*(?:zero|nothing|none|nada|zilch|zip|nil)\b(?!\s+of\b)(?![^.!?]*\b(?:but|budget|money|could|can|would|have|maybe)\b)[^\d$€£₹]*$/i;

/** A one-word "no budget" answering the budget question ("none lol", "zero", "nada", "no"). */
const NONE_ANSWER =
  /^\W*(?:(?:honestly|well|um|uh|erm|hmm|sadly|unfortunately|currently|basically|literally|so|ha|haha|lol)\W+)*(?:none|nothing|zero|zilch|zip|nada|nil|nope|no|0|[$€£₹]\s?0|not\s+a\s+(?:penny|cent|dime|thing))(?:\W+(?:lol|lmao|haha|ha|sadly|unfortunately|honestly|really|tbh|atm|yet|so\s+far|for\s+now|right\s+now|at\s+the\s+moment|currently|at\s+all|whatsoever|i'?m\s+afraid|sorry|not\s+yet|at\s+this\s+point|to\s+be\s+honest|not\s+buying|(?:i'?m|we'?re)\s+not\s+buying|just\s+(?:curious|looking|browsing)))*\W*$/i;

const DECLINED =
  /\b(?:no\s+idea|not\s+sure|unsure|(?:don't|do\s+not|dont)\s+know|dunno|no\s+clue|depends\s+on|it\s+depends|couldn't\s+(?:tell|say)|can't\s+(?:say|tell|share)|cannot\s+(?:say|tell|share)|above\s+my\s+pay\s*grade|tb[dc]|to\s+be\s+(?:determined|decided|confirmed)|haven't\s+(?:decided|settled|worked)|not\s+(?:yet\s+)?(?:decided|set|defined|determined|finali[sz]ed|confirmed|known)|undecided|(?:rather|prefer)\s+not|not\s+at\s+liberty|confidential|need\s+to\s+see\s+(?:the\s+)?pric\w*|(?:still\s+)?(?:working|figuring)\s+(?:it|that)\s+out|not\s+(?:really\s+)?my\s+call)\b/i;

/**
 * Amounts their customers or deals are worth, not what the visitor will spend: "buyers looking
 * above AED 2M", "deals over $50k", "customers spending $1k", "properties worth $3M", "clients
 * with $2M in assets". A noun for customers or what they buy, then a comparison or valuation.
 */
const CUSTOMER_AMOUNT_BEFORE =
  /\b(?:buyers?|customers?|clients?|consumers?|shoppers?|leads?|prospects?|investors?|tenants?|landlords?|sellers?|homeowners?|households?|families|patients?|members?|visitors?|enquir(?:y|ies)|inquir(?:y|ies)|applicants?|accounts?|companies|businesses|propert(?:y|ies)|homes?|houses?|apartments?|flats?|units?|listings?|deals?|projects?|orders?|jobs?|carts?|baskets?|transactions?|polic(?:y|ies)|loans?|mortgages?|portfolios?|contracts?|tickets?|bookings?|quotes?|bids?|tenders?|opportunit(?:y|ies))\b(?:(?:\s+\S+){0,4}?\s+(?:above|over|below|under|exceeding|beyond|(?:more|less|greater|bigger|larger)\s+than|north\s+of|south\s+of|upwards\s+of|in\s+excess\s+of|worth|valued\s+at|priced\s+(?:at|from)|starting\s+(?:at|from))|\s+(?:(?:who|that)\s+)?(?:spend(?:s|ing)?|with|hav(?:e|ing)|hold(?:s|ing)?))\s*(?:(?:about|around|roughly|over|above|at\s+least|more\s+than|upwards\s+of|north\s+of)\s+)?$/i;
/** "$2M+ properties", "$50k deals", "$2M in assets": the amount sizes something of theirs. */
const CUSTOMER_AMOUNT_AFTER =
  /^\s*\+?\s*(?:(?:plus|and\s+(?:up|above|over))\s+)?(?:(?:deals?|propert(?:y|ies)|homes?|houses?|apartments?|listings?|orders?|contracts?|clients?|customers?|accounts?|jobs?|transactions?|polic(?:y|ies)|loans?|mortgages?|portfolios?|tickets?|carts?|baskets?)\b(?!\s+(?:budget|allowance|spend))|in\s+(?:assets|aum|investable\s+assets|net\s+worth|property|deal\s+value|order\s+value|sales\s+volume))/i;

/**
 * A price per user, seat, licence or agent ("30 CAD per user per month", "$15 a seat"): the
 * total is unknown, so it is no amount, and no refusal either.
 */
const PER_UNIT_AFTER =
  /^\s*(?:(?:a|an|per|each|every|\/)\s*(?:month|mo|mth|year|yr|annum)\b\s*,?\s*)?(?:(?:a|an|per|each|every|\/)\s*(?:[\p{L}-]+\s+)?(?:users?|seats?|licen[cs]es?|agents?|heads?|persons?|people|employees?|staff\s+members?|team\s+members?|members?|logins?|accounts?|operators?|reps?|editors?|admins?|mailbox(?:es)?|inbox(?:es)?|locations?|sites?|branch(?:es)?|stores?|desks?|chats?|conversations?|leads?|contacts?|resolutions?)\b|each(?=\s*(?:[,.;!?)]|$)))/iu;

/** Words that replace the amount before ("Actually no, make that $12k"): the new amount keeps the old one's period. */
const CORRECTION =
  /\b(?:actually|make\s+(?:that|it)|scratch\s+that|sorry|i\s+meant?|(?:or\s+)?rather|no\s+wait|correction|on\s+second\s+thoughts?|change\s+that\s+to|let'?s\s+say)\b/i;

/**
 * Words that make the amount after them a stretch above one already said ("around $300 a month,
 * maybe $400 if it really works", "20 grand, perhaps 25", "10k, could stretch to 15k"): like a
 * range, the budget is the amount stated first.
 */
const STRETCH =
  /\b(?:maybe|perhaps|possibly|potentially|or\s+(?:even|so|up\s+to)|up\s+to|at\s+(?:a\s+)?push|at\s+(?:the\s+)?most|max(?:imum)?|(?:could|can|might|would)\s+(?:maybe\s+|possibly\s+)?(?:stretch|go|push|extend)(?:\s+up)?(?:\s+to)?|stretch(?:ing)?\s+to|worst\s+case)\s*(?:to\s+|around\s+|about\s+)?$/i;

/**
 * The budget rule: amount, currency, period and status of what the visitor can spend.
 * Outside an answer to the budget question, money counts only in a sentence that talks about
 * a budget (or with a billing period right after it), and never revenue, prices, approval
 * limits or what their customers and deals are worth. The last amount stated wins ("scratch
 * the $800, make that $2,000 a month"), except a stretch above the first ("$300, maybe $400"),
 * which only lends it a period or currency it lacked; a correction with no period or currency of its own
 * keeps those of the amount it replaces. A price per seat or user leaves the budget empty.
 *
 * @example budgetRule('We can go up to 60k CAD per year.', ctx)
 *   // budget.amount 60000, budget.currency CAD, budget.period yearly, budget.status stated
 */
export function budgetRule(text: string, ctx: RuleContext): RuleResult {
  const answering = ctx.expecting === 'budget';
  let found: Found | null = null;
  let perUnit = false;
  for (const sentence of splitSentences(text)) {
    const mentions = findMoney(sentence);
    for (const [i, mention] of mentions.entries()) {
      const before = sentence.slice(mentions[i - 1]?.end ?? 0, mention.start);
      const after = sentence.slice(mention.end, mentions[i + 1]?.start ?? sentence.length);
      if (!counts(sentence, mention, before, after, answering)) continue;
      if (PER_UNIT_AFTER.test(after)) {
        perUnit = true;
        continue;
      }
      const kept = stretchedFrom(found, mention, before, after);
      if (kept !== null) {
        found = kept;
        continue;
      }
      // A correction ("make that $12k") replaces the amount but keeps what it did not restate.
      const replaced = correctedBy(found, before);
      const period: BudgetPeriod | null = periodOf(before, after) ?? replaced?.period ?? null;
      // A code said in the sentence ("200 bucks a month CAD") names a generic dollar precisely.
      const code = answering ? codeInSentence(sentence) : null;
      const generic =
        mention.currency === null ||
        (mention.currency === 'USD' && !/US\s?\$|\busd\b/i.test(mention.text));
      const currency: string | null =
        (generic ? code : null) ??
        localDollar(sentence, mention, ctx.defaultCurrency) ??
        mention.currency ??
        replaced?.currency ??
        null;
      found = { amount: mention.amount, currency, period, sentence };
    }
  }
  if (found) {
    const { amount, currency, sentence } = found;
    // Answering the budget question, a period may come on its own ("20 grand. Canadian, per year.").
    const period =
      found.period ??
      (answering ? periodOf('', text.slice(text.indexOf(sentence) + sentence.length)) : null);
    return {
      candidates: [
        candidate('budget.amount', amount, sentence),
        candidate('budget.currency', currency ?? ctx.defaultCurrency, sentence),
        period ? candidate('budget.period', period, sentence) : null,
        candidate('budget.status', 'stated', sentence),
      ].filter((c): c is Candidate => c !== null),
    };
  }
  // "$15 per seat" says nothing of the total, so it is neither "no budget" nor a refusal.
  if (perUnit) return { candidates: [] };
  const none =
    answering && (NONE_ANSWER.test(text) || NONE_THEN_WHY.test(text))
      ? text
      : splitSentences(text).find(
          (s) => NO_BUDGET.some((re) => re.test(s)) || (answering && NOT_APPROVED_ANSWER.test(s)),
        );
  if (none)
    return {
      candidates: [candidate('budget.status', 'none', none)].filter(
        (c): c is Candidate => c !== null,
      ),
    };
  if (answering && DECLINED.test(text)) return { candidates: [], declined: true };
  return { candidates: [] };
}

/** The first amount, lent what it lacked, when `mention` is only a stretch above it ("$300, maybe $400"); else null. */
function stretchedFrom(
  first: Found | null,
  mention: MoneyMention,
  before: string,
  after: string,
): Found | null {
  // "maybe 150 a month? 200?": a second amount asked on its own is an alternative, like a stretch.
  const alternative =
    (/^\W*$/.test(before) && /^\s*\?/.test(after)) || /^\s*(?:,|\/)\s*$/.test(before);
  if (
    first === null ||
    (!STRETCH.test(before.slice(-40)) && !alternative) ||
    CORRECTION.test(before)
  )
    return null;
  return {
    ...first,
    period: first.period ?? periodOf(before, after),
    currency: first.currency ?? mention.currency,
  };
}

/** "Like 200 bucks a month CAD, tops": answering the budget question, a currency code said anywhere in the sentence. */
function codeInSentence(sentence: string): string | null {
  return /\b(USD|CAD|AUD|EUR|GBP|INR|NZD|SGD)\b/.exec(sentence)?.[1] ?? null;
}

/** Countries whose own currency is written "$": there a bare "$1,500" is the local dollar. */
const LOCAL_DOLLARS = new Set(['AUD', 'CAD', 'NZD', 'SGD', 'HKD']);

/** The visitor's own dollar for a bare "$" ("Reckon $1,500 a month" in Perth is AUD); null otherwise. */
function localDollar(sentence: string, m: MoneyMention, local: string): string | null {
  if (m.currency !== 'USD' || !LOCAL_DOLLARS.has(local)) return null;
  const said = sentence.slice(Math.max(0, m.start - 4), m.end + 14);
  return /(?<![A-Za-z])\$/.test(sentence.slice(m.start, m.end)) &&
    !/US\s?\$|\busd\b|\bus\s+dollars?\b|\bamerican\b/i.test(said)
    ? local
    : null;
}

/** The amount a new one corrects ("Actually no, make that $12k"), or null when it is not a correction. */
function correctedBy(previous: Found | null, before: string): Found | null {
  return previous !== null && CORRECTION.test(before) ? previous : null;
}

/** "budget about 18k a year", "our budget is 500/mo": the word budget right before an amount with no currency. */
const BUDGET_RIGHT_BEFORE =
  /\bbudget(?:\s+(?:is|of|=|:|at|around|about|roughly|approx\.?|approximately|~|maybe|probably|like|say))*\s*$/i;

/** "got maybe 2k for the year", "we have 500 a month": money the visitor has, for a period, with no currency said. */
function haveForPeriod(before: string, after: string): boolean {
  return (
    /\b(?:have|has|got|given|can\s+(?:do|spend|afford))\s+(?:(?:maybe|about|around|roughly|like|probably|up\s+to|only|just)\s+)*$/i.test(
      before,
    ) &&
    /^\s*(?:for\s+(?:the|this|a|next)\s+(?:year|month)|a\s+(?:year|month)|per\s+(?:year|month|annum)|\/\s?(?:mo|month|yr|year)|budgeted|allocated|set\s+aside|earmarked|approved)\b/i.test(
      after,
    )
  );
}

function counts(
  sentence: string,
  m: MoneyMention,
  before: string,
  after: string,
  answering: boolean,
): boolean {
  if (
    m.currency === null &&
    !answering &&
    !BUDGET_RIGHT_BEFORE.test(before.slice(-40)) &&
    !haveForPeriod(before, after)
  )
    return false;
  if (WITHDRAWN.test(before.slice(-40))) return false;
  if (notBudgetBefore(clauseTail(before)) || NOT_BUDGET_AFTER.test(after)) return false;
  if (CUSTOMER_AMOUNT_BEFORE.test(clauseTail(before)) || CUSTOMER_AMOUNT_AFTER.test(after))
    return false;
  if (answering || PERIOD_RIGHT_AFTER.test(after)) return true;
  if (BUDGET_CUE.test(sentence)) return true;
  // "we have about $10k for tooling": having money for something is a budget.
  return /\b(?:have|has|got|given)\b/i.test(sentence.slice(0, m.start)) && /\bfor\b/i.test(after);
}

/**
 * Whether the words before an amount make it revenue, a price or a limit ("projects below"),
 * unless that word only names a kind of budget ("a project budget of").
 */
function notBudgetBefore(tail: string): boolean {
  const m = NOT_BUDGET_BEFORE.exec(tail);
  return m !== null && !BUDGET_NOUN.test(m[0]);
}

/** The last clause of the text before an amount: what is said "next to it". */
function clauseTail(before: string): string {
  const window = before.slice(-45);
  const parts = window.split(/[,;:]|\b(?:and|but|so)\b/i);
  return parts[parts.length - 1] ?? window;
}

/** The billing period said after the amount (before the next one), else the last one said before it. */
function periodOf(before: string, after: string): BudgetPeriod | null {
  let best: { period: BudgetPeriod; index: number } | null = null;
  for (const [period, re] of PERIODS) {
    const hit = [...after.matchAll(re)][0];
    if (hit && (best === null || hit.index < best.index)) best = { period, index: hit.index };
  }
  // "$40,000 in this fiscal year's budget, one time": which year's budget, paid once.
  const once = [...after.matchAll(ONE_TIME)][0];
  if (
    best?.period === 'yearly' &&
    once &&
    /\b(?:this|next|fiscal|financial)\b/i.test(after.slice(best.index, best.index + 30))
  )
    return 'one_time';
  if (best) return best.period;
  let latest: { period: BudgetPeriod; index: number } | null = null;
  for (const [period, re] of PERIODS) {
    const hit = [...before.matchAll(re)].at(-1);
    if (hit && (latest === null || hit.index > latest.index)) latest = { period, index: hit.index };
  }
  return latest?.period ?? null;
}
