import { describe, expect, it } from 'vitest';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import { createTestDeps, FIXED_NOW } from '../helpers/test-deps.js';
import { OPENING } from './booking-visitor.js';

/** A visitor who qualifies in one message, then talks to the real service turn by turn. */
async function bookedVisitor() {
  let t = Date.parse(FIXED_NOW);
  const calendar = createMemoryCalendar([], { clock: () => new Date(t) });
  const deps = createTestDeps({ calendar });
  const { say, conversationId: sessionId } = await startChatVisitor(deps.chatService, {
    visitor: { timezone: 'America/Chicago', page: 'https://beacon.example/pricing' },
    afterTurn: () => {
      t += 60_000;
      deps.advance(60_000);
    },
  });
  const offer = await say(OPENING);
  const pick = offer.at(-1)?.quickReplies[0];
  if (!pick) throw new Error(`no meeting offered: ${JSON.stringify(offer)}`);
  const confirmed = await say(pick.value);
  return { deps, calendar, say, confirmed, sessionId };
}

describe('a booked meeting, changed in the chat', () => {
  it('when the visitor books, then the meeting is on a rep calendar with the visitor as attendee', async () => {
    const { calendar, confirmed } = await bookedVisitor();
    expect(confirmed.at(-1)).toMatchObject({ final: true });
    expect(confirmed.at(-1)?.text).toMatch(/booked/i);
    expect(calendar.entries()).toHaveLength(1);
    expect(calendar.entries()[0]).toMatchObject({
      status: 'booked',
      repId: 'rep-1',
      attendee: { name: 'Dana Reyes', email: 'dana@acme-freight.example' },
      timezone: 'America/Chicago',
    });
  });

  it('when the visitor asks to move it to Thursday, then Thursday times are offered and the pick moves the meeting', async () => {
    const { calendar, say, deps, sessionId } = await bookedVisitor();
    const before = calendar.entries()[0]?.start;
    const offer = await say('Something came up, can we move it to Thursday?');
    const choices = offer.at(-1)?.quickReplies ?? [];
    expect(offer.at(-1)?.expecting).toBe('booking');
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.every((c) => c.label.startsWith('Thu'))).toBe(true);
    const moved = await say(choices[0]?.value ?? '');
    expect(moved.at(-1)?.text).toMatch(/moved to Thu/);
    const entry = calendar.entries()[0];
    expect(entry?.start).not.toBe(before);
    expect(entry).toMatchObject({ status: 'booked', sequence: 1 });
    const conv = await deps.chatService.conversation(sessionId);
    expect(conv?.meeting?.start).toBe(entry?.start);
    expect(conv?.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
      'meeting.booked',
      'meeting.rescheduled',
    ]);
  });

  it('when the visitor asks to cancel and confirms, then the meeting is canceled on the calendar and in the record', async () => {
    const { calendar, say, deps, sessionId } = await bookedVisitor();
    const asked = await say('Please cancel my meeting, we went another way.');
    expect(asked.at(-1)?.text).toMatch(/^Cancel your meeting on /);
    expect(calendar.entries()[0]?.status).toBe('booked');
    const reply = await say(asked.at(-1)?.quickReplies[0]?.value ?? '');
    expect(reply.at(-1)?.text).toMatch(/canceled/i);
    expect(calendar.entries()[0]?.status).toBe('canceled');
    const conv = await deps.chatService.conversation(sessionId);
    expect(conv?.meeting?.status).toBe('canceled');
    expect(conv?.outbox.at(-1)?.type).toBe('meeting.canceled');
  });
});

describe('when the agent cannot reply', () => {
  it('when rendering a reply fails, then the visitor still gets an apology and their message is kept', async () => {
    let broken = false;
    const real = createTestDeps().core.renderer;
    const deps = createTestDeps({
      core: {
        renderer: {
          render: (t, v) => {
            if (broken) throw new Error('template exploded');
            return real.render(t, v);
          },
        },
      },
    });
    const { say, conversationId: sessionId } = await startChatVisitor(deps.chatService, {
      visitor: { timezone: 'UTC' },
    });
    broken = true;
    const replies = await say('We need help with inbound leads');
    expect(replies.map((m) => m.text)).toEqual([
      'Sorry, something went wrong on our side. Could you say that again?',
    ]);
    const conv = await deps.chatService.conversation(sessionId);
    expect(conv?.messages.at(-1)).toMatchObject({
      role: 'visitor',
      text: 'We need help with inbound leads',
    });
  });
});
