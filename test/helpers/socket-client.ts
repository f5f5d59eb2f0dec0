import { io, type Socket } from 'socket.io-client';
import type {
  AgentMessagePayload,
  ClientToServerEvents,
  ServerToClientEvents,
} from '../../src/server/socket-events.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * A socket.io-client connected to `url` over WebSocket, without automatic reconnection (tests
 * decide when to reconnect). `origin` sets the Origin header a browser on that site would send.
 * Resolves once connected; rejects with the server's refusal.
 */
export function connectClient(url: string, opts: { origin?: string } = {}): Promise<ClientSocket> {
  const socket: ClientSocket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...(opts.origin ? { extraHeaders: { origin: opts.origin } } : {}),
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (e) => {
      socket.close();
      reject(e);
    });
  });
}

/**
 * Collects a socket's `agent:message` and `error` events so a test can await the next one
 * without racing the server.
 */
export function inbox(socket: ClientSocket) {
  const messages: AgentMessagePayload[] = [];
  const errors: { code: string; message: string }[] = [];
  let waiters: (() => void)[] = [];
  let consumed = 0;
  let turnsEnded = 0;
  let turnsTaken = 0;
  const wake = (): void => {
    const w = waiters;
    waiters = [];
    for (const f of w) f();
  };
  socket.on('agent:message', (m) => {
    messages.push(m);
    wake();
  });
  socket.on('agent:typing', ({ on }) => {
    if (on) return;
    turnsEnded += 1;
    wake();
  });
  socket.on('error', (e) => {
    errors.push(e);
    wake();
  });
  return {
    messages,
    errors,
    /** The next agent message not yet returned by `next()`. */
    async next(): Promise<AgentMessagePayload> {
      while (messages.length <= consumed) await new Promise<void>((r) => waiters.push(r));
      const m = messages[consumed++];
      if (!m) throw new Error('unreachable: message index checked above');
      return m;
    },
    /**
     * The agent messages of the next finished reply (a reply ends with `agent:typing` off).
     * Messages that arrived before are skipped.
     */
    async turn(): Promise<AgentMessagePayload[]> {
      while (turnsEnded <= turnsTaken) await new Promise<void>((r) => waiters.push(r));
      turnsTaken += 1;
      const fresh = messages.slice(consumed);
      consumed = messages.length;
      return fresh;
    },
    /** How many replies have finished so far. */
    repliesFinished: (): number => turnsEnded,
    /** Resolves once `n` error events have arrived. */
    async errorsAtLeast(n: number): Promise<void> {
      while (errors.length < n) await new Promise<void>((r) => waiters.push(r));
    },
  };
}
