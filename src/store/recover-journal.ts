import { mkdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { parseJournalLine, type JournalLine } from './journal-line.js';
import { listSegments } from './journal-segments.js';
import { createPendingOutbox, type PendingOutbox } from './pending-outbox.js';

/** A save read back from the journal (journal-line.ts). */
export type SaveLine = Extract<JournalLine, { kind: 'save' }>;

/**
 * What the journal held at start: the saves of each conversation in the order they were made,
 * the outbox events saved and not handed over, and lines skipped.
 */
export type JournalRecovery = {
  /** Per conversation, its save lines oldest first (replay-saves.ts turns them into a version). */
  saves: Map<string, SaveLine[]>;
  pending: PendingOutbox;
  /** Lines that were not a whole save: cut off by a crash, never acknowledged. */
  skippedLines: number;
  /** Empty segments deleted (left by appends that failed, as on a full disk). */
  emptySegments: number;
  /** Deletes the segments read (call it once the recovered versions are in their files). */
  discard(): void;
};

/**
 * Reads what an earlier process left in `folder` (created if missing), deleting the empty
 * segments it finds. Call before `openJournal`, which starts after the segments found here.
 *
 * @example
 *   const recovery = recoverJournal(folder);
 *   for (const [id, lines] of recovery.saves) await writeFile(replaySaves(await read(id), lines));
 *   recovery.discard();
 */
export function recoverJournal(folder: string): JournalRecovery {
  mkdirSync(folder, { recursive: true });
  const saves = new Map<string, SaveLine[]>();
  const pending = createPendingOutbox();
  let skippedLines = 0;
  let emptySegments = 0;
  const segments = listSegments(folder).filter(({ name }) => {
    if (statSync(join(folder, name)).size > 0) return true;
    unlinkSync(join(folder, name));
    emptySegments += 1;
    return false;
  });
  for (const { name } of segments) {
    const file = join(folder, name);
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      const line = parseJournalLine(text, file);
      if (line === null) skippedLines += 1;
      else replay(line, saves, pending);
    }
  }
  return {
    saves,
    pending,
    skippedLines,
    emptySegments,
    discard: () => {
      for (const { name } of segments) unlinkSync(join(folder, name));
    },
  };
}

/** Applies one line read back to what the recovery has found so far. */
function replay(line: JournalLine, saves: Map<string, SaveLine[]>, pending: PendingOutbox): void {
  if (line.kind === 'pending') pending.add(line.pending.conversationId, line.pending.events);
  else if (line.kind === 'handedOver') pending.remove(line.conversationId, line.eventIds);
  else {
    const { conversation, newEvents } = line;
    const known = saves.get(conversation.id);
    if (known === undefined) saves.set(conversation.id, [line]);
    else known.push(line);
    pending.add(
      conversation.id,
      conversation.outbox.filter((e) => newEvents.includes(e.id)),
    );
  }
}
