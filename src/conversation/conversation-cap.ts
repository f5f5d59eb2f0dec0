import type { Limits } from '../config/limits-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Conversation } from './conversation-schema.js';

/**
 * Refuses a visitor message that would take `conv` past its length cap (config
 * `limits.conversation`: messages, and UTF-8 bytes of message text, the agent's included),
 * with CONVERSATION_FULL and a message the widget shows. Called before anything is stored.
 *
 * @example assertRoomFor(conv, 'one more question', config.limits.conversation);
 */
export function assertRoomFor(
  conv: Conversation,
  text: string,
  caps: Limits['conversation'],
): void {
  const full = (): never => {
    throw new AppError(
      'CONVERSATION_FULL',
      'This conversation has reached its length limit, so your message was not sent. ' +
        'Everything said so far is kept; please reach us by email or phone to continue.',
    );
  };
  if (conv.messages.length + 1 > caps.maxMessages) full();
  let bytes = Buffer.byteLength(text);
  for (const m of conv.messages) {
    bytes += Buffer.byteLength(m.text);
    if (bytes > caps.maxBytes) full();
  }
  if (bytes > caps.maxBytes) full();
}
