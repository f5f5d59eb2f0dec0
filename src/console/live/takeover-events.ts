import type { Server } from 'socket.io';
import type { z } from 'zod';
import type { Config } from '../../config/config-schema.js';
import type { ChatMessage, Conversation } from '../../conversation/conversation-schema.js';
import type { LiveTakeover, RepIdentity } from '../../conversation/live-takeover.js';
import { AppError, isAppError } from '../../errors/app-error.js';
import { isLongerThan } from '../../lib/grapheme-count.js';
import type { Logger } from '../../lib/logger.js';
import { visitorRoom } from '../../server/attach-gateway.js';
import type {
  AgentMessagePayload,
  AgentStatusPayload,
  ErrorBody,
} from '../../server/socket-events.js';
import type { TypingRelay } from '../../server/typing-relay.js';
import type { ConsoleAuth } from '../console-auth.js';
import type { User } from '../users/user.js';
import type { ConsoleAck } from './console-events.js';
import {
  ackOf,
  watchRoom,
  whileSignedIn,
  type ConsoleNamespace,
  type ConsoleSocket,
} from './console-namespace.js';
import { ANSWERING_ROLES, type RepDeskHandle } from './rep-desk.js';
import {
  RepMessagePayloadSchema,
  RepTypingPayloadSchema,
  TakeoverPayloadSchema,
} from './takeover-schemas.js';

export type TakeoverEventsDeps = {
  /** The socket.io server: the visitor's widget sockets are in its default namespace. */
  io: Server;
  live: { nsp: ConsoleNamespace; onConnection(h: (s: ConsoleSocket, u: User) => void): void };
  auth: ConsoleAuth;
  takeover: LiveTakeover;
  /** The stored conversation (the rep's typing is relayed only while they hold the chat). */
  conversation: (id: string) => Promise<Conversation | null>;
  desk: RepDeskHandle;
  config: Config;
  /** The visitor's typing from the widget's gateway, relayed to the reps watching. */
  visitorTyping?: TypingRelay | undefined;
  logger: Logger;
};

type Ack = (response: ConsoleAck) => void;

/**
 * Live takeover on the console namespace (console-events.ts): `join`, `message`, `typing`,
 * `handBack`, each checked against the session (`whileSignedIn`) and the role (reps and admins;
 * a marketer gets FORBIDDEN). The rep's side reaches the visitor's widget sockets through their
 * conversation's room (`agent:status`, `agent:message` with `sender`, `agent:typing` with
 * `name`); the visitor's typing reaches the reps watching. Also counts the reps online and
 * sends the bot's fallback when nobody joined in time (rep-desk.ts).
 *
 * @example attachTakeoverEvents({ io, live, auth, takeover: chat.live, conversation, desk, config, logger });
 */
export function attachTakeoverEvents(deps: TakeoverEventsDeps): void {
  const { io, live, desk } = deps;
  const toVisitor = (id: string) => io.to(visitorRoom(id));
  const botSender = { kind: 'bot' as const, name: deps.config.company.agentName };
  const botSays = (id: string, replies: ChatMessage[]): void => {
    if (replies.length === 0) return;
    toVisitor(id).emit('agent:typing', { on: true });
    for (const m of replies) toVisitor(id).emit('agent:message', messagePayload(m, botSender));
    toVisitor(id).emit('agent:typing', { on: false });
  };
  const fail = (e: unknown, event: string): ErrorBody => {
    if (isAppError(e)) return { code: e.code, message: e.message };
    deps.logger.error('takeover event failed', {
      event,
      error: e instanceof Error ? e.message : String(e),
    });
    return { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' };
  };

  desk.onTimeout((id) => {
    deps.takeover.nobodyJoined(id).then(
      (r) => botSays(id, r.replies),
      (e: unknown) => void fail(e, 'join timeout'),
    );
  });
  deps.visitorTyping?.onTyping((conversationId, on) =>
    live.nsp.to(watchRoom(conversationId)).emit('visitor:typing', { conversationId, on }),
  );

  live.onConnection((socket, user) => {
    socket.on('disconnect', desk.connected(user.role));

    /** One takeover event: parsed, signed in, a rep or admin, errors acked (never thrown). */
    const handle =
      <S extends z.ZodType>(
        event: string,
        schema: S,
        run: (p: z.output<S>, rep: RepIdentity) => Promise<void>,
      ) =>
      (payload: unknown, rawAck?: unknown): void => {
        const ack: Ack | undefined = ackOf(rawAck);
        const parsed = schema.safeParse(payload);
        if (!parsed.success)
          return ack?.({
            ok: false,
            error: { code: 'BAD_REQUEST', message: `Invalid ${event} payload` },
          });
        void whileSignedIn(deps.auth, socket, ack, async (u) => {
          if (!ANSWERING_ROLES.includes(u.role))
            return ack?.({
              ok: false,
              error: { code: 'FORBIDDEN', message: 'Only reps and admins take part in chats.' },
            });
          try {
            await run(parsed.data, { email: u.email, name: u.name, admin: u.role === 'admin' });
            ack?.({ ok: true });
          } catch (e) {
            ack?.({ ok: false, error: fail(e, event) });
          }
        });
      };

    socket.on(
      'join',
      handle('join', TakeoverPayloadSchema, async ({ conversationId: id }, rep) => {
        const { joined } = await deps.takeover.join(id, rep);
        desk.joined(id);
        await socket.join(watchRoom(id));
        const status: AgentStatusPayload = { mode: 'human', rep: { name: rep.name } };
        if (joined) toVisitor(id).emit('agent:status', status);
      }),
    );
    socket.on(
      'message',
      handle('message', RepMessagePayloadSchema, async ({ conversationId: id, text }, rep) => {
        const max = deps.config.server.maxMessageChars;
        if (isLongerThan(text, max))
          throw new AppError(
            'PAYLOAD_TOO_LARGE',
            `Message too long: more than ${max} characters. Please shorten it.`,
          );
        const message = await deps.takeover.say(id, rep, text);
        toVisitor(id).emit('agent:typing', { on: false, name: rep.name });
        toVisitor(id).emit(
          'agent:message',
          messagePayload(message, { kind: 'rep', name: rep.name }),
        );
      }),
    );
    socket.on(
      'typing',
      handle('typing', RepTypingPayloadSchema, async ({ conversationId: id, on }, rep) => {
        const conv = await deps.conversation(id);
        if (conv?.console.takeover?.by !== rep.email)
          throw new AppError('CONFLICT', 'Join the chat first.');
        toVisitor(id).emit('agent:typing', { on, name: rep.name });
      }),
    );
    socket.on(
      'handBack',
      handle('handBack', TakeoverPayloadSchema, async ({ conversationId: id }, rep) => {
        const held = (await deps.conversation(id))?.console.takeover ?? null;
        const { replies } = await deps.takeover.handBack(id, rep);
        const status: AgentStatusPayload = { mode: 'bot', rep: { name: held?.name ?? rep.name } };
        toVisitor(id).emit('agent:status', status);
        botSays(id, replies);
      }),
    );
  });
}

/** An agent message to the widget, under its sender. */
function messagePayload(
  m: ChatMessage,
  sender: AgentMessagePayload['sender'],
): AgentMessagePayload {
  return {
    id: m.id,
    text: m.text,
    expecting: m.expecting ?? null,
    quickReplies: m.quickReplies ?? [],
    final: m.final ?? false,
    ...(sender ? { sender } : {}),
  };
}
