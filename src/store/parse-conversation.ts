import { ConversationSchema, type Conversation } from '../conversation/conversation-schema.js';
import { migrateConversation } from '../conversation/migrate-conversation.js';
import { FIELD_PATHS } from '../lead/field-paths.js';
import type { Lead } from '../lead/lead-record.js';
import { AppError } from '../errors/app-error.js';

const MAX_ISSUES_SHOWN = 3;

/**
 * Validates a stored or about-to-be-stored conversation with `ConversationSchema` and returns
 * the parsed document (fresh objects, defaults applied, unknown keys dropped). A document of an
 * older schema version is migrated first (migrate-conversation.ts), so every stored
 * conversation stays readable. Throws
 * AppError('INTERNAL') naming `source` (a file path or "conversation <id>") and the first
 * invalid fields: a bad document is a bug or a damaged file, never the visitor's fault.
 *
 * @example
 *   const conv = parseConversation(JSON.parse(text), '/data/conversations/c1.json');
 */
export function parseConversation(value: unknown, source: string): Conversation {
  const parsed = ConversationSchema.safeParse(migrateConversation(value));
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, MAX_ISSUES_SHOWN)
      .map((i) => `${i.path.length > 0 ? i.path.join('.') : '(root)'}: ${i.message}`)
      .join('; ');
    throw new AppError('INTERNAL', `${source} is not a valid conversation: ${issues}`);
  }
  // LeadSchema's refinement already rejected unknown paths; copying path by path narrows
  // its string-keyed output to the Lead type without a cast.
  const lead: Lead = {};
  for (const path of FIELD_PATHS) {
    const entry = parsed.data.lead[path];
    if (entry !== undefined) lead[path] = entry;
  }
  return { ...parsed.data, lead };
}
