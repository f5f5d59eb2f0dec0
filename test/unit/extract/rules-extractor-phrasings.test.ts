import { describe, expect, it } from 'vitest';
import { extractWithRules } from '../../../src/extract/rules/rules-extractor.js';
import type { Slot } from '../../../src/lead/slots.js';

/** Where and when the visitor writes, when it matters to the reading. */
type Options = {
  timezone?: string;
  locale?: string;
  now?: string;
  /** What the visitor said before, when a cue spans answers. */
  earlier?: string[];
};
/** A message, the fields it must fill (path -> value; null: must stay empty), and options. */
type Row = [text: string, fields: Record<string, unknown>, options?: Options];

function extract(text: string, asked: Slot | null, o: Options): Record<string, unknown> {
  const recent = [
    ...(o.earlier ?? []).map((t) => ({ role: 'visitor' as const, text: t })),
    { role: 'visitor' as const, text },
  ];
  const result = extractWithRules(
    {
      text,
      expecting: asked,
      lead: {},
      visitor: {
        timezone: o.timezone ?? 'America/New_York',
        locale: o.locale ?? 'en-US',
        page: null,
        referrer: null,
        utm: null,
      },
      now: o.now ?? '2026-03-10T15:00:00Z',
      recent,
      conversationId: 'c-phrasings',
    },
    { fiscalYearEndMonth: 12 },
  );
  return Object.fromEntries(result.candidates.map((x) => [x.path, x.value]));
}

/*
 * Whole messages as visitors type them, each read by every rule at once: the phrasings that
 * independently written conversations showed the rules missing, written again in other words.
 */
/** Openings and other messages, when no slot or another slot was asked. */
const OPENINGS: Row[] = [
  [
    "I'm Ravi, CTO at Lumen Parcel (~120 staff)",
    {
      'contact.name': 'Ravi',
      'company.name': 'Lumen Parcel',
      'company.size': 120,
      'authority.role': 'CTO',
    },
  ],
  [
    'Hi, Jo Park here, VP Marketing at Fennel Labs',
    { 'contact.name': 'Jo Park', 'company.name': 'Fennel Labs' },
  ],
  [
    'hey its sam from bright oak roofing, 7 guys, i own it.',
    {
      'contact.name': 'Sam',
      'company.name': 'Bright Oak Roofing',
      'company.size': 7,
      'authority.role': 'owner',
      'authority.level': 'decision_maker',
    },
  ],
  ["I'm Happy, thanks for asking", { 'contact.name': null }],
  ['got maybe 3k for the year', { 'budget.amount': 3000, 'budget.period': 'yearly' }],
  [
    'we r 12ppl, budget like 300/mo',
    { 'company.size': 12, 'budget.amount': 300, 'budget.period': 'monthly' },
  ],
  [
    'Our phones ring off the hook with booking questions.',
    { 'need.summary': 'Our phones ring off the hook with booking questions.' },
  ],
  [
    'Renewal questions flood our support inbox every month.',
    { 'need.summary': 'Renewal questions flood our support inbox every month.' },
  ],
  [
    "I'm wondering if your bot can qualify our dealer inquiries.",
    { 'need.summary': "I'm wondering if your bot can qualify our dealer inquiries." },
  ],
  [
    'Plenty of traffic from our webinars but almost nobody converts.',
    { 'need.summary': 'Plenty of traffic from our webinars but almost nobody converts.' },
  ],
  ['Hello, I need a demo urgently.', { 'intent.demo': true, 'need.summary': null }],
  ['we want demo of your booking bot', { 'intent.demo': true }],
  ['Can someone show me the lead routing part?', { 'intent.demo': true }],
  ['Can I get someone to ring me about this?', { 'intent.demo': true }],
  [
    "Need a walkthrough. Don't want to get spammed with emails though.",
    { 'intent.demo': true, 'need.summary': null },
  ],
  ['does the bot hand over to a person at some point?', { 'timeline.bucket': null }],
  ['We have 90k budgeted this year.', { 'budget.amount': 90000, 'budget.period': 'yearly' }],
  [
    'We fit kitchens and get loads of web leads, mostly renters. Need to filter those out.',
    {
      'need.summary':
        'We fit kitchens and get loads of web leads, mostly renters. Need to filter those out.',
    },
  ],
  [
    'We need to screen prospects by seat count before we book a discovery call.',
    {
      'need.summary': 'We need to screen prospects by seat count before we book a discovery call.',
      'intent.demo': null,
    },
  ],
  ['Can it spot buyers who are ready this week?', { 'timeline.bucket': null }],
  [
    'We need it live before Q3 - can we get a demo?',
    { 'timeline.targetDate': '2026-07-01', 'intent.demo': true },
  ],
  [
    "People ask if there's a table free tonight and we can't reply while serving.",
    { 'timeline.bucket': null },
  ],
];

