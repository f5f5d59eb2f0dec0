import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Limits } from '../../config/limits-schema.js';
import { memoryLimiter, takePoint, type Verdict } from './take-point.js';

/**
 * The per-client limits of the socket gateway: one set per server process, shared by every
 * socket, so opening more sockets buys a client nothing.
 */
export type ClientLimits = {
  /** Counts an open socket of `ip`; refused over `connectionsPerIp` (then nothing is counted). */
  openConnection(ip: string): Promise<Verdict>;
  /** Forgets a socket counted by `openConnection`. */
  closeConnection(ip: string): void;
  /** A hello that starts a conversation. */
  newConversation(ip: string): Promise<Verdict>;
  /** A hello that names a conversation to resume. */
  resume(ip: string): Promise<Verdict>;
  /** A visitor message in `conversation`, whichever socket it came from. */
  message(conversation: string): Promise<Verdict>;
  /**
   * Counts a conversation started after the fact (a hello whose id was unknown), so a client
   * cannot start conversations past the cap by sending ids that resume nothing.
   */
  countNewConversation(ip: string): void;
};

/**
 * Creates the limits from config, kept in memory (rate-limiter-flexible's RateLimiterMemory):
 * they hold per process. A later move to PostgreSQL shares them between processes.
 *
 * @example
 *   const limits = createClientLimits(config.limits);
 *   if (!(await limits.message(conversationId)).ok) refuse('RATE_LIMITED');
 */
export function createClientLimits(limits: Limits): ClientLimits {
  const messages = memoryLimiter(limits.messagesPerConversation);
  const fresh = memoryLimiter(limits.newConversationsPerIp);
  const resumes = memoryLimiter(limits.resumesPerIp);
  // A count of open sockets, not a rate: a window of 0 never expires, a close gives the point back.
  const open = new RateLimiterMemory({ points: limits.connectionsPerIp, duration: 0 });

  const release = (ip: string): void => {
    void open.reward(ip).then((res) => (res.consumedPoints <= 0 ? open.delete(ip) : undefined));
  };

  return {
    async openConnection(ip) {
      const verdict = await takePoint(open, ip);
      // A refused consume still counted the point: give it back, the socket never opened.
      if (!verdict.ok) release(ip);
      return verdict;
    },
    closeConnection: release,
    newConversation: (ip) => takePoint(fresh, ip),
    resume: (ip) => takePoint(resumes, ip),
    message: (conversation) => takePoint(messages, conversation),
    countNewConversation: (ip) => void fresh.penalty(ip),
  };
}
