import type { Conversation, OutboxEvent } from '../conversation/conversation-schema.js';
import type { Store } from '../store/store.js';
import type { CalendarEntry } from './calendar.js';

export type MeetingChange = 'meeting.rescheduled' | 'meeting.canceled';

/**
 * Mirrors a meeting changed outside the chat (the booking page) into its conversation: the
 * conversation's `meeting` takes the new time, rep or status, and the change is queued in the
 * outbox in the same write, for the CRM handoff. Returns false when the conversation is gone.
 *
 * The chat shell serializes a conversation's writes on its own queue, which this write is not
 * part of: a visitor chatting in the very same instant could overwrite it (last write wins).
 *
 * @example await recordMeetingChange({ store, entry, type: 'meeting.canceled', now, newId });
 */
export async function recordMeetingChange({
  store,
  entry,
  type,
  now,
  newId,
}: {
  store: Store;
  entry: CalendarEntry;
  type: MeetingChange;
  now: Date;
  newId: () => string;
}): Promise<boolean> {
  // An id the store rejects (a meeting claimed for a conversation id of another format) is
  // treated as a conversation that no longer exists.
  const conv = await store.getConversation(entry.conversationId).catch(() => null);
  if (conv === null) return false;
  const meeting: Conversation['meeting'] =
    conv.meeting !== null && conv.meeting.id === entry.id
      ? {
          ...conv.meeting,
          start: entry.start,
          end: entry.end,
          repId: entry.repId,
          status: entry.status,
        }
      : conv.meeting;
  const at = now.toISOString();
  const event: OutboxEvent = { id: newId(), type, occurredAt: at, conversationId: conv.id };
  await store.saveConversation({
    ...conv,
    meeting,
    updatedAt: at,
    outbox: [...conv.outbox, event],
  });
  return true;
}
