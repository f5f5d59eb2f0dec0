import { describe, expect, it } from 'vitest';
import type { ChatService } from '../../src/conversation/chat-service.js';
import { AppError } from '../../src/errors/app-error.js';
import { realHarness } from '../helpers/chat-harness.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient, inbox, type ClientSocket } from '../helpers/socket-client.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

const LIMITS = { server: { messagesPerMinute: 10, maxMessageChars: 200 } };
const VISITOR = testVisitor({ timezone: 'Europe/Berlin', locale: 'de-DE' });

let server: TestServer;
let clock = 0;

async function start(chatService: ChatService = realHarness().chatService): Promise<void> {
  clock = 0;
  server = closeAfterTest(await startTestServer({ chatService, config: LIMITS, now: () => clock }));
}
const client = async (): Promise<ClientSocket> => closeAfterTest(await connectClient(server.url));
async function greeted(): Promise<ClientSocket> {
  const s = await client();
  const ack = await s.emitWithAck('session:hello', { visitor: VISITOR });
  if (!ack.ok) throw new Error(ack.error.message);
  return s;
}
/** Emits an event the typed client would not allow: what a buggy or hostile client sends. */
function emitRaw(socket: ClientSocket, event: string, ...args: unknown[]): Promise<unknown> {
  return (
    socket as unknown as { emitWithAck(ev: string, ...a: unknown[]): Promise<unknown> }
  ).emitWithAck(event, ...args);
}
/** A conversation turn from a client that behaves. */
async function chatsNormally(socket: ClientSocket, turns: number): Promise<void> {
  const box = inbox(socket);
  for (let i = 0; i < turns; i++) {
    const ack = await socket.emitWithAck('visitor:message', {
      clientId: `calm-${i}`,
      text: `calm answer number ${i}`,
    });
    expect(ack.ok).toBe(true);
    expect((await box.turn()).length).toBeGreaterThan(0);
  }
}

describe('malformed payloads', () => {
  it.each([
    ['a string instead of an object', 'hello there', /Invalid session:hello payload/],
    ['no payload at all', undefined, /Invalid session:hello payload/],
    [
      'an unknown time zone',
      { visitor: { timezone: 'Mars/Olympus_Mons' } },
      /visitor\.timezone: unknown IANA time zone/,
    ],
    ['a numeric session id', { sessionId: 42, visitor: VISITOR }, /sessionId/],
    [
      'a session id of 500 characters',
      { sessionId: 'x'.repeat(500), visitor: VISITOR },
      /sessionId/,
    ],
    [
      'UTM values as numbers',
      { visitor: { ...VISITOR, utm: { utm_source: 7 } } },
      /visitor\.utm\.utm_source/,
    ],
  ])(
    'when session:hello carries %s, then the ack is BAD_REQUEST naming the field',
    async (_case, payload, message) => {
      await start();
      const socket = await client();
      const ack = await emitRaw(socket, 'session:hello', payload);
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(message) },
      });
    },
  );

  it.each([
    ['an empty object', {}, /clientId/],
    ['an empty clientId', { clientId: '', text: 'hello' }, /clientId/],
    ['a number as text', { clientId: 'm-1', text: 5 }, /text/],
    ['only spaces', { clientId: 'm-1', text: '   ' }, /text: must not be empty/],
    ['an array', ['clientId', 'text'], /Invalid visitor:message payload/],
    ['a clientId of 200 characters', { clientId: 'c'.repeat(200), text: 'hello' }, /clientId/],
  ])(
    'when visitor:message carries %s, then the ack is BAD_REQUEST naming the field',
    async (_case, payload, message) => {
      await start();
      const socket = await greeted();
      const ack = await emitRaw(socket, 'visitor:message', payload);
      expect(ack).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST', message: expect.stringMatching(message) },
      });
    },
  );

  it('when a message comes before session:hello, then it is refused and nothing is stored', async () => {
    await start();
    const socket = await client();
    const ack = await socket.emitWithAck('visitor:message', {
      clientId: 'early',
      text: 'Is anyone there?',
    });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Send session:hello before visitor:message.' },
    });
  });

  it('when an event has no ack callback, then an error event says so and the connection keeps working', async () => {
    await start();
    const socket = await greeted();
    const box = inbox(socket);
    // The typed client insists on an ack callback; a raw client need not send one.
    (socket as unknown as { emit(ev: string, payload: unknown): void }).emit('visitor:message', {
      clientId: 'no-ack',
      text: 'fire and forget',
    });
    await box.errorsAtLeast(1);
    expect(box.errors[0]).toEqual({
      code: 'BAD_REQUEST',
      message: 'visitor:message needs an acknowledgement callback (use emitWithAck)',
    });
    await chatsNormally(socket, 1);
  });

  it('when a client sends an event the protocol does not have, then the ack names it', async () => {
    await start();
    const socket = await greeted();
    const ack = await emitRaw(socket, 'admin:export', { all: true });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'BAD_REQUEST', message: 'Unknown event "admin:export"' },
    });
  });
});

