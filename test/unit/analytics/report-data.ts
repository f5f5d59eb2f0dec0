import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import type { Report } from '../../../src/analytics/build-report.js';
import { seeded } from './report-seed.js';

const GOOGLE = {
  utm: { utm_source: 'google', utm_medium: 'cpc', utm_campaign: 'winter' },
  referrer: 'https://www.google.com/search?q=chat',
  page: 'https://acme.example/pricing?plan=team',
};
const REP = { by: 'ana@acme.example', byName: 'Ana Lima' };
const meeting = (bookedAt: string, status: 'booked' | 'canceled') => ({
  id: `meet-${bookedAt}`,
  start: '2026-01-20T15:00:00.000Z',
  end: '2026-01-20T15:30:00.000Z',
  repId: 'rep-1',
  status,
  bookedAt,
});

/**
 * The seeded conversations (company time zone America/New_York, period 2026-01-05..06), each
 * built to land in known cells of the report. Seconds in the comments are from the ask.
 */
export function seed(): Conversation[] {
  return [
    // A: the greeting asks the need; the visitor never writes (abandoned at need). Direct, /pricing.
    seeded('A', '2026-01-05T15:00:00.000Z', [{ ask: 'need', at: 0 }], {
      page: 'https://acme.example/pricing',
    }),
    // B: answers everything (need 20 s, authority 30 s, company in two parts 10 s, budget
    // re-asked after "what?" then 40 s, refuses the timeline, contact 20 s), books in 10 s;
    // a rep joins 95 s after SQL.
    seeded(
      'B',
      '2026-01-05T16:00:00.000Z',
      [
        { ask: 'need', at: 0 },
        { say: 'Chats go unanswered', at: 20, fills: { 'need.summary': 'Chats go unanswered' } },
        { ask: 'authority', at: 21 },
        { say: 'I decide', at: 51, fills: { 'authority.level': 'decision_maker' } },
        { ask: 'company', at: 52 },
        { say: 'Acme', at: 62, fills: { 'company.name': 'Acme' } },
        { ask: 'company', at: 63 },
        { say: 'About 200 people', at: 73, fills: { 'company.size': 200 } },
        { ask: 'budget', at: 74 },
        { say: 'what?', at: 84 },
        { ask: 'budget', at: 85 },
        { say: '$30k a year', at: 125, fills: { 'budget.amount': 30000 } },
        { ask: 'timeline', at: 126 },
        { say: 'rather not say', at: 136 },
        { ask: 'contact', at: 137 },
        {
          say: 'Robin, robin@acme.example',
          at: 157,
          fills: { 'contact.name': 'Robin', 'contact.email': 'robin@acme.example' },
        },
        { ask: 'booking', at: 158 },
        { say: '2026-01-20T15:00:00.000Z', at: 168 },
        { final: 170 },
      ],
      GOOGLE,
      (t) => ({
        declined: ['timeline'],
        qualifiedAt: t(158),
        stageHistory: { lead: t(158), mql: t(158), sql: t(158), booked: t(169) },
        meeting: meeting(t(169), 'booked'),
        phase: { kind: 'ended' },
        console: { ...emptyConsole(), actions: [{ kind: 'join', at: t(253), ...REP }] },
        llmFallbacks: 1,
      }),
    ),
    // C: 23:30 in New York on the 5th; need in 60 s, refuses authority, company not
    // understood and asked again, then leaves (abandoned at company). Same source as B.
    seeded(
      'C',
      '2026-01-06T04:30:00.000Z',
      [
        { ask: 'need', at: 0 },
        { say: 'Leads slip away', at: 60, fills: { 'need.summary': 'Leads slip away' } },
        { ask: 'authority', at: 61 },
        { say: "I'd rather not say", at: 70 },
        { ask: 'company', at: 71 },
        { say: 'hmm', at: 80 },
        { ask: 'company', at: 81 },
      ],
      GOOGLE,
      // The LLM failed on two of its messages.
      () => ({ declined: ['authority'], llmFallbacks: 2 }),
    ),
    // D: newsletter email, blog page; contact in 30 s, an MQL, asked for a person (a rep wrote
    // 60 s later), booked then canceled; the chat ended with no open question.
    seeded(
      'D',
      '2026-01-06T12:00:00.000Z',
      [
        { ask: 'contact', at: 0 },
        {
          say: 'Dana, dana@beta.example',
          at: 30,
          fills: { 'contact.name': 'Dana', 'contact.email': 'dana@beta.example' },
        },
        { final: 31 },
      ],
      {
        utm: { utm_source: 'newsletter', utm_medium: 'email' },
        page: 'https://acme.example/blog/post',
      },
      (t) => ({
        stageHistory: { lead: t(31), mql: t(31), booked: t(35), canceled: t(600) },
        meeting: meeting(t(35), 'canceled'),
        phase: { kind: 'ended' },
        outbox: [
          { id: 'e1', type: 'lead.handoff_requested', occurredAt: t(40), conversationId: 'D' },
        ],
        console: { ...emptyConsole(), actions: [{ kind: 'message', at: t(100), ...REP }] },
      }),
    ),
    // F: source sent by an API client as `source`; need in 10 s, then leaves at authority; it
    // becomes a lead only after the report's `now`.
    seeded(
      'F',
      '2026-01-06T15:00:00.000Z',
      [
        { ask: 'need', at: 0 },
        { say: 'Too many tickets', at: 10, fills: { 'need.summary': 'Too many tickets' } },
        { ask: 'authority', at: 11 },
      ],
      { utm: { source: 'linkedin' } },
      () => ({ stageHistory: { lead: '2026-01-11T09:00:00.000Z' } }),
    ),
    // G: stored before stage history: SQL known from qualifiedAt, the booking from the meeting;
    // contact in 45 s; qualified but no rep touched it yet. From Hacker News, no page.
    seeded(
      'G',
      '2026-01-06T18:00:00.000Z',
      [
        { ask: 'contact', at: 0 },
        {
          say: 'Gil, gil@gamma.example',
          at: 45,
          fills: { 'contact.name': 'Gil', 'contact.email': 'gil@gamma.example' },
        },
        { final: 46 },
      ],
      { referrer: 'https://news.ycombinator.com/item?id=1' },
      (t) => ({ qualifiedAt: t(50), meeting: meeting(t(60), 'booked'), phase: { kind: 'ended' } }),
    ),
    // Outside the period in New York (23:00 on the 4th, 00:30 on the 7th): counted nowhere.
    ...['2026-01-05T04:00:00.000Z', '2026-01-07T05:30:00.000Z'].map((start, i) =>
      seeded(
        `out${i}`,
        start,
        [
          { ask: 'need', at: 0 },
          { say: 'x', at: 5, fills: { 'need.summary': 'x' } },
        ],
        GOOGLE,
        (t) => ({
          qualifiedAt: t(6),
          stageHistory: { lead: t(6), mql: t(6), sql: t(6), booked: t(7) },
          meeting: meeting(t(7), 'booked'),
          console: { ...emptyConsole(), actions: [{ kind: 'join', at: t(9), ...REP }] },
          llmFallbacks: 5,
        }),
      ),
    ),
  ];
}

