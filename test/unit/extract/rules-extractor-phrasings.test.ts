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
  const recent = [...(c.earlier ?? []).map((text) => ({ role: 'visitor' as const, text })), { role: 'visitor' as const, text: c.text }];
  const result = extractWithRules(
    {
      text: c.text,
      expecting: c.asked ?? null,
      lead: {},
      visitor: { timezone: c.timezone ?? 'America/New_York', locale: c.locale ?? 'en-US', page: null, referrer: null, utm: null },
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
  { text: "I'm Ravi, CTO at Lumen Parcel (~120 staff)", fields: { 'contact.name': 'Ravi', 'company.name': 'Lumen Parcel', 'company.size': 120, 'authority.role': 'CTO' } },
  { text: 'Hi, Jo Park here, VP Marketing at Fennel Labs', fields: { 'contact.name': 'Jo Park', 'company.name': 'Fennel Labs' } },
  { text: 'hey its sam from bright oak roofing, 7 guys, i own it.', fields: { 'contact.name': 'Sam', 'company.name': 'Bright Oak Roofing', 'company.size': 7, 'authority.role': 'owner', 'authority.level': 'decision_maker' } },
  { text: "I'm Happy, thanks for asking", empty: ['contact.name'], fields: {} },
  { text: 'Kai Lund, kai@lund.example - sorry, kai@lundfreight.example', asked: 'contact', fields: { 'contact.email': 'kai@lundfreight.example', 'contact.name': 'Kai Lund' } },
  { text: 'Dev Okafor, dev@okafor.example', asked: 'contact', fields: { 'contact.name': 'Dev Okafor' } },
  { text: 'Erik Sand, erik@sand.example — and the company is Sand Marine, not Sand Boats.', asked: 'contact', fields: { 'company.name': 'Sand Marine' } },
  // authority
  { text: "I'm acting head of support until the new director starts.", asked: 'authority', fields: { 'authority.role': 'acting head of support' } },
  { text: "I'm the interim head of ops; purchases still go through our CFO.", asked: 'authority', fields: { 'authority.level': 'influencer' } },
  { text: 'I look after ops. The owner signs the cheques.', asked: 'authority', fields: { 'authority.role': 'ops', 'authority.level': 'influencer' } },
  { text: 'Ich bin Leiterin Marketing, so head of marketing, and I decide.', asked: 'authority', fields: { 'authority.role': 'Leiterin Marketing (head of marketing)', 'authority.level': 'decision_maker' } },
  { text: 'Soy el dueño — I am the owner.', asked: 'authority', fields: { 'authority.level': 'decision_maker' } },
  { text: 'product manager at another chat software company', asked: 'authority', fields: { 'authority.level': 'researcher' } },
  { text: 'Account manager.', asked: 'authority', earlier: ['We would like to offer our SEO services to your company.'], fields: { 'authority.level': 'researcher' } },
  { text: 'Account manager.', asked: 'authority', earlier: ['Our reps cannot keep up with inbound requests.'], fields: { 'authority.level': 'influencer' } },
  // the company
  { text: 'Oak & Ember — three locations with 15 staff each.', asked: 'company', fields: { 'company.name': 'Oak & Ember', 'company.size': 45 } },
  { text: 'Northgate Realty, 30 agents plus 2 admin.', asked: 'company', fields: { 'company.size': 32 } },
  { text: 'Tienda Sol, somos 12 personas.', asked: 'company', fields: { 'company.size': 12 } },
  { text: 'Around 900 employees. sorry, 950 - we just hired', asked: 'company', fields: { 'company.size': 950 } },
  // money
  { text: 'got maybe 3k for the year', fields: { 'budget.amount': 3000, 'budget.period': 'yearly' } },
  { text: 'we r 12ppl, budget like 300/mo', fields: { 'company.size': 12, 'budget.amount': 300, 'budget.period': 'monthly' } },
  { text: '€800 pro Monat.', asked: 'budget', timezone: 'Europe/Berlin', fields: { 'budget.amount': 800, 'budget.currency': 'EUR', 'budget.period': 'monthly' } },
  { text: 'About 250.000 € per jaar.', asked: 'budget', timezone: 'Europe/Amsterdam', fields: { 'budget.period': 'yearly' }, empty: ['contact.phone'] },
  // when
  { text: 'By the start of the school year.', asked: 'timeline', timezone: 'Australia/Sydney', now: '2026-11-24T23:00:00Z', fields: { 'timeline.targetDate': '2027-02-01', 'timeline.bucket': 'quarter' } },
  { text: 'Before the new school year.', asked: 'timeline', now: '2026-03-10T15:00:00Z', fields: { 'timeline.targetDate': '2026-09-01' } },
  { text: 'probably H2 next year', asked: 'timeline', now: '2026-04-28T15:00:00Z', fields: { 'timeline.targetDate': '2027-07-01', 'timeline.bucket': 'later' } },
  { text: 'earliest would be the next fiscal year, starting July 1', asked: 'timeline', fields: { 'timeline.bucket': 'half' } },
  { text: 'End of our fiscal year, which is October 31.', asked: 'timeline', now: '2026-05-11T14:00:00Z', fields: { 'timeline.targetDate': '2026-10-31', 'timeline.bucket': 'half' } },
  { text: 'Within the next month if it works.', asked: 'timeline', now: '2026-10-28T13:30:00Z', fields: { 'timeline.bucket': 'immediate' } },
  // what they need, and whether they want a demo
  { text: 'Our phones ring off the hook with booking questions.', fields: { 'need.summary': 'Our phones ring off the hook with booking questions.' } },
  { text: 'Renewal questions flood our support inbox every month.', fields: { 'need.summary': 'Renewal questions flood our support inbox every month.' } },
  { text: "I'm wondering if your bot can qualify our dealer inquiries.", fields: { 'need.summary': "I'm wondering if your bot can qualify our dealer inquiries." } },
  { text: 'Plenty of traffic from our webinars but almost nobody converts.', fields: { 'need.summary': 'Plenty of traffic from our webinars but almost nobody converts.' } },
  { text: 'Hello, I need a demo urgently.', fields: { 'intent.demo': true }, empty: ['need.summary'] },
  { text: 'we want demo of your booking bot', fields: { 'intent.demo': true } },
  { text: 'Can someone show me the lead routing part?', fields: { 'intent.demo': true } },
];

describe('the rules extractor on whole messages', () => {
  it.each(CASES)('when the visitor writes "$text", then the rules read what was said and invent nothing', (c) => {
    const got = extract(c);
    expect(got).toMatchObject(c.fields);
    for (const path of c.empty ?? []) expect(got[path], path).toBeUndefined();
  });
});
