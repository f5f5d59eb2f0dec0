import type { Adapter } from 'lowdb';
import { DataFile, TextFile } from 'lowdb/node';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { parseConversation } from './parse-conversation.js';

/**
 * The lowdb adapter for one conversation file: JSON like lowdb's `JSONFile`, every read
 * validated with `ConversationSchema` (a file that is not JSON or not a valid conversation
 * rejects with AppError('INTERNAL') naming the file). lowdb's async `DataFile`: steno writes a
 * temp file, then renames it over the old one, so a crash leaves one whole version. The store
 * writes these in the background (its journal holds a save until then, see
 * conversation-journal.ts), so the rename's cost is off the event loop. Files hold compact JSON
 * (`jq . <file>` shows it indented): the store writes the very text it journaled.
 *
 * @example
 *   const file = createConversationFile('/data/conversations/c1.json');
 *   const conv = await file.read(); // null when the file does not exist
 */
export function createConversationFile(filename: string): Adapter<Conversation> {
  const format = {
    parse: (text: string) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        // An empty or truncated file lands here; name it so an operator can repair or remove it.
        throw new AppError('INTERNAL', `${filename} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      return parseConversation(json, filename);
    },
    stringify: (conversation: Conversation) => JSON.stringify(conversation),
  };
  return new DataFile<Conversation>(filename, format);
}

/**
 * Writes the JSON text of a validated conversation to its file through lowdb's `TextFile`
 * (steno: temp file, then rename), without parsing it back into objects first.
 *
 * @example await writeConversationJson('/data/conversations/ab/c1.json', JSON.stringify(conv));
 */
export function writeConversationJson(filename: string, json: string): Promise<void> {
  return new TextFile(filename).write(json);
}
