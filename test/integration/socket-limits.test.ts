import { conversationIdOf } from '../helpers/conversation-id-of.js';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import type { ChatService } from '../../src/conversation/chat-service.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient, type ClientSocket } from '../helpers/socket-client.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

const VISITOR = testVisitor();

/** A server on the real chat service with `config`, and the store behind it. */
async function start(config: Record<string, unknown>) {
  const deps = createTestDeps({ config });
  let hellos = 0;
  const chatService: ChatService = {
    ...deps.chatService,
    hello: (input) => {
      hellos += 1;
      return deps.chatService.hello(input);
    },
  };
  const server: TestServer = closeAfterTest(await startTestServer({ chatService, config }));
  return { server, store: deps.store, hellos: () => hellos };
}

const connect = async (url: string): Promise<ClientSocket> =>
  closeAfterTest(await connectClient(url));

async function greeted(url: string, sessionId?: string): Promise<[ClientSocket, string]> {
  const socket = await connect(url);
  const ack = await socket.emitWithAck('session:hello', {
    ...(sessionId ? { sessionId } : {}),
    visitor: VISITOR,
  });
  if (!ack.ok) throw new Error(ack.error.message);
  return [socket, ack.sessionId];
}

/** Connects as a client behind a proxy that says it is `forwardedFor`; resolves with the refusal otherwise. */
function connectAs(url: string, forwardedFor: string): Promise<'connected' | unknown> {
  const socket = io(url, {
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    extraHeaders: { 'x-forwarded-for': forwardedFor },
  });
  closeAfterTest(socket);
  return new Promise((resolve) => {
    socket.once('connect', () => resolve('connected'));
    socket.once('connect_error', (e) => resolve('data' in e ? e.data : e.message));
  });
}

describe('messages per conversation, across its sockets', () => {
  it('when 5 sockets joined to one conversation send 25 messages, then only its budget of 5 is accepted, and another conversation is not affected', async () => {
    const { server } = await start({
      limits: { messagesPerConversation: { max: 5, windowSeconds: 60 } },
    });
    const [first, id] = await greeted(server.url);
    const sockets = [first];
    for (let i = 1; i < 5; i++) sockets.push((await greeted(server.url, id))[0]);
    const acks = await Promise.all(
      sockets.flatMap((s, k) =>
        Array.from({ length: 5 }, (_, i) =>
          s.emitWithAck('visitor:message', { clientId: `m-${k}-${i}`, text: `message ${k} ${i}` }),
        ),
      ),
    );
    expect(acks.filter((a) => a.ok)).toHaveLength(5);
    expect(acks.find((a) => !a.ok)).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: expect.stringMatching(
          /^Too many messages in this conversation: at most 5 in 60 s\. Try again in \d+ s\.$/,
        ),
      },
    });
    const [other] = await greeted(server.url);
    const ack = await other.emitWithAck('visitor:message', { clientId: 'o-1', text: 'hello' });
    expect(ack.ok).toBe(true);
  });
});

describe('the length cap of a conversation', () => {
  it.each([
    ['messages', { maxMessages: 10 }, 'short answer'],
    ['bytes', { maxBytes: 10_000 }, 'é'.repeat(1500)],
  ])(
    'when a conversation reaches its cap of %s, then the visitor gets CONVERSATION_FULL with a clear message and nothing is stored',
    async (_case, caps, text) => {
      const { server, store } = await start({
        limits: { conversation: caps, messagesPerConversation: { max: 1000, windowSeconds: 60 } },
        server: { messagesPerMinute: 1000 },
      });
      const [socket, id] = await greeted(server.url);
      let refusal: unknown = null;
      for (let i = 0; i < 40 && refusal === null; i++) {
        const ack = await socket.emitWithAck('visitor:message', { clientId: `c-${i}`, text });
        if (!ack.ok) refusal = ack;
      }
      expect(refusal).toEqual({
        ok: false,
        error: {
          code: 'CONVERSATION_FULL',
          message:
            'This conversation has reached its length limit, so your message was not sent. Everything said so far is kept; please reach us by email or phone to continue.',
        },
      });
      const before = (await store.getConversation(conversationIdOf(id)))?.messages.length;
      const again = await socket.emitWithAck('visitor:message', { clientId: 'late', text });
      expect(again).toMatchObject({ ok: false, error: { code: 'CONVERSATION_FULL' } });
      expect((await store.getConversation(conversationIdOf(id)))?.messages.length).toBe(before);
    },
  );
});

