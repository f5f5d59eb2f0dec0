import { describe, expect, it } from 'vitest';
import { assertRoomFor } from '../../../src/conversation/conversation-cap.js';
import { makeConversation, makeMessage } from '../../helpers/make-conversation.js';

const conversationOf = (n: number, text: string) =>
  makeConversation({ messages: Array.from({ length: n }, (_, i) => makeMessage(i, text)) });

describe('the length cap of a conversation', () => {
  const caps = { maxMessages: 1500, maxBytes: 2_000_000 };
  it.each([
    ['1,000 messages: room for more', 1000, 'a short line', 'ok', true],
    ['1,499 messages: room for one', 1499, 'hi', 'ok', true],
    ['1,500 messages: full', 1500, 'hi', 'ok', false],
    [
      '1,000 messages of 1,999 bytes and a 1,000-byte one: full',
      1000,
      'b'.repeat(1999),
      'c'.repeat(1001),
      false,
    ],
    [
      '1,000 messages of 1,999 bytes: room for one of 1,000',
      1000,
      'b'.repeat(1999),
      'c'.repeat(1000),
      true,
    ],
  ])('with %s', (_case, n, each, text, room) => {
    const check = () => assertRoomFor(conversationOf(n, each), text, caps);
    if (room) expect(check).not.toThrow();
    else expect(check).toThrow(expect.objectContaining({ code: 'CONVERSATION_FULL' }));
  });
});
