import { describe, expect, it } from 'vitest';
import { extractWithRules } from '../../../src/extract/rules/rules-extractor.js';
import type { Slot } from '../../../src/lead/slots.js';

type Case = {
  text: string;
  /** The slot just asked (null: an opening or any other message). */
  asked?: Slot | null;
  timezone?: string;
  locale?: string;
  now?: string;
  /** What the visitor said before, when a cue spans answers. */
  earlier?: string[];
  /** Fields that must be read, path -> value. */
  fields: Record<string, unknown>;
  /** Fields that must stay empty. */
  empty?: string[];
};

function extract(c: Case): Record<string, unknown> {
  const recent = [
    ...(c.earlier ?? []).map((text) => ({ role: 'visitor' as const, text })),
    { role: 'visitor' as const, text: c.text },
  ];
  const result = extractWithRules(
    {
      text: c.text,
      expecting: c.asked ?? null,
      lead: {},
      visitor: {
        timezone: c.timezone ?? 'America/New_York',
        locale: c.locale ?? 'en-US',
        page: null,
        referrer: null,
        utm: null,
      },
      now: c.now ?? '2026-03-10T15:00:00Z',
      recent,
      conversationId: 'c-phrasings',
    },
    { fiscalYearEndMonth: 12 },
  );
  return Object.fromEntries(result.candidates.map((x) => [x.path, x.value]));
}

/**
 * Whole messages as visitors type them, each read by every rule at once: the phrasings that
 * independently written conversations showed the rules missing, written again in other words.
 */
