import { describe, expect, it } from 'vitest';
import { budgetRule } from '../../../src/extract/rules/budget-rule.js';
import type { Slot } from '../../../src/lead/slots.js';
import { fieldsOf, NEW_YORK, ruleContextAt } from './rule-context-at.js';

const ctx = (expecting: Slot | null, currency = 'USD') =>
  ruleContextAt({ ...NEW_YORK, currency }, expecting);

const fields = (text: string, expecting: Slot | null, currency?: string) =>
  fieldsOf(budgetRule(text, ctx(expecting, currency)));

type Case = {
  text: string;
  amount: number;
  currency: string;
  period?: 'monthly' | 'yearly' | 'one_time';
};

describe('budgetRule, answering the budget question', () => {
  const cases: Case[] = [
    { text: 'Roughly 250 euros per month.', amount: 250, currency: 'EUR', period: 'monthly' },
    { text: 'Around $12,000 per year.', amount: 12000, currency: 'USD', period: 'yearly' },
    { text: '$149 a month', amount: 149, currency: 'USD', period: 'monthly' },
    {
      text: 'About £3,200 a year; we are a small charity.',
      amount: 3200,
      currency: 'GBP',
      period: 'yearly',
    },
    {
      text: 'There is a $7,500 annual grant we can use.',
      amount: 7500,
      currency: 'USD',
      period: 'yearly',
    },
    {
      text: 'Our board gave us £12k to £18k a year.',
      amount: 12000,
      currency: 'GBP',
      period: 'yearly',
    },
    {
      text: 'A one-off budget of $30,000 CAD for the rollout.',
      amount: 30000,
      currency: 'CAD',
      period: 'one_time',
    },
    { text: 'Maybe 4.000 euros a month.', amount: 4000, currency: 'EUR', period: 'monthly' },
    {
      text: 'Finance signed off CAD 22,000 for the first year.',
      amount: 22000,
      currency: 'CAD',
      period: 'yearly',
    },
    { text: 'Roughly ₹12 lakh per annum.', amount: 1_200_000, currency: 'INR', period: 'yearly' },
    { text: 'about 2k eur per month', amount: 2000, currency: 'EUR', period: 'monthly' },
    { text: 'Something in the $25k-$40k range.', amount: 25000, currency: 'USD' },
    {
      text: 'We could stretch to 75k CAD a year.',
      amount: 75000,
      currency: 'CAD',
      period: 'yearly',
    },
    // A stretch above the first amount is not the budget; it may lend the period.
    {
      text: 'Probably around $300 a month, maybe $400 if it really works.',
      amount: 300,
      currency: 'USD',
      period: 'monthly',
    },
    {
      text: 'Around 20 grand, maybe 25, for the year.',
      amount: 20000,
      currency: 'USD',
      period: 'yearly',
    },
    {
      text: '£400 a month, perhaps £500 if it includes reminders.',
      amount: 400,
      currency: 'GBP',
      period: 'monthly',
    },
    {
      text: '10k a year, could stretch to 15k at a push.',
      amount: 10000,
      currency: 'USD',
      period: 'yearly',
    },
    // The period on its own, after the amount.
    {
      text: 'Probably around 20 grand, maybe 25. Canadian, per year.',
      amount: 20000,
      currency: 'USD',
      period: 'yearly',
    },
    {
      text: 'No more than 15,000 rupees per month.',
      amount: 15000,
      currency: 'INR',
      period: 'monthly',
    },
    {
      text: 'We have $40,000 earmarked for the fiscal year.',
      amount: 40000,
      currency: 'USD',
      period: 'yearly',
    },
    {
      text: 'Likely AUD 2,000 a month, give or take.',
      amount: 2000,
      currency: 'AUD',
      period: 'monthly',
    },
    { text: '$300/month max', amount: 300, currency: 'USD', period: 'monthly' },
    { text: 'forty thousand dollars a year', amount: 40000, currency: 'USD', period: 'yearly' },
    {
      text: 'two and a half thousand quid upfront',
      amount: 2500,
      currency: 'GBP',
      period: 'one_time',
    },
    { text: 'a couple hundred bucks a month', amount: 200, currency: 'USD', period: 'monthly' },
    { text: 'US$ 8,500 p.a.', amount: 8500, currency: 'USD', period: 'yearly' },
    { text: 'EUR 15.000 per year', amount: 15000, currency: 'EUR', period: 'yearly' },
    { text: '1.200,50 € monthly', amount: 1200.5, currency: 'EUR', period: 'monthly' },
    { text: '$1,200.50 per month', amount: 1200.5, currency: 'USD', period: 'monthly' },
    { text: 'between 10 and 20k a year', amount: 10000, currency: 'USD', period: 'yearly' },
    { text: '10-15k per year', amount: 10000, currency: 'USD', period: 'yearly' },
    { text: 'Under $5k total.', amount: 5000, currency: 'USD', period: 'one_time' },
    { text: 'At most $900 up front.', amount: 900, currency: 'USD', period: 'one_time' },
    { text: 'Rs 3 crore for the year', amount: 30_000_000, currency: 'INR', period: 'yearly' },
    { text: '50 grand a year', amount: 50000, currency: 'USD', period: 'yearly' },
    { text: 'CHF 900 monthly', amount: 900, currency: 'CHF', period: 'monthly' },
    { text: 'approx 2.5M JPY per year', amount: 2_500_000, currency: 'JPY', period: 'yearly' },
    { text: '500 Australian dollars each month', amount: 500, currency: 'AUD', period: 'monthly' },
    { text: 'Up to 60k USD.', amount: 60000, currency: 'USD' },
    { text: 'circa £700 pm', amount: 700, currency: 'GBP', period: 'monthly' },
    { text: '~$450/mo', amount: 450, currency: 'USD', period: 'monthly' },
    { text: 'Around 9k a year, give or take.', amount: 9000, currency: 'USD', period: 'yearly' },
    { text: 'Not sure, maybe $5k a year?', amount: 5000, currency: 'USD', period: 'yearly' },
  ];

  it.each(cases)(
    'when the visitor says $text, then the budget is $amount $currency',
    ({ text, amount, currency, period }) => {
      const expected: Record<string, unknown> = {
        'budget.amount': amount,
        'budget.currency': currency,
        'budget.status': 'stated',
      };
      if (period) expected['budget.period'] = period;
      expect(fields(text, 'budget')).toEqual(expected);
    },
  );

  it('when a bare amount answers the question, then it is in the default currency with no invented period', () => {
    expect(fields('around 40k', 'budget', 'EUR')).toEqual({
      'budget.amount': 40000,
      'budget.currency': 'EUR',
      'budget.status': 'stated',
    });
  });

  it.each([
    ['Maybe $900 a month. Actually, make that $1,500 a month.', 1500],
    ['Scratch the $800, make that $2,000 a month.', 2000],
    ['$2,000 a month, not $800.', 2000],
  ])(
    'when the visitor corrects the amount ("%s"), then only the last one counts',
    (text, amount) => {
      const result = budgetRule(text, ctx('budget'));
      expect(result.candidates.filter((c) => c.path === 'budget.amount')).toEqual([
        expect.objectContaining({ value: amount }),
      ]);
    },
  );

  it('when an amount is found, then the evidence is the sentence it came from', () => {
    const amount = budgetRule(
      'We are a small team. We can do £400 a month.',
      ctx('budget'),
    ).candidates.find((c) => c.path === 'budget.amount');
    expect(amount?.evidence).toBe('We can do £400 a month.');
  });
});

