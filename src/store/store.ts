import type { InboxPage, InboxSearch } from '../console/inbox/inbox-query.js';
import type { Conversation, OutboxEvent } from '../conversation/conversation-schema.js';

/** Outbox events of one conversation that a save stored and nobody has handed over yet. */
export type PendingEvents = { conversationId: string; events: OutboxEvent[] };

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
 * The store is also the outbox: the events a save adds to `conversation.outbox` are stored in
 * the same write (one journal line for lowdb, one transaction for a database) and stay pending
 * until the delivery worker has turned them into delivery records and calls `markHandedOver`.
 * A crash in between leaves them pending, and the next start hands them over again (delivery
 * records are keyed by event id, so nothing is sent twice under two ids).
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
  /**
   * The outbox events saved and not yet handed over, per conversation in the order they were
   * saved; only those of `conversationId` when given. Survives a restart.
   */
  pendingEvents(conversationId?: string): Promise<PendingEvents[]>;
  /** Notes that these events have their delivery records: they are no longer pending. */
  markHandedOver(conversationId: string, eventIds: readonly string[]): Promise<void>;
  /**
   * Removes every stored trace of a conversation: its document, every journal line or file
   * that holds any of it, cached copies and its pending outbox events. Resolves true when
   * something was removed, false when nothing of it was stored. The id is checked like every
   * other id (AppError('BAD_REQUEST')). What an erase removed does not come back after a restart.
   */
  eraseConversation(id: string): Promise<boolean>;
  /** Ids of all stored conversations (admin, maintenance); may be slow on large stores. */
  listConversationIds(): Promise<string[]>;
  /**
   * The console inbox's query: the conversations worth a look (the visitor wrote at least
   * once), newest activity first, filtered, searched and paged, with the counts beside the
   * filters. Answered from an index of inbox rows (the store's InboxProjection) kept current on
   * every save and erase, never by reading the conversations.
   */
  queryInbox(search: InboxSearch): Promise<InboxPage>;
  close(): Promise<void>;
};
