import { describe, expect, it } from 'vitest';
import { formatReport } from '../../src/eval/format-report.js';
import { llmFigures, type EvalReport } from '../../src/eval/run-eval.js';
import type { ExtractionScript } from '../fakes/fake-extraction.js';
import { extractionReply, said } from '../fakes/fake-extraction.js';
import { llmChatForTest } from './llm-chat-harness.js';

/** One visitor message and what the model answers for it. */
type Turn = { text: string; model: ExtractionScript };

/**
 * Plays the turns through the real chat service in LLM mode (the rules run on every message
 * too; the templates phrase) and returns the lead record's values.
 */
async function recorded(
  turns: readonly Turn[],
  paths: readonly string[],
): Promise<Record<string, unknown>> {
  const c = await llmChatForTest({ phrasing: false });
  for (const turn of turns) {
    c.fake.enqueue(extractionReply(turn.model));
    await c.send(turn.text);
  }
  const { lead } = await c.conversation();
  const values = new Map(Object.entries(lead).map(([path, f]) => [path, f?.value]));
  return Object.fromEntries(paths.map((p) => [p, values.get(p)]));
}

describe('the merge of rules and model in LLM mode, decided by evidence', () => {
  it.each<[string, Turn[], Record<string, unknown>]>([
    [
      'an amount with a magnitude the rules do not know (lakh as "L"): the model\'s amount, the rules\' named currency',
      [
        {
          text: 'We can spend ₹2.5L a month on this.',
          model: { budget: { amount: said(250000, '₹2.5L a month') } },
        },
      ],
      { 'budget.amount': 250000, 'budget.currency': 'INR', 'budget.period': 'monthly' },
    ],
    [
      'an amount in crore',
      [
        {
          text: 'Budget is Rs 1.2Cr for the year.',
          model: {
            budget: { amount: said(12000000, 'Rs 1.2Cr'), period: said('yearly', 'for the year') },
          },
        },
      ],
      { 'budget.amount': 12000000, 'budget.currency': 'INR', 'budget.period': 'yearly' },
    ],
    [
      'a correction of the period in a later message: the model reads it',
      [
        {
          text: 'We have about $500 a month for it.',
          model: {
            budget: { amount: said(500, '$500 a month'), period: said('monthly', 'a month') },
          },
        },
        {
          text: 'Oops, I meant per year, not per month.',
          model: { budget: { period: said('yearly', 'I meant per year') } },
        },
      ],
      { 'budget.amount': 500, 'budget.currency': 'USD', 'budget.period': 'yearly' },
    ],
    [
      "a currency the visitor named where the rules took the region's",
      [
        {
          text: 'Around 40k zloty a year.',
          model: {
            budget: { amount: said(40000, '40k zloty'), currency: said('PLN', '40k zloty') },
          },
        },
      ],
      { 'budget.amount': 40000, 'budget.currency': 'PLN' },
    ],
    [
      'a head count corrected in the same message: the model reads the correction',
      [
        {
          text: "Atlas Pumpworks. About 300 people - wait, that's counting the plant in Mexico. The US company is 180.",
          model: {
            company: {
              name: said('Atlas Pumpworks', 'Atlas Pumpworks'),
              size: said(180, 'The US company is 180'),
            },
          },
        },
      ],
      { 'company.name': 'Atlas Pumpworks', 'company.size': 180 },
    ],
    [
      'a date the model resolved where the rules bucketed the timeline differently',
      [
        {
          text: 'Before the end of financial year, 30 June.',
          model: {
            timeline: { targetDate: said('2026-06-30', 'the end of financial year, 30 June') },
          },
        },
      ],
      { 'timeline.targetDate': '2026-06-30', 'timeline.bucket': 'half' },
    ],
    [
      'a role and a timeline the rules read from an answer about the need, where the model rightly left them empty',
      [
        { text: 'Hi there', model: {} },
        {
          text: "Research only, I'm studying how chat agents qualify leads. It gets too busy in summer.",
          model: {},
        },
      ],
      { 'authority.role': undefined, 'timeline.bucket': undefined },
    ],
  ])('when %s, then the record keeps the better reading', async (_, turns, expected) => {
    expect(await recorded(turns, Object.keys(expected))).toEqual(expected);
  });

  it.each<[string, Turn, Record<string, unknown>]>([
    [
      'a budget the visitor never wrote',
      {
        text: 'We have about 20k a year.',
        model: { budget: { amount: said(1000000, 'We have about 20k a year.') } },
      },
      { 'budget.amount': 20000 },
    ],
    [
      'a magnitude the visitor never wrote',
      {
        text: 'We could do ₹2.5 a seat.',
        model: { budget: { amount: said(250000, '₹2.5 a seat') } },
      },
      { 'budget.amount': undefined },
    ],
    [
      'a head count the visitor never wrote',
      {
        text: 'Lumen Freight, a small team.',
        model: { company: { size: said(300, 'a small team') } },
      },
      { 'company.size': undefined },
    ],
  ])('when the model invents %s, then it cannot set it', async (_, turn, expected) => {
    expect(await recorded([turn], Object.keys(expected))).toEqual(expected);
  });
});

describe('the eval report of the merge', () => {
  it('when the rules and the model read a budget differently, then the tally counts the field and the winner', async () => {
    const c = await llmChatForTest({ phrasing: false });
    c.fake.enqueue(extractionReply({ budget: { amount: said(250000, '₹2.5L a month') } }));
    await c.send('We can spend ₹2.5L a month on this.');
    expect(c.parts.merges.counts()['budget.amount']).toEqual({
      disagreed: 1,
      llmWon: 1,
      rulesWon: 0,
    });
    const report = await formatted(c.parts);
    expect(report).toMatch(/budget\.amount\s+1 {2}model won 1, rules won 0/);
  });
});

/** The text report's LLM lines for what the parts did, as `npm run eval -- --mode llm` prints them. */
async function formatted(parts: Parameters<typeof llmFigures>[0]): Promise<string> {
  const report: EvalReport = {
    items: 1,
    fieldAccuracy: 1,
    fields: {},
    stageAccuracy: 1,
    gradeAccuracy: 1,
    bookedAccuracy: 1,
    avgVisitorTurns: 1,
    redundantAsks: 0,
    failures: [],
    llm: llmFigures(parts),
  };
  return Promise.resolve(formatReport(report));
}
