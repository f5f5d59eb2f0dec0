import { describe, expect, it } from 'vitest';
import { createTestDeps } from '../helpers/test-deps.js';
import { OPENING, TWO_REPS, visitor, WEEK } from './booking-visitor.js';
import { offeredSlots } from '../../src/conversation/phase.js';

describe('offered times are held with a rep who is free then', () => {
  it('when two visitors are offered times while only one rep works, then each gets other times and both bookings succeed', async () => {
    const deps = createTestDeps({ config: TWO_REPS });
    // Ana took the last meeting, so round robin would hand the next one to Lee, who is off then.
    await deps.calendar.claim(
      { start: '2026-03-05T15:00:00.000Z', end: '2026-03-05T15:30:00.000Z', repIds: ['ana'] },
      { id: 'earlier', conversationId: 'someone' },
    );
    const a = await visitor(deps);
    const b = await visitor(deps);
    const offerA = await a.say(OPENING);
    const offerB = await b.say(OPENING.replace(/Dana Reyes/, 'Sam Ortiz').replace('dana@', 'sam@'));
    expect(offerA.expecting).toBe('booking');
    const startsA = offeredSlots((await a.conversation()).phase);
    const startsB = offeredSlots((await b.conversation()).phase);
    expect(startsB.filter((s) => startsA.includes(s))).toEqual([]);
    const busy = await deps.calendar.busy(...WEEK);
    expect(startsA.map((s) => busy.find((x) => x.start === s)?.repId)).toEqual([
      'ana',
      'ana',
      'ana',
    ]);

    const bookedB = await b.say(offerB.quickReplies[0]?.value ?? '');
    const bookedA = await a.say(offerA.quickReplies[0]?.value ?? '');
    expect(bookedB.text).toMatch(/You're booked/);
    expect(bookedA.text).toMatch(/You're booked/);
    const meetings = (await deps.calendar.busy(...WEEK)).filter(
      (x) => x.start !== '2026-03-05T15:00:00.000Z',
    );
    expect(meetings).toHaveLength(2);
  });

  it('when a booked visitor is offered times to move to, then those times are held for them too', async () => {
    const deps = createTestDeps({ config: TWO_REPS });
    const a = await visitor(deps);
    const offer = await a.say(OPENING);
    await a.say(offer.quickReplies[0]?.value ?? '');
    const moving = await a.say('Something came up, can we move it to Thursday?');
    expect(moving.expecting).toBe('booking');
    const offered = offeredSlots((await a.conversation()).phase);
    const busy = await deps.calendar.busy(...WEEK);
    expect(offered.length).toBeGreaterThan(0);
    for (const start of offered) expect(busy.some((x) => x.start === start)).toBe(true);
  });
});
