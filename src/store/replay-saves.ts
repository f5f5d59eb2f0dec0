import type { Conversation } from '../conversation/conversation-schema.js';
import type { SaveLine } from './recover-journal.js';

/** The version a conversation's journal lines lead to, and what of its file it keeps. */
export type ReplayedSaves = {
  conversation: Conversation;
  /** How many leading messages of the file's version the result shares (0: rewrite them all). */
  from: number;
  /** Lines that could not be applied: a version missing before them (reported, never expected). */
  gaps: number;
};

/**
 * Applies a conversation's journal lines, oldest first, to the version in its file (`base`;
 * null when there is none or it cannot be read): a line of a version the file already has is
 * skipped, a whole conversation (`from: 0`) replaces what came before, and a line of the next
 * version keeps the first `from` messages of the previous one and adds its own. Null when no
 * line is newer than the file.
 *
 * @example replaySaves(fileVersion, [line5, line6]) // { conversation: version 6, from: 40, gaps: 0 }
 */
export function replaySaves(
  base: Conversation | null,
  lines: readonly SaveLine[],
): ReplayedSaves | null {
  let current = base;
  let from = base?.messages.length ?? 0;
  let changed = false;
  let gaps = 0;
  for (const line of lines) {
    const next = line.conversation;
    if (current !== null && next.version <= current.version) continue;
    if (line.from === 0) {
      current = next;
      from = 0;
    } else if (
      current !== null &&
      next.version === current.version + 1 &&
      line.from <= current.messages.length
    ) {
      current = { ...next, messages: [...current.messages.slice(0, line.from), ...next.messages] };
      from = Math.min(from, line.from);
    } else {
      gaps += 1;
      continue;
    }
    changed = true;
  }
  return changed && current !== null ? { conversation: current, from, gaps } : null;
}
