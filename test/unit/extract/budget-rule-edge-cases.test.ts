import { describe, expect, it } from 'vitest';
import { budgetRule } from '../../../src/extract/rules/budget-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { fieldsOf, ruleContextAt, TORONTO } from './rule-context-at.js';

// A visitor in Toronto: a bare "$" is the Canadian dollar, "USD" or "US$" the American one.
const ctx = (expecting: Slot | null) => ruleContextAt(TORONTO, expecting);
const fields = (text: string, expecting: Slot | null) => fieldsOf(budgetRule(text, ctx(expecting)));

describe('budgetRule, amounts that size their customers or deals', () => {
  it.each([
    ['We want to route buyers looking above £1.5M to our senior brokers.', 'need'],
    ['We only quote projects over USD 100k.', 'need'],
    ['Customers spending more than $2,000 a month get a dedicated rep.', null],
    ['Clients with €5M in assets go to the private desk.', 'budget'],
    ['Enquiries for homes worth $800k or more should reach the senior team.', null],
    ['Deals over 50k EUR need a partner on the call.', 'budget'],
    ['Our investors put in $3M last year.', null],
  ] as const)('when the visitor says "%s", then no budget is taken', (text, expecting) => {
    expect(budgetRule(text, ctx(expecting))).toEqual({ candidates: [] });
  });

  it.each([
    ['We sell $2M+ properties; our budget is $500 a month.', null, 500, 'CAD', 'monthly'],
    [
      'Orders above 10k AED go to key accounts, and we can spend about 3k AED a month.',
      null,
      3000,
      'AED',
      'monthly',
    ],
    ['For leads we can spend $5k a month.', null, 5000, 'CAD', 'monthly'],
    ['We are ready to invest $20k a year in this.', null, 20000, 'CAD', 'yearly'],
    [
      'Buyers above $1M are our focus, but the budget is around 25k USD a year.',
      'budget',
      25000,
      'USD',
      'yearly',
    ],
  ] as const)(
    'when "%s" also names what they can spend, then only that is the budget (%d %s)',
    (text, expecting, amount, currency, period) => {
      expect(fields(text, expecting)).toEqual({
        'budget.amount': amount,
        'budget.currency': currency,
        'budget.period': period,
        'budget.status': 'stated',
      });
    },
  );
});

describe('budgetRule, a price per seat or user', () => {
  it.each([
    ['Around 25 GBP per user per month.'],
    ['$12 a seat'],
    ["We'd pay 9 euros per agent, monthly."],
    ['about 40 CAD per licence'],
    ['$20 a month per user'],
    ['Not sure, maybe $10 per user?'],
    ["We'd pay $50 per qualified lead."],
  ])(
    'when the budget answer is "%s", then the total stays unknown: no amount, no refusal',
    (text) => {
      expect(budgetRule(text, ctx('budget'))).toEqual({ candidates: [] });
    },
  );

  it('when a per-seat price comes with a total, then the total is the budget', () => {
    expect(fields('$15 per seat, so roughly $3,000 a month in total.', 'budget')).toEqual({
      'budget.amount': 3000,
      'budget.currency': 'CAD',
      'budget.period': 'monthly',
      'budget.status': 'stated',
    });
  });
});

describe('budgetRule, a corrected amount keeps what it does not restate', () => {
  it.each([
    ['About €2,000 a month. Actually, make that €1,500.', 1500, 'EUR', 'monthly'],
    ['Roughly 40k a year, sorry, I mean 45k.', 45000, 'CAD', 'yearly'],
    ["£600 per month. On second thought, let's say £800.", 800, 'GBP', 'monthly'],
    ['USD 10,000 one-off. Make that 12,000.', 12000, 'USD', 'one_time'],
    ['$9k a year. Scratch that, $11k a month.', 11000, 'CAD', 'monthly'],
  ] as const)(
    'when the visitor says "%s", then the budget is %d %s %s',
    (text, amount, currency, period) => {
      expect(fields(text, 'budget')).toEqual({
        'budget.amount': amount,
        'budget.currency': currency,
        'budget.period': period,
        'budget.status': 'stated',
      });
    },
  );

  it("when a second amount is not a correction, then it does not borrow the first one's period", () => {
    expect(
      fields('$500 a month for the licences. We also have $3,000 for setup.', 'budget'),
    ).toEqual({
      'budget.amount': 3000,
      'budget.currency': 'CAD',
      'budget.status': 'stated',
    });
  });
});

describe('budgetRule, no approved budget', () => {
  it.each([
    ['No approved budget yet.', 'budget'],
    ['Nothing approved so far.', 'budget'],
    ["It's not approved yet.", 'budget'],
    ["The budget hasn't been approved.", null],
    ['We have no signed-off budget for this. Zero right now.', 'budget'],
  ] as const)('when the visitor says "%s", then the budget status is none', (text, expecting) => {
    expect(fields(text, expecting)).toEqual({ 'budget.status': 'none' });
  });

  it.each([
    ["It's not approved yet.", 'authority', {}],
    [
      "Not approved yet, but we're thinking $10k a year.",
      'budget',
      {
        'budget.amount': 10000,
        'budget.currency': 'CAD',
        'budget.period': 'yearly',
        'budget.status': 'stated',
      },
    ],
    [
      'Our approved budget is $8k.',
      'budget',
      { 'budget.amount': 8000, 'budget.currency': 'CAD', 'budget.status': 'stated' },
    ],
  ] as const)(
    'when "%s" (answering %s) states an amount or is about something else, then it is not "no budget"',
    (text, expecting, expected) => {
      expect(fields(text, expecting)).toEqual(expected);
    },
  );
});
