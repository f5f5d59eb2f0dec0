import { z } from 'zod';
import { OutboxEventSchema, type Conversation } from '../conversation/conversation-schema.js';
import { parseConversation } from './parse-conversation.js';
import type { PendingEvents } from './store.js';
import { messagesAfter, type StoredConversation } from './stored-conversation.js';

/**
 * One line of the conversation journal, as written and as read back:
 * - a save: `{"add":[...messages],"from":12,"newEvents":["evt-1"],"state":{...}}`: the
 *   conversation without its transcript (`state`), the messages added after the first `from`
 *   messages of the previous version (a turn appends, so a line holds only the turn's
 *   messages, whatever the length of the conversation), and the ids of the outbox events it
 *   added, in one line, so all of it lands or none does. `from: 0` is a whole conversation.
 *   Journals written before lines held only what changed hold `{"newEvents":[...],"save":{...}}`
 *   or a bare conversation: read as whole conversations;
 * - `{"pending":{"conversationId":...,"events":[...]}}`: events still pending, carried over
 *   into a new segment before the segments that saved them are deleted;
 * - `{"handedOver":{"conversationId":...,"eventIds":[...]}}`: events no longer pending.
 *
 * A save line read back holds the conversation with only the added messages; `from` says how
 * many of the previous version's messages come before them (replay-saves.ts).
 */
export type JournalLine =
  | { kind: 'save'; conversation: Conversation; from: number; newEvents: string[] }
  | { kind: 'pending'; pending: PendingEvents }
  | { kind: 'handedOver'; conversationId: string; eventIds: string[] };

const PendingLineSchema = z.object({
  pending: z.object({ conversationId: z.string(), events: z.array(OutboxEventSchema) }),
});
const HandedOverLineSchema = z.object({
  handedOver: z.object({ conversationId: z.string(), eventIds: z.array(z.string()) }),
});
const DeltaLineSchema = z.object({
  state: z.record(z.string(), z.unknown()),
  from: z.number().int().nonnegative(),
  add: z.array(z.unknown()),
  newEvents: z.array(z.string()),
});
const LegacySaveLineSchema = z.object({ save: z.unknown(), newEvents: z.array(z.string()) });

/**
 * The text of a save line: the stored conversation's state, the messages after the first
 * `from`, and the ids of the events it added.
 *
 * @example saveLine(storedOf(conv), 4, []) // {"add":[<messages 5..>],"from":4,"newEvents":[],"state":{...}}
 */
export function saveLine(
  stored: StoredConversation,
  from: number,
  newEvents: readonly string[],
): string {
  const add = messagesAfter(stored, from);
  return `{"add":${add},"from":${from},"newEvents":${JSON.stringify(newEvents)},"state":${stored.state}}`;
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
  try {
    const delta = DeltaLineSchema.safeParse(json);
    if (delta.success) {
      const { state, add, from, newEvents } = delta.data;
      const conversation = parseConversation({ ...state, messages: add }, file);
      return { kind: 'save', conversation, from, newEvents };
    }
    const legacy = LegacySaveLineSchema.safeParse(json);
    return legacy.success
      ? {
          kind: 'save',
          conversation: parseConversation(legacy.data.save, file),
          from: 0,
          newEvents: legacy.data.newEvents,
        }
      : { kind: 'save', conversation: parseConversation(json, file), from: 0, newEvents: [] };
  } catch {
    return null;
  }
}
