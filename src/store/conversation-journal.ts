import { closeSync, ftruncateSync, mkdirSync, openSync, unlinkSync, writeFileSync } from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors/app-error.js';
import { dropConversationLines } from './journal-erase.js';
import { outboxLine, saveLine, type JournalLine } from './journal-line.js';
import { listSegments, segmentName, segmentSeq } from './journal-segments.js';
import type { StoredConversation } from './stored-conversation.js';

/**
 * The conversation store's write-ahead journal: every save is appended as one JSON line to the
 * current segment, synchronously, before the save resolves. A line holds what the save changed
 * (journal-line.ts): the messages it added and the rest of the conversation, which is small, so
 * the bytes written per turn do not grow with the transcript. The conversation files are
 * written later, in the background; once every version a segment holds is in its file, the
 * segment is deleted. A restart replays what is left (recover-journal.ts, replay-saves.ts).
 *
 * Why a journal: replacing a file by a rename makes ext4 start writing the new data at once
 * (its `auto_da_alloc` safeguard), so a save done that way blocked the event loop for 0.5 to
 * several ms, and every visitor waited on it. An append lands in the page cache in tens of
 * microseconds. lowdb has no journal of its own, hence this small one; the durability is the
 * same as lowdb's files (written, not fsynced: a process crash loses nothing acknowledged).
 *
 * A failed append (a full disk) may leave part of a line: the next append first cuts the
 * segment back to its last whole line, so failing writes never create file after file.
 */
export type ConversationJournal = {
  /**
   * Appends one save as one line: the stored conversation's messages after the first `from`,
   * the rest of it, and the ids of the outbox events it added. When it returns, the line is in
   * the file. Throws AppError('INTERNAL').
   */
  append(stored: StoredConversation, from: number, newEvents: readonly string[]): void;
  /** Appends a note of outbox events pending or handed over (journal-line.ts). Throws AppError('INTERNAL'). */
  note(line: Exclude<JournalLine, { kind: 'save' }>): void;
  /**
   * Starts a new segment (later appends go there; an empty current segment is kept as the new
   * one) and returns a function that deletes every older segment: call it once every version
   * appended before the rotation is in its file. The deletion runs off the event loop:
   * removing a file still being written out can wait on the disk.
   */
  rotate(): () => Promise<void>;
  /**
   * Removes every line about conversation `id` from the journal (later appends go to a new
   * segment); returns whether there was any. Call it with no save of `id` and no flush under way.
   */
  erase(id: string): boolean;
  /** Bytes appended to the current segment. */
  bytes(): number;
  /** Closes the current segment; with `discard`, deletes every segment (all is in the files). */
  close(options: { discard: boolean }): void;
};

export type JournalOptions = {
  /** Writes text at the end of an open segment (a test injects a full disk here). */
  appendText?: (fd: number, text: string) => void;
};

/**
 * Opens a new segment in `folder`, numbered after any already there.
 *
 * @example
 *   const journal = openJournal(folder);
 *   journal.append(storedOf(conversation), 0, []); // then write the file whenever convenient
 */
export function openJournal(folder: string, options: JournalOptions = {}): ConversationJournal {
  const appendText = options.appendText ?? ((fd, text) => writeFileSync(fd, text));
  mkdirSync(folder, { recursive: true });
  let seq = (listSegments(folder).at(-1)?.seq ?? 0) + 1;
  let fd = openSegment(folder, seq);
  // After a failed append the segment may end in part of a line: cut back before the next one.
  let broken = false;
  let bytes = 0;
  const write = (line: string): void => {
    if (broken) repair();
    const text = `${line}\n`;
    try {
      appendText(fd, text);
      bytes += Buffer.byteLength(text);
    } catch (e) {
      broken = true;
      throw new AppError(
        'INTERNAL',
        `could not append to the journal ${join(folder, segmentName(seq))}: ${e instanceof Error ? e.message : String(e)}`,
      );
    }
  };
  const repair = (): void => {
    try {
      ftruncateSync(fd, bytes);
      broken = false;
    } catch {
      // Cannot be cut back (not a regular file): the next line goes to a new segment.
      advance();
    }
  };
  const advance = (): void => {
    const next = openSegment(folder, seq + 1);
    closeSync(fd);
    fd = next;
    seq += 1;
    broken = false;
    bytes = 0;
  };

  return {
    append(stored, from, newEvents) {
      write(saveLine(stored, from, newEvents));
    },
    note: (line) => write(outboxLine(line)),
    rotate() {
      // An empty segment (every append failed, as on a full disk) is kept: no file after file.
      if (bytes > 0) advance();
      const before = seq - 1;
      return async () => {
        for (const name of await readdir(folder)) {
          const n = segmentSeq(name);
          if (n !== null && n <= before) await unlink(join(folder, name));
        }
      };
    },
    erase(id) {
      const before = seq;
      if (bytes > 0 || broken) advance();
      const older = listSegments(folder).filter((s) => s.seq <= before);
      return dropConversationLines(
        older.map((s) => join(folder, s.name)),
        id,
      );
    },
    bytes: () => bytes,
    close({ discard }) {
      closeSync(fd);
      if (discard)
        for (const segment of listSegments(folder)) unlinkSync(join(folder, segment.name));
    },
  };
}

function openSegment(folder: string, seq: number): number {
  const file = join(folder, segmentName(seq));
  try {
    return openSync(file, 'a');
  } catch (e) {
    throw new AppError(
      'INTERNAL',
      `could not open the journal ${file}: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}
