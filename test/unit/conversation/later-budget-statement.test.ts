import { describe, expect, it } from 'vitest';
import { budgetRule } from '../../../src/extract/rules/budget-rule.js';
import { leadValues } from '../../../src/lead/lead-record.js';
import { VisitorSchema } from '../../../src/lead/visitor.js';
import { createTestDeps } from '../../helpers/test-deps.js';
import { fieldsOf, NEW_YORK, ruleContextAt } from '../extract/rule-context-at.js';

const VISITOR = VisitorSchema.parse({ timezone: 'America/New_York', locale: 'en-US' });

/** The budget in the record after the visitor has said each message, in order (rules mode). */
async function budgetAfter(...said: string[]): Promise<Record<string, unknown>> {
  const deps = createTestDeps();
  const { conversationId } = await deps.chatService.hello({ visitor: VISITOR });
  for (const text of said)
    await (
      await deps.chatService.receive(conversationId, { clientId: text, text }, () => {})
    ).reply;
  const conv = await deps.store.getConversation(conversationId);
  if (!conv) throw new Error('no conversation');
  return leadValues(conv.lead).budget ?? {};
}

const NO_BUDGET = { amount: null, currency: null, period: null, status: 'none' };

describe('a later statement about the budget overrides an earlier one, both ways', () => {
  it.each<[string, string, Record<string, unknown>]>([
    ['Our budget is $30k a year.', 'no budget for this', NO_BUDGET],
    [
      'We have $40k a year for this.',
      'sorry, scratch that, there is no budget for this',
      NO_BUDGET,
    ],
    ['We can spend about €2,000 a month.', "turns out we don't have a budget for this", NO_BUDGET],
    [
      'no budget for this',
      'we do have $50k',
      { amount: 50000, currency: 'USD', period: null, status: 'stated' },
    ],
    [
      "We haven't set a budget",
      'actually we do have $50k a year for this',
      { amount: 50000, currency: 'USD', period: 'yearly', status: 'stated' },
    ],
    [
      'There is no money set aside',
      'good news, we found $20k for it',
      { amount: 20000, currency: 'USD', period: null, status: 'stated' },
    ],
    [
      'Our budget is $30k a year.',
      'make that $45k a year',
      { amount: 45000, currency: 'USD', period: 'yearly', status: 'stated' },
    ],
  ])(
    'when the visitor says "%s" and then "%s", then the budget reads %o',
    async (first, later, expected) => {
      expect(await budgetAfter(first, later)).toEqual(expected);
    },
  );

  it('when "no budget" comes first and nothing later, then the record says none', async () => {
    expect(await budgetAfter('no budget for this')).toEqual(NO_BUDGET);
  });
});

describe('an emphatic "we do have" is money the visitor has, not revenue', () => {
  const read = (text: string) => fieldsOf(budgetRule(text, ruleContextAt(NEW_YORK, null)));

  it.each([
    ['we do have $50k', 50000],
    ['We do have about $8,000 for tooling', 8000],
    ['we actually have $12k', 12000],
  ])('when the visitor says "%s", then the budget is %d', (text, amount) => {
    expect(read(text)['budget.amount']).toBe(amount);
  });

  it.each(['we do $2M a year', 'we did $5M in sales last year', 'we can do revenue of $3M'])(
    'when the visitor says "%s", then it is not a budget',
    (text) => {
      expect(read(text)['budget.amount']).toBeUndefined();
    },
  );
});
