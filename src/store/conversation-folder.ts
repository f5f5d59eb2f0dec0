import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { CONVERSATION_ID_PATTERN } from './conversation-id.js';
import {
  readConversationFile,
  readMessageLog,
  writeConversationFiles,
} from './conversation-file.js';
import { createLruCache } from './lru-cache.js';
import type { MessageLog } from './message-log.js';
import type { StoredConversation } from './stored-conversation.js';
import { conversationPath, conversationsFolder, conversationShard } from './conversation-path.js';

/** The conversation files of a data folder, one per conversation in its shard. */
export type ConversationFolder = {
  /** `<dataDir>/conversations`. */
  folder: string;
  /** The stored file of a conversation; null when absent. Throws AppError('INTERNAL'). */
  read(id: string): Promise<Conversation | null>;
  /**
   * Writes a conversation to its files, given how many leading messages it shares with what
   * they hold (conversation-file.ts). Throws AppError('INTERNAL').
   */
  write(id: string, stored: StoredConversation, shared: number): Promise<void>;
  /** Deletes a conversation's files and any temp file of them; returns whether one existed. */
  remove(id: string): Promise<boolean>;
  /** Ids of every conversation file (in its own shard). */
  listIds(): Promise<string[]>;
};

/** Files written at once by a flush (steno's writes run on libuv's four threads). */
export const WRITE_CONCURRENCY = 8;
/** Conversations whose transcript position is remembered between writes (read again if not). */
const LOG_CACHE_SIZE = 10_000;
const FILE_SUFFIX = '.json';
const SHARD_PATTERN = /^[0-9a-f]{2}$/;

/**
 * Opens (creates) the conversations folder of `dataDir`, moving files written before sharding
 * into their shards.
 *
 * @example const files = await openConversationFolder('./data');
 */
export async function openConversationFolder(dataDir: string): Promise<ConversationFolder> {
  const folder = conversationsFolder(dataDir);
  await mkdir(folder, { recursive: true });
  await moveFlatFilesIntoShards(folder);
  const fileOf = (id: string): string => conversationPath(dataDir, id);
  // Sub-folders are created on a conversation's first write, once per process.
  const madeShards = new Set<string>();
  // Where each recently read or written conversation's transcript stands in its files.
  const logs = createLruCache<string, MessageLog | null>(LOG_CACHE_SIZE);

  return {
    folder,
    async read(id) {
      try {
        const onDisk = await readConversationFile(fileOf(id));
        if (onDisk === null) return null;
        logs.set(id, onDisk.log);
        return onDisk.conversation;
      } catch (e) {
        throw asInternal(e, `could not read ${fileOf(id)}`);
      }
    },
    async write(id, stored, shared) {
      const shard = conversationShard(id);
      if (!madeShards.has(shard)) {
        await mkdir(join(folder, shard), { recursive: true });
        madeShards.add(shard);
      }
      try {
        const cached = logs.get(id);
        const log = cached === undefined ? await readMessageLog(fileOf(id)) : cached;
        // Unknown until the write lands: a failed one may have changed the messages file.
        logs.delete(id);
        logs.set(id, await writeConversationFiles(fileOf(id), stored, log, shared));
      } catch (e) {
        throw asInternal(e, `could not write ${fileOf(id)}`);
      }
    },
    async remove(id) {
      logs.delete(id);
      const shard = join(folder, conversationShard(id));
      const names = await readdir(shard).catch(() => []);
      // The state file, every generation of the messages file, and steno's temp files.
      const mine = names.filter((n) => n.startsWith(`${id}.`) || n.startsWith(`.${id}.`));
      const removed = await Promise.all(
        mine.map((n) => unlink(join(shard, n)).then(() => true, absent)),
      );
      return removed.includes(true);
    },
    async listIds() {
      const ids: string[] = [];
      for (const shard of await readdir(folder, { withFileTypes: true })) {
        if (!shard.isDirectory() || !SHARD_PATTERN.test(shard.name)) continue;
        for (const name of await readdir(join(folder, shard.name))) {
          const id = conversationIdOf(name);
          // Only files in their own shard: a file copied into the wrong one is never read.
          if (id !== null && conversationShard(id) === shard.name) ids.push(id);
        }
      }
      return ids;
    },
  };
}

/** `items` in consecutive groups of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

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

/** False for a file that was not there; any other failure is rethrown as AppError('INTERNAL'). */
function absent(e: unknown): false {
  if (e instanceof Error && 'code' in e && e.code === 'ENOENT') return false;
  throw asInternal(e, 'could not delete a conversation file');
}

function asInternal(e: unknown, context: string): AppError {
  if (isAppError(e)) return e;
  return new AppError('INTERNAL', `${context}: ${e instanceof Error ? e.message : String(e)}`);
}
