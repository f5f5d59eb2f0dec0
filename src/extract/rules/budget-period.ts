import type { BudgetPeriod } from '../../lead/field-paths.js';
import { MONTHLY, ONE_TIME, YEARLY } from './budget-period-phrases.js';

const PERIODS: readonly (readonly [BudgetPeriod, RegExp])[] = [
  ['monthly', MONTHLY.pattern],
  ['yearly', YEARLY.pattern],
  ['one_time', ONE_TIME.pattern],
];

/**
 * The billing period said after the amount (before the next one), else the last one said before it.
 *
 * @example periodOf('', ' a month, tops') // 'monthly'
 */
export function periodOf(before: string, after: string): BudgetPeriod | null {
  let best: { period: BudgetPeriod; index: number } | null = null;
  for (const [period, re] of PERIODS) {
    const hit = [...after.matchAll(re)][0];
    if (hit && (best === null || hit.index < best.index)) best = { period, index: hit.index };
  }
  // "$40,000 in this fiscal year's budget, one time": which year's budget, paid once.
  const once = [...after.matchAll(ONE_TIME.pattern)][0];
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
