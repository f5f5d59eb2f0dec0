import type { Router } from 'express';
import type { ConsoleAuth } from '../../src/console/console-auth.js';
import type { Config } from '../../src/config/config-schema.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createMemoryUserStore } from '../../src/console/users/memory-user-store.js';
import { hashPassword } from '../../src/console/users/password.js';
import type { Role, User } from '../../src/console/users/user.js';
import { createApp } from '../../src/server/create-app.js';
import { createConsoleRouter } from '../../src/server/console-router.js';
import { createInboxRouter } from '../../src/server/inbox-router.js';
import type { LogEntry } from './start-test-server.js';
import { testWidgetAssets } from './start-test-server.js';
import { createTestDeps } from './test-deps.js';
import { AppError } from '../../src/errors/app-error.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { createConsoleLeadsRouter } from '../../src/server/console-leads-router.js';

export const PASSWORD = 'correct horse battery';

/** A console user with {@link PASSWORD}. */
export async function consoleUser(email: string, role: Role, name = 'Ana Lima'): Promise<User> {
  return {
    email,
    name,
    role,
    passwordHash: await hashPassword(PASSWORD),
    disabled: false,
    createdAt: '2026-12-01T09:00:00.000Z',
  };
}

/**
 * An express app with the console router over a memory user store, its log recorded.
 *
 * @example const bed = await consoleTestBed([await consoleUser('ana@beacon.example', 'rep')]);
 */
export async function consoleTestBed(
  users: User[],
  raw: Record<string, unknown> = {},
  more: (auth: ConsoleAuth) => Router[] = () => [],
) {
  const deps = createTestDeps();
  const config: Config = parseConfig(raw);
  const store = createMemoryUserStore(users);
  const logs: LogEntry[] = [];
  const logger = {
    warn: (message: string, meta?: Record<string, unknown>) =>
      logs.push({ level: 'warn', message, meta }),
    error: (message: string, meta?: Record<string, unknown>) =>
      logs.push({ level: 'error', message, meta }),
  };
  const consoleUi = createConsoleRouter({ users: store, config, logger });
  const app = createApp({
    config,
    chatService: deps.chatService,
    widget: testWidgetAssets(),
    routers: [
      createInboxRouter({ store: deps.store, config, consoleUi, adminToken: null }),
      consoleUi.router,
      // The lead pages over the chat's store; no webhook is ever delivered here.
      createConsoleLeadsRouter({
        auth: consoleUi.auth,
        store: deps.store,
        calendar: deps.calendar,
        deliveries: createMemoryDeliveryStore(),
        worker: {
          redeliver: (id) => Promise.reject(new AppError('NOT_FOUND', `no delivery "${id}"`)),
        },
        config,
        clock: deps.now,
      }),
      ...more(consoleUi.auth),
    ],
  });
  return { app, users: store, logs, auth: consoleUi.auth };
}
