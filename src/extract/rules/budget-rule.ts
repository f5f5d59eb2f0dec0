import { candidate, type BudgetPeriod, type Candidate } from '../../lead/field-paths.js';
import { periodOf } from './budget-period.js';
import { PERIOD_RIGHT_AFTER } from './budget-period-phrases.js';
import {
  BUDGET_CUE,
  BUDGET_NOUN,
  BUDGET_RIGHT_BEFORE,
  CORRECTION,
  FOR_PERIOD_AFTER,
  HAVE_AFTER_ALL,
  HAVE_BEFORE,
  STRETCH,
  WITHDRAWN,
} from './budget-phrases.js';
import { findMoney, type MoneyMention } from './money.js';
import {
  DECLINED,
  NO_BUDGET,
  NONE_ANSWER,
  NONE_THEN_WHY,
  NOT_APPROVED_ANSWER,
} from './no-budget-phrases.js';
import {
  CUSTOMER_AMOUNT_AFTER,
  CUSTOMER_AMOUNT_BEFORE,
  NOT_BUDGET_AFTER,
  NOT_BUDGET_BEFORE,
  PER_UNIT_AFTER,
} from './not-budget-phrases.js';
import type { RuleContext, RuleResult } from './rule-context.js';
import { splitSentences } from './sentences.js';

type Found = {
  amount: number;
  currency: string | null;
  period: BudgetPeriod | null;
  sentence: string;
};

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
          (s) => NO_BUDGET.test(s) || (answering && NOT_APPROVED_ANSWER.test(s)),
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

/** "got maybe 2k for the year", "we have 500 a month": money the visitor has, for a period, with no currency said. */
function haveForPeriod(before: string, after: string): boolean {
  return HAVE_BEFORE.test(before) && FOR_PERIOD_AFTER.test(after);
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
  if (answering || PERIOD_RIGHT_AFTER.test(after) || HAVE_AFTER_ALL.test(before.slice(-40)))
    return true;
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
