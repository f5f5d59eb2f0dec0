import type { Conversation, OutboxEvent } from '../conversation/conversation-schema.js';
import type { Store } from './store.js';
import { withSave } from './with-save.js';

/** One landed save: the conversation as stored, and its outbox events still pending after it. */
export type SavedConversation = { conversation: Conversation; pending: OutboxEvent[] };
export type SaveListener = (saved: SavedConversation) => void;

/** Who hears about saves: the console's live inbox, lead pages, takeover. */
export type SaveEvents = {
  /** Adds a listener; returns the function that removes it. */
  on(listener: SaveListener): () => void;
  emit(saved: SavedConversation): void;
};

/**
 * A tiny synchronous event bus for landed saves. A listener that throws is skipped: a
 * console's failure never fails a visitor's turn.
 *
 * @example const saves = createSaveEvents(); saves.on(({ conversation }) => refresh(conversation.id));
 */
export function createSaveEvents(): SaveEvents {
  const listeners = new Set<SaveListener>();
  return {
    on(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    emit(saved) {
      for (const listener of listeners) {
        try {
          listener(saved);
        } catch {
          // A listener's bug must not reach the writer; listeners log their own failures.
        }
      }
    },
  };
}

/**
 * Wraps a Store so that every landed save is announced on `events`, with the save's outbox
 * events that are still pending (wrap it inside `withOutbox`, which hands them over, so the
 * new ones are still there). Erases are not announced.
 *
 * @example const store = withOutbox(observeSaves(base, saves), worker.outbox);
 */
export function observeSaves(store: Store, events: SaveEvents): Store {
  return withSave(store, async (conversation) => {
    const saved = await store.saveConversation(conversation);
    const pending = saved.outbox.length === 0 ? [] : await store.pendingEvents(saved.id);
    events.emit({ conversation: saved, pending: pending.flatMap((p) => p.events) });
    return saved;
  });
}
