import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore, type Core } from '../../src/app/create-core.js';
import { sequentialIds } from '../../src/app/sequential-ids.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import type { Calendar } from '../../src/booking/calendar.js';
import type { Config } from '../../src/config/config-schema.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import type { Phraser } from '../../src/llm/phraser.js';
import type { RepDesk } from '../../src/conversation/chat-shell.js';
import { serverSecretFrom, type ServerSecret } from '../../src/lib/server-secret.js';
import type { Store } from '../../src/store/store.js';
import { createKeyedQueue, type KeyedQueue } from '../../src/lib/keyed-queue.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { withStageHistory } from '../../src/analytics/record-stages.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PROMPTS_DIR = path.join(REPO_ROOT, 'prompts');

/** The server secret of the tests: signs meeting links the way `loadServerSecret` does. */
export const TEST_SECRET: ServerSecret = serverSecretFrom('leadbot-test-server-secret-0123456789');

/** A Tuesday at 15:00 UTC (10:00 in New York), so the default calendar has free slots. */
export const FIXED_NOW = '2026-03-03T15:00:00.000Z';

export type TestDeps = {
  config: Config;
  store: Store;
  calendar: Calendar;
  core: Core;
  chatService: ReturnType<typeof createChatService>;
  /** The chat's per-conversation queue, which other writers (booking page, console) share. */
  queue: KeyedQueue;
  /** The secret the chat signs its meeting links with ({@link TEST_SECRET}). */
  secret: ServerSecret;
  /** Moves the fixed clock forward. */
  advance(ms: number): void;
  now(): Date;
};

/**
 * The real service in rules mode with an in-memory store and calendar, a fixed clock and
 * repeatable ids. Pass overrides for any part (config is parsed, so partial raw config works).
 */
export function createTestDeps(
  overrides: {
    config?: unknown;
    store?: Store;
    calendar?: Calendar;
    now?: string;
    core?: Partial<Core>;
    phraser?: Phraser | null;
    /** The chat service's per-conversation queue (one is made by default). */
    queue?: KeyedQueue;
    /** Live takeover's reps online and wait (console/live/rep-desk.ts); nobody by default. */
    reps?: RepDesk;
  } = {},
): TestDeps {
  const config = parseConfig(overrides.config ?? {});
  const store = overrides.store ?? createMemoryStore();
  let t = Date.parse(overrides.now ?? FIXED_NOW);
  const calendar = overrides.calendar ?? createMemoryCalendar([], { clock: () => new Date(t) });
  const core = { ...createCore(config, { promptsDir: PROMPTS_DIR }), ...overrides.core };
  const queue = overrides.queue ?? createKeyedQueue();
  const chatService = createChatService({
    queue,
    config,
    // As main.ts: the chat's saves record the funnel stages reached (analytics), once.
    store: withStageHistory(store, config, () => new Date(t)),
    calendar,
    ...core,
    phraser: overrides.phraser ?? null,
    clock: () => new Date(t),
    newId: sequentialIds('t'),
    secret: TEST_SECRET,
    ...(overrides.reps ? { reps: overrides.reps } : {}),
  });
  return {
    config,
    store,
    calendar,
    core,
    chatService,
    queue,
    secret: TEST_SECRET,
    advance: (ms) => void (t += ms),
    now: () => new Date(t),
  };
}
