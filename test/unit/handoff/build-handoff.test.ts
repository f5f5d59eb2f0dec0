import { meetingToken } from '../../../src/booking/meeting-links.js';
import { TEST_SECRET } from '../../helpers/test-deps.js';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { buildHandoff } from '../../../src/handoff/webhook/build-handoff.js';
import { EVENT_TYPES } from '../../../src/handoff/webhook/event-types.js';
import type { FieldPath } from '../../../src/lead/field-paths.js';
import { leadOf, qualifiedConversation, SQL_VALUES } from './handoff-fixtures.js';

const config = parseConfig({ server: { publicUrl: 'https://chat.beacon.example/leadbot' } });
const EVENT = {
  id: 'evt-9',
  type: 'lead.qualified',
  occurredAt: '2026-03-03T15:00:00.000Z',
  conversationId: 'conv-q1',
};
const MEETING = {
  id: 'mtg-1',
  start: '2026-03-05T15:00:00.000Z',
  end: '2026-03-05T15:30:00.000Z',
  repId: 'rep-1',
  status: 'booked' as const,
  bookedAt: '2026-03-03T15:01:00.000Z',
};

function summaryOf(
  values: Partial<Record<FieldPath, unknown>>,
  extra: Parameters<typeof qualifiedConversation>[0] = {},
): string {
  return buildHandoff(qualifiedConversation({ lead: leadOf(values), ...extra }), EVENT, config)
    .packet.summary;
}

describe('the rep summary', () => {
  it.each([
    [
      'a full SQL lead',
      SQL_VALUES,
      /^Kim Osei, COO at Northwind Parcel \(120 people\): \$30K\/yr, live within a quarter, wants a demo\. Hot \(\d+\), SQL\.$/,
    ],
    [
      'no name: the email stands in',
      { 'contact.email': 'ops@harbor.example' },
      /^ops@harbor\.example\. Cold \(\d+\), lead\.$/,
    ],
    ['nothing known', {}, /^Unnamed visitor\. Cold \(\d+\), visitor\.$/],
    [
      'a monthly budget in euros',
      {
        'contact.name': 'Ana Ruiz',
        'budget.amount': 2500,
        'budget.currency': 'EUR',
        'budget.period': 'monthly',
      },
      /^Ana Ruiz: €2\.5K\/mo\. /,
    ],
    [
      'no budget at all',
      { 'contact.name': 'Ana Ruiz', 'budget.status': 'none' },
      /^Ana Ruiz: no budget\. /,
    ],
    [
      'a target date',
      {
        'contact.name': 'Ana Ruiz',
        'timeline.targetDate': '2026-04-30',
        'timeline.bucket': 'quarter',
      },
      /^Ana Ruiz: live by Apr 30, 2026\. /,
    ],
    [
      'a name typed over two lines',
      { 'contact.name': 'Ana\nRuiz', 'company.name': 'Tide\tWorks' },
      /^Ana Ruiz at Tide Works\. /,
    ],
  ])('when the lead has %s, then the summary reads well on one line', (_, values, expected) => {
    expect(summaryOf(values)).toMatch(expected);
  });

  it('when the visitor asked for a person and booked a meeting, then the summary says both, with the time in the rep time zone', () => {
    const s = summaryOf(
      { 'contact.name': 'Ana Ruiz' },
      { handoffRequested: true, meeting: MEETING },
    );
    expect(s).toMatch(/^Ana Ruiz: asked to talk to a person, meeting Thu, Mar 5, 10:00 AM EST\. /);
  });
});

