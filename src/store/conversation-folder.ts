import { mkdir, readdir, rename, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError, isAppError } from '../errors/app-error.js';
import { CONVERSATION_ID_PATTERN } from './conversation-id.js';
import { readConversationFile, writeConversationJson } from './conversation-file.js';
import { conversationPath, conversationsFolder, conversationShard } from './conversation-path.js';

/** The conversation files of a data folder, one per conversation in its shard. */
export type ConversationFolder = {
  /** `<dataDir>/conversations`. */
  folder: string;
  /** The stored file of a conversation; null when absent. Throws AppError('INTERNAL'). */
  read(id: string): Promise<Conversation | null>;
  /** Writes a conversation's JSON to its file. Throws AppError('INTERNAL'). */
  write(id: string, json: string): Promise<void>;
  /** Deletes a conversation's file and any temp file of it; returns whether one existed. */
  remove(id: string): Promise<boolean>;
  /** Ids of every conversation file (in its own shard). */
  listIds(): Promise<string[]>;
};

/** Files written at once by a flush (steno's writes run on libuv's four threads). */
export const WRITE_CONCURRENCY = 8;
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

  return {
    folder,
    async read(id) {
      try {
        return await readConversationFile(fileOf(id));
      } catch (e) {
        throw asInternal(e, `could not read ${fileOf(id)}`);
      }
    },
    async write(id, json) {
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
    },
    async remove(id) {
      const file = fileOf(id);
      const temp = join(dirname(file), `.${basename(file)}.tmp`);
      const removed = await Promise.all(
        [file, temp].map((f) => unlink(f).then(() => true, absent)),
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
