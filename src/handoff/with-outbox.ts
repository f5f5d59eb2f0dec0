import type { Conversation } from '../conversation/conversation-schema.js';
import type { Store } from '../store/store.js';

/** What the decorator needs from the outbox side (the delivery worker provides it). */
export type OutboxPort = {
  newEventId(): string;
  now(): Date;
  /** Runs `task` while no other outbox work runs for this conversation (saves, recovery). */
  exclusive<T>(conversationId: string, task: () => Promise<T>): Promise<T>;
  /** Durably notes the events about to be saved (before the save). */
  mark(conversationId: string, eventIds: readonly string[]): Promise<void>;
  /** Creates the events' delivery records and clears their mark (after the save). */
  handOver(conversation: Conversation, eventIds: readonly string[]): Promise<void>;
};

/**
 * Wraps a Store so that saving a conversation also feeds the outbox, without the worker ever
 * scanning conversations: events not yet stored are first noted in a durable marker, then the
 * conversation is saved, then the events are handed to the worker.
 * A crash after the marker leaves a marker naming events that were never saved (dropped at the
 * next start); a crash after the save leaves one the next start recovers. Events already stored
 * are kept even when the caller's copy lacks them.
 *
 * @example const store = withOutbox(await createLowdbStore({ dataDir }), worker.outbox);
 */
export function withOutbox(store: Store, outbox: OutboxPort): Store {
  return {
    getConversation: (id) => store.getConversation(id),
    peekConversation: (id) => store.peekConversation(id),
    listConversationIds: () => store.listConversationIds(),
    close: () => store.close(),

    saveConversation(conversation) {
      return outbox.exclusive(conversation.id, async () => {
        // Only read: no copy of the whole conversation on every save.
        const stored = await store.peekConversation(conversation.id);
        const next = withStoredEvents(conversation, stored);
        const known = new Set(stored?.outbox.map((e) => e.id) ?? []);
        const fresh = next.outbox.filter((e) => !known.has(e.id)).map((e) => e.id);
        if (fresh.length === 0) return store.saveConversation(next);

        await outbox.mark(next.id, fresh);
        const saved = await store.saveConversation(next);
        // The save has happened: a failed hand-over must not fail it. The marker stays, and the
        // worker's next refresh (or start) hands the events over.
        await outbox.handOver(next, fresh).catch(() => undefined);
        return saved;
      });
    },
  };
}

/** The caller's conversation with any stored event it does not know about kept, in stored order. */
function withStoredEvents(
  conversation: Conversation,
  stored: Readonly<Conversation> | null,
): Conversation {
  if (stored === null) return { ...conversation };
  const mine = new Set(conversation.outbox.map((e) => e.id));
  const missing = stored.outbox.filter((e) => !mine.has(e.id));
  if (missing.length === 0) return { ...conversation };
  const theirs = new Set(stored.outbox.map((e) => e.id));
  return {
    ...conversation,
    outbox: [...stored.outbox, ...conversation.outbox.filter((e) => !theirs.has(e.id))],
  };
}