describe('budgetRule, in messages that do not answer the budget question', () => {
  it.each([
    ['I can do about $120 a month and want it this week.', 120, 'USD', 'monthly'],
    ['We have a budget of £900 per month and want to be live by June.', 900, 'GBP', 'monthly'],
    ['Budget is around €2.500 per month.', 2500, 'EUR', 'monthly'],
    ['We have about $8k a year for sales tooling.', 8000, 'USD', 'yearly'],
    [
      'We run a shop doing about $3M a year. I can spend around $300 a month.',
      300,
      'USD',
      'monthly',
    ],
    ['We have roughly £35k a year set aside.', 35000, 'GBP', 'yearly'],
  ])(
    'when the visitor volunteers "%s", then the budget is %d %s %s',
    (text, amount, currency, period) => {
      expect(fields(text, null)).toEqual({
        'budget.amount': amount,
        'budget.currency': currency,
        'budget.period': period,
        'budget.status': 'stated',
      });
    },
  );

  it.each([
    ['We do about $4M a year in revenue.'],
    ['We are at $2M ARR.'],
    ['Our turnover of £3m keeps growing.'],
    ['Purchases under $50k are mine to approve.'],
    ['Projects below our £10k minimum go to partners.'],
    ['Our kits sell for $40 each.'],
    ['Anything over $25k needs board approval.'],
    ['It costs us $500 a month with the current vendor.'],
    ['around 40k'],
    ['We raised $5M last spring.'],
    ['We pay $300 a month for our current tool.'],
    ['We were quoted $800 a month by another vendor.'],
    ['Our project is worth $2M.'],
    ['Contracts over $50k need a second signature.'],
    ['Projects with budgets over $50k go to the board.'],
  ])('when the money is not a budget ("%s"), then nothing is taken', (text) => {
    expect(budgetRule(text, ctx(null))).toEqual({ candidates: [] });
  });
});

