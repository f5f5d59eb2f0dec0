import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { dropConversationLines } from './journal-erase.js';
import { outboxLine, parseJournalLine, saveLine, type JournalLine } from './journal-line.js';
import { createPendingOutbox, type PendingOutbox } from './pending-outbox.js';

/**
 * The conversation store's write-ahead journal: every saved version is appended as one JSON
 * line to the current segment, synchronously, before the save resolves. The conversation files
 * are written later, in the background; once every version a segment holds is in its file, the
 * segment is deleted. A restart replays what is left.
 *
 * Why a journal: replacing a file by a rename makes ext4 start writing the new data at once
 * (its `auto_da_alloc` safeguard), so a save done that way blocked the event loop for 0.5 to
 * several ms, and every visitor waited on it. An append lands in the page cache in tens of
 * microseconds. lowdb has no journal of its own, hence this small one; the durability is the
 * same as lowdb's files (written, not fsynced: a process crash loses nothing acknowledged).
 */
export type ConversationJournal = {
  /**
   * Appends one version, with the ids of the outbox events it added, as one line, and returns
   * the conversation's JSON; when it returns, the line is in the file. Throws AppError('INTERNAL').
   */
  append(conversation: Conversation, newEvents: readonly string[]): string;
  /** Appends a note of outbox events pending or handed over (journal-line.ts). Throws AppError('INTERNAL'). */
  note(line: Exclude<JournalLine, { kind: 'save' }>): void;
  /**
   * Starts a new segment (later appends go there) and returns a function that deletes every
   * older segment: call it once every version appended before the rotation is in its file.
   * The deletion runs off the event loop: removing a file still being written out can wait on
   * the disk.
   */
  rotate(): () => Promise<void>;
  /**
   * Removes every line about conversation `id` from the journal (later appends go to a new
   * segment); returns whether there was any. Call it with no save of `id` and no flush under way.
   */
  erase(id: string): boolean;
  /** Characters appended to the current segment (the bytes, for the ASCII most JSON is). */
  bytes(): number;
  /** Closes the current segment; with `discard`, deletes every segment (all is in the files). */
  close(options: { discard: boolean }): void;
};

/**
 * What the journal held at start: the last version of each conversation, the outbox events
 * saved and not handed over, and lines skipped.
 */
export type JournalRecovery = {
  conversations: Map<string, Conversation>;
  pending: PendingOutbox;
  /** Lines that were not a whole conversation: a save cut off by a crash, never acknowledged. */
  skippedLines: number;
  /** Deletes the segments read (call it once the recovered versions are in their files). */
  discard(): void;
};

const SEGMENT_PATTERN = /^(\d{10})\.ndjson$/;
const segmentName = (seq: number): string => `${String(seq).padStart(10, '0')}.ndjson`;

/**
 * Reads what an earlier process left in `folder` (created if missing). Call before
 * `openJournal`, which starts after the segments found here.
 *
 * @example
 *   const recovery = recoverJournal(folder);
 *   for (const conv of recovery.conversations.values()) await writeFile(conv);
 *   recovery.discard();
 */
export function recoverJournal(folder: string): JournalRecovery {
  mkdirSync(folder, { recursive: true });
  const segments = listSegments(folder);
  const conversations = new Map<string, Conversation>();
  const pending = createPendingOutbox();
  let skippedLines = 0;
  for (const { name } of segments) {
    const file = join(folder, name);
    for (const text of readFileSync(file, 'utf8').split('\n')) {
      if (text.trim() === '') continue;
      const line = parseJournalLine(text, file);
      if (line === null) skippedLines += 1;
      else replay(line, conversations, pending);
    }
  }
  return {
    conversations,
    pending,
    skippedLines,
    discard: () => {
      for (const { name } of segments) unlinkSync(join(folder, name));
    },
  };
}

/**
 * Opens a new segment in `folder`, numbered after any already there.
 *
 * @example
 *   const journal = openJournal(folder);
 *   journal.append(conversation); // then write the file whenever convenient
 */
export function openJournal(folder: string): ConversationJournal {
  mkdirSync(folder, { recursive: true });
  let seq = (listSegments(folder).at(-1)?.seq ?? 0) + 1;
  let fd = openSegment(folder, seq);
  // After a failed append the segment may end in part of a line (skipped when replayed): the
  // next append goes to a new segment, the old one is kept until its versions are in files.
  let broken = false;
  let bytes = 0;
  const write = (line: string): void => {
    if (broken) advance();
    try {
      writeFileSync(fd, `${line}\n`);
      bytes += line.length + 1;
    } catch (e) {
      broken = true;
      throw new AppError(
        'INTERNAL',
        `could not append to the journal ${join(folder, segmentName(seq))}: ${e instanceof Error ? e.message : String(e)}`,
      );
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
    append(conversation, newEvents) {
      const json = JSON.stringify(conversation);
      write(saveLine(json, newEvents));
      return json;
    },
    note: (line) => write(outboxLine(line)),
    rotate() {
      const before = seq;
      advance();
      return async () => {
        for (const name of await readdir(folder)) {
          const seq = segmentSeq(name);
          if (seq !== null && seq <= before) await unlink(join(folder, name));
        }
      };
    },
    erase(id) {
      const before = seq;
      advance();
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

function listSegments(folder: string): { name: string; seq: number }[] {
  return readdirSync(folder)
    .flatMap((name) => {
      const seq = segmentSeq(name);
      return seq === null ? [] : [{ name, seq }];
    })
    .sort((a, b) => a.seq - b.seq);
}

/** The number of a segment file's name; null for anything else (the lock, foreign files). */
function segmentSeq(name: string): number | null {
  const digits = SEGMENT_PATTERN.exec(name)?.[1];
  return digits === undefined ? null : Number(digits);
}

/** Applies one line read back to what the recovery has found so far. */
function replay(
  line: JournalLine,
  conversations: Map<string, Conversation>,
  pending: PendingOutbox,
): void {
  if (line.kind === 'pending') pending.add(line.pending.conversationId, line.pending.events);
  else if (line.kind === 'handedOver') pending.remove(line.conversationId, line.eventIds);
  else {
    const { conversation, newEvents } = line;
    conversations.set(conversation.id, conversation);
    pending.add(
      conversation.id,
      conversation.outbox.filter((e) => newEvents.includes(e.id)),
    );
  }
}
