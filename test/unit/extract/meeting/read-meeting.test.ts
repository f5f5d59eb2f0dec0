import { describe, expect, it } from 'vitest';
import { slotLabel } from '../../../../src/booking/availability.js';
import { readMeeting } from '../../../../src/extract/meeting/read-meeting.js';

const NOW = new Date('2026-03-03T15:00:00Z'); // Tuesday, 10:00 in New York
const OFFERED = ['2026-03-03T19:00:00.000Z', '2026-03-03T19:30:00.000Z'];
const read = (text: string) =>
  readMeeting(text, { now: NOW, timezone: 'America/New_York', locale: 'en-US', offered: OFFERED });

describe('what a visitor message says about meetings, read before the engine runs', () => {
  it.each([
    ['Can we move it to Thursday?', { intent: 'move', asksForMeeting: true }],
    ['Sorry, please cancel my meeting', { intent: 'cancel' }],
    ['Could you drop me the link for the call again?', { intent: 'links' }],
    ["I'm not sure yet, let me check my calendar", { offerReply: 'hesitate', yesNo: null }],
    ['no thanks', { offerReply: 'decline', keepsMeeting: true, yesNo: { agreed: false } }],
    ['Yes, please follow up', { yesNo: { agreed: true, evidence: 'Yes, please follow up' } }],
    ['keep it', { keepsMeeting: true, intent: null }],
    ['Actually, can we book a call on Thursday at 4pm?', { asksForMeeting: true }],
  ])('"%s" reads as %j', (text, expected) => {
    expect(read(text)).toMatchObject(expected);
  });

  it('reads a pick from the times on offer, a quick reply, and a typed time', () => {
    expect(read('the second one').choice.pick).toEqual({ position: 2, explicit: true });
    expect(read(slotLabel(OFFERED[1] ?? '', 'America/New_York', 'en-US')).choice.named).toEqual([
      OFFERED[1],
    ]);
    expect(read(OFFERED[0] ?? '').choice.instant).toBe(OFFERED[0]);
    expect(read('Thursday at 2pm').choice.wanted?.time).toEqual({
      hour: 14,
      minute: 0,
      ambiguous: false,
    });
  });
});
