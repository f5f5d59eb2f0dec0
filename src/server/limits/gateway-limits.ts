import type { Config } from '../../config/config-schema.js';
import { isLongerThan } from '../../lib/grapheme-count.js';
import type { ErrorBody } from '../socket-events.js';
import { createClientLimits, type ClientLimits } from './client-limits.js';
import { retryIn } from './take-point.js';

/** The gateway's limits: each check answers null (go on) or the error the client gets. */
export type GatewayLimits = {
  clients: ClientLimits;
  /** Before a hello: a resume (`resumes` true) or a new conversation, per client IP. */
  hello(ip: string, resumes: boolean): Promise<ErrorBody | null>;
  /** After a hello that asked to resume: one that started a conversation counts as new. */
  helloDone(ip: string, resumes: boolean, resumed: boolean): void;
  /** Before a visitor message is stored: the conversation's budget, across all its sockets. */
  message(conversation: string): Promise<ErrorBody | null>;
  /** The message length cap, in characters as the visitor sees them (grapheme clusters). */
  messageLength(text: string): ErrorBody | null;
};

/**
 * Creates the per-client limits of config `limits` for one socket.io server (per process).
 *
 * @example
 *   const limits = createGatewayLimits(config);
 *   const refused = await limits.message(conversationId); // null, or { code: 'RATE_LIMITED', ... }
 */
export function createGatewayLimits(config: Pick<Config, 'limits' | 'server'>): GatewayLimits {
  const clients = createClientLimits(config.limits);
  const { messagesPerConversation, newConversationsPerIp, resumesPerIp } = config.limits;
  const { maxMessageChars } = config.server;
  const limited = (message: string): ErrorBody => ({ code: 'RATE_LIMITED', message });

  return {
    clients,
    async hello(ip, resumes) {
      if (resumes) {
        const v = await clients.resume(ip);
        if (v.ok) return null;
        return limited(
          `Too many conversations resumed from your network: at most ${resumesPerIp.max} in ${resumesPerIp.windowSeconds} s. Try again ${retryIn(v.retryAfterMs)}.`,
        );
      }
      const v = await clients.newConversation(ip);
      if (v.ok) return null;
      return limited(
        `Too many new conversations from your network: at most ${newConversationsPerIp.max} in ${newConversationsPerIp.windowSeconds} s. Try again ${retryIn(v.retryAfterMs)}.`,
      );
    },
    helloDone(ip, resumes, resumed) {
      if (resumes && !resumed) clients.countNewConversation(ip);
    },
    async message(conversation) {
      const v = await clients.message(conversation);
      if (v.ok) return null;
      const { max, windowSeconds } = messagesPerConversation;
      return limited(
        `Too many messages in this conversation: at most ${max} in ${windowSeconds} s. Try again ${retryIn(v.retryAfterMs)}.`,
      );
    },
    messageLength(text) {
      if (!isLongerThan(text, maxMessageChars)) return null;
      return {
        code: 'PAYLOAD_TOO_LARGE',
        message: `Message too long: more than ${maxMessageChars} characters. Please shorten it.`,
      };
    },
  };
}
