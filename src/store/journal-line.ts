import { z } from 'zod';
import { OutboxEventSchema, type Conversation } from '../conversation/conversation-schema.js';
import { parseConversation } from './parse-conversation.js';
import type { PendingEvents } from './store.js';

/**
 * One line of the conversation journal, as written and as read back:
 * - a save: `{"newEvents":["evt-1"],"save":{...conversation}}`, the conversation and the ids of
 *   the outbox events it added, in one line, so both land or neither does; a save that adds no
 *   event is the bare conversation (the only line journals written before the outbox moved into
 *   the store hold);
 * - `{"pending":{"conversationId":...,"events":[...]}}`: events still pending, carried over
 *   into a new segment before the segments that saved them are deleted;
 * - `{"handedOver":{"conversationId":...,"eventIds":[...]}}`: events no longer pending.
 */
export type JournalLine =
  | { kind: 'save'; conversation: Conversation; newEvents: string[] }
  | { kind: 'pending'; pending: PendingEvents }
  | { kind: 'handedOver'; conversationId: string; eventIds: string[] };

const PendingLineSchema = z.object({
  pending: z.object({ conversationId: z.string(), events: z.array(OutboxEventSchema) }),
});
const HandedOverLineSchema = z.object({
  handedOver: z.object({ conversationId: z.string(), eventIds: z.array(z.string()) }),
});
const SaveLineSchema = z.object({ save: z.unknown(), newEvents: z.array(z.string()) });

/** The text of a save line for a conversation's JSON and the ids of the events it added. */
export function saveLine(json: string, newEvents: readonly string[]): string {
  return newEvents.length === 0
    ? json
    : `{"newEvents":${JSON.stringify(newEvents)},"save":${json}}`;
}

/** The text of an outbox line (events pending, or handed over). */
export function outboxLine(line: Exclude<JournalLine, { kind: 'save' }>): string {
  return line.kind === 'pending'
    ? JSON.stringify({ pending: line.pending })
    : JSON.stringify({
        handedOver: { conversationId: line.conversationId, eventIds: line.eventIds },
      });
}

/** A journal line read back; null for a line cut off or damaged (never acknowledged). */
export function parseJournalLine(text: string, file: string): JournalLine | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const pending = PendingLineSchema.safeParse(json);
  if (pending.success) return { kind: 'pending', pending: pending.data.pending };
  const handed = HandedOverLineSchema.safeParse(json);
  if (handed.success) return { kind: 'handedOver', ...handed.data.handedOver };
  const save = SaveLineSchema.safeParse(json);
  try {
    return save.success
      ? {
          kind: 'save',
          conversation: parseConversation(save.data.save, file),
          newEvents: save.data.newEvents,
        }
      : { kind: 'save', conversation: parseConversation(json, file), newEvents: [] };
  } catch {
    return null;
  }
}
