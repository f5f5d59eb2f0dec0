import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InboxProjection, InboxRow } from '../console/inbox/inbox-row.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Logger } from '../lib/logger.js';
import { chunks, WRITE_CONCURRENCY, type ConversationFolder } from './conversation-folder.js';
import { conversationShard } from './conversation-path.js';
import { createInboxIndex, type InboxIndex } from './inbox-index.js';

/** The persisted inbox index of a data folder, kept current by the lowdb store. */
export type InboxIndexFile = {
  index: InboxIndex;
  /** Puts the conversation's row, in memory and in its shard's file (one appended line). */
  saved(conv: Conversation): void;
  /** Forgets a conversation: its row goes, and its shard's file is rewritten without it. */
  erased(id: string): void;
  /** Rewrites every file with one line per row (temp files and renames). */
  close(): void;
};

const FORMAT = 2;
const SHARDS = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
/** A shard's file is rewritten when it holds this many more lines than rows. */
const SLACK_LINES = 2_000;

/** `<dataDir>/inbox/`: the manifest `index.json` and one `<shard>.ndjson` per conversation shard. */
export const inboxIndexFolder = (dataDir: string): string => join(dataDir, 'inbox');
/** The manifest: format and projection key; written last, so without it the index is rebuilt. */
export const inboxManifestPath = (dataDir: string): string =>
  join(inboxIndexFolder(dataDir), 'index.json');

/**
 * Opens the inbox index of a data folder: `<dataDir>/inbox/index.json` (`{ format, key }`: the
 * projection's key, a hash of the scoring policy) and, per conversation shard (the 256 folders
 * of conversation-path.ts), `<shard>.ndjson`: one line per save, `{"put":row}`, the last
 * line of an id winning. Sharded so that an erase rewrites a few
 * hundred rows, not all of them, while the visitor's name must leave the disk at once.
 * The index is rebuilt from the conversation files when the manifest or a shard file is missing
 * or damaged, or was made under another projection (the scoring policy changed); the
 * conversations the journal replayed at this start (saves that may not have reached the index
 * before a crash) are projected again. Every file is then rewritten compactly.
 *
 * @example const inbox = await openInboxIndexFile({ dataDir, projection, files, replayedIds, logger });
 */
export async function openInboxIndexFile(opts: {
  dataDir: string;
  projection: InboxProjection;
  files: ConversationFolder;
  replayedIds: readonly string[];
  logger: Logger;
}): Promise<InboxIndexFile> {
  const { projection, files, logger } = opts;
  const folder = inboxIndexFolder(opts.dataDir);
  mkdirSync(folder, { recursive: true });
  const fileOf = (shard: string): string => join(folder, `${shard}.ndjson`);
  const loaded = await loadIndex(opts.dataDir, projection.key, fileOf);
  const index = loaded ?? createInboxIndex();
  // Projects the stored conversations of `ids` (a gone one loses its row) and puts the rows.
  const reproject = async (ids: readonly string[], put: (rows: InboxRow[]) => void) => {
    const rows: InboxRow[] = [];
    for (const batch of chunks(ids, WRITE_CONCURRENCY))
      await Promise.all(
        batch.map(async (id) => {
          const conv = await files.read(id).catch(() => null);
          if (conv === null) index.remove(id);
          else rows.push(projection.project(conv));
        }),
      );
    put(rows);
  };
  if (loaded === null) {
    const started = performance.now();
    const ids = await files.listIds();
    await reproject(ids, (rows) => index.putMany(rows));
    logger.warn('the inbox index was missing or out of date; rebuilt from the conversations', {
      conversations: ids.length,
      ms: Math.round(performance.now() - started),
    });
  } else await reproject(opts.replayedIds, (rows) => rows.forEach((row) => index.put(row)));

  // Per shard: the ids it holds rows of, and the lines its file has.
  const ids = new Map<string, Set<string>>(SHARDS.map((s) => [s, new Set<string>()]));
  for (const row of index.rows()) ids.get(conversationShard(row.id))?.add(row.id);
  const lines = new Map<string, number>();
  const rewriteShard = (shard: string): void => {
    const rows = [...(ids.get(shard) ?? [])].flatMap((id) => index.get(id) ?? []);
    writeFileSync(
      `${fileOf(shard)}.tmp`,
      rows.map((r) => `${JSON.stringify({ put: r })}\n`).join(''),
    );
    renameSync(`${fileOf(shard)}.tmp`, fileOf(shard));
    lines.set(shard, rows.length);
  };
  const rewriteAll = (): void => {
    for (const shard of SHARDS) rewriteShard(shard);
    const manifest = inboxManifestPath(opts.dataDir);
    writeFileSync(`${manifest}.tmp`, JSON.stringify({ format: FORMAT, key: projection.key }));
    renameSync(`${manifest}.tmp`, manifest);
  };
  rewriteAll();
  let open = true;

  return {
    index,
    saved(conv) {
      const row = projection.project(conv);
      index.put(row);
      const shard = conversationShard(row.id);
      const held = ids.get(shard);
      held?.add(row.id);
      try {
        appendFileSync(fileOf(shard), `${JSON.stringify({ put: row })}\n`);
        const count = (lines.get(shard) ?? 0) + 1;
        lines.set(shard, count);
        if (count > (held?.size ?? 0) + SLACK_LINES) rewriteShard(shard);
      } catch (e) {
        // The save itself landed: the index is rebuilt from the conversations at the next start.
        logger.error('could not write the inbox index; it is rebuilt at the next start', {
          error: e instanceof Error ? e.message : String(e),
        });
        rmSync(inboxManifestPath(opts.dataDir), { force: true });
      }
    },
    erased(id) {
      const shard = conversationShard(id);
      ids.get(shard)?.delete(id);
      // Not an erase line: the earlier lines hold the visitor's name and email.
      if (index.remove(id)) rewriteShard(shard);
    },
    close() {
      if (!open) return;
      open = false;
      rewriteAll();
    },
  };
}

/** The index the files hold, or null when missing, damaged or made under another projection. */
async function loadIndex(
  dataDir: string,
  key: string,
  fileOf: (shard: string) => string,
): Promise<InboxIndex | null> {
  const manifest = parseLine(await readFile(inboxManifestPath(dataDir), 'utf8').catch(() => ''));
  if (manifest === null || manifest.format !== FORMAT || manifest.key !== key) return null;
  const rows = new Map<string, InboxRow>();
  for (const shard of SHARDS) {
    const text = await readFile(fileOf(shard), 'utf8').catch(() => null);
    if (text === null) return null;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] ?? '';
      if (line === '') continue;
      const entry = parseLine(line);
      // A line cut off by a crash can only be the last one; anything else is damage.
      if (entry === null) {
        if (i >= lines.length - 2) break;
        return null;
      }
      if (!isRow(entry.put)) return null;
      rows.set(entry.put.id, entry.put);
    }
  }
  const index = createInboxIndex();
  index.putMany([...rows.values()]);
  return index;
}

function parseLine(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : null;
  } catch {
    return null;
  }
}

/** A light check of a row the store wrote itself: its id and the fields the index sorts on. */
function isRow(value: unknown): value is InboxRow {
  if (typeof value !== 'object' || value === null) return false;
  const row = Object.fromEntries(Object.entries(value));
  return (
    typeof row.id === 'string' &&
    typeof row.updatedAt === 'string' &&
    typeof row.createdAt === 'string' &&
    typeof row.stage === 'string'
  );
}
