import { TEST_SECRET } from '../../helpers/test-deps.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Config } from '../../../src/config/config-schema.js';
import { parseConfig, type RuntimeEnv } from '../../../src/config/load-config.js';
import { runtimeEnv } from '../../helpers/runtime-env.js';
import { deliveryIdFor, type Delivery } from '../../../src/handoff/delivery/delivery-schema.js';
import type {
  ChatMessage,
  Conversation,
  OutboxEvent,
} from '../../../src/conversation/conversation-schema.js';
import {
  createDestinations,
  type Destination,
} from '../../../src/handoff/delivery/create-destinations.js';
import {
  createDeliveryWorker,
  type DeliveryWorker,
} from '../../../src/handoff/delivery/delivery-worker.js';
import type { DeliveryStore } from '../../../src/handoff/delivery/delivery-store.js';
import { createLowdbDeliveryStore } from '../../../src/handoff/delivery/lowdb-delivery-store.js';
import { withOutbox } from '../../../src/handoff/outbox/with-outbox.js';
import { candidate, type Candidate, type FieldPath } from '../../../src/lead/field-paths.js';
import { applyCandidates, type Lead } from '../../../src/lead/lead-record.js';
import type { Logger } from '../../../src/lib/logger.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import type { Store } from '../../../src/store/store.js';
import { makeConversation } from '../../helpers/make-conversation.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';

/** Fictional Standard Webhooks secrets ("whsec_" + base64 of 24 fixed bytes). */
export const SECRET = `whsec_${Buffer.from('leadbot-test-secret-0001').toString('base64')}`;
export const NEW_SECRET = `whsec_${Buffer.from('leadbot-test-secret-0002').toString('base64')}`;

export const NO_RUNTIME: RuntimeEnv = runtimeEnv();

export type FakeClock = { now: () => Date; advance(ms: number): void; set(at: Date): void };

/**
 * A clock that moves only when told. It starts at the current second because the receiver
 * verifies with `standardwebhooks`, which accepts timestamps within 5 minutes of its own clock:
 * tests advance it by less than that in all (short retry schedules), and nothing depends on how
 * long the test takes.
 */
export function fakeClock(): FakeClock {
  let t = Math.floor(Date.now() / 1000) * 1000;
  return {
    now: () => new Date(t),
    advance: (ms) => void (t += ms),
    set: (at) => void (t = at.getTime()),
  };
}

/** A lead record from plain values, through the real merge code. */
export function leadOf(
  values: Partial<Record<FieldPath, unknown>>,
  at = '2026-03-03T15:00:00.000Z',
): Lead {
  const candidates = Object.entries(values)
    .map(([path, value]) => candidate(path as FieldPath, value, `quote for ${path}`))
    .filter((c): c is Candidate => c !== null);
  return applyCandidates({}, candidates, { source: 'rules', messageId: 'm1', at }).lead;
}

export const SQL_VALUES: Partial<Record<FieldPath, unknown>> = {
  'need.summary': 'Our inbound demo requests pile up over the weekend',
  'authority.level': 'decision_maker',
  'authority.role': 'COO',
  'company.name': 'Northwind Parcel',
  'company.size': 120,
  'budget.amount': 30000,
  'budget.currency': 'USD',
  'budget.period': 'yearly',
  'budget.status': 'stated',
  'timeline.bucket': 'quarter',
  'intent.demo': true,
  'contact.name': 'Kim Osei',
  'contact.email': 'kim.osei@northwind.example',
  'consent.contact': true,
};

const TRANSCRIPT: ChatMessage[] = [
  {
    id: 'm0',
    role: 'agent',
    text: 'Hi! What brings you here today?',
    at: '2026-03-03T14:58:00.000Z',
  },
  {
    id: 'm1',
    role: 'visitor',
    text: 'We lose weekend demo requests and I want that fixed this quarter.',
    at: '2026-03-03T14:59:00.000Z',
  },
];

/** A sales-qualified conversation whose outbox holds `events` (one lead.qualified by default). */
export function qualifiedConversation(
  overrides: Partial<Conversation> = {},
  events: Partial<OutboxEvent>[] = [{}],
): Conversation {
  const id = overrides.id ?? 'conv-q1';
  const outbox = events.map((e, i) => ({
    id: `evt-${id}-${i + 1}`,
    type: 'lead.qualified',
    occurredAt: '2026-03-03T15:00:00.000Z',
    conversationId: id,
    ...e,
  }));
  return makeConversation({
    id,
    visitor: {
      timezone: 'America/Chicago',
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: 'https://search.example/',
      utm: { source: 'newsletter', campaign: 'spring' },
    },
    lead: leadOf(SQL_VALUES),
    messages: TRANSCRIPT,
    qualifiedAt: '2026-03-03T15:00:00.000Z',
    outbox,
    ...overrides,
  });
}

