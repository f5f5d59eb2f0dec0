import type { ChatMessage, Conversation } from '../conversation/conversation-schema.js';

/**
 * A saved conversation as the lowdb store keeps it in memory: the JSON of the validated
 * document in two parts, everything but the transcript (`state`, small) and the transcript
 * (`messages`, with where each message ends in it), so a save can tell which messages are new
 * and write only those; its version for compare-and-set, and its outbox event ids, to tell
 * which events the next save adds. Strings take less memory than the object tree they stand
 * for, and parsing them back is the cheapest copy.
 */
export type StoredConversation = {
  /** JSON of the conversation without `messages`. */
  state: string;
  /** JSON of the `messages` array. */
  messages: string;
  /** Where each message's JSON ends in `messages` (the index after its closing brace). */
  ends: readonly number[];
  version: number;
  eventIds: readonly string[];
};

/** A stored conversation, and how many leading messages it shares with the one it follows. */
export type StoredChange = { stored: StoredConversation; shared: number };

/**
 * The stored form of a validated conversation, compared with the stored version it follows
 * (`previous`): a turn usually appends, which is found with one comparison of the transcripts'
 * JSON; only when earlier messages changed is each message compared.
 *
 * @example storedOf(next, previous).shared // previous.ends.length when next only added messages
 */
export function storedOf(
  conversation: Conversation,
  previous: StoredConversation | null = null,
): StoredChange {
  const { messages, ...rest } = conversation;
  const json = JSON.stringify(messages);
  const base = {
    state: JSON.stringify(rest),
    messages: json,
    version: conversation.version,
    eventIds: conversation.outbox.map((e) => e.id),
  };
  const count = previous?.ends.length ?? 0;
  const head = previous?.messages.slice(0, -1) ?? '[';
  const next = json[head.length];
  if (json.startsWith(head) && (count === 0 || next === ',' || next === ']')) {
    // The previous transcript, then new messages (if any).
    const after = count === 0 ? 0 : head.length;
    const ends = [...(previous?.ends ?? []), ...endsOf(messages.slice(count), after)];
    return { stored: { ...base, ends }, shared: count };
  }
  const ends = endsOf(messages, 0);
  const stored = { ...base, ends };
  let shared = 0;
  while (
    previous !== null &&
    shared < Math.min(count, ends.length) &&
    messageJson(previous, shared) === messageJson(stored, shared)
  )
    shared++;
  return { stored, shared };
}

/** Where each message ends in a transcript's JSON, the first starting after index `after`. */
function endsOf(messages: readonly ChatMessage[], after: number): number[] {
  const ends: number[] = [];
  let at = after;
  for (const m of messages) {
    // JSON.stringify of one message is its text inside the array's JSON; +1 skips `[` or `,`.
    at += 1 + JSON.stringify(m).length;
    ends.push(at);
  }
  return ends;
}

/** The JSON of message `i` of a stored conversation. */
export function messageJson(stored: StoredConversation, i: number): string {
  return stored.messages.slice(i === 0 ? 1 : (stored.ends[i - 1] ?? 0) + 1, stored.ends[i]);
}

/**
 * The JSON of the messages after the first `from`, as an array.
 *
 * @example messagesAfter(stored, stored.ends.length) // '[]'
 */
export function messagesAfter(stored: StoredConversation, from: number): string {
  if (from === 0) return stored.messages;
  return `[${stored.messages.slice((stored.ends[from - 1] ?? 0) + 1, -1)}]`;
}

/** The JSON of a whole conversation from its state's JSON and its transcript's JSON. */
export function joinConversationJson(state: string, messages: string): string {
  return `${state.slice(0, -1)},"messages":${messages}}`;
}

/**
 * A fresh copy of a stored conversation: JSON.parse of a few kilobytes takes a third of
 * structuredClone's time, and the JSON came from a validated document, so it parses back to
 * the same conversation.
 */
export function conversationOf(stored: StoredConversation): Conversation {
  // JSON.parse returns `any`; the text is JSON.stringify of a Conversation parsed by zod.
  const copy: Conversation = JSON.parse(joinConversationJson(stored.state, stored.messages));
  return copy;
}
