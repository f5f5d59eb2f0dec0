import { TextFile } from 'lowdb/node';
import type { Conversation } from '../conversation/conversation-schema.js';
import { readJsonFile } from '../lib/json-file.js';
import { parseConversation } from './parse-conversation.js';

/*
 * One conversation file, through lowdb's `TextFile`: steno writes a temp file, then renames it
 * over the old one, so a crash leaves one whole version. The store writes these in the
 * background (its journal holds a save until then, see conversation-journal.ts), so the
 * rename's cost is off the event loop. Files hold compact JSON (`jq . <file>` shows it
 * indented): the store writes the very text it journaled.
 */

/**
 * Reads a conversation file, validated with `ConversationSchema`; null when the file does not
 * exist. A file that is not JSON or not a valid conversation rejects with AppError('INTERNAL')
 * naming the file.
 *
 * @example const conv = await readConversationFile('/data/conversations/ab/c1.json');
 */
export function readConversationFile(filename: string): Promise<Conversation | null> {
  return readJsonFile(filename, (json) => parseConversation(json, filename));
}

/**
 * Writes the JSON text of a validated conversation to its file, without parsing it back into
 * objects first.
 *
 * @example await writeConversationJson('/data/conversations/ab/c1.json', JSON.stringify(conv));
 */
export function writeConversationJson(filename: string, json: string): Promise<void> {
  return new TextFile(filename).write(json);
}
