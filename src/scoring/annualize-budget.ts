import type { Config } from '../config/config-schema.js';
import { getField, type Lead } from '../lead/lead-record.js';

const PER_YEAR = { monthly: 12, yearly: 1, one_time: 1 } as const;

/**
 * The budget per year in the base currency, or null when no amount is known. An unstated
 * period counts as the amount given (a yearly or one-off figure is the common case); an
 * unknown currency counts at rate 1 rather than being dropped, so a rep still sees a score.
 */
export function annualizedBudget(lead: Lead, currency: Config['currency']): number | null {
  const amount = getField(lead, 'budget.amount');
  if (amount === undefined) return null;
  const code = getField(lead, 'budget.currency') ?? currency.base;
  const period = getField(lead, 'budget.period');
  const rate = currency.rates[code] ?? 1;
  return amount * rate * (period ? PER_YEAR[period] : 1);
}
