import { describe, expect, it } from 'vitest';
import { renderBookingPage } from '../../../src/booking/booking-page.js';
import type { CalendarEntry } from '../../../src/booking/calendar.js';
import { meetingDetails } from '../../../src/booking/meeting-details.js';
import { meetingIcs } from '../../../src/booking/meeting-ics.js';
import { parseConfig } from '../../../src/config/load-config.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import { getField, type Lead } from '../../../src/lead/lead-record.js';
import { VisitorSchema } from '../../../src/lead/visitor.js';
import { visibleLine, visibleText } from '../../../src/lib/visible-text.js';
import { makeConversation } from '../../helpers/make-conversation.js';
import { createTestDeps } from '../../helpers/test-deps.js';
import { readIcs } from './read-ics.js';

const config = parseConfig({
  booking: { reps: [{ id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' }] },
});
const ENTRY: CalendarEntry = {
  id: 'm-1',
  conversationId: 'conv-1',
  start: '2026-03-09T13:00:00.000Z',
  end: '2026-03-09T13:30:00.000Z',
  repId: 'ana',
  status: 'booked',
  sequence: 0,
  createdAt: '2026-03-03T15:00:00.000Z',
  updatedAt: '2026-03-03T15:00:00.000Z',
};

/** NUL, the other C0 and C1 controls, DEL, the bidirectional controls and other invisibles. */
const INVISIBLES: [string, string][] = [
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['ESC', '\u001b'],
  ['DEL', '\u007f'],
  ['NEL (C1)', '\u0085'],
  ['CSI (C1)', '\u009b'],
  ['left-to-right embedding', '\u202a'],
  ['right-to-left embedding', '\u202b'],
  ['pop directional formatting', '\u202c'],
  ['left-to-right override', '\u202d'],
  ['right-to-left override', '\u202e'],
  ['left-to-right isolate', '\u2066'],
  ['right-to-left isolate', '\u2067'],
  ['first strong isolate', '\u2068'],
  ['pop directional isolate', '\u2069'],
  ['left-to-right mark', '\u200e'],
  ['right-to-left mark', '\u200f'],
  ['Arabic letter mark', '\u061c'],
  ['zero-width space', '\u200b'],
  ['byte-order mark', '\ufeff'],
];
const ANY_INVISIBLE = new RegExp(`[${INVISIBLES.map(([, c]) => c).join('')}]`);

const entry = (value: string | number, evidence = String(value)) => ({
  value,
  evidence,
  source: 'rules' as const,
  messageId: 'm1',
  at: '2026-03-03T15:00:00.000Z',
  history: [],
});

/** What the visitor's page and invite show for a conversation and a calendar entry. */
function shown(conversation: Conversation, calendarEntry: CalendarEntry = ENTRY) {
  const details = meetingDetails({
    entry: calendarEntry,
    conversation,
    config,
    baseUrl: 'https://chat.beacon.example',
  });
  const ics = meetingIcs(details);
  const html = renderBookingPage({
    details,
    token: 'a-signed-manage-token',
    choices: [],
    canChange: true,
    horizonDays: 14,
    notice: null,
    error: null,
  });
  return { ics, invite: readIcs(ics), html };
}

describe('invisible characters in what a visitor typed', () => {
  it.each(INVISIBLES)('when a name holds a %s, then it is dropped', (_, c) => {
    expect(visibleLine(`Da${c}na Lee${c}`)).toBe('Dana Lee');
    expect(visibleText(`fix${c} our intake`)).toBe('fix our intake');
  });

  it('when text holds tabs, line breaks, emoji joiners and accents, then they stay', () => {
    expect(visibleText('line one\n\tline two')).toBe('line one\n\tline two');
    expect(visibleText('👩‍💻 Zoë, می‌خواهم')).toBe('👩‍💻 Zoë, می‌خواهم');
    expect(visibleLine('Acme\nCorp\tLtd')).toBe('Acme Corp Ltd');
  });

  it('when a visitor types their name and company with NUL and right-to-left overrides, then the record keeps them without', async () => {
    const deps = createTestDeps();
    const visitor = VisitorSchema.parse({ timezone: 'America/New_York', locale: 'en-US' });
    const { conversationId } = await deps.chatService.hello({ visitor });
    const text = "I'm Dana\u0000 Lee\u202e, COO at Acme\u2066 Corp\u2069. dana@acme.example";
    await (
      await deps.chatService.receive(conversationId, { clientId: 'c1', text }, () => {})
    ).reply;
    const conv = await deps.store.getConversation(conversationId);
    if (!conv) throw new Error('no conversation');
    expect(getField(conv.lead, 'contact.name')).toBe('Dana Lee');
    expect(getField(conv.lead, 'company.name')).toBe('Acme Corp');
    expect(JSON.stringify(conv.lead)).not.toMatch(ANY_INVISIBLE);

    const { invite, html, ics } = shown(conv, { ...ENTRY, conversationId: conv.id });
    expect(ics).not.toMatch(ANY_INVISIBLE);
    expect(invite.attendees[0]).toMatchObject({ name: 'Dana Lee', email: 'dana@acme.example' });
    expect(invite.summary).toBe('Intro call: Beacon + Acme Corp');
    expect(html).toContain('<h1>Intro call: Beacon + Acme Corp</h1>');
    expect(html).not.toMatch(ANY_INVISIBLE);
  });

  it.each(INVISIBLES)(
    'when a record stored before this holds a %s in the name and company, then the invite (read by ical.js) and the booking page show neither',
    (_, c) => {
      const lead: Lead = {
        'contact.name': entry(`Dana${c} Lee`),
        'company.name': entry(`Acme${c} Corp`),
        'contact.email': entry('dana@acme.example'),
      };
      const { ics, invite, html } = shown(makeConversation({ id: 'conv-1', lead }), {
        ...ENTRY,
        attendee: { name: `${c}Dana Lee${c}`, email: 'dana@acme.example' },
      });
      expect(ics).not.toMatch(ANY_INVISIBLE);
      expect(invite.attendees[0]?.name).toBe('Dana Lee');
      expect(invite.summary).toBe('Intro call: Beacon + Acme Corp');
      expect(html).not.toMatch(ANY_INVISIBLE);
      expect(html).toContain('Intro call: Beacon + Acme Corp');
    },
  );

  it('when a name is nothing but invisible characters, then the invite names the visitor by their email', () => {
    const lead: Lead = {
      'contact.name': entry('\u202e\u0000'),
      'contact.email': entry('kosei@northwind.example'),
    };
    const { invite } = shown(makeConversation({ id: 'conv-1', lead }));
    expect(invite.attendees[0]?.name).toBe('kosei');
  });
});
