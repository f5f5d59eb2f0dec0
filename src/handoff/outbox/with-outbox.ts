import type { Store } from '../../store/store.js';
import { withSave } from '../../store/with-save.js';

/** What the decorator needs from the delivery worker. */
export type OutboxPort = {
  /**
   * Turns the conversation's pending outbox events into delivery records and marks them handed
   * over (nothing to do when none is pending).
   */
  handOver(conversationId: string): Promise<void>;
};

/**
 * Wraps a Store so that the outbox events a save stored are handed to the delivery worker at
 * once, instead of at its next refresh. The save itself already stored them as pending, in
 * the same write as the conversation: a failed or interrupted hand-over loses nothing, the
 * worker's next refresh (or start) hands them over.
 *
 * @example const store = withOutbox(await createLowdbStore({ dataDir }), worker.outbox);
 */
export function withOutbox(store: Store, outbox: OutboxPort): Store {
  return withSave(store, async (conversation) => {
    const saved = await store.saveConversation(conversation);
    // A conversation with no event at all has nothing pending: no look-up on most saves.
    if (saved.outbox.length > 0) await outbox.handOver(saved.id).catch(() => undefined);
    return saved;
  });
}
