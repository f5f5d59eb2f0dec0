import type { Adapter } from 'lowdb';
import { DataFile, DataFileSync } from 'lowdb/node';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError } from '../errors/app-error.js';
import { parseConversation } from './parse-conversation.js';

/**
 * The lowdb adapter for one conversation file: JSON like lowdb's `JSONFile`, every read
 * validated with `ConversationSchema` (a file that is not JSON or not a valid conversation
 * rejects with AppError('INTERNAL') naming the file). Reads are lowdb's async `DataFile`;
 * writes are lowdb's `DataFileSync` (a temp file, then an atomic rename, like steno), because
 * a conversation file is a few kilobytes written to the page cache: done in one go on the main
 * thread it takes a fraction of the four thread-pool round trips of the async writer, and
 * `npm run bench` measured the turn 1.6x faster (the visitor's ack waits on this write).
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
  const reader = new DataFile<Conversation>(filename, format);
  const writer = new DataFileSync<Conversation>(filename, format);
  return { read: () => reader.read(), write: async (conversation) => writer.write(conversation) };
}
