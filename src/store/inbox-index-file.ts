import {
  closeSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { InboxProjection, InboxRow } from '../console/inbox/inbox-row.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Logger } from '../lib/logger.js';
import { chunks, WRITE_CONCURRENCY, type ConversationFolder } from './conversation-folder.js';
import { createInboxIndex, type InboxIndex } from './inbox-index.js';

/** The persisted inbox index of a data folder, kept current by the lowdb store. */
export type InboxIndexFile = {
  index: InboxIndex;
  /** Puts the conversation's row, in memory and in the file (one appended line). */
  saved(conv: Conversation): void;
  /** Forgets a conversation: its row goes, and the file is rewritten without any line of it. */
  erased(id: string): void;
  /** Rewrites the file with one line per row (temp file and rename), then closes it. */
  close(): void;
};

const FORMAT = 1;
/** The file is rewritten when it holds this many more lines than rows (and at every start and close). */
const SLACK_LINES = 50_000;

/** `<dataDir>/inbox/index.ndjson`: where the lowdb store keeps its inbox rows. */
export const inboxIndexPath = (dataDir: string): string => join(dataDir, 'inbox', 'index.ndjson');

/**
 * Opens the inbox index of a data folder: `<dataDir>/inbox/index.ndjson`, a header line
 * `{"format":1,"key":"<projection key>"}` then one line per change (`{"put":row}` or
 * `{"erase":"<id>"}`; the last line of an id wins). It is rebuilt from the conversation files
 * when missing, damaged or made under another projection (the scoring policy changed), and the
 * conversations the journal replayed at this start (`replayedIds`: saves that may not have
 * reached the index before a crash) are projected again. It is then rewritten compactly.
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
  const path = inboxIndexPath(opts.dataDir);
  mkdirSync(join(opts.dataDir, 'inbox'), { recursive: true });
  let index = await loadIndex(path, projection.key);
  const reproject = async (ids: readonly string[]): Promise<void> => {
    for (const batch of chunks(ids, WRITE_CONCURRENCY))
      await Promise.all(
        batch.map(async (id) => {
          const conv = await files.read(id).catch(() => null);
          if (conv === null) index?.remove(id);
          else index?.put(projection.project(conv));
        }),
      );
  };
  if (index === null) {
    const started = performance.now();
    index = createInboxIndex();
    const ids = await files.listIds();
    await reproject(ids);
    logger.warn('the inbox index was missing or out of date; rebuilt from the conversations', {
      conversations: ids.length,
      ms: Math.round(performance.now() - started),
    });
  } else await reproject(opts.replayedIds);

  const live = index;
  let fd = -1;
  let lines = 0;
  const rewrite = (): void => {
    if (fd >= 0) closeSync(fd);
    const rows = live.rows();
    const body = rows.map((row) => `${JSON.stringify({ put: row })}\n`).join('');
    writeFileSync(
      `${path}.tmp`,
      `${JSON.stringify({ format: FORMAT, key: projection.key })}\n${body}`,
    );
    renameSync(`${path}.tmp`, path);
    fd = openSync(path, 'a');
    lines = rows.length;
  };
  const append = (line: object): void => {
    writeSync(fd, `${JSON.stringify(line)}\n`);
    if (++lines > live.size + SLACK_LINES) rewrite();
  };
  rewrite();

  return {
    index: live,
    saved(conv) {
      const row = projection.project(conv);
      live.put(row);
      try {
        append({ put: row });
      } catch (e) {
        // The save itself landed: the index is rebuilt from the conversations at the next start.
        logger.error('could not write the inbox index; it is rebuilt at the next start', {
          error: e instanceof Error ? e.message : String(e),
        });
        rmSync(path, { force: true });
      }
    },
    erased(id) {
      // Not a line saying so: the earlier lines hold the visitor's name and email.
      if (live.remove(id)) rewrite();
    },
    close() {
      if (fd < 0) return;
      rewrite();
      closeSync(fd);
      fd = -1;
    },
  };
}

/** The index the file holds, or null when it is missing, damaged or of another projection. */
async function loadIndex(path: string, key: string): Promise<InboxIndex | null> {
  const text = await readFile(path, 'utf8').catch(() => null);
  if (text === null) return null;
  const lines = text.split('\n');
  const header = parseLine(lines[0] ?? '');
  if (header === null || header.format !== FORMAT || header.key !== key) return null;
  const index = createInboxIndex();
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    const entry = parseLine(line);
    // A line cut off by a crash can only be the last one; anything else is damage.
    if (entry === null) {
      if (i === lines.length - 1) break;
      return null;
    }
    if (typeof entry.erase === 'string') index.remove(entry.erase);
    else if (isRow(entry.put)) index.put(entry.put);
    else return null;
  }
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

/** A light check of a row the store wrote itself: its id and the times the index sorts on. */
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
