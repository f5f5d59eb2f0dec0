import type { Logger } from '../lib/logger.js';
import type { ConversationJournal } from './conversation-journal.js';
import { chunks, WRITE_CONCURRENCY, type ConversationFolder } from './conversation-folder.js';
import type { PendingOutbox } from './pending-outbox.js';
import type { StoredConversation } from './stored-conversation.js';

export type JournalFlushOptions = {
  journal: ConversationJournal;
  files: ConversationFolder;
  /** Noted again in each new segment, before the segments that saved them are deleted. */
  pending: PendingOutbox;
  flushDelayMs: number;
  journalLimitBytes: number;
  logger: Logger;
};

/** The saves in the journal and not yet in their files, and the writing of them. */
export type JournalFlush = {
  /** Saved (in the journal) and not yet in their files; never evicted, unlike the cache. */
  unwritten: ReadonlyMap<string, StoredConversation>;
  /**
   * Notes a save just appended to the journal, sharing its first `from` messages with the
   * version before it, and schedules its file write.
   */
  saved(id: string, stored: StoredConversation, from: number): void;
  /** Writes every conversation saved so far to its file; rejects with the first failure. */
  flush(): Promise<void>;
  /** Notes the events still pending in the current segment (done by every flush, and at start). */
  carryPending(): void;
  /** Forgets the unwritten save of a conversation (erased): it is never written. */
  forget(id: string): boolean;
  /** Runs `task` when no flush is under way; flushes wait for it. */
  exclusive<T>(task: () => Promise<T>): Promise<T>;
  /** Stops scheduling: what is left is written by a last `flush`. */
  stop(): void;
};

/**
 * Writes the journaled saves to their files in the background, within `flushDelayMs` of a save
 * (at once when the journal passes `journalLimitBytes`); the saves of a conversation in between
 * are written once. A flush starts a new journal segment and deletes the older ones once every
 * version they hold is in its file; a failed write keeps them for the retry.
 *
 * @example
 *   const writer = createJournalFlush({ journal, files, pending, flushDelayMs: 10_000, journalLimitBytes, logger });
 *   journal.append(stored, from, []);
 *   writer.saved(id, stored, from);
 */
export function createJournalFlush(options: JournalFlushOptions): JournalFlush {
  const { journal, files, pending, logger } = options;
  const unwritten = new Map<string, StoredConversation>();
  // Per unwritten conversation, how many leading messages it still shares with its file.
  const sharedWithFile = new Map<string, number>();
  // One flush at a time: a conversation's file is only ever replaced by a later version.
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;

  function carryPending(): void {
    for (const p of pending.list()) journal.note({ kind: 'pending', pending: p });
  }

  async function flushOnce(): Promise<void> {
    if (unwritten.size === 0) return;
    const batch = [...unwritten];
    const dropWritten = journal.rotate();
    // The segments about to be dropped may hold the only note of events still pending.
    carryPending();
    let failure: unknown = null;
    for (const part of chunks(batch, WRITE_CONCURRENCY)) {
      await Promise.all(
        part.map(async ([id, stored]) => {
          try {
            await files.write(id, stored, sharedWithFile.get(id) ?? 0);
            // A save made meanwhile stays to be written by the next flush.
            if (unwritten.get(id) === stored) {
              unwritten.delete(id);
              sharedWithFile.delete(id);
            }
          } catch (e) {
            failure ??= e;
          }
        }),
      );
    }
    // The older segments still hold the only copy of what failed: keep them for the retry.
    if (failure !== null) throw failure;
    await dropWritten();
  }

  function flush(): Promise<void> {
    const run = flushing.then(flushOnce);
    flushing = run.catch(() => undefined);
    return run;
  }

  function schedule(): void {
    if (stopped) return;
    // A full journal moves a pending flush forward to now.
    const full = journal.bytes() >= options.journalLimitBytes;
    if (timer !== null && !full) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = null;
        flush().catch((e: unknown) => {
          logger.error(
            'could not write a saved conversation to its file; it stays in the journal and is retried',
            { error: e instanceof Error ? e.message : String(e) },
          );
          schedule();
        });
      },
      full ? 0 : options.flushDelayMs,
    );
    // A pending flush does not keep the process alive: the journal already holds the save.
    timer.unref();
  }

  return {
    unwritten,
    saved(id, stored, from) {
      unwritten.set(id, stored);
      sharedWithFile.set(id, Math.min(from, sharedWithFile.get(id) ?? from));
      schedule();
    },
    flush,
    forget(id) {
      sharedWithFile.delete(id);
      return unwritten.delete(id);
    },
    exclusive(task) {
      const run = flushing.then(task);
      flushing = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
    carryPending,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
  };
}
