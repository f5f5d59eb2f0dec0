import { expect, it } from 'vitest';
import { createCore } from '../../src/app/create-core.js';
import { sequentialIds } from '../../src/app/sequential-ids.js';
import { createBookingGuard } from '../../src/booking/booking-guard.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import { serverSecretFrom } from '../../src/lib/server-secret.js';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient, inbox } from '../helpers/socket-client.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { FIXED_NOW, PROMPTS_DIR } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { OPENING } from './booking-visitor.js';

const FLOOD = 16;

/** The real chat service (rules mode) with the booking guard, behind the real socket.io gateway. */
async function guardedServer() {
  const config = parseConfig({});
  const clock = () => new Date(FIXED_NOW);
  const calendar = createMemoryCalendar([], { clock });
  const bookingGuard = createBookingGuard({
    limits: config.booking.limits,
    secret: serverSecretFrom('test-secret-test-secret-test-secret'),
    clock,
  });
  const chatService = createChatService({
    config,
    store: createMemoryStore(),
    calendar,
    ...createCore(config, { promptsDir: PROMPTS_DIR }),
    phraser: null,
    clock,
    newId: sequentialIds('t'),
    bookingGuard,
  });
  const server = closeAfterTest(await startTestServer({ chatService, config }));
  return { config, calendar, chatService, server };
}

/** One scripted visitor over its own socket: hello, the qualifying opening, then the first time offered until booked. */
async function bookAsFastAsPossible(url: string): Promise<AgentMessagePayload[]> {
  const socket = await connectClient(url);
  try {
    const box = inbox(socket);
    const hello = await socket.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!hello.ok) throw new Error('hello refused');
    let turn = 0;
    let last: AgentMessagePayload | undefined;
    let text = OPENING;
    const said: AgentMessagePayload[] = [];
    while (turn++ < 4) {
      const ack = await socket.emitWithAck('visitor:message', { clientId: `m${turn}`, text });
      if (!ack.ok) throw new Error(ack.error.message);
      const replies = await box.turn();
      said.push(...replies);
      last = replies.at(-1);
      const first = last?.quickReplies[0];
      if (last?.expecting !== 'booking' || first === undefined) break;
      text = first.value;
    }
    return said;
  } finally {
    socket.close();
  }
}

it('when a script books as fast as it can from one IP, then it gets the daily limit, and a visitor from another IP is still offered times', async () => {
  const { calendar, chatService, server } = await guardedServer();

  const runs = await Promise.all(
    Array.from({ length: FLOOD }, () => bookAsFastAsPossible(server.url)),
  );

  const booked = calendar.entries().filter((e) => e.status === 'booked');
  expect(booked).toHaveLength(10);
  const refused = runs.filter((said) =>
    said.some((m) => m.text.includes("can't book another meeting from here today")),
  );
  expect(refused).toHaveLength(FLOOD - 10);
  // The refused visitors' chats go on: the reply after the refusal is the ordinary close.
  for (const said of refused) expect(said.at(-1)?.final).toBe(true);

  // A genuine visitor from another network is offered times and can book.
  const hello = await chatService.hello({
    visitor: testVisitor(),
    client: { ip: '203.0.113.9' },
  });
  const replies: AgentMessagePayload[] = [];
  const say = async (clientId: string, text: string) => {
    replies.length = 0;
    const r = await chatService.receive(hello.conversationId, { clientId, text }, (e) => {
      if (e.type === 'agent:message') replies.push(e.payload);
    });
    await r.reply;
    return replies.at(-1);
  };
  const offer = await say('g1', OPENING);
  expect(offer?.expecting).toBe('booking');
  expect(offer?.quickReplies).toHaveLength(3);
  expect((await say('g2', offer?.quickReplies[0]?.value ?? ''))?.text).toMatch(/booked/i);
});
