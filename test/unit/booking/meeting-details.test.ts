import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../src/booking/calendar.js';
import { meetingDetails } from '../../../src/booking/meeting-details.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { makeConversation, makeLead } from '../../helpers/make-conversation.js';

const config = parseConfig({
  booking: { reps: [{ id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' }] },
});
const entry: CalendarEntry = {
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

describe('what a meeting shows on its page and invite', () => {
  it('when the calendar kept the visitor and their zone, then those are used, labelled in that zone', () => {
    const d = meetingDetails({
      entry: {
        ...entry,
        attendee: { name: 'Dana Whitfield', email: 'dana@brightfield.example' },
        timezone: 'Asia/Kolkata',
      },
      conversation: null,
      config,
      baseUrl: null,
    });
    expect(d).toMatchObject({
      attendee: { name: 'Dana Whitfield', email: 'dana@brightfield.example' },
      timezone: 'Asia/Kolkata',
      summary: 'Intro call: Beacon',
      url: null,
    });
    expect(d.startLabel.replace(/\s/g, ' ')).toBe('Mon, Mar 9, 6:30 PM GMT+5:30');
  });

  it('when the calendar knows nothing about the visitor, then the conversation supplies their zone (the saved one unless ?tz= overrides it)', () => {
    const conversation = makeConversation({ id: 'conv-1' });
    expect(meetingDetails({ entry, conversation, config, baseUrl: null }).timezone).toBe(
      'Europe/Berlin',
    );
    expect(
      meetingDetails({ entry, conversation, config, baseUrl: null, timezone: 'America/Chicago' })
        .timezone,
    ).toBe('America/Chicago');
    expect(
      meetingDetails({ entry, conversation, config, baseUrl: null, timezone: 'Not/AZone' })
        .timezone,
    ).toBe('Europe/Berlin');
  });

  it('when the visitor never gave a name, then the invite names them by their email local part, not the address', () => {
    const conversation = makeConversation({ id: 'conv-1', lead: makeLead() });
    expect(meetingDetails({ entry, conversation, config, baseUrl: null }).attendee).toEqual({
      name: 'dana',
      email: 'dana@brightfield.example',
    });
  });

  it('when there is no conversation and no attendee, then the invite has no attendee and the company zone is used', () => {
    const d = meetingDetails({
      entry,
      conversation: null,
      config,
      baseUrl: 'https://chat.beacon.example',
      pageToken: 'tok-1',
    });
    expect(d).toMatchObject({
      attendee: null,
      timezone: 'America/New_York',
      url: 'https://chat.beacon.example/bookings/m-1?t=tok-1',
    });
    expect(d.description).toContain('https://chat.beacon.example/bookings/m-1?t=tok-1');
  });

  it('when the invite is opened without the manage token (the webhook link), then it carries no page link', () => {
    const d = meetingDetails({ entry, conversation: null, config, baseUrl: 'https://x.example' });
    expect(d.url).toBeNull();
    expect(d.description).not.toContain('/bookings/');
  });

  it('when the rep has left the config, then the company organizes the meeting from the first rep address', () => {
    expect(
      meetingDetails({
        entry: { ...entry, repId: 'gone' },
        conversation: null,
        config,
        baseUrl: null,
      }).organizer,
    ).toEqual({ name: 'Beacon', email: 'ana@beacon.example' });
  });
});
