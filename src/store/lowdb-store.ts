import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { createKeyedQueue } from '../lib/keyed-queue.js';
import { silentLogger, type Logger } from '../lib/logger.js';
import { assertVersion } from './assert-version.js';
import { openConversationFolder } from './conversation-folder.js';
import { ensureDataFolder } from './data-folder.js';
import { assertConversationId } from './conversation-id.js';
import { createJournalFlush } from './journal-flush.js';
import { takeOverLegacyMarkers } from './legacy-outbox-markers.js';
import { createLruCache } from './lru-cache.js';
import { parseConversation } from './parse-conversation.js';
import { newEvents } from './pending-outbox.js';
import { replayJournal } from './replay-journal.js';
import type { Store } from './store.js';
import type { InboxProjection } from '../console/inbox/inbox-row.js';
import { openInboxIndex, type StoreInbox } from './store-inbox.js';
import { conversationOf, storedOf, type StoredConversation } from './stored-conversation.js';

export type LowdbStoreOptions = {
  /**
   * The data folder; conversations live in `<dataDir>/conversations/<shard>/<id>.json` and
   * `<id>.messages-<n>.ndjson` beside it.
   */
  dataDir: string;
  /** How many conversations stay in memory (most recently used first). Default 1,000. */
  cacheSize?: number;
  /**
   * How long after a save its file is written, ms; the saves of a conversation in between are
   * written once. Default 10,000 (sooner when the journal passes `journalLimitBytes`).
   */
  flushDelayMs?: number;
  /** A journal segment this big is written out to the files at once. Default 32 MB. */
  journalLimitBytes?: number;
  /** Where the store reports what no caller is waiting for (a background write that failed). */
  logger?: Logger;
  /**
   * The inbox rows to index (inbox-index-file.ts). Without it the store answers no inbox query,
   * and its first save or erase deletes the index file, so the next store opened with a
   * projection rebuilds it (a CLI never leaves an index that shows an erased conversation).
   */
  inbox?: InboxProjection;
};

/** The lowdb store, with a way to write every saved conversation to its file now. */
export type LowdbStore = Store & {
  /** Writes every conversation saved so far to its file; rejects with the first failure. */
  flush(): Promise<void>;
};

const DEFAULT_CACHE_SIZE = 1_000;
const DEFAULT_FLUSH_DELAY_MS = 10_000;
const DEFAULT_JOURNAL_LIMIT_BYTES = 32 * 1024 * 1024;

/**
 * The embedded Store: per conversation, a small lowdb state file and an append-only messages
 * file (conversation-file.ts), so writing a conversation touches its own files only, whatever
 * the number of conversations stored, and writes only what changed, whatever the length of its
 * transcript. A save's change is appended to the journal (conversation-journal.ts) before it
 * resolves, and the files are written in the background within `flushDelayMs`; reads see the
 * save at once. The state file is replaced last, through a temp file and an atomic rename
 * (steno), so a crash leaves the old or the new version, never a partial one, and the next
 * start replays the journal into the files (replay-journal.ts, journal-flush.ts).
 * Saves (and reads) of one conversation run one at a time in call order, each compare-and-set
 * on the version (AppError('STALE_WRITE')). Recently used conversations are kept in a bounded
 * cache and not re-read from disk.
 *
 * The outbox events a save adds are in the same journal line as the conversation, and stay
 * pending (in memory, and in the journal: each new segment starts with a note of what is still
 * pending) until `markHandedOver`, so a restart lists every event saved and not handed over.
 *
 * Ids are checked before any file system access (AppError('BAD_REQUEST')); a damaged file is
 * reported as AppError('INTERNAL') naming it.
 *
 * @example
 *   const store = await createLowdbStore({ dataDir: './data' });
 *   await store.saveConversation(conversation);
 *   const again = await store.getConversation(conversation.id);
 *   await store.close(); // writes every file and empties the journal
 */
