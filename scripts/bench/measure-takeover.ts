/**
 * The takeover part of `npm run bench` (issue 12): how long a rep's message takes from the
 * console socket to the visitor's widget socket, on loopback, in one process with the real
 * server (rules mode, memory store): sign-in, the `/console` namespace, the takeover events,
 * the compare-and-set save in the conversation's queue, the relay to the widget's room.
 */
import { io, type Socket } from 'socket.io-client';
import { createCore } from '../../src/app/create-core.js';
import { randomIds } from '../../src/app/sequential-ids.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { attachConsoleNamespace } from '../../src/console/live/console-namespace.js';
import { createRepDesk } from '../../src/console/live/rep-desk.js';
import { attachTakeoverEvents } from '../../src/console/live/takeover-events.js';
import { createMemoryUserStore } from '../../src/console/users/memory-user-store.js';
import { hashPassword } from '../../src/console/users/password.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import { createConsoleRouter } from '../../src/server/console-router.js';
import { startServer } from '../../src/server/start-server.js';
import { createTypingRelay } from '../../src/server/typing-relay.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createSaveEvents, observeSaves } from '../../src/store/save-events.js';

export type TakeoverRow = { messages: number; p50: number; p95: number; p99: number; max: number };

const PASSWORD = 'bench-password-not-secret';
const quiet = { warn: () => undefined, error: () => undefined };

/** Nearest-rank percentile of sorted durations. */
const at = (sorted: number[], q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;

/**
 * Sends `messages` rep messages one after another and times each from the console's emit to
 * the visitor's `agent:message`.
 *
 * @example const row = await measureTakeover({ messages: 500 }); // row.p50 in ms
 */
export async function measureTakeover(opts: { messages: number }): Promise<TakeoverRow> {
  const config = parseConfig({ limits: { conversation: { maxMessages: opts.messages + 50 } } });
  const saves = createSaveEvents();
  const store = observeSaves(createMemoryStore(), saves);
  const desk = createRepDesk({ joinTimeoutSeconds: config.console.joinTimeoutSeconds });
  const chat = createChatService({
    config,
    store,
    calendar: createMemoryCalendar([]),
    ...createCore(config),
    clock: () => new Date(),
    newId: randomIds,
    reps: desk,
  });
  const email = 'bench-rep@beacon.example';
  const users = createMemoryUserStore([
    {
      email,
      name: 'Bench Rep',
      role: 'rep',
      passwordHash: await hashPassword(PASSWORD),
      disabled: false,
      createdAt: new Date().toISOString(),
    },
  ]);
  const consoleUi = createConsoleRouter({ users, config, logger: quiet });
  const visitorTyping = createTypingRelay();
  const server = await startServer({
    config,
    chatService: chat,
    logger: quiet,
    routers: [consoleUi.router],
    visitorTyping,
    port: 0,
    host: '127.0.0.1',
    sockets: [
      (ioServer, ownOrigins) => {
        const live = attachConsoleNamespace(ioServer, {
          auth: consoleUi.auth,
          saves,
          ownOrigins,
          logger: quiet,
        });
        attachTakeoverEvents({
          io: ioServer,
          live,
          auth: consoleUi.auth,
          takeover: chat.live,
          conversation: chat.conversation,
          desk,
          config,
          visitorTyping,
          logger: quiet,
        });
      },
    ],
  });
  const sockets: Socket[] = [];
  try {
    const login = await fetch(`${server.url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: PASSWORD }).toString(),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const connect = (path: string, headers: Record<string, string>): Promise<Socket> => {
      const socket = io(`${server.url}${path}`, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: headers,
      });
      sockets.push(socket);
      return new Promise((resolve, reject) => {
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', reject);
      });
    };
    const visitor = await connect('/', {});
    const hello: unknown = await visitor.emitWithAck('session:hello', {});
    const id = conversationIdOf(hello);
    const rep = await connect('/console', { origin: server.url, cookie });
    await rep.emitWithAck('join', { conversationId: id });

    const times: number[] = [];
    for (let i = 0; i < opts.messages; i++) {
      const text = `Message ${i} from the rep`;
      const arrived = new Promise<void>((resolve) => {
        const on = (p: { text?: unknown }): void => {
          if (p.text !== text) return;
          visitor.off('agent:message', on);
          resolve();
        };
        visitor.on('agent:message', on);
      });
      const start = performance.now();
      rep.emit('message', { conversationId: id, text });
      await arrived;
      times.push(performance.now() - start);
    }
    const sorted = times.sort((a, b) => a - b);
    return {
      messages: sorted.length,
      p50: at(sorted, 0.5),
      p95: at(sorted, 0.95),
      p99: at(sorted, 0.99),
      max: at(sorted, 1),
    };
  } finally {
    for (const s of sockets) s.close();
    desk.stop();
    await server.close();
  }
}

function conversationIdOf(ack: unknown): string {
  if (typeof ack === 'object' && ack !== null && 'conversationId' in ack)
    if (typeof ack.conversationId === 'string') return ack.conversationId;
  throw new Error(`hello failed: ${JSON.stringify(ack)}`);
}

/** The markdown section of the results, with the target (p50 < 20 ms on loopback). */
export function formatTakeover(row: TakeoverRow): string {
  const met = row.p50 < 20 ? 'met' : 'not met';
  const ms = (n: number): string => n.toFixed(2);
  return [
    `### Live takeover: a rep's message to the visitor's widget socket (${row.messages} messages, loopback, one process)`,
    '',
    '| p50 ms | p95 ms | p99 ms | max ms | target p50 < 20 ms |',
    '| --- | --- | --- | --- | --- |',
    `| ${ms(row.p50)} | ${ms(row.p95)} | ${ms(row.p99)} | ${ms(row.max)} | ${met} |`,
  ].join('\n');
}