/**
 * The store as the handoff tests use it: they save whole conversations built from literals, as
 * successive turns would, so each save is based on whatever version is stored (a real caller
 * reads before it saves, and is refused a stale write; see the Store contract suite).
 */
export function rebasing(store: Store): Store {
  return {
    ...store,
    async saveConversation(conversation) {
      const stored = await store.getConversation(conversation.id);
      return store.saveConversation({ ...conversation, version: stored?.version ?? 0 });
    },
  };
}

/** Parses raw config (defaults for the rest) and builds its destinations with the shipped templates. */
export function destinationsFor(
  crm: Record<string, unknown>,
  runtime: RuntimeEnv = NO_RUNTIME,
  server?: Record<string, unknown>,
): { config: Config; destinations: Destination[] } {
  const config = parseConfig(server ? { crm, server } : { crm });
  return {
    config,
    destinations: createDestinations(config, runtime, {
      env: { HUBSPOT_TOKEN: 'test-token' },
      promptsDir: PROMPTS_DIR,
    }),
  };
}

export type LogEntry = {
  level: 'warn' | 'error';
  message: string;
  meta: Record<string, unknown> | undefined;
};
export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    warn: (message, meta) => void entries.push({ level: 'warn', message, meta }),
    error: (message, meta) => void entries.push({ level: 'error', message, meta }),
  };
}

export async function tempDataDir(): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'leadbot-handoff-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** One running "process": the lowdb stores on a data folder, the worker and the decorated store. */
export type Instance = {
  base: Store;
  store: Store;
  deliveries: DeliveryStore;
  worker: DeliveryWorker;
  logger: ReturnType<typeof recordingLogger>;
};

export type InstanceOptions = {
  dataDir: string;
  clock: FakeClock;
  config: Config;
  destinations: Destination[];
  attemptTimeoutMs?: number;
  /** Wraps the parts, to simulate a crash at a chosen step. */
  wrap?: {
    base?: (s: Store) => Store;
    deliveries?: (d: DeliveryStore) => DeliveryStore;
  };
};

/**
 * Opens the data folder as a freshly started server would (new objects, nothing cached) and
 * recovers (`start` without the timer loop). Opening it again on the same folder is a restart.
 */
export async function startInstance(o: InstanceOptions): Promise<Instance> {
  const rawBase = await createLowdbStore({ dataDir: o.dataDir });
  const base = o.wrap?.base?.(rawBase) ?? rawBase;
  const rawDeliveries = await createLowdbDeliveryStore({ dataDir: o.dataDir });
  const deliveries = o.wrap?.deliveries?.(rawDeliveries) ?? rawDeliveries;
  const logger = recordingLogger();
  const worker = createDeliveryWorker({
    store: base,
    deliveries,
    destinations: o.destinations,
    config: o.config,
    clock: o.clock.now,
    logger,
    random: () => 0.5,
    attemptTimeoutMs: o.attemptTimeoutMs,
    secret: TEST_SECRET,
  });
  await worker.start({ loop: false });
  const store = rebasing(withOutbox(base, worker.outbox));
  return { base, store, deliveries, worker, logger };
}

/**
 * A delivery record of a `lead.qualified` event to the `crm` destination, pending and due at
 * once; override what a test is about.
 *
 * @example deliveryRecord('evt-1', { status: 'dead' })
 */
export function deliveryRecord(eventId: string, overrides: Partial<Delivery> = {}): Delivery {
  return {
    id: deliveryIdFor(eventId, 'crm'),
    eventId,
    eventType: 'lead.qualified',
    occurredAt: '2026-03-03T15:00:00.000Z',
    conversationId: 'conv-1',
    destinationId: 'crm',
    status: 'pending',
    createdAt: '2026-03-03T15:00:00.000Z',
    updatedAt: '2026-03-03T15:00:00.000Z',
    nextAttemptAt: '2026-03-03T15:00:00.000Z',
    roundStart: 0,
    reason: null,
    attempts: [],
    ...overrides,
  };
}