const CASES: Case[] = [
  // who the visitor is
  {
    text: "I'm Ravi, CTO at Lumen Parcel (~120 staff)",
    fields: {
      'contact.name': 'Ravi',
      'company.name': 'Lumen Parcel',
      'company.size': 120,
      'authority.role': 'CTO',
    },
  },
  {
    text: 'Hi, Jo Park here, VP Marketing at Fennel Labs',
    fields: { 'contact.name': 'Jo Park', 'company.name': 'Fennel Labs' },
  },
  {
    text: 'hey its sam from bright oak roofing, 7 guys, i own it.',
    fields: {
      'contact.name': 'Sam',
      'company.name': 'Bright Oak Roofing',
      'company.size': 7,
      'authority.role': 'owner',
      'authority.level': 'decision_maker',
    },
  },
  { text: "I'm Happy, thanks for asking", empty: ['contact.name'], fields: {} },
  {
    text: 'Kai Lund, kai@lund.example - sorry, kai@lundfreight.example',
    asked: 'contact',
    fields: { 'contact.email': 'kai@lundfreight.example', 'contact.name': 'Kai Lund' },
  },
  {
    text: 'Dev Okafor, dev@okafor.example',
    asked: 'contact',
    fields: { 'contact.name': 'Dev Okafor' },
  },
  {
    text: 'Erik Sand, erik@sand.example — and the company is Sand Marine, not Sand Boats.',
    asked: 'contact',
    fields: { 'company.name': 'Sand Marine' },
  },
  // authority
  {
    text: "I'm acting head of support until the new director starts.",
    asked: 'authority',
    fields: { 'authority.role': 'acting head of support' },
  },
  {
    text: "I'm the interim head of ops; purchases still go through our CFO.",
    asked: 'authority',
    fields: { 'authority.level': 'influencer' },
  },
  {
    text: 'I look after ops. The owner signs the cheques.',
    asked: 'authority',
    fields: { 'authority.role': 'ops', 'authority.level': 'influencer' },
  },
  {
    text: 'Ich bin Leiterin Marketing, so head of marketing, and I decide.',
    asked: 'authority',
    fields: {
      'authority.role': 'Leiterin Marketing (head of marketing)',
      'authority.level': 'decision_maker',
    },
  },
  {
    text: 'Soy el dueño — I am the owner.',
    asked: 'authority',
    fields: { 'authority.level': 'decision_maker' },
  },
  {
    text: 'product manager at another chat software company',
    asked: 'authority',
    fields: { 'authority.level': 'researcher' },
  },
  {
    text: 'Account manager.',
    asked: 'authority',
    earlier: ['We would like to offer our SEO services to your company.'],
    fields: { 'authority.level': 'researcher' },
  },
  {
    text: 'Account manager.',
    asked: 'authority',
    earlier: ['Our reps cannot keep up with inbound requests.'],
    fields: { 'authority.level': 'influencer' },
  },
  // the company
  {
    text: 'Oak & Ember — three locations with 15 staff each.',
    asked: 'company',
    fields: { 'company.name': 'Oak & Ember', 'company.size': 45 },
  },
  {
    text: 'Northgate Realty, 30 agents plus 2 admin.',
    asked: 'company',
    fields: { 'company.size': 32 },
  },
  { text: 'Tienda Sol, somos 12 personas.', asked: 'company', fields: { 'company.size': 12 } },
  {
    text: 'Around 900 employees. sorry, 950 - we just hired',
    asked: 'company',
    fields: { 'company.size': 950 },
  },
  // money
  {
    text: 'got maybe 3k for the year',
    fields: { 'budget.amount': 3000, 'budget.period': 'yearly' },
  },
  {
    text: 'we r 12ppl, budget like 300/mo',
    fields: { 'company.size': 12, 'budget.amount': 300, 'budget.period': 'monthly' },
  },
  {
    text: '€800 pro Monat.',
    asked: 'budget',
    timezone: 'Europe/Berlin',
    fields: { 'budget.amount': 800, 'budget.currency': 'EUR', 'budget.period': 'monthly' },
  },
  {
    text: 'About 250.000 € per jaar.',
    asked: 'budget',
    timezone: 'Europe/Amsterdam',
    fields: { 'budget.period': 'yearly' },
    empty: ['contact.phone'],
  },
  // when
  {
    text: 'By the start of the school year.',
    asked: 'timeline',
    timezone: 'Australia/Sydney',
    now: '2026-11-24T23:00:00Z',
    fields: { 'timeline.targetDate': '2027-02-01', 'timeline.bucket': 'quarter' },
  },
  {
    text: 'Before the new school year.',
    asked: 'timeline',
    now: '2026-03-10T15:00:00Z',
    fields: { 'timeline.targetDate': '2026-09-01' },
  },
  {
    text: 'probably H2 next year',
    asked: 'timeline',
    now: '2026-04-28T15:00:00Z',
    fields: { 'timeline.targetDate': '2027-07-01', 'timeline.bucket': 'later' },
  },
  {
    text: 'earliest would be the next fiscal year, starting July 1',
    asked: 'timeline',
    fields: { 'timeline.bucket': 'half' },
  },
  {
    text: 'End of our fiscal year, which is October 31.',
    asked: 'timeline',
    now: '2026-05-11T14:00:00Z',
    fields: { 'timeline.targetDate': '2026-10-31', 'timeline.bucket': 'half' },
  },
  {
    text: 'Within the next month if it works.',
    asked: 'timeline',
    now: '2026-10-28T13:30:00Z',
    fields: { 'timeline.bucket': 'immediate' },
  },
  // what they need, and whether they want a demo
  {
    text: 'Our phones ring off the hook with booking questions.',
    fields: { 'need.summary': 'Our phones ring off the hook with booking questions.' },
  },
  {
    text: 'Renewal questions flood our support inbox every month.',
    fields: { 'need.summary': 'Renewal questions flood our support inbox every month.' },
  },
  {
    text: "I'm wondering if your bot can qualify our dealer inquiries.",
    fields: { 'need.summary': "I'm wondering if your bot can qualify our dealer inquiries." },
  },
  {
    text: 'Plenty of traffic from our webinars but almost nobody converts.',
    fields: { 'need.summary': 'Plenty of traffic from our webinars but almost nobody converts.' },
  },
  {
    text: 'Hello, I need a demo urgently.',
    fields: { 'intent.demo': true },
    empty: ['need.summary'],
  },
  { text: 'we want demo of your booking bot', fields: { 'intent.demo': true } },
  { text: 'Can someone show me the lead routing part?', fields: { 'intent.demo': true } },
  { text: 'Can I get someone to ring me about this?', fields: { 'intent.demo': true } },
  {
    text: "Need a walkthrough. Don't want to get spammed with emails though.",
    fields: { 'intent.demo': true },
    empty: ['need.summary'],
  },
  {
    text: 'does the bot hand over to a person at some point?',
    empty: ['timeline.bucket'],
    fields: {},
  },
  // said once more, in other words
  {
    text: "I'm one of the two directors, spend over a few hundred quid needs my signature.",
    asked: 'authority',
    timezone: 'Europe/London',
    fields: { 'authority.level': 'decision_maker' },
    empty: ['budget.amount'],
  },
  {
    text: 'I lead sales ops; our VP Sales signs.',
    asked: 'authority',
    fields: { 'authority.level': 'influencer' },
  },
  {
    text: 'I am founder and CEO.',
    asked: 'authority',
    fields: { 'authority.role': 'founder and CEO' },
  },
  {
    text: "I'm the sales coordinator - well, actually since May I'm sales manager.",
    asked: 'authority',
    fields: { 'authority.role': 'sales manager' },
  },
  { text: "I'm sort of the IT guy here.", asked: 'authority', fields: { 'authority.role': 'IT' } },
  {
    text: 'Do you need the registered name? Harbor Row Studios, 20 people.',
    asked: 'company',
    fields: { 'company.name': 'Harbor Row Studios', 'company.size': 20 },
  },
  {
    text: "We're a 30-person law firm, Whitlock & Hale LLP.",
    asked: 'company',
    fields: { 'company.name': 'Whitlock & Hale LLP', 'company.size': 30 },
  },
  {
    text: 'Just me - I trade as Bluefin Design.',
    asked: 'company',
    fields: { 'company.name': 'Bluefin Design' },
  },
  {
    text: 'Pinecrest Contact Centre, 300+ agents',
    asked: 'company',
    fields: { 'company.size': 300 },
  },
  { text: 'Kestrel Roofing, 40 on the team.', asked: 'company', fields: { 'company.size': 40 } },
  { text: 'We have 60 on staff.', asked: 'company', fields: { 'company.size': 60 } },
  { text: 'Total staff strength is 250.', asked: 'company', fields: { 'company.size': 250 } },
  { text: '40 techs plus office - call it 50.', asked: 'company', fields: { 'company.size': 50 } },
  {
    text: 'Reckon $1,500 a month is fair.',
    asked: 'budget',
    timezone: 'Australia/Perth',
    locale: 'en-AU',
    fields: { 'budget.currency': 'AUD' },
  },
  {
    text: 'About US$1,500 a month.',
    asked: 'budget',
    timezone: 'Australia/Perth',
    locale: 'en-AU',
    fields: { 'budget.currency': 'USD' },
  },
  { text: 'zero, not buying', asked: 'budget', fields: { 'budget.status': 'none' } },
  {
    text: 'We have 90k budgeted this year.',
    fields: { 'budget.amount': 90000, 'budget.period': 'yearly' },
  },
  { text: 'now', asked: 'timeline', fields: { 'timeline.bucket': 'immediate' } },
  {
    text: 'Next fortnight ideally.',
    asked: 'timeline',
    fields: { 'timeline.targetDate': '2026-03-24' },
  },
  {
    text: 'The Lantern Inn at Millbrook, about 12 of us.',
    asked: 'company',
    fields: { 'company.name': 'The Lantern Inn at Millbrook', 'company.size': 12 },
  },
  {
    text: "St. Agnes Children's Hospital - 2,100 employees.",
    asked: 'company',
    fields: { 'company.name': "St. Agnes Children's Hospital", 'company.size': 2100 },
  },
  { text: 'Cobalt Heating. 18 on payroll.', asked: 'company', fields: { 'company.size': 18 } },
  { text: "Northfield Foods. Headcount's 90.", asked: 'company', fields: { 'company.size': 90 } },
  {
    text: 'I own the place with my sister.',
    asked: 'authority',
    fields: { 'authority.role': 'owner', 'authority.level': 'decision_maker' },
  },
  {
    text: "Head of Admissions. I'll be building the case for our provost.",
    asked: 'authority',
    fields: { 'authority.level': 'influencer' },
  },
  {
    text: 'no idea really. maybe 300 a month? 400?',
    asked: 'budget',
    fields: { 'budget.amount': 300, 'budget.period': 'monthly' },
  },
  {
    text: "There's $25,000 in next fiscal year's budget, one time.",
    asked: 'budget',
    fields: { 'budget.amount': 25000, 'budget.period': 'one_time' },
  },
  {
    text: 'The board meets in May. If it passes we would start in September.',
    asked: 'timeline',
    fields: { 'timeline.targetDate': '2026-09-01' },
  },
  {
    text: 'We fit kitchens and get loads of web leads, mostly renters. Need to filter those out.',
    fields: {
      'need.summary':
        'We fit kitchens and get loads of web leads, mostly renters. Need to filter those out.',
    },
  },
  {
    text: "I'm the sales lead, and I have approval for this kind of purchase.",
    asked: 'authority',
    fields: { 'authority.level': 'decision_maker' },
  },
  {
    text: "Assistant Principal. I control the school's marketing budget.",
    asked: 'authority',
    fields: { 'authority.level': 'decision_maker' },
  },
  {
    text: 'Myself founder.',
    asked: 'authority',
    fields: { 'authority.role': 'founder', 'authority.level': 'decision_maker' },
  },
  {
    text: 'Je suis la directrice des ventes - sales director across our three stores.',
    asked: 'authority',
    fields: { 'authority.role': 'directrice des ventes (sales director)' },
  },
  {
    text: 'We need to screen prospects by seat count before we book a discovery call.',
    fields: {
      'need.summary': 'We need to screen prospects by seat count before we book a discovery call.',
    },
    empty: ['intent.demo'],
  },
  {
    text: "We don't have anything budgeted for this year.",
    asked: 'budget',
    fields: { 'budget.status': 'none' },
  },
  {
    text: 'Environ 12 000 $ par année.',
    asked: 'budget',
    timezone: 'America/Toronto',
    locale: 'fr-CA',
    fields: { 'budget.amount': 12000, 'budget.currency': 'CAD', 'budget.period': 'yearly' },
  },
  {
    text: 'Just me - Nowak Studio, a one-person company.',
    asked: 'company',
    fields: { 'company.name': 'Nowak Studio' },
  },
  { text: 'Can it spot buyers who are ready this week?', empty: ['timeline.bucket'], fields: {} },
  {
    text: 'We need it live before Q3 - can we get a demo?',
    fields: { 'timeline.targetDate': '2026-07-01', 'intent.demo': true },
  },
  {
    text: 'Probably not till early next year. Say March.',
    asked: 'timeline',
    now: '2026-06-08T15:45:00Z',
    fields: { 'timeline.targetDate': '2027-03-01', 'timeline.bucket': 'year' },
  },
  {
    text: 'Before Australia Day.',
    asked: 'timeline',
    timezone: 'Australia/Brisbane',
    now: '2026-11-09T00:30:00Z',
    fields: { 'timeline.targetDate': '2027-01-26', 'timeline.bucket': 'quarter' },
  },
  {
    text: "People ask if there's a table free tonight and we can't reply while serving.",
    empty: ['timeline.bucket'],
    fields: {},
  },
  {
    text: "We don't have a date in mind.",
    asked: 'timeline',
    fields: { 'timeline.bucket': 'none' },
  },
  {
    text: "We haven't set a budget. It would depend on the price.",
    asked: 'budget',
    fields: { 'budget.status': 'none' },
  },
  {
    text: "I'd go $300, $350 a month.",
    asked: 'budget',
    fields: { 'budget.amount': 300, 'budget.period': 'monthly' },
  },
  { text: 'Zero haha, I am a student', asked: 'budget', fields: { 'budget.status': 'none' } },
  { text: 'None of your business.', asked: 'budget', empty: ['budget.status'], fields: {} },
  {
    text: 'Like 200 bucks a month CAD, tops',
    asked: 'budget',
    fields: { 'budget.amount': 200, 'budget.currency': 'CAD' },
  },
  {
    text: 'Acme Plumbing. 9 techs plus me and the office manager, so 11 all in.',
    asked: 'company',
    fields: { 'company.size': 11 },
  },
  {
    text: 'I serve as head of visitor services; contracts of this kind are approved by our executive director on my recommendation.',
    asked: 'authority',
    fields: { 'authority.role': 'head of visitor services', 'authority.level': 'influencer' },
  },
  {
    text: "Field agronomist. I'm putting options together for our GM.",
    asked: 'authority',
    fields: { 'authority.role': 'Field agronomist', 'authority.level': 'influencer' },
  },
  {
    text: 'Big Sky Survey & Mapping. We are 11 now.',
    asked: 'company',
    fields: { 'company.name': 'Big Sky Survey & Mapping' },
  },
  {
    text: 'Studio 54 in Denver, 7 people.',
    asked: 'company',
    fields: { 'company.name': 'Studio 54', 'company.size': 7 },
  },
  {
    text: 'Stay In Touch Media, 12 employees.',
    asked: 'company',
    fields: { 'company.name': 'Stay In Touch Media', 'company.size': 12 },
  },
  {
    text: 'Big Top Event Rentals — 58 full-time.',
    asked: 'company',
    fields: { 'company.name': 'Big Top Event Rentals', 'company.size': 58 },
  },
  {
    text: "I'm applying for the SDR job and wanted to ask if it is remote.",
    asked: 'need',
    fields: {},
    empty: ['need.summary'],
  },
  {
    text: 'just want to see what the plans cost',
    asked: 'need',
    fields: {},
    empty: ['need.summary'],
  },
];

describe('the rules extractor on whole messages', () => {
  it.each(CASES)(
    'when the visitor writes "$text", then the rules read what was said and invent nothing',
    (c) => {
      const got = extract(c);
      expect(got).toMatchObject(c.fields);
      for (const path of c.empty ?? []) expect(got[path], path).toBeUndefined();
    },
  );
});