/** Answers to the need question. */
const NEED: Row[] = [
  ["I'm applying for the SDR job and wanted to ask if it is remote.", { 'need.summary': null }],
  ['just want to see what the plans cost', { 'need.summary': null }],
];

/** Answers to the authority question. */
const AUTHORITY: Row[] = [
  [
    "I'm acting head of support until the new director starts.",
    { 'authority.role': 'acting head of support' },
  ],
  [
    "I'm the interim head of ops; purchases still go through our CFO.",
    { 'authority.level': 'influencer' },
  ],
  [
    'I look after ops. The owner signs the cheques.',
    { 'authority.role': 'ops', 'authority.level': 'influencer' },
  ],
  [
    'Ich bin Leiterin Marketing, so head of marketing, and I decide.',
    {
      'authority.role': 'Leiterin Marketing (head of marketing)',
      'authority.level': 'decision_maker',
    },
  ],
  ['Soy el dueño — I am the owner.', { 'authority.level': 'decision_maker' }],
  ['product manager at another chat software company', { 'authority.level': 'researcher' }],
  [
    'Account manager.',
    { 'authority.level': 'researcher' },
    { earlier: ['We would like to offer our SEO services to your company.'] },
  ],
  [
    'Account manager.',
    { 'authority.level': 'influencer' },
    { earlier: ['Our reps cannot keep up with inbound requests.'] },
  ],
  [
    "I'm one of the two directors, spend over a few hundred quid needs my signature.",
    { 'authority.level': 'decision_maker', 'budget.amount': null },
    { timezone: 'Europe/London' },
  ],
  ['I lead sales ops; our VP Sales signs.', { 'authority.level': 'influencer' }],
  ['I am founder and CEO.', { 'authority.role': 'founder and CEO' }],
  [
    "I'm the sales coordinator - well, actually since May I'm sales manager.",
    { 'authority.role': 'sales manager' },
  ],
  ["I'm sort of the IT guy here.", { 'authority.role': 'IT' }],
  [
    'I own the place with my sister.',
    { 'authority.role': 'owner', 'authority.level': 'decision_maker' },
  ],
  [
    "Head of Admissions. I'll be building the case for our provost.",
    { 'authority.level': 'influencer' },
  ],
  [
    "I'm the sales lead, and I have approval for this kind of purchase.",
    { 'authority.level': 'decision_maker' },
  ],
  [
    "Assistant Principal. I control the school's marketing budget.",
    { 'authority.level': 'decision_maker' },
  ],
  ['Myself founder.', { 'authority.role': 'founder', 'authority.level': 'decision_maker' }],
  [
    'Je suis la directrice des ventes - sales director across our three stores.',
    { 'authority.role': 'directrice des ventes (sales director)' },
  ],
  [
    'I serve as head of visitor services; contracts of this kind are approved by our executive director on my recommendation.',
    { 'authority.role': 'head of visitor services', 'authority.level': 'influencer' },
  ],
  [
    "Field agronomist. I'm putting options together for our GM.",
    { 'authority.role': 'Field agronomist', 'authority.level': 'influencer' },
  ],
];