describe('the rep packet', () => {
  it('when a qualified lead is handed off, then the packet has the record, evidence, score with breakdown, attribution, consent and transcript', () => {
    const { packet } = buildHandoff(qualifiedConversation(), EVENT, config);
    expect(packet).toMatchObject({
      type: 'lead.qualified',
      id: 'evt-9',
      occurredAt: EVENT.occurredAt,
      conversationId: 'conv-q1',
      lead: {
        contact: { name: 'Kim Osei', email: 'kim.osei@northwind.example', phone: null },
        budget: { amount: 30000, currency: 'USD', period: 'yearly', status: 'stated' },
        need: { summary: SQL_VALUES['need.summary'] },
        grade: 'hot',
        stage: 'SQL',
      },
      meeting: null,
      attribution: {
        page: 'https://beacon.example/pricing',
        referrer: 'https://search.example/',
        utm: { source: 'newsletter', campaign: 'spring' },
      },
      consent: { contact: true },
      transcript: [{ role: 'agent', text: 'Hi! What brings you here today?' }, { role: 'visitor' }],
    });
    expect(packet.lead.evidence['company.size']).toEqual({
      quote: 'quote for company.size',
      source: 'rules',
      at: '2026-03-03T15:00:00.000Z',
    });
    expect(Object.keys(packet.lead.evidence)).not.toContain('contact.phone');
    expect(packet.lead.breakdown.map((l) => l.signal)).toEqual(
      expect.arrayContaining(['authority', 'budget', 'timeline', 'demo request', 'page']),
    );
    expect(packet.lead.breakdown.reduce((s, l) => s + l.points, 0)).toBe(packet.lead.score);
  });

  it('when a meeting is booked, then the packet names the rep and links the invite under the public URL', () => {
    const { packet, view } = buildHandoff(
      qualifiedConversation({ meeting: MEETING }),
      { ...EVENT, type: 'meeting.booked' },
      config,
      TEST_SECRET,
    );
    expect(packet.meeting).toEqual({
      id: 'mtg-1',
      start: MEETING.start,
      end: MEETING.end,
      status: 'booked',
      bookedAt: MEETING.bookedAt,
      rep: { id: 'rep-1', name: 'the Beacon sales team', email: 'sales@beacon.example' },
      icsUrl: `https://chat.beacon.example/leadbot/bookings/mtg-1.ics?t=${meetingToken(TEST_SECRET, 'invite', 'mtg-1')}`,
    });
    expect(view).toMatchObject({
      headline: 'Meeting booked: Kim Osei, COO at Northwind Parcel (120 people)',
      firstName: 'Kim',
      lastName: 'Osei',
      meetingUrl: packet.meeting?.icsUrl,
    });
  });

  it('when the packet is serialized, then nothing is lost (no undefined, no functions)', () => {
    const { packet } = buildHandoff(qualifiedConversation({ meeting: MEETING }), EVENT, config);
    expect(JSON.parse(JSON.stringify(packet))).toEqual(packet);
  });
});

describe('the headline of each event', () => {
  const canceled = { ...MEETING, status: 'canceled' as const };
  it.each([
    ['lead.qualified', null, 'New qualified lead: Kim Osei, COO at Northwind Parcel (120 people)'],
    [
      'lead.handoff_requested',
      null,
      'Kim Osei, COO at Northwind Parcel (120 people) asks to talk to a person',
    ],
    ['lead.updated', null, 'Lead updated: Kim Osei, COO at Northwind Parcel (120 people)'],
    ['meeting.booked', MEETING, 'Meeting booked: Kim Osei, COO at Northwind Parcel (120 people)'],
    [
      'meeting.rescheduled',
      MEETING,
      'Meeting moved to Thu, Mar 5, 10:00 AM EST: Kim Osei, COO at Northwind Parcel (120 people)',
    ],
    [
      'meeting.canceled',
      canceled,
      'Meeting canceled: Kim Osei, COO at Northwind Parcel (120 people)',
    ],
  ] as const)(
    'when the event is %s, then the headline says what happened',
    (type, meeting, headline) => {
      const { view } = buildHandoff(qualifiedConversation({ meeting }), { ...EVENT, type }, config);
      expect(view.headline).toBe(headline);
    },
  );

  it('when every known event type is built, then each has its own headline (none falls back to the raw type)', () => {
    for (const type of EVENT_TYPES) {
      expect(
        buildHandoff(qualifiedConversation({ meeting: MEETING }), { ...EVENT, type }, config).view
          .headline,
      ).not.toContain(type);
    }
  });

  it('when the meeting is canceled, then the summary says so and the view has no invite link', () => {
    const { packet, view } = buildHandoff(
      qualifiedConversation({ meeting: canceled }),
      { ...EVENT, type: 'meeting.canceled' },
      config,
    );
    expect(packet.summary).toContain('canceled the meeting of Thu, Mar 5, 10:00 AM EST');
    expect(view).toMatchObject({
      meetingUrl: null,
      meetingCanceled: true,
      meetingRescheduled: false,
    });
  });
});
