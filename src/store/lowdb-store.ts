import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { Store } from './store.js';
import { assertConversationId, CONVERSATION_ID_PATTERN } from './conversation-id.js';
import { readConversationFile, writeConversationJson } from './conversation-file.js';
import { openJournal, recoverJournal } from './conversation-journal.js';
import { lockFolder } from './folder-lock.js';
import { conversationPath, conversationsFolder, conversationShard } from './conversation-path.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createLruCache } from './lru-cache.js';
import { parseConversation } from './parse-conversation.js';

/** Where the store reports what no caller is waiting for (a background write that failed). */
export type StoreLogger = {
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
};

export type LowdbStoreOptions = {
  /** The data folder; conversations live in `<dataDir>/conversations/<shard>/<id>.json`. */
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
  logger?: StoreLogger;
};

/** The lowdb store, with a way to write every saved conversation to its file now. */
export type LowdbStore = Store & {
  /** Writes every conversation saved so far to its file; rejects with the first failure. */
  flush(): Promise<void>;
};

const DEFAULT_CACHE_SIZE = 1_000;
const DEFAULT_FLUSH_DELAY_MS = 10_000;
const DEFAULT_JOURNAL_LIMIT_BYTES = 32 * 1024 * 1024;
/** Files written at once by a flush (steno's writes run on libuv's four threads). */
const FLUSH_CONCURRENCY = 8;
const FILE_SUFFIX = '.json';
const silent: StoreLogger = { warn: () => undefined, error: () => undefined };

