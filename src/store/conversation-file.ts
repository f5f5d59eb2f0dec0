import type { Adapter } from 'lowdb';
import { DataFile } from 'lowdb/node';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { parseConversation } from './parse-conversation.js';

/**
 * The lowdb adapter for one conversation file: JSON like lowdb's `JSONFile`, every read
 * validated with `ConversationSchema` (a file that is not JSON or not a valid conversation
 * rejects with AppError('INTERNAL') naming the file). lowdb's async `DataFile`: steno writes a
 * temp file, then renames it over the old one, so a crash leaves one whole version. The store
 * writes these in the background (its journal holds a save until then, see
 * conversation-journal.ts), so the rename's cost is off the event loop.
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
    // Indented like lowdb's JSONFile, so an operator can read a conversation with any editor.
    stringify: (conversation: Conversation) => JSON.stringify(conversation, null, 2),
  };
  return new DataFile<Conversation>(filename, format);
}