/** Answers to the company question. */
const COMPANY: Row[] = [
  [
    'Oak & Ember — three locations with 15 staff each.',
    { 'company.name': 'Oak & Ember', 'company.size': 45 },
  ],
  ['Northgate Realty, 30 agents plus 2 admin.', { 'company.size': 32 }],
  ['Tienda Sol, somos 12 personas.', { 'company.size': 12 }],
  ['Around 900 employees. sorry, 950 - we just hired', { 'company.size': 950 }],
  [
    'Do you need the registered name? Harbor Row Studios, 20 people.',
    { 'company.name': 'Harbor Row Studios', 'company.size': 20 },
  ],
  [
    "We're a 30-person law firm, Whitlock & Hale LLP.",
    { 'company.name': 'Whitlock & Hale LLP', 'company.size': 30 },
  ],
  ['Just me - I trade as Bluefin Design.', { 'company.name': 'Bluefin Design' }],
  ['Pinecrest Contact Centre, 300+ agents', { 'company.size': 300 }],
  ['Kestrel Roofing, 40 on the team.', { 'company.size': 40 }],
  ['We have 60 on staff.', { 'company.size': 60 }],
  ['Total staff strength is 250.', { 'company.size': 250 }],
  ['40 techs plus office - call it 50.', { 'company.size': 50 }],
  [
    'The Lantern Inn at Millbrook, about 12 of us.',
    { 'company.name': 'The Lantern Inn at Millbrook', 'company.size': 12 },
  ],
  [
    "St. Agnes Children's Hospital - 2,100 employees.",
    { 'company.name': "St. Agnes Children's Hospital", 'company.size': 2100 },
  ],
  ['Cobalt Heating. 18 on payroll.', { 'company.size': 18 }],
  ["Northfield Foods. Headcount's 90.", { 'company.size': 90 }],
  ['Just me - Nowak Studio, a one-person company.', { 'company.name': 'Nowak Studio' }],
  ['Acme Plumbing. 9 techs plus me and the office manager, so 11 all in.', { 'company.size': 11 }],
  ['Big Sky Survey & Mapping. We are 11 now.', { 'company.name': 'Big Sky Survey & Mapping' }],
  ['Studio 54 in Denver, 7 people.', { 'company.name': 'Studio 54', 'company.size': 7 }],
  [
    'Stay In Touch Media, 12 employees.',
    { 'company.name': 'Stay In Touch Media', 'company.size': 12 },
  ],
  [
    'Big Top Event Rentals — 58 full-time.',
    { 'company.name': 'Big Top Event Rentals', 'company.size': 58 },
  ],
];

/** Answers to the budget question. */
const BUDGET: Row[] = [
  [
    '€800 pro Monat.',
    { 'budget.amount': 800, 'budget.currency': 'EUR', 'budget.period': 'monthly' },
    { timezone: 'Europe/Berlin' },
  ],
  [
    'About 250.000 € per jaar.',
    { 'budget.period': 'yearly', 'contact.phone': null },
    { timezone: 'Europe/Amsterdam' },
  ],
  [
    'Reckon $1,500 a month is fair.',
    { 'budget.currency': 'AUD' },
    { timezone: 'Australia/Perth', locale: 'en-AU' },
  ],
  [
    'About US$1,500 a month.',
    { 'budget.currency': 'USD' },
    { timezone: 'Australia/Perth', locale: 'en-AU' },
  ],
  ['zero, not buying', { 'budget.status': 'none' }],
  ['no idea really. maybe 300 a month? 400?', { 'budget.amount': 300, 'budget.period': 'monthly' }],
  [
    "There's $25,000 in next fiscal year's budget, one time.",
    { 'budget.amount': 25000, 'budget.period': 'one_time' },
  ],
  ["We don't have anything budgeted for this year.", { 'budget.status': 'none' }],
  [
    'Environ 12 000 $ par année.',
    { 'budget.amount': 12000, 'budget.currency': 'CAD', 'budget.period': 'yearly' },
    { timezone: 'America/Toronto', locale: 'fr-CA' },
  ],
  ["We haven't set a budget. It would depend on the price.", { 'budget.status': 'none' }],
  ["I'd go $300, $350 a month.", { 'budget.amount': 300, 'budget.period': 'monthly' }],
  ['Zero haha, I am a student', { 'budget.status': 'none' }],
  ['None of your business.', { 'budget.status': null }],
  ['Like 200 bucks a month CAD, tops', { 'budget.amount': 200, 'budget.currency': 'CAD' }],
];

