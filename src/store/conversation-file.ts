import { DataFile } from 'lowdb/node';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { parseConversation } from './parse-conversation.js';

/**
 * The lowdb adapter for one conversation file. It is lowdb's `JSONFile` (a `DataFile` with
 * JSON.parse / JSON.stringify, writing through steno: a temp file, then an atomic rename),
 * except that every read is validated with `ConversationSchema`. A file that is not JSON or
 * not a valid conversation rejects with AppError('INTERNAL') naming the file.
 *
 * @example
 *   const file = createConversationFile('/data/conversations/c1.json');
 *   const conv = await file.read(); // null when the file does not exist
 */
export function createConversationFile(filename: string): DataFile<Conversation> {
  return new DataFile<Conversation>(filename, {
    parse: (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        // An empty or truncated file lands here; name it so an operator can repair or remove it.
        throw new AppError('INTERNAL', `${filename} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
      }
      return parseConversation(json, filename);
    },
    // Indented like lowdb's JSONFile, so an operator can read a conversation with any editor.
    stringify: (conversation) => JSON.stringify(conversation, null, 2),
  });
}
