import type { Server, Socket } from 'socket.io';
import type { AgentEvent, ChatService, ClientInfo } from '../conversation/chat-service.js';
import { isAppError, type ErrorCode } from '../errors/app-error.js';
import type { Config } from '../config/config-schema.js';
import { stderrLogger, type Logger } from '../lib/logger.js';
import { connectionGuard, socketIp } from './limits/connection-guard.js';
import { createGatewayLimits } from './limits/gateway-limits.js';
import { isOwnOrigin } from './origin-policy.js';
import { helloPayloadSchema, VisitorMessagePayloadSchema, parsePayload } from './socket-schemas.js';
import type { ErrorAck, ErrorBody, HelloAck, ServerToClientEvents } from './socket-events.js';
import { createTokenBucket } from './token-bucket.js';
import type { TypingRelay } from './typing-relay.js';
import { VisitorTypingPayloadSchema } from './socket-schemas.js';

/** What clients send, as the gateway sees it: untrusted until parsed. */
export type InboundEvents = Record<
  'session:hello' | 'visitor:message' | 'visitor:typing',
  (...args: unknown[]) => void
>;
export type GatewayServer = Server<InboundEvents, ServerToClientEvents>;
type GatewaySocket = Socket<InboundEvents, ServerToClientEvents>;
type Ack = (response: unknown) => void;

export type GatewayDeps = {
  config: Config;
  chatService: ChatService;
  logger?: Logger | undefined;
  now?: (() => number) | undefined;
  /** The server's own origins (origin-policy.ts ownOrigins): a same-origin page's site. */
  ownOrigins?: (() => string[]) | undefined;
  /** Where the visitor's typing goes (the console's reps); dropped when absent. */
  visitorTyping?: TypingRelay | undefined;
};

const KNOWN_EVENTS = new Set(['session:hello', 'visitor:message', 'visitor:typing']);
/** Typing events a connection may send a minute; more are dropped without a word. */
const TYPING_PER_MINUTE = 60;
/**
 * The room of a conversation's widget sockets (every tab of the visitor). Rooms and logs use
 * the public conversation id; the resume token never leaves hello's ack. Live takeover sends
 * the rep's events here.
 */
export const visitorRoom = (conversationId: string): string => `conversation:${conversationId}`;
const roomOf = visitorRoom;

/**
 * Registers the socket protocol (DESIGN.md "Socket protocol") on `io`: validates each payload,
 * rate-limits each connection and each client (config `limits`: sockets and hellos per IP,
 * messages per conversation across its sockets), calls the ChatService and relays its events.
 * Nothing a client sends can throw out of a handler: every refusal is an error ack plus an
 * `error` event.
 *
 * @example attachGateway(new Server(httpServer), { config, chatService });
 */