function emptyConsole(): Conversation['console'] {
  return { assignedTo: null, review: null, notes: [], actions: [], takeover: null };
}

const ZERO = { asked: 0, answered: 0, reaskedNotUnderstood: 0, refused: 0, abandoned: 0 };

/** The report of {@link seed} for 2026-01-05..06 in New York, read on 2026-01-10: every figure by construction. */
export const SEED_REPORT: Report = {
  from: '2026-01-05',
  to: '2026-01-06',
  timezone: 'America/New_York',
  funnel: { conversations: 6, engaged: 5, lead: 3, mql: 3, sql: 2, booked: 3, canceled: 1 },
  questions: {
    need: { ...ZERO, asked: 4, answered: 3, abandoned: 1, medianSecondsToAnswer: 20 },
    authority: {
      ...ZERO,
      asked: 3,
      answered: 1,
      refused: 1,
      abandoned: 1,
      medianSecondsToAnswer: 30,
    },
    company: {
      asked: 2,
      answered: 1,
      reaskedNotUnderstood: 1,
      refused: 0,
      abandoned: 1,
      medianSecondsToAnswer: 10,
    },
    budget: {
      ...ZERO,
      asked: 1,
      answered: 1,
      reaskedNotUnderstood: 1,
      medianSecondsToAnswer: 40,
    },
    timeline: { ...ZERO, asked: 1, refused: 1, medianSecondsToAnswer: null },
    contact: { ...ZERO, asked: 3, answered: 3, medianSecondsToAnswer: 30 },
    booking: { ...ZERO, asked: 1, answered: 1, medianSecondsToAnswer: 10 },
  },
  sources: [
    {
      source: 'google',
      medium: 'cpc',
      campaign: 'winter',
      referrer: 'google.com',
      landingPage: '/pricing',
      ...{ conversations: 2, engaged: 2, lead: 1, mql: 1, sql: 1, booked: 1 },
      medianSecondsToLead: 95,
    },
    {
      source: 'linkedin',
      medium: null,
      campaign: null,
      referrer: null,
      landingPage: null,
      ...{ conversations: 1, engaged: 1, lead: 0, mql: 0, sql: 0, booked: 0 },
      medianSecondsToLead: null,
    },
    {
      source: 'newsletter',
      medium: 'email',
      campaign: null,
      referrer: null,
      landingPage: '/blog/post',
      ...{ conversations: 1, engaged: 1, lead: 1, mql: 1, sql: 0, booked: 1 },
      medianSecondsToLead: 60,
    },
    {
      source: null,
      medium: null,
      campaign: null,
      referrer: 'news.ycombinator.com',
      landingPage: null,
      ...{ conversations: 1, engaged: 1, lead: 1, mql: 1, sql: 1, booked: 1 },
      medianSecondsToLead: null,
    },
    {
      source: null,
      medium: null,
      campaign: null,
      referrer: null,
      landingPage: '/pricing',
      ...{ conversations: 1, engaged: 0, lead: 0, mql: 0, sql: 0, booked: 0 },
      medianSecondsToLead: null,
    },
  ],
  speedToLead: { count: 2, medianSeconds: 77.5 },
  // B's one and C's two; the conversation outside the period is not counted.
  llmFallbacks: { turns: 3, conversations: 2 },
};
