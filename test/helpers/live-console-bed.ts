import { io, type Socket } from 'socket.io-client';
import type { Config } from '../../src/config/config-schema.js';
import { attachConsoleNamespace } from '../../src/console/live/console-namespace.js';
import { createMemoryUserStore } from '../../src/console/users/memory-user-store.js';
import type { User } from '../../src/console/users/user.js';
import { createConsoleRouter } from '../../src/server/console-router.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createSaveEvents, observeSaves } from '../../src/store/save-events.js';
import { closeAfterTest } from './close-after-test.js';
import { PASSWORD } from './console-test-bed.js';
import { startTestServer, type LogEntry } from './start-test-server.js';
import { createTestDeps } from './test-deps.js';
import { createInboxRouter } from '../../src/server/inbox-router.js';
import { inboxProjection } from '../../src/console/inbox/inbox-row.js';
import { parseConfig } from '../../src/config/load-config.js';

/** The ADMIN_TOKEN of the bed's `/admin/...` routes. */
export const ADMIN_TOKEN = 'bed-admin-token-0123456789abcdef';

/**
 * The real server with the rep console wired the way main.ts wires it: the chat's store
 * announces its saves, the console router signs users in, the `/console` namespace relays.
 * Closed after the test.
 *
 * @example
 *   const bed = await liveConsoleBed([await consoleUser('ana@beacon.example', 'rep')]);
 *   const cookie = await bed.signIn('ana@beacon.example');
 *   const live = await bed.consoleSocket(cookie);
 */
export async function liveConsoleBed(users: User[], raw: Record<string, unknown> = {}) {
  const saves = createSaveEvents();
  const inbox = inboxProjection(parseConfig(raw));
  const deps = createTestDeps({
    config: raw,
    store: observeSaves(createMemoryStore({ inbox }), saves),
  });
  const config: Config = deps.config;
  const userStore = createMemoryUserStore(users);
  const logs: LogEntry[] = [];
  const logger = {
    warn: (message: string, meta?: Record<string, unknown>) =>
      logs.push({ level: 'warn', message, meta }),
    error: (message: string, meta?: Record<string, unknown>) =>
      logs.push({ level: 'error', message, meta }),
  };
  const consoleUi = createConsoleRouter({ users: userStore, config, logger });
  let live: ReturnType<typeof attachConsoleNamespace> | null = null;
  const server = closeAfterTest(
    await startTestServer({
      chatService: deps.chatService,
      config,
      routers: [
        createInboxRouter({
          store: deps.store,
          config,
          consoleUi,
          adminToken: ADMIN_TOKEN,
          clock: deps.now,
        }),
        consoleUi.router,
      ],
      sockets: [
        (ioServer, ownOrigins) =>
          void (live = attachConsoleNamespace(ioServer, {
            auth: consoleUi.auth,
            saves,
            ownOrigins,
            logger,
          })),
      ],
    }),
  );
  if (live === null) throw new Error('the console namespace was not attached');
  const attached: ReturnType<typeof attachConsoleNamespace> = live;

  /** Signs in through the login form, as the console's own page posts it; returns the Cookie header. */
  const signIn = async (email: string, password = PASSWORD): Promise<string> => {
    const res = await fetch(`${server.url}/console/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password }).toString(),
    });
    const setCookie = res.headers.get('set-cookie');
    if (res.status !== 303 || setCookie === null) throw new Error(`sign-in failed: ${res.status}`);
    return setCookie.split(';')[0] ?? '';
  };

  /** A console socket with this Cookie header, from the console's own origin; rejects when refused. */
  const consoleSocket = (cookie: string | null, origin = server.url): Promise<Socket> => {
    const socket = io(`${server.url}/console`, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { origin, ...(cookie === null ? {} : { cookie }) },
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(closeAfterTest(socket)));
      socket.once('connect_error', (e) => {
        socket.close();
        reject(e);
      });
    });
  };

  return {
    server,
    deps,
    config,
    users: userStore,
    saves,
    logs,
    live: attached,
    auth: consoleUi.auth,
    signIn,
    consoleSocket,
  };
}
