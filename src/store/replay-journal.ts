import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../lib/logger.js';
import type { ConversationFolder } from './conversation-folder.js';
import { chunks, WRITE_CONCURRENCY } from './conversation-folder.js';
import { openJournal, type ConversationJournal } from './conversation-journal.js';
import { lockFolder, type FolderLock } from './folder-lock.js';
import type { PendingOutbox } from './pending-outbox.js';
import { recoverJournal, type SaveLine } from './recover-journal.js';
import { replaySaves } from './replay-saves.js';
import { storedOf } from './stored-conversation.js';

/** The journal a store appends to, after what an earlier process left was replayed. */
export type ReplayedJournal = {
  journal: ConversationJournal;
  /** The outbox events saved and not handed over, as the journal had them. */
  pending: PendingOutbox;
  lock: FolderLock;
  /** Deletes the replayed segments: call it once the pending events are noted in the new one. */
  discardReplayed(): void;
  /** The conversations whose saves were replayed into their files at this start. */
  replayedIds: string[];
};

/**
 * Takes the journal of a conversations folder (only one process may replay and append to it),
 * writes what an earlier process saved but did not write to its files, and opens a new segment.
 *
 * @example const { journal, pending, lock, discardReplayed } = await replayJournal(files, logger);
 */
export async function replayJournal(
  files: ConversationFolder,
  logger: Logger,
): Promise<ReplayedJournal> {
  const journalFolder = join(files.folder, 'journal');
  await mkdir(journalFolder, { recursive: true });
  const lock = lockFolder(
    join(journalFolder, 'LOCK'),
    `the conversation journal in ${journalFolder}`,
    logger,
  );
  const recovery = recoverJournal(journalFolder);
  if (recovery.skippedLines > 0)
    logger.warn(
      'the conversation journal held lines cut off by a crash; they were never acknowledged and are skipped',
      { skipped: recovery.skippedLines, folder: journalFolder },
    );
  if (recovery.emptySegments > 0)
    logger.warn('the conversation journal held empty segments (failed writes); they were deleted', {
      deleted: recovery.emptySegments,
      folder: journalFolder,
    });
  for (const batch of chunks([...recovery.saves], WRITE_CONCURRENCY))
    await Promise.all(batch.map(([id, lines]) => writeReplayed(files, id, lines, logger)));
  return {
    journal: openJournal(journalFolder),
    pending: recovery.pending,
    lock,
    discardReplayed: recovery.discard,
    replayedIds: [...recovery.saves.keys()],
  };
}

/** Writes the version a conversation's journal lines lead to into its files. */
async function writeReplayed(
  files: ConversationFolder,
  id: string,
  lines: readonly SaveLine[],
  logger: Logger,
): Promise<void> {
  // A damaged file counts as none: a line holding the whole conversation still replaces it.
  const base = await files.read(id).catch(() => null);
  const replayed = replaySaves(base, lines);
  if (replayed === null) return;
  if (replayed.gaps > 0)
    logger.error('the conversation journal misses versions of a conversation; kept what it could', {
      conversationId: id,
      skipped: replayed.gaps,
    });
  await files.write(id, storedOf(replayed.conversation).stored, replayed.from);
}
