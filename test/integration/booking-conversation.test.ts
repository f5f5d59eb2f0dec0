import { describe, expect, it } from 'vitest';
import { meetingDetails } from '../../src/booking/meeting-details.js';
import { meetingIcs } from '../../src/booking/meeting-ics.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { readIcs } from '../unit/booking/read-ics.js';
import { OPENING, plain, visitor, WEEK } from './booking-visitor.js';

describe('canceling, moving and rebooking in the chat', () => {
  async function booked(deps = createTestDeps()) {
    const v = await visitor(deps);
    const offer = await v.say(OPENING);
    const confirmed = await v.say(offer.quickReplies[0]?.value ?? '');
    expect(confirmed.text).toMatch(/You're booked/);
    return { deps, ...v };
  }

  it('when the visitor asks to cancel, then the chat asks first and cancels only on yes; then "can I book Friday at 10am instead?" books again', async () => {
    const { deps, say, conversation } = await booked();
    const asked = await say('Please cancel my meeting, we went another way.');
    expect(plain(asked.text)).toMatch(/^Cancel your meeting on Tue, Mar 3, 1:00 PM CST\?/);
    expect(asked.quickReplies.map((q) => q.label)).toEqual(['Yes, cancel it', 'No, keep it']);
    expect((await deps.calendar.busy(...WEEK)).length).toBe(1);

    const canceled = await say(asked.quickReplies[0]?.value ?? '');
    expect(canceled).toMatchObject({ final: false });
    expect(canceled.text).toMatch(/canceled/);
    expect((await conversation()).meeting?.status).toBe('canceled');

    const rebooked = await say('can I book Friday at 10am instead?');
    expect(plain(rebooked.text)).toMatch(/You're booked.*Fri, Mar 6, 10:00 AM CST/);
    const conv = await conversation();
    expect(conv.meeting).toMatchObject({ status: 'booked', start: '2026-03-06T16:00:00.000Z' });
    expect(conv.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
      'meeting.booked',
      'meeting.canceled',
      'meeting.booked',
    ]);
  });

  it('when a canceled visitor asks to "book a new meeting", then times are offered again', async () => {
    const { say } = await booked();
    await say('cancel my meeting');
    await say('yes');
    const offer = await say('book a new meeting');
    expect(offer.expecting).toBe('booking');
    expect(offer.quickReplies).toHaveLength(3);
  });

  it.each([
    ["I can't make it then, can we move it to Friday?", /Fri/],
    ['Could you drop me the link for the call again?', /\/bookings\/[\w-]+\.ics/],
  ])(
    'when the visitor writes "%s", then the meeting stays booked and the reply fits the request',
    async (text, reply) => {
      const { deps, say, conversation } = await booked();
      const r = await say(text);
      expect(plain(r.text + r.quickReplies.map((q) => q.label).join(' '))).toMatch(reply);
      expect((await conversation()).meeting?.status).toBe('booked');
      expect((await deps.calendar.busy(...WEEK)).length).toBeGreaterThanOrEqual(1);
    },
  );
});

describe('a qualified visitor who is not ready to pick a time', () => {
  it('when they hesitate, then the times stay open and a later typed choice books', async () => {
    const deps = createTestDeps();
    const v = await visitor(deps);
    await v.say(OPENING);
    const wait = await v.say("I'm not sure yet, let me check my calendar");
    expect(wait).toMatchObject({ final: false, expecting: 'booking' });
    expect(wait.text).toMatch(/stay open/);
    expect(wait.quickReplies).toHaveLength(3);
    const done = await v.say('ok, Thursday at 2pm works');
    expect(plain(done.text)).toMatch(/You're booked.*Thu, Mar 5, 2:00 PM CST/);
  });

  it('when two answers are unclear, then the chat says it did not understand and keeps offering', async () => {
    const deps = createTestDeps();
    const v = await visitor(deps);
    await v.say(OPENING);
    for (const text of ['hmm', 'purple']) {
      const r = await v.say(text);
      expect(r).toMatchObject({ final: false, expecting: 'booking' });
      expect(r.text).toMatch(/didn't catch/);
    }
  });

  it('when they decline and later ask for a call, then a meeting is booked', async () => {
    const deps = createTestDeps();
    const v = await visitor(deps);
    await v.say(OPENING);
    const no = await v.say('no thanks');
    expect(no.final).toBe(true);
    const later = await v.say("Actually, let's set up a call on Thursday at 2pm");
    expect(plain(later.text)).toMatch(/You're booked.*Thu, Mar 5, 2:00 PM CST/);
  });
});

describe('typed times read the way the visitor means them', () => {
  it.each([
    // Kolkata's morning is New York's night: never 12:00 AM, the nearest evening times and why.
    [
      'Asia/Kolkata',
      'any time Friday morning',
      /outside our team's working hours/,
      /Fri, Mar 6, 7:30 PM GMT\+5:30/,
    ],
    // "at 10" is 10 AM in Berlin, before New York opens: never 10:00 PM.
    [
      'Europe/Berlin',
      'tomorrow at 10',
      /outside our team's working hours/,
      /Wed, Mar 4, 3:00 PM GMT\+1/,
    ],
    ['America/Chicago', 'April 20 at 10am', /booked only 14 days ahead/, /Tue, Mar 17/],
  ])(
    'when a visitor in %s types "%s", then nothing is booked and the reply says why',
    async (zone, text, why, offered) => {
      const deps = createTestDeps();
      const v = await visitor(deps, zone);
      await v.say(OPENING);
      const r = await v.say(text);
      expect(r.expecting).toBe('booking');
      expect(r.text).toMatch(why);
      expect(plain(r.quickReplies.map((q) => q.label).join(' | '))).toMatch(offered);
      expect((await v.conversation()).meeting).toBeNull();
    },
  );
});

describe('a visitor who keeps their name to themselves', () => {
  it('when the name is refused, then the booking still works and the invite names them by their email, not as an address', async () => {
    const deps = createTestDeps();
    const v = await visitor(deps);
    const ask = await v.say(
      "I'm the COO of Acme Freight, 250 people. Our inbound quote requests pile up unanswered. We have $60k a year and want it live within a month. Reach me at kosei@acme-freight.example",
    );
    expect(ask.expecting).toBe('contact');
    const offer = await v.say("I'd rather not say");
    expect(offer.expecting).toBe('booking');
    const done = await v.say(offer.quickReplies[0]?.value ?? '');
    expect(done.text).toMatch(/You're booked/);
    const conv = await v.conversation();
    const entry = await deps.calendar.get(conv.meeting?.id ?? '');
    if (!entry) throw new Error('no meeting');
    const invite = readIcs(
      meetingIcs(meetingDetails({ entry, conversation: conv, config: deps.config, baseUrl: null })),
    );
    expect(invite.attendees).toEqual([
      expect.objectContaining({ name: 'kosei', email: 'kosei@acme-freight.example' }),
    ]);
  });
});
