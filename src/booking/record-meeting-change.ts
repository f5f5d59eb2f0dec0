import type { Conversation, OutboxEvent } from '../conversation/conversation-schema.js';
import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { Store } from '../store/store.js';
import { updateConversation } from '../store/update-conversation.js';
import type { CalendarEntry } from './calendar.js';

export type MeetingChange = 'meeting.rescheduled' | 'meeting.canceled';

/**
 * Mirrors a meeting changed outside the chat (the booking page) into its conversation: the
 * conversation's `meeting` takes the new time, rep or status, and the change is queued in the
 * outbox in the same write, for the CRM handoff. Returns false when the conversation is gone.
 *
 * It runs in the conversation's `queue` (the chat service's), so it never lands in the middle of
 * a turn. The write is compare-and-set besides: when another writer saved the conversation in
 * between, the change is applied again to the new version (the event keeps its id).
 *
 * @example await recordMeetingChange({ store, entry, type: 'meeting.canceled', now, newId });
 */
export async function recordMeetingChange({
  store,
  entry,
  type,
  now,
  newId,
  queue,
  also = (conv) => conv,
}: {
  store: Store;
  entry: CalendarEntry;
  type: MeetingChange;
  now: Date;
  newId: () => string;
  /** The per-conversation queue the chat's turns run in; none outside a server. */
  queue?: KeyedQueue;
  /** A further change saved in the same write (the console logs the rep's action with it). */
  also?: (conversation: Conversation) => Conversation;
}): Promise<boolean> {
  if (queue)
    return queue.run(entry.conversationId, () =>
      recordMeetingChange({ store, entry, type, now, newId, also }),
    );
  // An id the store rejects (a meeting claimed for a conversation id of another format), or a
  // file it cannot read, is treated as a conversation that no longer exists.
  const known = await store.getConversation(entry.conversationId).catch(() => null);
  if (known === null) return false;
  const at = now.toISOString();
  const event: OutboxEvent = {
    id: newId(),
    type,
    occurredAt: at,
    conversationId: entry.conversationId,
  };
  const saved = await updateConversation(store, entry.conversationId, (conv) =>
    also({
      ...conv,
      meeting:
        conv.meeting !== null && conv.meeting.id === entry.id
          ? {
              ...conv.meeting,
              start: entry.start,
              end: entry.end,
              repId: entry.repId,
              status: entry.status,
            }
          : conv.meeting,
      updatedAt: at,
      outbox: [...conv.outbox, event],
    }),
  );
  return saved !== null;
}