export async function createLowdbStore(options: LowdbStoreOptions): Promise<LowdbStore> {
  const logger = options.logger ?? silentLogger;
  await ensureDataFolder(options.dataDir);
  const files = await openConversationFolder(options.dataDir);
  const { journal, pending, lock, discardReplayed, replayedIds } = await replayJournal(
    files,
    logger,
  );
  const writer = createJournalFlush({
    journal,
    files,
    pending,
    flushDelayMs: options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS,
    journalLimitBytes: options.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES,
    logger,
  });
  // Outbox events saved and not yet handed over: noted in the new segment before the old ones go.
  writer.carryPending();
  discardReplayed();

  // Recently used conversations, as their JSON (stored-conversation.ts).
  const cache = createLruCache<string, StoredConversation>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  const queue = createKeyedQueue();
  let closed = false;
  const inbox: StoreInbox = await openInboxIndex(options, files, replayedIds, logger);

  function assertOpen(): void {
    if (closed) throw new AppError('INTERNAL', 'the conversation store is closed');
  }

  async function load(id: string): Promise<StoredConversation | null> {
    const cached = cache.get(id) ?? writer.unwritten.get(id);
    if (cached !== undefined) return cached;
    const data = await files.read(id);
    // A missing conversation is not cached: it costs one failed open, and caching it would
    // hide a file restored by an operator.
    if (data === null) return null;
    const { stored } = storedOf(data);
    cache.set(id, stored);
    return stored;
  }

  async function read(id: string): Promise<Conversation | null> {
    assertConversationId(id);
    assertOpen();
    // Queued with the saves of the same id, so a read never races a write into the cache.
    const stored = await queue.run(id, () => load(id));
    // A fresh copy: a caller mutating what it got changes nothing stored.
    return stored === null ? null : conversationOf(stored);
  }

  // Events a server of the previous version had saved and not handed over.
  await takeOverLegacyMarkers(options.dataDir, {
    load: async (id) => {
      const stored = await load(id);
      return stored === null ? null : conversationOf(stored);
    },
    journal,
    pending,
  });

  return {
    getConversation: read,

    async saveConversation(conversation) {
      assertConversationId(conversation.id);
      assertOpen();
      const id = conversation.id;
      // Validate before writing: an invalid file would make the conversation unreadable later.
      // The parse returns fresh objects, so the caller keeps no handle on the stored document.
      const doc = parseConversation(conversation, `conversation ${id}`);
      return queue.run(id, async () => {
        // A file nobody can read has no version anyone read: the save replaces the damage.
        const stored = await load(id).catch(() => null);
        assertVersion(id, stored?.version ?? 0, doc.version);
        const next: Conversation = { ...doc, version: doc.version + 1 };
        const added = newEvents(next.outbox, stored?.eventIds);
        // What the turn changed: usually the previous transcript plus new messages.
        const { stored: saved, shared: from } = storedOf(next, stored);
        // One line holds the change and the new events; throws (nothing changes) when the
        // journal cannot be written.
        journal.append(
          saved,
          from,
          added.map((e) => e.id),
        );
        cache.set(id, saved);
        inbox.saved(next);
        pending.add(id, added);
        writer.saved(id, saved, from);
        // `next` is built from the parse's fresh objects, and the store keeps only its JSON.
        return next;
      });
    },

    async pendingEvents(conversationId) {
      assertOpen();
      return pending.list(conversationId);
    },

    async markHandedOver(conversationId, eventIds) {
      assertOpen();
      if (!pending.has(conversationId, eventIds)) return;
      journal.note({ kind: 'handedOver', conversationId, eventIds: [...eventIds] });
      pending.remove(conversationId, eventIds);
    },

    async eraseConversation(id) {
      assertConversationId(id);
      assertOpen();
      // With no save of `id` and no flush under way: the journal is cleaned before the file
      // goes, so a crash in between leaves the conversation whole, never half-erased.
      return queue.run(id, () =>
        writer.exclusive(async () => {
          const inMemory = cache.get(id) !== undefined;
          cache.delete(id);
          const unwritten = writer.forget(id);
          const hadEvents = pending.forget(id);
          const inJournal = journal.erase(id);
          const hadFile = await files.remove(id);
          inbox.erased(id);
          return inMemory || unwritten || hadEvents || inJournal || hadFile;
        }),
      );
    },

    async listConversationIds() {
      assertOpen();
      const ids = new Set([...writer.unwritten.keys(), ...(await files.listIds())]);
      return [...ids].sort();
    },

    async queryInbox(search) {
      assertOpen();
      return inbox.query(search);
    },

    flush: writer.flush,

    async close() {
      if (closed) return;
      closed = true;
      writer.stop();
      await queue.idle();
      try {
        await writer.flush();
      } finally {
        // Everything is in its file and handed over unless the flush failed or events are
        // pending: then the journal keeps them for the next start.
        journal.close({ discard: writer.unwritten.size === 0 && pending.size() === 0 });
        inbox.close();
        lock.release();
      }
    },
  };
}
