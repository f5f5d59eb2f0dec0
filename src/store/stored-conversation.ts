import type { Conversation } from '../conversation/conversation-schema.js';

/**
 * A saved conversation as the lowdb store keeps it in memory: the JSON of the validated
 * document (one string takes less memory than the object tree it stands for, and parsing it
 * back is the cheapest copy), its version for compare-and-set, and its outbox event ids, to
 * tell which events the next save adds.
 */
export type StoredConversation = { json: string; version: number; eventIds: readonly string[] };

/** The stored form of a validated conversation (`json` when its JSON is already at hand). */
export function storedOf(
  conversation: Conversation,
  json = JSON.stringify(conversation),
): StoredConversation {
  return { json, version: conversation.version, eventIds: conversation.outbox.map((e) => e.id) };
}

/**
 * A fresh copy of a stored conversation: JSON.parse of a few kilobytes takes a third of
 * structuredClone's time, and the JSON came from a validated document, so it parses back to
 * the same conversation.
 */
export function conversationOf(stored: StoredConversation): Conversation {
  // JSON.parse returns `any`; the text is JSON.stringify of a Conversation parsed by zod.
  const copy: Conversation = JSON.parse(stored.json);
  return copy;
}
