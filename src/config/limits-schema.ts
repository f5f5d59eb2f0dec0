import { z } from 'zod';

/** At most `max` in any window of `windowSeconds` (a fixed window that starts at the first use). */
const rate = (max: number, windowSeconds: number, what: string) =>
  z
    .object({
      max: z.number().int().min(1).max(1_000_000),
      windowSeconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 86_400),
    })
    .default({ max, windowSeconds })
    .describe(what);

const VisitorCapsSchema = z.object({
  utmKeys: z.number().int().min(0).max(200).default(20).describe('UTM parameters kept per visitor'),
  // At most what a stored conversation may hold (src/lead/visitor.ts).
  utmKeyChars: z.number().int().min(1).max(64).default(64),
  utmValueChars: z.number().int().min(1).max(256).default(256),
  urlChars: z
    .number()
    .int()
    .min(16)
    .max(2048)
    .default(2048)
    .describe('the longest page and referrer URL'),
});
export type VisitorCaps = z.output<typeof VisitorCapsSchema>;

const ConversationCapsSchema = z.object({
  maxMessages: z
    .number()
    .int()
    .min(10)
    .max(100_000)
    .default(1500)
    .describe(
      'messages (visitor and agent) a conversation may hold; the visitor is refused at the cap',
    ),
  maxBytes: z
    .number()
    .int()
    .min(10_000)
    .max(100_000_000)
    .default(2_000_000)
    .describe('UTF-8 bytes of message text a conversation may hold'),
});

/**
 * Limits that hold per client (an IP address, a conversation), not per socket. They are kept
 * in the memory of one process: behind several processes each one counts on its own.
 */
export const LimitsSchema = z.object({
  messagesPerConversation: rate(
    20,
    60,
    'visitor messages per conversation, across every socket joined to it',
  ),
  newConversationsPerIp: rate(100, 600, 'hellos that start a conversation, per client IP'),
  resumesPerIp: rate(
    600,
    600,
    'hellos that resume a conversation (every page view), per client IP',
  ),
  connectionsPerIp: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(200)
    .describe('sockets open at once per client IP'),
  adminFailuresPerIp: rate(10, 60, 'wrong admin tokens per client IP before 429'),
  visitor: VisitorCapsSchema.default(VisitorCapsSchema.parse({})),
  conversation: ConversationCapsSchema.default(ConversationCapsSchema.parse({})),
});
export type Limits = z.output<typeof LimitsSchema>;
export type Rate = Limits['messagesPerConversation'];
