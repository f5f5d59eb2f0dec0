/** One conversation's events that were written (or about to be) but not yet handed to the worker. */
export type OutboxMarker = { conversationId: string; eventIds: string[] };

/**
 * The OutboxMarkers port: a durable note, per conversation, of the outbox events not yet handed
 * over. It is written before the conversation is saved, so after a crash the worker knows which
 * conversations to look at without scanning them all. Callers serialize the calls for one
 * conversation.
 *
 * @example
 *   await markers.add('conv-1', ['evt-7']);   // before the save
 *   await markers.remove('conv-1', ['evt-7']); // once evt-7 has its delivery records
 */
export type OutboxMarkers = {
  /** Adds event ids to the conversation's marker (creating it). */
  add(conversationId: string, eventIds: readonly string[]): Promise<void>;
  /** Removes event ids; the marker goes away when none is left. */
  remove(conversationId: string, eventIds: readonly string[]): Promise<void>;
  list(): Promise<OutboxMarker[]>;
};
