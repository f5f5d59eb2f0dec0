import type { Conversation } from '../conversation/conversation-schema.js';

/**
 * The Store port. One conversation is one document; saving it is atomic (all of it or none
 * of it), so a state change and the outbox events it produced land together.
 *
 * @example
 *   const conv = await store.getConversation(id);
 *   const saved = await store.saveConversation({ ...conv, phase: { kind: 'ended' } });
 */
export type Store = {
  /** A copy of the stored conversation: the caller may change it freely. */
  getConversation(id: string): Promise<Conversation | null>;
  /**
   * The stored conversation for readers that only look (the outbox decorator compares it with
   * the next version on every save): an adapter may return its own object, not a copy, so
   * never change what it returns.
   */
  peekConversation(id: string): Promise<Readonly<Conversation> | null>;
  /**
   * Writes the whole conversation atomically; a crash mid-write leaves the previous version.
   * Resolves with the saved conversation, its `version` one more than the one passed.
   */
  saveConversation(conversation: Conversation): Promise<Conversation>;
  /** Ids of all stored conversations (admin, maintenance); may be slow on large stores. */
  listConversationIds(): Promise<string[]>;
  close(): Promise<void>;
};
