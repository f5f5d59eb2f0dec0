import { describe, expect, it } from 'vitest';
import { readRequestedTime } from '../../../../src/extract/meeting/read-requested-time.js';
import {
  asksForMeeting,
  keepsMeeting,
  readMeetingIntent,
  readOfferReply,
  wantsToBook,
} from '../../../../src/extract/meeting/read-meeting-intent.js';

const NOW = new Date('2026-03-03T15:00:00Z');

describe('what a visitor with a booked meeting asks for', () => {
  it.each([
    ['cancel my meeting', 'cancel'],
    ['Sorry, please cancel my meeting', 'cancel'],
    ['Please cancel my meeting, we went another way.', 'cancel'],
    ['cancel', 'cancel'],
    ['We need to cancel', 'cancel'],
    ['Can you call off the call on Thursday?', 'cancel'],
    ['please cancel it', 'cancel'],
    ["I can't make it then, can we move it to Friday?", 'move'],
    ["I won't make it, sorry", 'move'],
    ['Can we move it to Friday?', 'move'],
    ['Something came up, can we reschedule?', 'move'],
    ['is there another time on Thursday?', 'move'],
    ['cancel it and book Friday instead', 'move'],
    ['Could you drop me the link for the call again?', 'links'],
    ["I can't find the invite", 'links'],
    ['Can you resend the calendar invite?', 'links'],
    ['where is the link?', 'links'],
    ["Don't cancel, I'll be there", null],
    ['Do you integrate with HubSpot?', null],
    ['Thanks, see you then!', null],
    ['Can you drop the price a bit?', null],
  ] as const)('when they write "%s", then it reads as %s', (text, expected) => {
    expect(readMeetingIntent(text)).toBe(expected);
  });
});

describe('an answer to a meeting offer that names no time', () => {
  it.each([
    ['no thanks', 'decline'],
    ['No', 'decline'],
    ['nope, sorry', 'decline'],
    ['not interested in a call', 'decline'],
    ["I don't want a call", 'decline'],
    ["I'd rather not say.", 'decline'],
    ["I'm not sure yet, let me check my calendar", 'hesitate'],
    ['let me check with my boss first', 'hesitate'],
    ['maybe later', 'hesitate'],
    ['not now', 'hesitate'],
    ['hmm', null],
    ['no, Friday is better', null],
    ['blue', null],
  ] as const)('when the visitor answers "%s", then it is %s', (text, expected) => {
    expect(readOfferReply(text)).toBe(expected);
  });

  it.each(['keep it', 'No, keep my meeting', 'leave it as is', 'no thanks'])(
    'when offered other times, "%s" keeps the meeting',
    (text) => {
      expect(keepsMeeting(text)).toBe(true);
    },
  );
});

describe('a visitor with no meeting asking for one', () => {
  it.each([
    ['can I book Friday at 10am instead?', true],
    ['book a new meeting', true],
    ["let's set up a call after all", true],
    ['Could we find another time?', true],
    ['Actually, Thursday at 2pm works', true],
    ['thanks, bye', false],
    ['I have no time for this', false],
    ["please don't book anything", false],
    ['Is there a free trial?', false],
  ] as const)('when they write "%s", then it is a booking request: %s', (text, expected) => {
    expect(asksForMeeting(text, readRequestedTime(text, NOW, 'Europe/Berlin'))).toBe(expected);
  });

  it('when they say "book", then it is a booking request', () => {
    expect(wantsToBook('can we book?')).toBe(true);
  });
});
