import type { Namespace, Server, Socket } from 'socket.io';
import type { Logger } from '../../lib/logger.js';
import type { SaveEvents } from '../../store/save-events.js';
import type { ConsoleAuth } from '../console-auth.js';
import { ROLES, UserSchema, type User } from '../users/user.js';
import { createInboxAlerts } from './inbox-alerts.js';
import { WatchPayloadSchema, type ConsoleAck, type ConsoleServerEvents } from './console-events.js';
import { consoleSocketAuth, consoleUserOfCookie } from './console-socket-auth.js';

/** What console clients send: untrusted until each handler parses it. */
export type ConsoleInboundEvents = Record<string, (...args: unknown[]) => void>;
export type ConsoleNamespace = Namespace<ConsoleInboundEvents, ConsoleServerEvents>;
export type ConsoleSocket = Socket<ConsoleInboundEvents, ConsoleServerEvents>;
type Ack = (response: ConsoleAck) => void;

export type ConsoleNamespaceDeps = {
  auth: ConsoleAuth;
  saves: SaveEvents;
  ownOrigins: () => string[];
  logger: Logger;
  /** How often every open console socket's session is re-checked (ms); 5,000 by default. */
  recheckMs?: number;
};

/** Everyone signed in to the console. */
export const INBOX_ROOM = 'inbox';
/** The console sockets that watch one conversation (its lead page). */
export const watchRoom = (conversationId: string): string => `watch:${conversationId}`;

/** The signed-in user a console socket connected as (set by consoleSocketAuth). */
export function userOfSocket(socket: Socket | ConsoleSocket): User | null {
  const data: unknown = socket.data;
  if (typeof data !== 'object' || data === null || !('user' in data)) return null;
  const user = UserSchema.safeParse(data.user);
  return user.success ? user.data : null;
}

/** The ack callback of a console event, when the client sent one. */
export function ackOf(ack: unknown): Ack | undefined {
  return typeof ack === 'function' ? (response: ConsoleAck) => void ack(response) : undefined;
}

/**
 * Runs `fn(user)` only while the socket's session still holds (re-read from the user store);
 * otherwise acks UNAUTHORIZED and ends the socket. Every console event handler goes through it.
 *
 * @example socket.on('join', (p, ack) => void whileSignedIn(auth, socket, ackOf(ack), (user) => ...));
 */
export async function whileSignedIn(
  auth: ConsoleAuth,
  socket: ConsoleSocket,
  ack: Ack | undefined,
  fn: (user: User) => void | Promise<void>,
): Promise<void> {
  const user = await consoleUserOfCookie(auth, socket.handshake.headers.cookie).catch(() => null);
  if (user === null) {
    ack?.({ ok: false, error: { code: 'UNAUTHORIZED', message: 'Please sign in again.' } });
    socket.disconnect(true);
    return;
  }
  await fn(user);
}

/**
 * Serves the console's live namespace `/console` (console-events.ts): sessions checked at
 * connect, again on every event, and every `recheckMs` (default 5 s) for every open socket: a
 * disabled or signed-out user's console stops receiving within seconds even if it sends
 * nothing; an idle session still expires (the re-check does not keep it alive), saves relayed as `inbox:changed` and `conversation:changed`,
 * outbox events raised as `inbox:alert`. Returns the namespace so other console parts
 * (takeover) can add their events with `onConnection`.
 *
 * @example const live = attachConsoleNamespace(io, { auth, saves, ownOrigins, logger });
 */
export function attachConsoleNamespace(
  io: Server,
  deps: ConsoleNamespaceDeps,
): {
  nsp: ConsoleNamespace;
  /** Runs `handler` for every signed-in console socket (after the namespace's own events). */
  onConnection(handler: (socket: ConsoleSocket, user: User) => void): void;
  /** Disconnects the sockets whose session no longer holds (a user disabled or reset). */
  recheck(): Promise<void>;
} {
  const nsp: ConsoleNamespace = io.of('/console');
  nsp.use(consoleSocketAuth(deps.auth, deps.ownOrigins, ROLES));
  const handlers: ((socket: ConsoleSocket, user: User) => void)[] = [];

  nsp.on('connection', (socket: ConsoleSocket) => {
    const user = userOfSocket(socket);
    if (user === null) return void socket.disconnect(true);
    void socket.join(INBOX_ROOM);
    const follow = (join: boolean) => (payload: unknown, ack?: unknown) => {
      const reply = ackOf(ack);
      const parsed = WatchPayloadSchema.safeParse(payload);
      if (!parsed.success)
        return reply?.({ ok: false, error: { code: 'BAD_REQUEST', message: 'conversationId' } });
      void whileSignedIn(deps.auth, socket, reply, () => {
        const room = watchRoom(parsed.data.conversationId);
        void (join ? socket.join(room) : socket.leave(room));
        reply?.({ ok: true });
      });
    };
    socket.on('watch', follow(true));
    socket.on('unwatch', follow(false));
    for (const handler of handlers) handler(socket, user);
  });

  const recheck = async (): Promise<void> => {
    for (const socket of await nsp.fetchSockets()) {
      const user = await consoleUserOfCookie(deps.auth, socket.handshake.headers.cookie, false);
      if (user === null) socket.disconnect(true);
    }
  };
  const timer = setInterval(() => {
    recheck().catch((e: unknown) =>
      deps.logger.error('console session re-check failed', { error: String(e) }),
    );
  }, deps.recheckMs ?? 5000);
  timer.unref(); // never keeps a stopping server alive
  io.httpServer.once('close', () => clearInterval(timer));

  const alertsOf = createInboxAlerts();
  deps.saves.on(({ conversation, pending }) => {
    const conversationId = conversation.id;
    nsp.to(INBOX_ROOM).emit('inbox:changed', { conversationId });
    nsp.to(watchRoom(conversationId)).emit('conversation:changed', { conversationId });
    for (const alert of alertsOf(conversation, pending))
      nsp.to(INBOX_ROOM).emit('inbox:alert', alert);
  });

  return {
    nsp,
    onConnection: (handler) => void handlers.push(handler),
    recheck,
  };
}
