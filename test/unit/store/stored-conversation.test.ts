import { describe, expect, it } from 'vitest';
import {
  conversationOf,
  messageJson,
  messagesAfter,
  storedOf,
} from '../../../src/store/stored-conversation.js';
import { makeConversation, makeMessage } from '../../helpers/make-conversation.js';

// A text with quotes and non-ASCII characters: positions are counted in the JSON text.
const withMessages = (ns: number[]) =>
  makeConversation({
    id: 'c',
    messages: ns.map((n) => makeMessage(n, `"quoted" é ${'z'.repeat(n)}`)),
  });

describe('what a save shares with the version before it', () => {
  it.each([
    { change: 'the first messages of a new conversation', before: [], after: [1, 2], shared: 0 },
    { change: 'a turn that appends two messages', before: [1, 2], after: [1, 2, 3, 4], shared: 2 },
    { change: 'a save that changes no message', before: [1, 2, 3], after: [1, 2, 3], shared: 3 },
    { change: 'the last message replaced', before: [1, 2, 3], after: [1, 2, 4], shared: 2 },
    { change: 'the first message replaced', before: [1, 2], after: [5, 2], shared: 0 },
    { change: 'messages removed', before: [1, 2, 3], after: [1], shared: 1 },
    { change: 'every message removed', before: [1, 2], after: [], shared: 0 },
  ])('when $change, then it shares $shared and reads back whole', ({ before, after, shared }) => {
    const previous = storedOf(withMessages(before)).stored;
    const next = withMessages(after);
    const change = storedOf(next, previous);
    expect(change.shared).toBe(shared);
    expect(conversationOf(change.stored)).toEqual(next);
    expect(next.messages.map((_, i) => messageJson(change.stored, i))).toEqual(
      next.messages.map((m) => JSON.stringify(m)),
    );
    expect(JSON.parse(messagesAfter(change.stored, shared))).toEqual(next.messages.slice(shared));
  });
});
