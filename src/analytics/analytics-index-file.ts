import { appendFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Logger } from '../lib/logger.js';
import type { Store } from '../store/store.js';
import { createAnalyticsIndex, type AnalyticsIndex } from './analytics-index.js';
import type { ConversationFacts } from './conversation-facts.js';

/** Bumped whenever a facts row changes shape or meaning: an older file is rebuilt. */
const FORMAT = 1;
/** Erased rows leave the file within this long (an erased row's landing page must go). */
const ERASE_REWRITE_MS = 1_000;
/** The file is rewritten when it holds this many lines more than twice its rows. */
const SLACK_LINES = 10_000;

/** The persisted analytics index: the index, kept current and written to its file. */
export type AnalyticsIndexFile = AnalyticsIndex & { close(): void };

/** `<dataDir>/analytics/`: `index.json` (`{ format, clean }`) and `facts.ndjson`. */
export const analyticsFolder = (dataDir: string): string => join(dataDir, 'analytics');

/**
 * Opens the analytics index of a data folder: `facts.ndjson` holds one line per save
 * (`{"put":row}`, the last line of an id winning); `index.json` says its format and whether the
 * last process closed it cleanly. Without a clean close (a crash may have lost a save's line),
 * or made under another format, the index is rebuilt from the stored conversations. Rows of
 * conversations no longer stored (erased by another process) are dropped, and conversations
 * with no row (saved by another process) are read. The file is then rewritten compactly, and
 * again after an erase and at close. `dataDir` null keeps it in memory only.
 *
 * @example const analytics = await openAnalyticsIndexFile({ dataDir, store, logger });
 */
export async function openAnalyticsIndexFile(opts: {
  dataDir: string | null;
  store: Pick<Store, 'listConversationIds' | 'getConversation'>;
  logger: Logger;
}): Promise<AnalyticsIndexFile> {
  const { dataDir, store, logger } = opts;
  const index = createAnalyticsIndex();
  const folder = dataDir === null ? null : analyticsFolder(dataDir);
  const loaded = folder === null ? null : await loadRows(folder);
  if (loaded !== null) index.putRows(loaded.values());
  const started = performance.now();
  const ids = await store.listConversationIds();
  const stored = new Set(ids);
  for (const row of [...index.rows()]) if (!stored.has(row.id)) index.erased(row.id);
  const missing = ids.filter((id) => !index.has(id));
  for (let i = 0; i < missing.length; i += 64)
    await Promise.all(
      missing.slice(i, i + 64).map(async (id) => {
        const conv = await store.getConversation(id).catch(() => null);
        if (conv !== null) index.saved(conv);
      }),
    );
  if (folder !== null && loaded === null && ids.length > 0)
    logger.warn('the analytics index was missing or out of date; rebuilt from the conversations', {
      conversations: ids.length,
      ms: Math.round(performance.now() - started),
    });
  if (folder === null) return { ...index, close: () => undefined };

  const facts = join(folder, 'facts.ndjson');
  const manifest = (clean: boolean): void =>
    writeAtomically(join(folder, 'index.json'), JSON.stringify({ format: FORMAT, clean }));
  // Lines in the file: rewritten compactly when saves have appended as many again as it has rows.
  let lines = 0;
  const rewrite = (): void => {
    const rows = [...index.rows()];
    writeAtomically(facts, rows.map((r) => `${JSON.stringify({ put: r })}\n`).join(''));
    lines = rows.length;
  };
  const failed = (e: unknown): void =>
    logger.error('could not write the analytics index; it is rebuilt at the next start', {
      error: e instanceof Error ? e.message : String(e),
    });
  mkdirSync(folder, { recursive: true });
  rewrite();
  manifest(false);
  let pendingRewrite: NodeJS.Timeout | null = null;
  let open = true;

  return {
    ...index,
    saved(conv: Conversation) {
      index.saved(conv);
      const row = index.get(conv.id);
      if (!open || row === undefined) return;
      try {
        appendFileSync(facts, `${JSON.stringify({ put: row })}\n`);
        if (++lines > 2 * index.size() + SLACK_LINES) rewrite();
      } catch (e) {
        failed(e);
      }
    },
    erased(id) {
      const had = index.erased(id);
      if (had && open && pendingRewrite === null) {
        pendingRewrite = setTimeout(() => {
          pendingRewrite = null;
          if (!open) return;
          try {
            rewrite();
          } catch (e) {
            failed(e);
          }
        }, ERASE_REWRITE_MS);
        pendingRewrite.unref();
      }
      return had;
    },
    close() {
      if (!open) return;
      open = false;
      if (pendingRewrite !== null) clearTimeout(pendingRewrite);
      try {
        rewrite();
        manifest(true);
      } catch (e) {
        failed(e);
      }
    },
  };
}

function writeAtomically(file: string, text: string): void {
  writeFileSync(`${file}.tmp`, text);
  renameSync(`${file}.tmp`, file);
}

/** The rows of a cleanly closed index of this format, or null (rebuild). */
async function loadRows(folder: string): Promise<Map<string, ConversationFacts> | null> {
  const manifest = parse(await readFile(join(folder, 'index.json'), 'utf8').catch(() => ''));
  if (manifest?.format !== FORMAT || manifest.clean !== true) return null;
  const text = await readFile(join(folder, 'facts.ndjson'), 'utf8').catch(() => null);
  if (text === null) return null;
  const rows = new Map<string, ConversationFacts>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const entry = parse(line);
    if (entry === null || !isFacts(entry.put)) return null;
    rows.set(entry.put.id, entry.put);
  }
  return rows;
}

function parse(line: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? Object.fromEntries(Object.entries(value))
      : null;
  } catch {
    return null;
  }
}

/** A light check of a row this index wrote itself: the fields every report reads. */
function isFacts(value: unknown): value is ConversationFacts {
  if (typeof value !== 'object' || value === null) return false;
  const row = Object.fromEntries(Object.entries(value));
  return (
    typeof row.id === 'string' &&
    typeof row.startMs === 'number' &&
    typeof row.stages === 'object' &&
    typeof row.source === 'object' &&
    Array.isArray(row.questions) &&
    typeof row.open === 'object' &&
    typeof row.llmFallbacks === 'number'
  );
}
