import { TextFile } from 'lowdb/node';
import { unlink } from 'node:fs/promises';
import { z } from 'zod';
import type { Conversation } from '../conversation/conversation-schema.js';
import { parseJsonText } from '../lib/json-file.js';
import {
  messagesFile,
  MessageLogSchema,
  readMessages,
  writeMessages,
  type MessageLog,
} from './message-log.js';
import { parseConversation } from './parse-conversation.js';
import { messageJson, type StoredConversation } from './stored-conversation.js';

/*
 * One conversation on disk is two files: the state file `<id>.json` (everything but the
 * transcript, with a `messageLog` saying where the transcript stands), written through lowdb's
 * `TextFile` (steno writes a temp file, then renames it over the old one, so a crash leaves one
 * whole version), and the messages file beside it (message-log.ts), to which a write appends
 * only the messages added since the last one. The state file is replaced last: a crash before
 * it leaves the previous version whole. Writing a conversation therefore costs its new messages
 * and its small state, whatever the length of its transcript. Files hold compact JSON
 * (`jq . <file>` shows it indented). A state file holding `messages` itself is a conversation
 * written before the split: read as it is, and split on its next write.
 */

/** A conversation read from its files, with where its transcript stands (null: not split yet). */
export type ConversationOnDisk = { conversation: Conversation; log: MessageLog | null };

const SplitStateSchema = z.looseObject({ messageLog: MessageLogSchema });

/**
 * Reads a conversation's files, validated with `ConversationSchema`; null when its state file
 * does not exist. Damage rejects with AppError('INTERNAL') naming the file.
 *
 * @example const conv = (await readConversationFile('/data/conversations/ab/c1.json'))?.conversation;
 */
export async function readConversationFile(filename: string): Promise<ConversationOnDisk | null> {
  const text = await new TextFile(filename).read();
  if (text === null) return null;
  const json = parseJsonText(text, filename);
  const split = SplitStateSchema.safeParse(json);
  if (!split.success) return { conversation: parseConversation(json, filename), log: null };
  const { messageLog: log, ...state } = split.data;
  const messages = await readMessages(messagesFile(filename, log.generation), log);
  return { conversation: parseConversation({ ...state, messages }, filename), log };
}

/**
 * Reads only where a conversation's transcript stands (null: no file, or not split yet).
 *
 * @example const log = await readMessageLog('/data/conversations/ab/c1.json');
 */
export async function readMessageLog(filename: string): Promise<MessageLog | null> {
  const text = await new TextFile(filename).read().catch(() => null);
  if (text === null) return null;
  try {
    const split = SplitStateSchema.safeParse(JSON.parse(text));
    return split.success ? split.data.messageLog : null;
  } catch {
    return null;
  }
}

/**
 * Writes a stored conversation to its files, given what its files hold (`log`) and how many
 * leading messages it shares with them (`shared`): the messages after those are appended, the
 * state file replaced. When earlier messages changed, a new generation of the messages file
 * is written whole and the old one deleted once the state file names the new one. Returns the
 * new log.
 *
 * @example const log = await writeConversationFiles(file, stored, previousLog, 40);
 */
export async function writeConversationFiles(
  filename: string,
  stored: StoredConversation,
  log: MessageLog | null,
  shared: number,
): Promise<MessageLog> {
  const appended =
    log !== null && shared >= log.count
      ? await writeMessages(
          messagesFile(filename, log.generation),
          linesAfter(stored, log.count),
          log.bytes,
          // The file to append to is gone or unwritable: a new generation is written whole.
        ).catch(() => null)
      : null;
  const generation =
    appended !== null && log !== null ? log.generation : (log?.generation ?? 0) + 1;
  const bytes =
    appended ?? (await writeMessages(messagesFile(filename, generation), linesAfter(stored, 0), 0));
  const next: MessageLog = { generation, count: stored.ends.length, bytes };
  await new TextFile(filename).write(
    `${stored.state.slice(0, -1)},"messageLog":${JSON.stringify(next)}}`,
  );
  if (log !== null && log.generation !== generation)
    await unlink(messagesFile(filename, log.generation)).catch(() => undefined);
  return next;
}

/** The JSON of each message after the first `from`. */
function linesAfter(stored: StoredConversation, from: number): string[] {
  const lines: string[] = [];
  for (let i = from; i < stored.ends.length; i++) lines.push(messageJson(stored, i));
  return lines;
}