/** Answers to the timeline question. */
const TIMELINE: Row[] = [
  [
    'By the start of the school year.',
    { 'timeline.targetDate': '2027-02-01', 'timeline.bucket': 'quarter' },
    { timezone: 'Australia/Sydney', now: '2026-11-24T23:00:00Z' },
  ],
  [
    'Before the new school year.',
    { 'timeline.targetDate': '2026-09-01' },
    { now: '2026-03-10T15:00:00Z' },
  ],
  [
    'probably H2 next year',
    { 'timeline.targetDate': '2027-07-01', 'timeline.bucket': 'later' },
    { now: '2026-04-28T15:00:00Z' },
  ],
  ['earliest would be the next fiscal year, starting July 1', { 'timeline.bucket': 'half' }],
  [
    'End of our fiscal year, which is October 31.',
    { 'timeline.targetDate': '2026-10-31', 'timeline.bucket': 'half' },
    { now: '2026-05-11T14:00:00Z' },
  ],
  [
    'Within the next month if it works.',
    { 'timeline.bucket': 'immediate' },
    { now: '2026-10-28T13:30:00Z' },
  ],
  ['now', { 'timeline.bucket': 'immediate' }],
  ['Next fortnight ideally.', { 'timeline.targetDate': '2026-03-24' }],
  [
    'The board meets in May. If it passes we would start in September.',
    { 'timeline.targetDate': '2026-09-01' },
  ],
  [
    'Probably not till early next year. Say March.',
    { 'timeline.targetDate': '2027-03-01', 'timeline.bucket': 'year' },
    { now: '2026-06-08T15:45:00Z' },
  ],
  [
    'Before Australia Day.',
    { 'timeline.targetDate': '2027-01-26', 'timeline.bucket': 'quarter' },
    { timezone: 'Australia/Brisbane', now: '2026-11-09T00:30:00Z' },
  ],
  ["We don't have a date in mind.", { 'timeline.bucket': 'none' }],
];

/** Answers to the contact question. */
const CONTACT: Row[] = [
  [
    'Kai Lund, kai@lund.example - sorry, kai@lundfreight.example',
    { 'contact.email': 'kai@lundfreight.example', 'contact.name': 'Kai Lund' },
  ],
  ['Dev Okafor, dev@okafor.example', { 'contact.name': 'Dev Okafor' }],
  [
    'Erik Sand, erik@sand.example — and the company is Sand Marine, not Sand Boats.',
    { 'company.name': 'Sand Marine' },
  ],
];

const BY_SLOT: [string, Slot | null, Row[]][] = [
  ['an opening or any other message', null, OPENINGS],
  ['the need question', 'need', NEED],
  ['the authority question', 'authority', AUTHORITY],
  ['the company question', 'company', COMPANY],
  ['the budget question', 'budget', BUDGET],
  ['the timeline question', 'timeline', TIMELINE],
  ['the contact question', 'contact', CONTACT],
];

describe.each(BY_SLOT)('the rules extractor on whole messages, answering %s', (_, asked, rows) => {
  it.each(rows)(
    'when the visitor writes "%s", then the rules read what was said and invent nothing',
    (text, fields, options = {}) => {
      const got = extract(text, asked, options);
      for (const [path, value] of Object.entries(fields))
        if (value === null) expect(got[path], path).toBeUndefined();
        else expect(got[path], path).toEqual(value);
    },
  );
});