export function attachGateway(io: GatewayServer, deps: GatewayDeps): void {
  const logger = deps.logger ?? stderrLogger;
  const now = deps.now ?? Date.now;
  const { maxMessageChars, messagesPerMinute, trustProxy } = deps.config.server;
  const limits = createGatewayLimits(deps.config);
  const HelloPayloadSchema = helloPayloadSchema(deps.config.limits.visitor);
  const bot = { kind: 'bot' as const, name: deps.config.company.agentName };
  io.use(connectionGuard(limits.clients, trustProxy, deps.config.limits.connectionsPerIp));

  /** Relays the agent's events to every socket of the session (a reconnected tab included). */
  const relay =
    (conversationId: string) =>
    (e: AgentEvent): void => {
      const to = io.to(roomOf(conversationId));
      if (e.type === 'agent:typing') to.emit('agent:typing', e.payload);
      else if (e.type === 'agent:delta') to.emit('agent:delta', e.payload);
      else to.emit('agent:message', { sender: bot, ...e.payload });
    };

  const toErrorBody = (e: unknown, context: Record<string, unknown>): ErrorBody => {
    if (isAppError(e)) return { code: e.code, message: e.message };
    logger.error('chat service failed', {
      ...context,
      error: e instanceof Error ? (e.stack ?? e.message) : String(e),
    });
    // The cause stays in the log; the visitor gets a message without internals.
    return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
  };

  io.on('connection', (socket: GatewaySocket) => {
    // The site the widget runs on: the Origin the connection was allowed with, or for a
    // same-origin page (no Origin on a same-origin polling GET) this server's own origin, when
    // the Host names one of them (never a bare Host: DNS rebinding).
    const { origin: sent, host } = socket.handshake.headers;
    const hostOrigin = host ? `${socket.handshake.secure ? 'https' : 'http'}://${host}` : undefined;
    const origin =
      sent ??
      (hostOrigin && isOwnOrigin(hostOrigin, deps.ownOrigins?.() ?? []) ? hostOrigin : undefined);
    const client: ClientInfo = { ip: socketIp(socket, trustProxy), ...(origin ? { origin } : {}) };
    const bucket = createTokenBucket({ perMinute: messagesPerMinute, now });
    const typingBucket = createTokenBucket({ perMinute: TYPING_PER_MINUTE, now });
    let conversationId: string | null = null;
    // Handlers run one after another per connection, so a message sent right after hello (without
    // waiting for its ack) finds the session, and messages reach the service in the order sent.
    let chain: Promise<void> = Promise.resolve();
    const enqueue = (task: () => Promise<void>): void => {
      chain = chain
        .then(task)
        .catch((e: unknown) => logger.error('socket handler failed', { error: String(e) }));
    };

    const refuse = (ack: Ack | null, code: ErrorCode, message: string): void => {
      const error: ErrorBody = { code, message };
      socket.emit('error', error);
      const response: ErrorAck = { ok: false, error };
      ack?.(response);
    };

    /** Checks shared by every event; returns false when the event was refused. */
    const admit = (event: string, ack: Ack | null): ack is Ack => {
      if (!bucket.take()) {
        const seconds = Math.ceil(bucket.waitMs() / 1000);
        refuse(
          ack,
          'RATE_LIMITED',
          `Too many messages: at most ${messagesPerMinute} a minute. Try again in ${seconds} s.`,
        );
        return false;
      }
      if (ack === null) {
        refuse(null, 'BAD_REQUEST', `${event} needs an acknowledgement callback (use emitWithAck)`);
        return false;
      }
      return true;
    };

    socket.on('session:hello', (...args) => {
      const { payload, ack } = splitArgs(args);
      if (!admit('session:hello', ack)) return;
      const parsed = parsePayload(HelloPayloadSchema, payload, 'session:hello');
      if (!parsed.ok) return refuse(ack, 'BAD_REQUEST', parsed.message);
      enqueue(async () => {
        const resumes = parsed.value.sessionId !== undefined;
        const limited = await limits.hello(client.ip, resumes);
        if (limited) return refuse(ack, limited.code, limited.message);
        try {
          const result = await deps.chatService.hello({ ...parsed.value, client });
          limits.helloDone(client.ip, resumes, result.resumed);
          if (conversationId !== null && conversationId !== result.conversationId)
            await socket.leave(roomOf(conversationId));
          conversationId = result.conversationId;
          await socket.join(roomOf(result.conversationId));
          const response: HelloAck = {
            ok: true,
            sessionId: result.sessionId,
            conversationId: result.conversationId,
            messages: result.messages,
            maxMessageChars,
            privacyNotice: deps.config.widget.privacyNotice,
          };
          ack(response);
          // Back in a chat a rep has: the widget shows who is there.
          if (result.rep) socket.emit('agent:status', { mode: 'human', rep: result.rep });
          if (result.resumed) {
            const current = result.conversationId;
            deps.chatService
              .answerPending?.(current, relay(current))
              .catch((e: unknown) =>
                toErrorBody(e, { event: 'agent reply', conversationId: current }),
              );
          }
        } catch (e) {
          const { code, message } = toErrorBody(e, { event: 'session:hello' });
          refuse(ack, code, message);
        }
      });
    });

    socket.on('visitor:message', (...args) => {
      const { payload, ack } = splitArgs(args);
      if (!admit('visitor:message', ack)) return;
      const parsed = parsePayload(VisitorMessagePayloadSchema, payload, 'visitor:message');
      if (!parsed.ok) return refuse(ack, 'BAD_REQUEST', parsed.message);
      const { clientId, text } = parsed.value;
      // Counted as the visitor sees characters: a family emoji or a flag is one.
      const tooLong = limits.messageLength(text);
      if (tooLong) return refuse(ack, tooLong.code, tooLong.message);
      enqueue(async () => {
        if (conversationId === null)
          return refuse(ack, 'BAD_REQUEST', 'Send session:hello before visitor:message.');
        const current = conversationId;
        const limited = await limits.message(current);
        if (limited) return refuse(ack, limited.code, limited.message);
        try {
          const result = await deps.chatService.receive(
            current,
            { clientId, text },
            relay(current),
            client,
          );
          result.reply.catch((e: unknown) =>
            toErrorBody(e, { event: 'agent reply', conversationId: current }),
          );
          ack({ ok: true, id: result.id });
        } catch (e) {
          const { code, message } = toErrorBody(e, {
            event: 'visitor:message',
            conversationId: current,
          });
          refuse(ack, code, message);
        }
      });
    });

    // The visitor's typing (no ack): relayed to the reps watching; too many, or before hello, dropped.
    socket.on('visitor:typing', (...args) => {
      const parsed = VisitorTypingPayloadSchema.safeParse(splitArgs(args).payload);
      if (!parsed.success || conversationId === null || !typingBucket.take()) return;
      deps.visitorTyping?.typing(conversationId, parsed.data.on);
    });

    socket.onAny((event: unknown, ...args: unknown[]) => {
      if (typeof event === 'string' && KNOWN_EVENTS.has(event)) return;
      const { ack } = splitArgs(args);
      if (!bucket.take()) return;
      refuse(ack, 'BAD_REQUEST', `Unknown event "${String(event).slice(0, 64)}"`);
    });

    socket.on('error', (e: Error) => logger.warn('socket error', { error: e.message }));
  });
}

/** socket.io passes the ack callback last, only when the client asked for one. */
function splitArgs(args: unknown[]): { payload: unknown; ack: Ack | null } {
  const last = args.at(-1);
  if (typeof last === 'function') {
    // socket.io's ack callbacks take the response as their single argument; it is the only
    // function a client can put in the argument list (payloads are decoded JSON).
    return { payload: args.length > 1 ? args[0] : undefined, ack: last as Ack };
  }
  return { payload: args[0], ack: null };
}
