import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { parseJournalLine, type JournalLine } from './journal-line.js';

/** The conversation a journal line is about. */
export function conversationOfLine(line: JournalLine): string {
  if (line.kind === 'pending') return line.pending.conversationId;
  if (line.kind === 'handedOver') return line.conversationId;
  return line.conversation.id;
}

/**
 * Rewrites the journal segments `files` without any line about conversation `id` (its saves,
 * its pending and handed-over notes, and any line cut off by a crash that names it), so none
 * of its text is left in the journal. A segment left with no line is deleted; the others are
 * replaced through a temp file and a rename, so a crash leaves the old or the new segment.
 * Only lines that hold the id in quotes are parsed: an erase costs one read of each segment.
 * Returns whether any line was dropped.
 *
 * @example dropConversationLines(['/data/conversations/journal/0000000001.ndjson'], 'c1');
 */
export function dropConversationLines(files: readonly string[], id: string): boolean {
  const quoted = JSON.stringify(id);
  let dropped = false;
  for (const file of files) {
    const lines = readFileSync(file, 'utf8')
      .split('\n')
      .filter((text) => text.trim() !== '');
    const kept = lines.filter((text) => {
      if (!text.includes(quoted)) return true;
      const line = parseJournalLine(text, file);
      // A line cut off by a crash was never acknowledged: dropping it loses nothing.
      return line !== null && conversationOfLine(line) !== id;
    });
    if (kept.length === lines.length) continue;
    dropped = true;
    if (kept.length === 0) {
      unlinkSync(file);
      continue;
    }
    const temp = `${file}.erase-tmp`;
    writeFileSync(temp, `${kept.join('\n')}\n`);
    renameSync(temp, file);
  }
  return dropped;
}
