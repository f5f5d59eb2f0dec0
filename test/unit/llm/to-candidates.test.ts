import { describe, expect, it } from 'vitest';
import { toCandidates, toIsoCurrency } from '../../../src/extract/llm/to-candidates.js';
import { DEFAULT_VISITOR, type Visitor } from '../../../src/lead/visitor.js';
import { extraction, said, type ExtractionScript } from '../../fakes/fake-extraction.js';

const NOW = new Date('2026-03-03T15:00:00.000Z');
const LONDON: Visitor = { ...DEFAULT_VISITOR, timezone: 'Europe/London', locale: 'en-GB' };
const NEW_YORK: Visitor = { ...DEFAULT_VISITOR, timezone: 'America/New_York', locale: 'en-US' };

function run(text: string, script: ExtractionScript, visitor: Visitor = NEW_YORK) {
  const { extraction: ex, rejected } = toCandidates(extraction(script), {
    text,
    visitor,
    now: NOW,
  });
  const values = Object.fromEntries(ex.candidates.map((c) => [c.path, c.value]));
  return { values, rejected, signals: ex.signals, candidates: ex.candidates };
}

type Accepted = [string, string, ExtractionScript, Visitor, Record<string, unknown>];
type Rejected = [string, string, ExtractionScript, string, string];

