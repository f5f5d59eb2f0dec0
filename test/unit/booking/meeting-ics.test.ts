import { describe, expect, it } from 'vitest';
import { meetingIcs, type MeetingInvite } from '../../../src/booking/meeting-ics.js';
import { readIcs } from './read-ics.js';

const invite: MeetingInvite = {
  id: '6f1c1a2e-3b7d-4c55-9a63-1d2f0b9e8c41',
  uidDomain: 'beacon.example',
  start: '2026-03-09T13:00:00.000Z',
  end: '2026-03-09T13:30:00.000Z',
  status: 'booked',
  sequence: 0,
  summary: 'Intro call: Beacon + Brightfield Tooling',
  description:
    'Intro call with Ana Lindqvist (Beacon).\nTo reschedule or cancel: https://chat.beacon.example/bookings/6f1c1a2e',
  url: 'https://chat.beacon.example/bookings/6f1c1a2e-3b7d-4c55-9a63-1d2f0b9e8c41',
  organizer: { name: 'Ana Lindqvist', email: 'ana@beacon.example' },
  attendee: { name: 'Dana Whitfield', email: 'dana@brightfield.example' },
  createdAt: '2026-03-03T15:00:00.000Z',
  updatedAt: '2026-03-03T15:00:00.000Z',
};

describe('the meeting invite (RFC 5545)', () => {
  it('when a meeting is booked, then a calendar app reads the right instants, people and request', () => {
    const read = readIcs(meetingIcs(invite));
    expect(read).toEqual({
      method: 'REQUEST',
      uid: '6f1c1a2e-3b7d-4c55-9a63-1d2f0b9e8c41@beacon.example',
      sequence: 0,
      status: 'CONFIRMED',
      summary: 'Intro call: Beacon + Brightfield Tooling',
      start: '2026-03-09T13:00:00.000Z',
      end: '2026-03-09T13:30:00.000Z',
      stamp: '2026-03-03T15:00:00.000Z',
      organizer: { name: 'Ana Lindqvist', email: 'ana@beacon.example' },
      attendees: [
        {
          name: 'Dana Whitfield',
          email: 'dana@brightfield.example',
          partstat: 'NEEDS-ACTION',
          rsvp: 'TRUE',
        },
      ],
    });
  });

  it('when the times are written, then they are UTC instants, not floating local times', () => {
    const text = meetingIcs(invite);
    expect(text).toContain('DTSTART:20260309T130000Z');
    expect(text).toContain('DTEND:20260309T133000Z');
    expect(text.split('\r\n').every((line) => line.length <= 75)).toBe(true);
  });

  it('when the meeting is moved, then the same UID comes with a higher sequence', () => {
    const moved = readIcs(
      meetingIcs({
        ...invite,
        start: '2026-03-10T14:00:00.000Z',
        end: '2026-03-10T14:30:00.000Z',
        sequence: 1,
        updatedAt: '2026-03-04T09:00:00.000Z',
      }),
    );
    expect(moved).toMatchObject({
      uid: readIcs(meetingIcs(invite)).uid,
      sequence: 1,
      start: '2026-03-10T14:00:00.000Z',
      stamp: '2026-03-04T09:00:00.000Z',
    });
  });

  it('when the meeting is canceled, then the invite is a cancellation calendar apps act on', () => {
    expect(readIcs(meetingIcs({ ...invite, status: 'canceled', sequence: 2 }))).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 2,
    });
  });

  it('when the same version is downloaded twice, then the bytes are the same', () => {
    expect(meetingIcs(invite)).toBe(meetingIcs(invite));
  });

  it('when a name holds quotes or line breaks, then they cannot break out of the property', () => {
    const text = meetingIcs({
      ...invite,
      attendee: {
        name: 'Dana "DW"\r\nATTENDEE:mailto:intruder@evil.example',
        email: 'dana@brightfield.example',
      },
    });
    const read = readIcs(text);
    expect(read.attendees).toHaveLength(1);
    expect(read.attendees[0]?.email).toBe('dana@brightfield.example');
    expect(text).not.toMatch(/^ATTENDEE:mailto:intruder/m);
  });

  it('when the visitor email is not a usable address, then the invite has no attendee rather than a broken one', () => {
    expect(
      readIcs(
        meetingIcs({
          ...invite,
          attendee: { name: 'Dana', email: 'dana@brightfield.example\r\nX-EVIL:1' },
        }),
      ).attendees,
    ).toEqual([]);
  });
});
