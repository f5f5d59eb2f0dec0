import { z } from 'zod';

const conversationId = z.string().min(1).max(128);

/** `join` and `handBack`. */
export const TakeoverPayloadSchema = z.object({ conversationId });

/** `message`: the length cap (`server.maxMessageChars`, as for the visitor) is checked by the handler. */
export const RepMessagePayloadSchema = z.object({
  conversationId,
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
});

/** `typing`: `on` defaults to true (a keystroke). */
export const RepTypingPayloadSchema = z.object({ conversationId, on: z.boolean().default(true) });