describe('turning model proposals into candidates', () => {
  it.each<Accepted>([
    [
      'an email is lower-cased',
      'Reach me at Ana.Lima@Lumen.example',
      { contact: { email: said('Ana.Lima@Lumen.example', 'Ana.Lima@Lumen.example') } },
      NEW_YORK,
      { 'contact.email': 'ana.lima@lumen.example' },
    ],
    [
      "a national phone becomes E.164 in the visitor's region",
      'call me on 020 7946 0958',
      { contact: { phone: said('020 7946 0958', '020 7946 0958') } },
      LONDON,
      { 'contact.phone': '+442079460958' },
    ],
    [
      'a currency symbol becomes its ISO code',
      'we have €30k a year',
      {
        budget: {
          amount: said(30000, '€30k a year'),
          currency: said('€', '€30k'),
          period: said('yearly' as const, 'a year'),
        },
      },
      NEW_YORK,
      {
        'budget.amount': 30000,
        'budget.currency': 'EUR',
        'budget.period': 'yearly',
        'budget.status': 'stated',
      },
    ],
    [
      "a bare amount gets the region's currency, as in rules mode",
      'around 40k',
      { budget: { amount: said(40000, 'around 40k') } },
      LONDON,
      { 'budget.amount': 40000, 'budget.currency': 'GBP', 'budget.status': 'stated' },
    ],
    [
      'no budget is status none',
      "honestly there's no budget for this yet",
      { budget: { status: said('none' as const, "there's no budget") } },
      NEW_YORK,
      { 'budget.status': 'none' },
    ],
    [
      'a target date gets its bucket computed by code (about 7 weeks ahead)',
      'we want to be live by April 20',
      { timeline: { targetDate: said('2026-04-20', 'by April 20') } },
      NEW_YORK,
      { 'timeline.targetDate': '2026-04-20', 'timeline.bucket': 'quarter' },
    ],
    [
      'no plan is bucket none',
      'no fixed timeline, just looking',
      { timeline: { noPlan: said(true, 'no fixed timeline') } },
      NEW_YORK,
      { 'timeline.bucket': 'none' },
    ],
    [
      'a head count range keeps the model value when the evidence writes it',
      'we are 50-100 people',
      { company: { size: said(50, '50-100 people') } },
      NEW_YORK,
      { 'company.size': 50 },
    ],
    [
      "the need keeps the visitor's own words, not the model's paraphrase",
      'Our reps waste hours sorting inbound demo requests by hand.',
      {
        need: {
          summary: said('Lead triage automation', 'reps waste hours sorting inbound demo requests'),
        },
      },
      NEW_YORK,
      { 'need.summary': 'reps waste hours sorting inbound demo requests' },
    ],
    [
      'a demo request is kept',
      'could we get a demo?',
      { intent: { demo: said(true, 'could we get a demo') } },
      NEW_YORK,
      { 'intent.demo': true },
    ],
    [
      'not asking for a demo says nothing about demos',
      'we are 40 people',
      { intent: { demo: said(false, 'we are 40 people') } },
      NEW_YORK,
      {},
    ],
  ])('when %s, then the record gets it', (_, text, script, visitor, expected) => {
    expect(run(text, script, visitor).values).toEqual(expected);
  });

  it('when the model proposes a bucket-worthy date, then no bucket is taken from anywhere but the date', () => {
    const { values } = run('in about two years', {
      timeline: { targetDate: said('2028-03-01', 'in about two years') },
    });
    expect(values['timeline.bucket']).toBe('later');
  });

  it.each<Rejected>([
    [
      'the evidence is not in the message',
      'Our budget is flexible.',
      { budget: { amount: said(1_000_000, 'budget is 1,000,000') } },
      'budget.amount',
      'not_quoted',
    ],
    [
      'the amount is not the one the evidence names',
      'we can spend 5k a year',
      { budget: { amount: said(500_000, '5k a year') } },
      'budget.amount',
      'not_said',
    ],
    [
      'the head count is not in the evidence',
      'a team of 12',
      { company: { size: said(12_000, 'team of 12') } },
      'company.size',
      'not_said',
    ],
    [
      'a number has no number in its evidence',
      'we are a big team',
      { company: { size: said(500, 'a big team') } },
      'company.size',
      'not_said',
    ],
    [
      'a name is not what the visitor wrote',
      "I'm Ana",
      { contact: { name: said('Ana Lima', "I'm Ana") } },
      'contact.name',
      'not_said',
    ],
    [
      'an email is not in the message',
      'email me',
      { contact: { email: said('ceo@lumen.example', 'email me') } },
      'contact.email',
      'not_said',
    ],
    [
      'the authority level quotes words never written',
      "I'm a student",
      { authority: { level: said('decision_maker' as const, 'I am the CEO') } },
      'authority.level',
      'not_quoted',
    ],
    [
      'the email is not an email',
      'it is ana at lumen',
      { contact: { email: said('ana at lumen', 'ana at lumen') } },
      'contact.email',
      'invalid',
    ],
    [
      'the phone digits are not in the evidence',
      'my number is 020 7946 0958',
      { contact: { phone: said('+14155550100', 'my number is 020 7946 0958') } },
      'contact.phone',
      'invalid',
    ],
    [
      'the currency is unknown',
      '500 shells a month',
      { budget: { currency: said('shells', '500 shells') } },
      'budget.currency',
      'invalid',
    ],
    [
      'the date is not an ISO date',
      'sometime in spring',
      { timeline: { targetDate: said('spring', 'sometime in spring') } },
      'timeline.targetDate',
      'invalid',
    ],
  ])('when %s, then the value is rejected', (_, text, script, path, reason) => {
    const { values, rejected } = run(text, script, LONDON);
    expect(values[path]).toBeUndefined();
    expect(rejected).toContainEqual({ path, reason });
  });

  it('when the model reports signals, then they pass through, an empty question counting as none', () => {
    expect(
      run('hm', { signals: { declined: true, wantsHuman: true, question: '  ' } }).signals,
    ).toEqual({ declined: true, wantsHuman: true, question: null });
    expect(
      run('is there a trial?', { signals: { question: 'is there a trial?' } }).signals.question,
    ).toBe('is there a trial?');
  });

  it('when a value is accepted, then its evidence is the quote', () => {
    const { candidates } = run('I run revenue ops here', {
      authority: { role: said('revenue ops', 'I run revenue ops') },
    });
    expect(candidates).toEqual([
      { path: 'authority.role', value: 'revenue ops', evidence: 'I run revenue ops' },
    ]);
  });

  it.each([
    ['usd', 'USD'],
    ['$', 'USD'],
    ['€', 'EUR'],
    ['euros', 'EUR'],
    ['A$', 'AUD'],
    ['Canadian dollars', 'CAD'],
    ['XYZ', null],
  ])('when the currency is written "%s", then its ISO code is %s', (raw, code) => {
    expect(toIsoCurrency(raw)).toBe(code);
  });
});
