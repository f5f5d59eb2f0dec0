import { randomUUID } from 'node:crypto';
import { io, type Socket } from 'socket.io-client';
import type {
  AgentMessagePayload,
  ClientToServerEvents,
  HelloAck,
  ServerToClientEvents,
  VisitorContext,
  VisitorMessageAck,
} from '../../src/server/socket-events.js';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How one visitor turn went, as the visitor saw it. */
export type TurnResult = {
  /** From emit to the server's ack (the message is stored). */
  ackMs: number;
  /** From emit to the agent's first `agent:message`; null when none came. */
  replyMs: number | null;
  /** The agent messages of the reply (the last one says what the agent expects next). */
  replies: AgentMessagePayload[];
  /** The error code of a refused message, or "TIMEOUT". */
  error: string | null;
};

/** One visitor's socket.io connection, driven one turn at a time. */
export type BenchConversation = {
  /**
   * `session:hello` (with `sessionId`: resume that conversation); resolves with the ack time
   * and the last message the visitor sees.
   */
  hello(
    visitor: VisitorContext,
    sessionId?: string,
  ): Promise<{ ms: number; last: AgentMessagePayload | null; error: string | null }>;
  /** Sends `text` and resolves when the reply has finished (`agent:typing` off) or failed. */
  turn(text: string): Promise<TurnResult>;
  close(): void;
};

const TIMEOUT_MS = 30_000;

type PendingTurn = {
  sentAt: number;
  firstAt: number | null;
  replies: AgentMessagePayload[];
  done: () => void;
};

/**
 * Connects one visitor over WebSocket, as the widget does (no automatic reconnection: a
 * dropped connection is an error of the run, not something to hide).
 *
 * @example
 *   const c = await connectConversation('http://127.0.0.1:3000');
 *   await c.hello({ timezone: 'UTC', locale: 'en-US', page: null, referrer: null, utm: null });
 *   const { replyMs } = await c.turn('We need faster replies to inbound leads');
 */
export async function connectConversation(url: string): Promise<BenchConversation> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    timeout: TIMEOUT_MS,
  });
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });

  // The turn in flight: the reply is timed from its emit, and ends at typing off.
  let pending: PendingTurn | null = null;
  socket.on('agent:message', (m) => {
    if (!pending) return;
    pending.firstAt ??= performance.now();
    pending.replies.push(m);
  });
  socket.on('agent:typing', ({ on }) => {
    if (!on) pending?.done();
  });

  return {
    async hello(visitor, sessionId) {
      const started = performance.now();
      const payload = sessionId === undefined ? { visitor } : { sessionId, visitor };
      const ack: HelloAck | null = await socket
        .timeout(TIMEOUT_MS)
        .emitWithAck('session:hello', payload)
        .catch(() => null);
      const ms = performance.now() - started;
      if (ack === null) return { ms, last: null, error: 'TIMEOUT' };
      if (!ack.ok) return { ms, last: null, error: ack.error.code };
      const last = ack.messages.at(-1);
      return {
        ms,
        error: null,
        last: last
          ? {
              id: last.id,
              text: last.text,
              expecting: last.expecting ?? null,
              quickReplies: last.quickReplies ?? [],
              final: last.final ?? false,
            }
          : null,
      };
    },

    async turn(text) {
      const sentAt = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const replies: AgentMessagePayload[] = [];
      const state: PendingTurn = { sentAt, firstAt: null, replies, done: () => undefined };
      const finished = new Promise<boolean>((resolve) => {
        state.done = () => resolve(true);
        timer = setTimeout(() => resolve(false), TIMEOUT_MS);
      });
      pending = state;
      const clientId = randomUUID();
      const ack: VisitorMessageAck | null = await socket
        .timeout(TIMEOUT_MS)
        .emitWithAck('visitor:message', { clientId, text })
        .catch(() => null);
      const ackMs = performance.now() - sentAt;
      if (ack === null || !ack.ok) {
        clearTimeout(timer);
        pending = null;
        return { ackMs, replyMs: null, replies, error: ack === null ? 'TIMEOUT' : ack.error.code };
      }
      const ended = await finished;
      clearTimeout(timer);
      pending = null;
      return {
        ackMs,
        replyMs: state.firstAt === null ? null : state.firstAt - sentAt,
        replies,
        error: ended ? null : 'TIMEOUT',
      };
    },

    close: () => void socket.close(),
  };
}
