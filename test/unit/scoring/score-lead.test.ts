import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/load-config.js';
import { candidate, type Candidate } from '../../../src/lead/field-paths.js';
import { applyCandidates } from '../../../src/lead/lead-record.js';
import { DEFAULT_VISITOR } from '../../../src/lead/visitor.js';
import { scoreLead } from '../../../src/scoring/score-lead.js';

const config = defaultConfig();
const from = { source: 'rules' as const, messageId: 'm1', at: '2026-03-03T15:00:00.000Z' };

function leadOf(values: Record<string, unknown>) {
  const cands = Object.entries(values)
    .map(([p, v]) => candidate(p as Candidate['path'], v, 'said'))
    .filter((c): c is Candidate => c !== null);
  expect(cands).toHaveLength(Object.keys(values).length);
  return applyCandidates({}, cands, from).lead;
}
const score = (values: Record<string, unknown>, page: string | null = null) =>
  scoreLead(leadOf(values), { ...DEFAULT_VISITOR, page }, config.scoring, config.currency);

describe('scoreLead with the default policy', () => {
  it.each([
    ['a decision maker', { 'authority.level': 'decision_maker' }, 25],
    ['an influencer', { 'authority.level': 'influencer' }, 15],
    ['a researcher', { 'authority.level': 'researcher' }, 0],
    ['200 employees', { 'company.size': 200 }, 15],
    ['199 employees', { 'company.size': 199 }, 10],
    ['50 employees', { 'company.size': 50 }, 10],
    ['10 employees', { 'company.size': 10 }, 5],
    ['9 employees', { 'company.size': 9 }, 0],
    [
      '$5,000 a year',
      {
        'budget.amount': 5000,
        'budget.currency': 'USD',
        'budget.period': 'yearly',
        'budget.status': 'stated',
      },
      20,
    ],
    [
      '$400 a month (4,800 a year)',
      {
        'budget.amount': 400,
        'budget.currency': 'USD',
        'budget.period': 'monthly',
        'budget.status': 'stated',
      },
      -10,
    ],
    [
      '£320 a month (4,992 USD a year)',
      {
        'budget.amount': 320,
        'budget.currency': 'GBP',
        'budget.period': 'monthly',
        'budget.status': 'stated',
      },
      -10,
    ],
    [
      '€380 a month (5,016 USD a year)',
      {
        'budget.amount': 380,
        'budget.currency': 'EUR',
        'budget.period': 'monthly',
        'budget.status': 'stated',
      },
      20,
    ],
    [
      '₹15 lakh a year',
      {
        'budget.amount': 1_500_000,
        'budget.currency': 'INR',
        'budget.period': 'yearly',
        'budget.status': 'stated',
      },
      20,
    ],
    ['no budget', { 'budget.status': 'none' }, -15],
    ['an immediate timeline', { 'timeline.bucket': 'immediate' }, 20],
    ['a timeline this quarter', { 'timeline.bucket': 'quarter' }, 15],
    ['a timeline within half a year', { 'timeline.bucket': 'half' }, 10],
    ['a timeline within the year', { 'timeline.bucket': 'year' }, 5],
    ['a timeline beyond a year', { 'timeline.bucket': 'later' }, -5],
    ['no timeline', { 'timeline.bucket': 'none' }, -10],
    ['a stated need', { 'need.summary': 'our inbound leads go cold' }, 10],
    ['a demo request', { 'intent.demo': true }, 15],
    ['a free email domain', { 'contact.email': 'someone@gmail.com' }, -5],
    ['a company email domain', { 'contact.email': 'someone@acme.example' }, 5],
  ])('when the lead has %s, then it scores %i', (_name, values, points) => {
    expect(score(values).score).toBe(points);
  });

  it('when the visitor is on the pricing page, then it adds 10 points and says why', () => {
    const s = score({}, 'https://beacon.example/pricing?plan=growth');
    expect(s.score).toBe(10);
    expect(s.breakdown).toEqual([{ signal: 'page', points: 10, detail: '/pricing' }]);
  });

  it('when every signal is present, then the breakdown adds up to the score', () => {
    const s = score({
      'authority.level': 'decision_maker',
      'company.size': 120,
      'need.summary': 'x',
      'timeline.bucket': 'quarter',
      'contact.email': 'a@acme.example',
    });
    expect(s.breakdown.reduce((a, b) => a + b.points, 0)).toBe(s.score);
    expect(s.score).toBe(25 + 10 + 10 + 15 + 5);
  });
});

describe('grades and stages', () => {
  it.each([
    [{}, 'visitor', 'cold'],
    [{ 'contact.email': 'a@acme.example' }, 'lead', 'cold'],
    [
      {
        'contact.email': 'a@acme.example',
        'authority.level': 'decision_maker',
        'intent.demo': true,
      },
      'MQL',
      'warm',
    ],
    [
      {
        'contact.email': 'a@acme.example',
        'authority.level': 'decision_maker',
        'intent.demo': true,
        'timeline.bucket': 'immediate',
      },
      'MQL',
      'hot',
    ],
    [
      {
        'contact.email': 'a@acme.example',
        'authority.level': 'decision_maker',
        'need.summary': 'x',
        'timeline.bucket': 'immediate',
      },
      'SQL',
      'hot',
    ],
    [
      {
        'contact.email': 'a@acme.example',
        'authority.level': 'decision_maker',
        'need.summary': 'x',
        'timeline.bucket': 'immediate',
        'intent.demo': true,
        'budget.status': 'none',
      },
      'MQL',
      'hot',
    ],
    [
      {
        'authority.level': 'decision_maker',
        'need.summary': 'x',
        'timeline.bucket': 'immediate',
        'intent.demo': true,
      },
      'visitor',
      'hot',
    ],
  ])('when the lead is %j, then it is %s and %s', (values, stage, grade) => {
    const s = score(values);
    expect(s.stage).toBe(stage);
    expect(s.grade).toBe(grade);
  });

  it('when the policy changes its numbers, then the score follows the config', () => {
    const policy = { ...config.scoring, demo: 40, grades: { hot: 30, warm: 10 } };
    const s = scoreLead(leadOf({ 'intent.demo': true }), DEFAULT_VISITOR, policy, config.currency);
    expect(s).toMatchObject({ score: 40, grade: 'hot' });
  });
});
