import type { Conversation } from '../conversation/conversation-schema.js';

/**
 * The Store port. One conversation is one document; saving it is atomic (all of it or none
 * of it), so a state change and the outbox events it produced land together.
 *
 * Every save is compare-and-set on `version`: it lands only when the stored conversation still
 * has the version the caller read (no stored conversation counts as version 0), and it stores
 * the document with the next version. A save based on an older read is refused with
 * AppError('STALE_WRITE') and changes nothing: the caller re-reads, re-applies its change and
 * saves again. Nothing is ever merged silently.
 *
 * @example
 *   const conv = await store.getConversation(id);
 *   const saved = await store.saveConversation({ ...conv, status: 'ended' });
 *   saved.version; // conv.version + 1: the version to base the next save on
 */
export type Store = {
  /** A copy of the stored conversation: the caller may change it freely. */
  getConversation(id: string): Promise<Conversation | null>;
  /**
   * Saves the whole conversation atomically when the stored version equals
   * `conversation.version`, and returns it as saved (with the next version; a copy the caller
   * may change). Throws AppError('STALE_WRITE') when another save came first; a crash mid-write
   * leaves the previous version.
   */
  saveConversation(conversation: Conversation): Promise<Conversation>;
  /** Ids of all stored conversations (admin, maintenance); may be slow on large stores. */
  listConversationIds(): Promise<string[]>;
  close(): Promise<void>;
};
