import { describe, expect, it } from 'vitest';
import type { CalendarEntry } from '../../../src/booking/calendar.js';
import { recordMeetingChange } from '../../../src/booking/record-meeting-change.js';
import { createKeyedQueue } from '../../../src/lib/keyed-queue.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { at, makeConversation, makeMessage } from '../../helpers/make-conversation.js';

const ENTRY: CalendarEntry = {
  id: 'meeting-1',
  conversationId: 'c-page',
  start: '2030-03-05T15:00:00.000Z',
  end: '2030-03-05T15:30:00.000Z',
  repId: 'rep-1',
  status: 'canceled',
  sequence: 1,
  createdAt: at(0),
  updatedAt: at(10),
};

describe('a meeting changed on the booking page', () => {
  it('when a chat turn of the same conversation is in progress, then the change waits for it, and the turn saves without a stale write', async () => {
    const store = createMemoryStore();
    const meeting = {
      id: 'meeting-1',
      start: ENTRY.start,
      end: ENTRY.end,
      repId: 'rep-1',
      status: 'booked' as const,
      bookedAt: at(0),
    };
    await store.saveConversation(makeConversation({ id: 'c-page', meeting }));
    const queue = createKeyedQueue();
    let finishTurn = (): void => undefined;
    let readDone = (): void => undefined;
    const turnRead = new Promise<void>((resolve) => (readDone = resolve));
    const turn = queue.run('c-page', async () => {
      const read = await store.getConversation('c-page');
      readDone();
      await new Promise<void>((resolve) => (finishTurn = resolve));
      if (read === null) throw new Error('the conversation was not saved');
      return store.saveConversation({ ...read, messages: [makeMessage(1)] });
    });
    await turnRead;
    const change = recordMeetingChange({
      store,
      entry: ENTRY,
      type: 'meeting.canceled',
      now: new Date(at(20)),
      newId: () => 'evt-page-1',
      queue,
    });
    // Give the page's change every chance to run first; the queue must hold it back.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
    finishTurn();
    await expect(turn).resolves.toMatchObject({ version: 2 });
    await expect(change).resolves.toBe(true);
    const final = await store.getConversation('c-page');
    expect(final?.messages.map((m) => m.id)).toEqual(['m1']);
    expect(final?.meeting?.status).toBe('canceled');
    expect(final?.outbox.map((e) => e.id)).toEqual(['evt-page-1']);
  });
});