describe('the size of the visitor a hello declares', () => {
  const utm = (n: number): Record<string, string> =>
    Object.fromEntries(Array.from({ length: n }, (_, i) => [`utm_${i}`, 'x']));
  it.each([
    ['21 UTM parameters', { utm: utm(21) }, 'visitor.utm: at most 20 UTM parameters'],
    ['a UTM name of 65 characters', { utm: { ['u'.repeat(65)]: 'x' } }, 'visitor.utm'],
    [
      'a UTM value of 257 characters',
      { utm: { utm_source: 'v'.repeat(257) } },
      'visitor.utm.utm_source: at most 256 characters',
    ],
    [
      'a page of 2,049 characters',
      { page: `https://a.example/${'p'.repeat(2031)}` },
      'visitor.page: at most 2048 characters',
    ],
    [
      'a referrer of 2,049 characters',
      { referrer: 'r'.repeat(2049) },
      'visitor.referrer: at most 2048 characters',
    ],
    ['a locale of 36 characters', { locale: 'l'.repeat(36) }, 'visitor.locale'],
    ['a time zone of 65 characters', { timezone: 'Z'.repeat(65) }, 'visitor.timezone'],
  ])(
    'when it carries %s, then the hello is refused naming the field and nothing is stored',
    async (_case, visitor, field) => {
      const { server, hellos } = await start({});
      const socket = await connect(server.url);
      const ack = await socket.emitWithAck('session:hello', {
        visitor: { ...VISITOR, ...visitor },
      });
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringContaining(field) },
      });
      expect(hellos()).toBe(0);
    },
  );

  it('when it is at every cap, then the hello is accepted', async () => {
    const { server } = await start({});
    const socket = await connect(server.url);
    const full = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`${i}`.padStart(64, 'u'), 'v'.repeat(256)]),
    );
    const page = `https://a.example/${'p'.repeat(2030)}`;
    const ack = await socket.emitWithAck('session:hello', {
      visitor: { ...VISITOR, utm: full, page, referrer: page },
    });
    expect(ack.ok).toBe(true);
  });
});

describe('sockets per IP, behind a proxy or not', () => {
  it('when the server trusts its proxy, then each forwarded client IP has its own count of sockets', async () => {
    const { server } = await start({
      server: { trustProxy: true },
      limits: { connectionsPerIp: 2 },
    });
    expect(await connectAs(server.url, '203.0.113.7')).toBe('connected');
    expect(await connectAs(server.url, '203.0.113.7')).toBe('connected');
    expect(await connectAs(server.url, '203.0.113.7')).toEqual({
      code: 'RATE_LIMITED',
      message:
        'Too many connections from your network: at most 2 at once. Close other chats and try again.',
    });
    // The last entry is the one the proxy added; what the client wrote before it proves nothing.
    expect(await connectAs(server.url, '203.0.113.7, 198.51.100.4')).toBe('connected');
  });

  it('when the server trusts no proxy, then a forged X-Forwarded-For buys no extra sockets', async () => {
    const { server } = await start({ limits: { connectionsPerIp: 2 } });
    expect(await connectAs(server.url, '203.0.113.1')).toBe('connected');
    expect(await connectAs(server.url, '203.0.113.2')).toBe('connected');
    expect(await connectAs(server.url, '203.0.113.3')).toMatchObject({ code: 'RATE_LIMITED' });
  });
});
