import type { Candidate, FieldPath } from './field-paths.js';

/**
 * A statement that there is none makes the details said before it stale: the amount, currency
 * and period of a budget the visitor now says they do not have, the date of a timeline they
 * now say they do not have. Listed per field and value, so the rule reads as the product's.
 */
const NONE_RETRACTS: readonly {
  path: FieldPath;
  value: string;
  retracts: readonly FieldPath[];
  unless: FieldPath;
}[] = [
  {
    path: 'budget.status',
    value: 'none',
    retracts: ['budget.amount', 'budget.currency', 'budget.period'],
    unless: 'budget.amount',
  },
  {
    path: 'timeline.bucket',
    value: 'none',
    retracts: ['timeline.targetDate'],
    unless: 'timeline.targetDate',
  },
];

/**
 * The fields one message's statements withdraw: a later statement overrides an earlier one,
 * so "no budget for this" after "$30k a year" leaves no amount in the record (and "we do have
 * $50k" after "no budget" states the budget again, through its own candidates). A message that
 * says both at once ("no budget yet, maybe $5k") keeps what it states.
 *
 * @example retractedBy([candidate('budget.status', 'none', 'no budget for this')])
 *   // ['budget.amount', 'budget.currency', 'budget.period']
 */
export function retractedBy(candidates: readonly Candidate[]): FieldPath[] {
  const said = new Set(candidates.map((c) => c.path));
  return NONE_RETRACTS.filter(
    (r) => !said.has(r.unless) && candidates.some((c) => c.path === r.path && c.value === r.value),
  ).flatMap((r) => r.retracts.filter((p) => !said.has(p)));
}