/**
 * The embedded Store: one lowdb file per conversation, so writing a conversation rewrites that
 * file only, whatever the number of conversations stored. A save is appended to the journal
 * (conversation-journal.ts) before it resolves, and the file is written in the background
 * within `flushDelayMs`; reads see the save at once. Files are written through a temp file and
 * an atomic rename (steno), so a crash leaves the old or the new version, never a partial one,
 * and the next start replays the journal into the files. Saves (and reads) of one conversation
 * run one at a time in call order, so the last save wins. Recently used conversations are kept
 * in a bounded cache and not re-read from disk.
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
  const folder = conversationsFolder(options.dataDir);
  const journalFolder = join(folder, 'journal');
  const logger = options.logger ?? silent;
  const flushDelayMs = options.flushDelayMs ?? DEFAULT_FLUSH_DELAY_MS;
  const journalLimitBytes = options.journalLimitBytes ?? DEFAULT_JOURNAL_LIMIT_BYTES;
  await mkdir(folder, { recursive: true });
  await moveFlatFilesIntoShards(folder);

  const fileOf = (id: string): string => conversationPath(options.dataDir, id);
  // Sub-folders are created on a conversation's first write, once per process.
  const madeShards = new Set<string>();
  async function writeFile(id: string, json: string): Promise<void> {
    const shard = conversationShard(id);
    if (!madeShards.has(shard)) {
      await mkdir(join(folder, shard), { recursive: true });
      madeShards.add(shard);
    }
    try {
      await writeConversationJson(fileOf(id), json);
    } catch (e) {
      throw asInternal(e, `could not write ${fileOf(id)}`);
    }
  }

  // What an earlier process saved but did not write to its file yet; only one process may
  // replay and append to the journal.
  await mkdir(journalFolder, { recursive: true });
  const lock = lockFolder(
    join(journalFolder, 'LOCK'),
    `the conversation journal in ${journalFolder}`,
  );
  const recovery = recoverJournal(journalFolder);
  if (recovery.skippedLines > 0)
    logger.warn(
      'the conversation journal held lines cut off by a crash; they were never acknowledged and are skipped',
      { skipped: recovery.skippedLines, folder: journalFolder },
    );
  for (const batch of chunks([...recovery.conversations.values()], FLUSH_CONCURRENCY))
    await Promise.all(batch.map((c) => writeFile(c.id, JSON.stringify(c))));
  recovery.discard();
  const journal = openJournal(journalFolder);

  // Conversations are kept as the JSON of a validated document, not as objects: one string
  // takes less memory than the object tree it stands for, and parsing it back is the cheapest
  // copy (a third of structuredClone's time), which every reader gets.
  const cache = createLruCache<string, string>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  // Saved (in the journal) and not yet in their files; never evicted, unlike the cache.
  const unwritten = new Map<string, string>();
  const queue = createKeyedQueue();
  let closed = false;

  function assertOpen(): void {
    if (closed) throw new AppError('INTERNAL', 'the conversation store is closed');
  }

  async function load(id: string): Promise<string | null> {
    const cached = cache.get(id) ?? unwritten.get(id);
    if (cached !== undefined) return cached;
    let data: Conversation | null;
    try {
      data = await readConversationFile(fileOf(id));
    } catch (e) {
      throw asInternal(e, `could not read ${fileOf(id)}`);
    }
    // A missing conversation is not cached: it costs one failed open, and caching it would
    // hide a file restored by an operator.
    if (data === null) return null;
    const json = JSON.stringify(data);
    cache.set(id, json);
    return json;
  }

  // One flush at a time: a conversation's file is only ever replaced by a later version.
  let flushing: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  async function flushOnce(): Promise<void> {
    if (unwritten.size === 0) return;
    const batch = [...unwritten];
    const dropWritten = journal.rotate();
    let failure: unknown = null;
    for (const part of chunks(batch, FLUSH_CONCURRENCY)) {
      await Promise.all(
        part.map(async ([id, json]) => {
          try {
            await writeFile(id, json);
            // A save made meanwhile stays to be written by the next flush.
            if (unwritten.get(id) === json) unwritten.delete(id);
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

  function scheduleFlush(): void {
    if (closed) return;
    // A full journal moves a pending flush forward to now.
    const full = journal.bytes() >= journalLimitBytes;
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
          scheduleFlush();
        });
      },
      full ? 0 : flushDelayMs,
    );
    // A pending flush does not keep the process alive: the journal already holds the save.
    timer.unref();
  }

  async function read(id: string): Promise<Conversation | null> {
    assertConversationId(id);
    assertOpen();
    // Queued with the saves of the same id, so a read never races a write into the cache.
    const json = await queue.run(id, () => load(id));
    // A fresh copy: a caller mutating what it got changes nothing stored.
    return json === null ? null : parseConversationJson(json);
  }

  return {
    getConversation: read,
    // Every read is already a fresh copy, so a peek is one too.
    peekConversation: read,

    async saveConversation(conversation) {
      assertConversationId(conversation.id);
      assertOpen();
      const id = conversation.id;
      // Validate before writing: an invalid file would make the conversation unreadable later.
      // The parse returns fresh objects, so the caller keeps no handle on the stored document.
      const parsed = parseConversation(conversation, `conversation ${id}`);
      const doc = { ...parsed, version: parsed.version + 1 };
      await queue.run(id, async () => {
        // Throws (nothing changes) when the journal cannot be written.
        const json = journal.append(doc);
        unwritten.set(id, json);
        cache.set(id, json);
        scheduleFlush();
      });
      return doc;
    },

    async listConversationIds() {
      assertOpen();
      const ids = new Set(unwritten.keys());
      for (const shard of await readdir(folder, { withFileTypes: true })) {
        if (!shard.isDirectory() || !SHARD_PATTERN.test(shard.name)) continue;
        for (const name of await readdir(join(folder, shard.name))) {
          const id = conversationIdOf(name);
          // Only files in their own shard: a file copied into the wrong one is never read.
          if (id !== null && conversationShard(id) === shard.name) ids.add(id);
        }
      }
      return [...ids].sort();
    },

    flush,

    async close() {
      if (closed) return;
      closed = true;
      if (timer !== null) clearTimeout(timer);
      await queue.idle();
      try {
        await flush();
      } finally {
        // Everything is in its file unless the flush failed: then the journal keeps it for the next start.
        journal.close({ discard: unwritten.size === 0 });
        lock.release();
      }
    },
  };
}

/**
 * The copy of a saved conversation from the JSON it was saved as: JSON.parse of a few
 * kilobytes takes a third of structuredClone's time, and the JSON came from a validated
 * document, so it parses back to the same conversation.
 */
function parseConversationJson(json: string): Conversation {
  // JSON.parse returns `any`; the text is JSON.stringify of a Conversation parsed by zod.
  const copy: Conversation = JSON.parse(json);
  return copy;
}

/** `items` in consecutive groups of at most `size`. */
function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

const SHARD_PATTERN = /^[0-9a-f]{2}$/;

/** The id of a conversation file name; null for steno's `.<id>.json.tmp` leftovers and anything foreign. */
function conversationIdOf(name: string): string | null {
  if (!name.endsWith(FILE_SUFFIX)) return null;
  const id = name.slice(0, -FILE_SUFFIX.length);
  return CONVERSATION_ID_PATTERN.test(id) ? id : null;
}

/**
 * Data written before conversations were sharded sits directly in `conversations/`: each file
 * is renamed into its shard (atomic, so a crash in the middle leaves every file in one place,
 * and the next start carries on).
 */
async function moveFlatFilesIntoShards(folder: string): Promise<void> {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const id = entry.isFile() ? conversationIdOf(entry.name) : null;
    if (id === null) continue;
    const shard = join(folder, conversationShard(id));
    await mkdir(shard, { recursive: true });
    await rename(join(folder, entry.name), join(shard, entry.name));
  }
}

function asInternal(e: unknown, context: string): AppError {
  if (isAppError(e)) return e;
  return new AppError('INTERNAL', `${context}: ${e instanceof Error ? e.message : String(e)}`);
}