describe('budgetRule, no budget and refusals', () => {
  it.each([
    ['lol no budget, I am a student', 'budget'],
    ['There is no money set aside for this right now.', 'budget'],
    ['Honestly, nothing is budgeted for this yet.', 'budget'],
    ['No budget allocated at the moment.', null],
    ["We don't have a budget for this.", 'budget'],
    ['Zero budget, sadly.', 'budget'],
    ['Nothing allocated yet.', 'budget'],
    ['To be upfront, we have no budget for it this year.', null],
  ] as const)('when the visitor says "%s", then the budget status is none', (text, expecting) => {
    expect(fields(text, expecting)).toEqual({ 'budget.status': 'none' });
  });

  it('when the visitor has no budget limit, then that is not "no budget"', () => {
    expect(
      budgetRule('No budget constraints, we just want the best tool.', ctx('budget')).candidates,
    ).toEqual([]);
  });

  it.each([
    ['No idea, I would need to see pricing.'],
    ['Not sure yet.'],
    ['It depends on pricing.'],
    ["I don't know the figure, finance handles that."],
    ["Couldn't tell you."],
    ["That's above my pay grade."],
    ['TBD'],
    ["Haven't decided."],
    ['I would need to see pricing first.'],
    ["It's not really my call."],
    ["I'd rather not share that."],
  ])(
    'when the visitor cannot or will not say ("%s"), then the question is declined with no candidates',
    (text) => {
      expect(budgetRule(text, ctx('budget'))).toEqual({ candidates: [], declined: true });
    },
  );

  it('when "no idea" does not answer the budget question, then nothing is declined', () => {
    expect(budgetRule('No idea, I would need to see pricing.', ctx('timeline'))).toEqual({
      candidates: [],
    });
  });

  it.each([['We have about 40 people.'], ['Within 2 months.'], ['Acme Example Ltd.']])(
    'when the answer holds no money ("%s"), then nothing is taken',
    (text) => {
      expect(budgetRule(text, ctx('budget')).candidates).toEqual([]);
    },
  );
});

describe('budgetRule, a budget named after a project or purchase', () => {
  it.each([
    ['Our project budget is GBP 12,000 one-time for the migration.', null, 12000, 'GBP'],
    ['There is a purchase budget of €8.500 one-off.', null, 8500, 'EUR'],
    ['We have a contract budget of USD 40,000 one-time.', null, 40000, 'USD'],
    ['The project budget is 20k one-off for setup.', 'budget', 20000, 'USD'],
  ] as const)(
    'when the visitor says "%s", then the budget is %d %s one-time',
    (text, expecting, amount, currency) => {
      expect(fields(text, expecting)).toEqual({
        'budget.amount': amount,
        'budget.currency': currency,
        'budget.period': 'one_time',
        'budget.status': 'stated',
      });
    },
  );
});

describe('budgetRule, a one-word "no budget" answer', () => {
  it.each([
    ['Nothing, sadly.'],
    ['zero lol'],
    ['Nada.'],
    ['nil'],
    ['Nope.'],
    ['no'],
    ['$0'],
    ['None at the moment.'],
    ['Not a penny.'],
    ['No, not yet.'],
  ])('when "%s" answers the budget question, then the budget status is none', (text) => {
    expect(fields(text, 'budget')).toEqual({ 'budget.status': 'none' });
  });

  it.each([
    ['No idea.', { candidates: [], declined: true }],
    ["No, I'd rather not say.", { candidates: [], declined: true }],
    ['None of your business.', { candidates: [] }],
  ])('when "%s" answers the budget question, then it is not "no budget"', (text, result) => {
    expect(budgetRule(text, ctx('budget'))).toEqual(result);
  });

  it('when "nothing over" bounds an amount, then the amount is the budget', () => {
    expect(fields('Nothing over $5k.', 'budget')).toMatchObject({
      'budget.amount': 5000,
      'budget.status': 'stated',
    });
  });

  it.each([
    ['no', null],
    ['Nothing yet.', 'timeline'],
    ['Zero.', 'company'],
  ] as const)(
    'when "%s" answers another question, then the budget is untouched',
    (text, expecting) => {
      expect(budgetRule(text, ctx(expecting))).toEqual({ candidates: [] });
    },
  );
});
