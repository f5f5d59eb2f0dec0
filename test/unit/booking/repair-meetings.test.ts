import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../src/booking/calendar.js';
import { createMemoryCalendar } from '../../../src/booking/memory-calendar.js';
import { releaseOrphanMeetings } from '../../../src/booking/repair-meetings.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { recordingLogger } from '../handoff/handoff-fixtures.js';
import { makeConversation } from '../../helpers/make-conversation.js';

const NOW = '2030-03-04T12:00:00.000Z';
const entry = (
  id: string,
  conversationId: string,
  start: string,
  status: CalendarEntry['status'] = 'booked',
): CalendarEntry => {
  const end = new Date(Date.parse(start) + 30 * 60_000).toISOString();
  return {
    id,
    conversationId,
    start,
    end,
    repId: 'rep-1',
    status,
    sequence: 0,
    createdAt: NOW,
    updatedAt: NOW,
  };
};

describe('start-up repair of meetings no conversation refers to', () => {
  it('when the calendar holds meetings, then only booked future ones that their conversation does not name are canceled, each logged', async () => {
    const meetings = [
      // The conversation names it: a real booking.
      entry('mt-kept', 'c-booked', '2030-03-05T15:00:00.000Z'),
      // Its conversation was saved before the booking and never after: a phantom.
      entry('mt-phantom', 'c-offered', '2030-03-05T16:00:00.000Z'),
      // No conversation at all.
      entry('mt-orphan', 'c-missing', '2030-03-06T16:00:00.000Z'),
      // The conversation names another meeting.
      entry('mt-other', 'c-booked', '2030-03-07T16:00:00.000Z'),
      // Over already, or canceled: nothing to free.
      entry('mt-past', 'c-missing', '2030-03-03T16:00:00.000Z'),
      entry('mt-canceled', 'c-missing', '2030-03-05T17:00:00.000Z', 'canceled'),
    ];
    const calendar = createMemoryCalendar(meetings, { clock: () => new Date(NOW) });
    const store = createMemoryStore();
    const booked = meetings[0]!;
    await store.saveConversation(
      makeConversation({
        id: 'c-booked',
        meeting: {
          id: booked.id,
          start: booked.start,
          end: booked.end,
          repId: 'rep-1',
          status: 'booked',
          bookedAt: NOW,
        },
      }),
    );
    await store.saveConversation(makeConversation({ id: 'c-offered' }));
    const logger = recordingLogger();

    const released = await releaseOrphanMeetings({
      calendar,
      store,
      clock: () => new Date(NOW),
      logger,
    });

    expect(released.map((e) => e.id)).toEqual(['mt-phantom', 'mt-orphan', 'mt-other']);
    expect(Object.fromEntries(calendar.entries().map((e) => [e.id, e.status]))).toEqual({
      'mt-kept': 'booked',
      'mt-phantom': 'canceled',
      'mt-orphan': 'canceled',
      'mt-other': 'canceled',
      'mt-past': 'booked',
      'mt-canceled': 'canceled',
    });
    expect(logger.entries.map((l) => l.meta?.meetingId)).toEqual([
      'mt-phantom',
      'mt-orphan',
      'mt-other',
    ]);
    // Run again (the next start): nothing left to repair.
    expect(
      await releaseOrphanMeetings({ calendar, store, clock: () => new Date(NOW), logger }),
    ).toEqual([]);
  });
});
