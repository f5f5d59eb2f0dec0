import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import type { Store } from './store.js';
import { assertConversationId, CONVERSATION_ID_PATTERN } from './conversation-id.js';
import { createConversationFile } from './conversation-file.js';
import { conversationPath, conversationsFolder, conversationShard } from './conversation-path.js';
import { createKeyedQueue } from './keyed-queue.js';
import { createLruCache } from './lru-cache.js';
import { parseConversation } from './parse-conversation.js';

export type LowdbStoreOptions = {
  /** The data folder; conversations live in `<dataDir>/conversations/<shard>/<id>.json`. */
  dataDir: string;
  /** How many conversations stay in memory (most recently used first). Default 1,000. */
  cacheSize?: number;
};

const DEFAULT_CACHE_SIZE = 1_000;
const FILE_SUFFIX = '.json';

/**
 * The embedded Store: one lowdb file per conversation, so saving a message rewrites that
 * conversation's file only, whatever the number of conversations stored. Writes go through a
 * temp file and an atomic rename (steno), so a crash leaves the old or the new version, never
 * a partial one. Saves (and reads) of one conversation run one at a time in call order, so the
 * last save wins; different conversations are written concurrently. Recently used
 * conversations are kept in a bounded cache and not re-read from disk.
 *
 * Ids are checked before any file system access (AppError('BAD_REQUEST')); a damaged file is
 * reported as AppError('INTERNAL') naming it.
 *
 * @example
 *   const store = await createLowdbStore({ dataDir: './data' });
 *   await store.saveConversation(conversation);
 *   const again = await store.getConversation(conversation.id);
 *   await store.close();
 */
export async function createLowdbStore(options: LowdbStoreOptions): Promise<Store> {
  const folder = conversationsFolder(options.dataDir);
  await mkdir(folder, { recursive: true });
  await moveFlatFilesIntoShards(folder);

  const cache = createLruCache<string, Low<Conversation>>(options.cacheSize ?? DEFAULT_CACHE_SIZE);
  const queue = createKeyedQueue();
  let closed = false;

  const fileOf = (id: string): string => conversationPath(options.dataDir, id);
  // Sub-folders are created on a conversation's first save, once per process.
  const madeShards = new Set<string>();
  async function ensureShard(id: string): Promise<void> {
    const shard = conversationShard(id);
    if (madeShards.has(shard)) return;
    await mkdir(join(folder, shard), { recursive: true });
    madeShards.add(shard);
  }

  function assertOpen(): void {
    if (closed) throw new AppError('INTERNAL', 'the conversation store is closed');
  }

  async function load(id: string): Promise<Low<Conversation> | null> {
    const cached = cache.get(id);
    if (cached !== undefined) return cached;
    const file = createConversationFile(fileOf(id));
    let data: Conversation | null;
    try {
      data = await file.read();
    } catch (e) {
      throw asInternal(e, `could not read ${fileOf(id)}`);
    }
    // A missing conversation is not cached: it costs one failed open, and caching it would
    // hide a file restored by an operator.
    if (data === null) return null;
    const db = new Low(file, data);
    cache.set(id, db);
    return db;
  }

  return {
    async getConversation(id) {
      assertConversationId(id);
      assertOpen();
      // Queued with the saves of the same id, so a read never races a write into the cache.
      const db = await queue.run(id, () => load(id));
      // A copy: a caller mutating what it got must not change the cached document.
      return db === null ? null : structuredClone(db.data);
    },

    async peekConversation(id) {
      assertConversationId(id);
      assertOpen();
      const db = await queue.run(id, () => load(id));
      return db === null ? null : db.data;
    },

    async saveConversation(conversation) {
      assertConversationId(conversation.id);
      assertOpen();
      const id = conversation.id;
      // Validate before writing: an invalid file would make the conversation unreadable later.
      // The parse returns fresh objects, so the caller keeps no handle on the cached document.
      const doc = parseConversation(conversation, `conversation ${id}`);
      await queue.run(id, async () => {
        await ensureShard(id);
        const db = cache.get(id) ?? new Low(createConversationFile(fileOf(id)), doc);
        db.data = doc;
        try {
          await db.write();
        } catch (e) {
          // The file still holds the previous version (atomic rename); drop the unsaved copy.
          cache.delete(id);
          throw asInternal(e, `could not write ${fileOf(id)}`);
        }
        cache.set(id, db);
      });
    },

    async listConversationIds() {
      assertOpen();
      const ids: string[] = [];
      for (const shard of await readdir(folder, { withFileTypes: true })) {
        if (!shard.isDirectory() || !SHARD_PATTERN.test(shard.name)) continue;
        for (const name of await readdir(join(folder, shard.name))) {
          const id = conversationIdOf(name);
          // Only files in their own shard: a file copied into the wrong one is never read.
          if (id !== null && conversationShard(id) === shard.name) ids.push(id);
        }
      }
      return ids.sort();
    },

    async close() {
      closed = true;
      await queue.idle();
    },
  };
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