describe('message size', () => {
  it.each([
    ['200 letters', 'a'.repeat(200), true],
    ['200 emoji (one character each, as the visitor sees them)', '\u{1F600}'.repeat(200), true],
    ['200 family emoji (7 code points each, one character)', '👨‍👩‍👧‍👦'.repeat(200), true],
    ['200 flags (2 code points each)', '🇩🇪'.repeat(200), true],
    ['200 accented letters written as letter + accent', 'e\u0301'.repeat(200), true],
    ['201 letters', 'a'.repeat(201), false],
    ['201 flags', '🇩🇪'.repeat(201), false],
  ])(
    'when a message has %s and the cap is 200, then accepted is %s',
    async (_case, text, accepted) => {
      await start();
      const socket = await greeted();
      const box = inbox(socket);
      const ack = await socket.emitWithAck('visitor:message', { clientId: 'size', text });
      if (accepted) {
        expect(ack.ok).toBe(true);
      } else {
        expect(ack).toEqual({
          ok: false,
          error: {
            code: 'PAYLOAD_TOO_LARGE',
            message: 'Message too long: more than 200 characters. Please shorten it.',
          },
        });
        await box.errorsAtLeast(1);
        expect(box.errors[0]?.code).toBe('PAYLOAD_TOO_LARGE');
      }
    },
  );

  it.each([
    ['a 50 KB paste', 'a'.repeat(50_000)],
    ['a 48 KB paste of emoji', '\u{1F600}'.repeat(12_000)],
  ])(
    'when a visitor sends %s, then the ack is PAYLOAD_TOO_LARGE and the connection stays',
    async (_case, text) => {
      await start();
      const socket = await greeted();
      const box = inbox(socket);
      let dropped = false;
      socket.on('disconnect', () => (dropped = true));
      const ack = await socket.emitWithAck('visitor:message', { clientId: 'paste', text });
      expect(ack).toEqual({
        ok: false,
        error: {
          code: 'PAYLOAD_TOO_LARGE',
          message: 'Message too long: more than 200 characters. Please shorten it.',
        },
      });
      await box.errorsAtLeast(1);
      expect(box.errors[0]?.code).toBe('PAYLOAD_TOO_LARGE');
      await chatsNormally(socket, 1);
      expect(dropped).toBe(false);
    },
  );

  it('when a frame is far beyond any allowed message, then only that connection is dropped', async () => {
    await start();
    const hostile = await greeted();
    const calm = await greeted();
    const dropped = new Promise<string>((resolve) => hostile.once('disconnect', resolve));
    hostile.emit(
      'visitor:message',
      { clientId: 'huge', text: 'x'.repeat(2_000_000) },
      () => undefined,
    );
    expect(await dropped).toBe('transport close');
    await chatsNormally(calm, 2);
  });
});

describe('floods', () => {
  it('when one client floods, then the extra messages get RATE_LIMITED while another client keeps chatting', async () => {
    await start();
    const flooder = await greeted(); // hello used 1 of its 10 tokens
    const calm = await greeted();
    const box = inbox(flooder);
    const flood = Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        flooder.emitWithAck('visitor:message', { clientId: `flood-${i}`, text: `spam ${i}` }),
      ),
    );
    const [acks] = await Promise.all([flood, chatsNormally(calm, 5)]);
    expect(acks.filter((a) => a.ok)).toHaveLength(9);
    const refused = acks.filter((a) => !a.ok);
    expect(refused).toHaveLength(21);
    expect(refused[0]).toEqual({
      ok: false,
      error: {
        code: 'RATE_LIMITED',
        message: 'Too many messages: at most 10 a minute. Try again in 6 s.',
      },
    });
    expect(box.errors.filter((e) => e.code === 'RATE_LIMITED')).toHaveLength(21);
  });

  it('when a flooded client waits a minute, then it may send again', async () => {
    await start();
    const socket = await greeted();
    for (let i = 0; i < 9; i++)
      await socket.emitWithAck('visitor:message', { clientId: `fill-${i}`, text: `message ${i}` });
    const refused = await socket.emitWithAck('visitor:message', {
      clientId: 'over',
      text: 'one too many',
    });
    expect(refused.ok).toBe(false);
    clock += 60_000;
    const accepted = await socket.emitWithAck('visitor:message', {
      clientId: 'over',
      text: 'one too many',
    });
    expect(accepted.ok).toBe(true);
  });

  it('when garbage floods in, then it is rate-limited too', async () => {
    await start();
    const socket = await client();
    const acks = await Promise.all(
      Array.from({ length: 15 }, () => emitRaw(socket, 'session:hello', 'garbage')),
    );
    const codes = acks.map((a) => (a as { error: { code: string } }).error.code);
    expect(codes.filter((c) => c === 'BAD_REQUEST')).toHaveLength(10);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(5);
  });
});

describe('service failures', () => {
  function failingOn(text: string, error: Error): ChatService {
    const inner = realHarness().chatService;
    return {
      hello: (input) => inner.hello(input),
      receive: async (id, input, emit) => {
        if (input.text === text) throw error;
        return inner.receive(id, input, emit);
      },
    };
  }

  it('when the service fails unexpectedly, then the visitor gets a generic INTERNAL error, the log the cause, and the socket keeps working', async () => {
    await start(failingOn('break it', new Error('disk /var/data is full')));
    const socket = await greeted();
    const ack = await socket.emitWithAck('visitor:message', { clientId: 'b-1', text: 'break it' });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'Something went wrong on our side. Please try again.' },
    });
    expect(JSON.stringify(server.logs)).toContain('disk /var/data is full');
    await chatsNormally(socket, 1);
  });

  it('when the service refuses with an AppError, then its code and message reach the client', async () => {
    await start(
      failingOn('gone', new AppError('SESSION_NOT_FOUND', 'no conversation with id "s-1"')),
    );
    const socket = await greeted();
    const ack = await socket.emitWithAck('visitor:message', { clientId: 'g-1', text: 'gone' });
    expect(ack).toEqual({
      ok: false,
      error: { code: 'SESSION_NOT_FOUND', message: 'no conversation with id "s-1"' },
    });
  });
});
