import type { Router } from 'express';
import { io, type Socket } from 'socket.io-client';
import type { ConsoleAuth } from '../../src/console/console-auth.js';
import type { Core } from '../../src/app/create-core.js';
import type { Phraser } from '../../src/llm/phraser.js';
import type { Config } from '../../src/config/config-schema.js';
import { attachConsoleNamespace } from '../../src/console/live/console-namespace.js';
import { createMemoryUserStore } from '../../src/console/users/memory-user-store.js';
import type { User } from '../../src/console/users/user.js';
import { createConsoleRouter } from '../../src/server/console-router.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createSaveEvents, observeSaves } from '../../src/store/save-events.js';
import { withStageHistory } from '../../src/analytics/record-stages.js';
import { closeAfterTest } from './close-after-test.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createRepDesk } from '../../src/console/live/rep-desk.js';
import { attachTakeoverEvents } from '../../src/console/live/takeover-events.js';
import { createTypingRelay } from '../../src/server/typing-relay.js';
import { PASSWORD } from './console-test-bed.js';
import { startTestServer, type LogEntry } from './start-test-server.js';
import { createTestDeps, PROMPTS_DIR, TEST_SECRET } from './test-deps.js';
import { createDestinations } from '../../src/handoff/delivery/create-destinations.js';
import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import { createConsoleLeadsRouter } from '../../src/server/console-leads-router.js';
import { sequentialIds } from '../../src/app/sequential-ids.js';
import { runtimeEnv } from './runtime-env.js';
import { createInboxRouter } from '../../src/server/inbox-router.js';
import { inboxProjection } from '../../src/console/inbox/inbox-row.js';
import { createCore } from '../../src/app/create-core.js';
import { createLiveTemplates } from '../../src/prompts/versions/live-templates.js';
import { createMemoryTemplateVersions } from '../../src/prompts/versions/memory-template-versions.js';
import { createTemplateHistory } from '../../src/prompts/versions/template-history.js';
import type { TemplateVersionStore } from '../../src/prompts/versions/template-version-store.js';
import { createTemplatesRouter } from '../../src/server/console-templates-router.js';
import type { ExperimentStore } from '../../src/experiments/experiment-store.js';
import { createMemoryExperiments } from '../../src/experiments/memory-experiments.js';
import { createLiveExperiments } from '../../src/experiments/live-experiments.js';
import {
  experimentService,
  storedConversations,
} from '../../src/experiments/experiment-service.js';
import { createExperimentsRouter } from '../../src/server/console-experiments-router.js';

import { createChatPreviewRouter } from '../../src/server/console-chat-preview-router.js';
import { createRulesExtractor } from '../../src/extract/rules/rules-extractor.js';

import { createTemplatePagesRouter } from '../../src/server/console-template-pages-router.js';

import { createAnalyticsIndex } from '../../src/analytics/analytics-index.js';
import { createAnalyticsRouter } from '../../src/server/console-analytics-router.js';

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
export async function liveConsoleBed(
  users: User[],
  raw: Record<string, unknown> = {},
  /** More routes mounted after the console's (a test's own page, such as a stand-in lead page). */
  extra: {
    routers?: (auth: ConsoleAuth) => Router[];
    /** LLM mode: the extractor and phraser of the chat service (createTestDeps's overrides). */
    chat?: { core?: Partial<Core>; phraser?: Phraser | null };
    /** How often the namespace re-checks open sockets' sessions (ms). */
    recheckMs?: number;
    /**
     * Published template versions, as main.ts wires them: the chat renders the live version and
     * `/console/api/templates` is mounted (a memory store unless one is given).
     */
    templates?: { store?: TemplateVersionStore; pollMs?: number };
    /**
     * Experiments (needs `templates`), as main.ts wires them: the chat renders each
     * conversation's variant and `/console/api/templates/:name/experiment` is mounted.
     */
    experiments?: { store?: ExperimentStore };

    /** Mounts the analytics page and API over an analytics index kept current by the saves. */
    analytics?: boolean;
    /** The fixed clock's start (createTestDeps's FIXED_NOW by default). */
    now?: string;
  } = {},
) {
  const saves = createSaveEvents();
  // Live takeover: the reps online and the wait after "someone is coming", as main.ts wires them.
  const desk = createRepDesk({
    joinTimeoutSeconds: parseConfig(raw).console.joinTimeoutSeconds,
  });
  const visitorTyping = createTypingRelay();
  // The handoff outbox as main.ts wires it: a delivery worker (run by the test: `worker.runDue()`)
  // sending to the config's `crm.destinations`.
  const inbox = inboxProjection(parseConfig(raw));
  const base = createMemoryStore({ inbox });
  const deliveries = createMemoryDeliveryStore();
  const parsed = parseConfig(raw);
  // Its own clock, at the second the bed started: a receiver verifying with standardwebhooks
  // accepts only timestamps within 5 minutes of its wall clock (the chat's clock is fixed in 2026).
  const sentAt = Math.floor(Date.now() / 1000) * 1000;
  const worker = createDeliveryWorker({
    store: base,
    deliveries,
    destinations: createDestinations(parsed, runtimeEnv(), { promptsDir: PROMPTS_DIR }),
    config: parsed,
    clock: () => new Date(sentAt),
    logger: { warn: () => undefined, error: () => undefined },
    random: () => 0.5,
    secret: TEST_SECRET,
  });
  await worker.start({ loop: false });
  const versionStore = extra.templates
    ? (extra.templates.store ?? createMemoryTemplateVersions())
    : null;
  const liveTemplates = versionStore
    ? await createLiveTemplates(versionStore, { pollMs: extra.templates?.pollMs ?? 500 })
    : null;
  if (liveTemplates) closeAfterTest({ close: () => liveTemplates.stop() });
  const experimentStore =
    versionStore && extra.experiments
      ? (extra.experiments.store ?? createMemoryExperiments())
      : null;
  const liveExperiments =
    versionStore && experimentStore
      ? await createLiveExperiments(experimentStore, versionStore, {
          pollMs: extra.templates?.pollMs ?? 500,
        })
      : null;
  if (liveExperiments) closeAfterTest({ close: () => liveExperiments.stop() });
  const versioned = liveTemplates
    ? {
        renderer: createCore(parsed, {
          promptsDir: PROMPTS_DIR,
          published: liveTemplates,
          ...(liveExperiments ? { experiments: liveExperiments } : {}),
        }).renderer,
      }
    : {};
  const deps = createTestDeps({
    config: raw,
    store: withOutbox(observeSaves(base, saves), worker.outbox),
    reps: desk,
    ...(extra.now === undefined ? {} : { now: extra.now }),
    ...extra.chat,
    core: { ...versioned, ...extra.chat?.core },
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
  const templateHistory =
    versionStore && liveTemplates
      ? createTemplateHistory({
          store: versionStore,
          promptsDir: PROMPTS_DIR,
          live: liveTemplates,
          clock: deps.now,
        })
      : null;

  const analytics = createAnalyticsIndex();
  if (extra.analytics) saves.on(({ conversation }) => analytics.saved(conversation));
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
        createConsoleLeadsRouter({
          auth: consoleUi.auth,
          // As main.ts: every writer's save records the funnel stages (analytics).
          store: withStageHistory(deps.store, config, deps.now),
          calendar: deps.calendar,
          deliveries,
          worker,
          config,
          clock: deps.now,
          queue: deps.queue,
          secret: deps.secret,
          newId: sequentialIds('con'),
        }),
        ...(templateHistory
          ? [
              createTemplatesRouter({
                history: templateHistory,
                consoleUi,
                ...(experimentStore ? { experiments: experimentStore } : {}),
              }),
              createTemplatePagesRouter({ history: templateHistory, consoleUi, config }),
            ]
          : []),
        ...(templateHistory && versionStore && experimentStore && liveExperiments
          ? [
              createExperimentsRouter({
                experiments: experimentService({
                  store: experimentStore,
                  history: templateHistory,
                  conversations: () => storedConversations(deps.store),
                  live: liveExperiments,
                  clock: deps.now,
                  newId: sequentialIds('exp'),
                }),
                history: templateHistory,
                consoleUi,
              }),
            ]
          : []),
        // The editor's chat preview, as main.ts mounts it (the chat's live wording, rules mode).
        createChatPreviewRouter({
          config,
          renderer: deps.core.renderer,
          answer: deps.core.answer,
          rules: createRulesExtractor(config),
          clock: deps.now,
          consoleUi,
        }),

        ...(extra.analytics
          ? [createAnalyticsRouter({ analytics, config, consoleUi, clock: deps.now })]
          : []),
        ...(extra.routers?.(consoleUi.auth) ?? []),
      ],
      visitorTyping,
      sockets: [
        (ioServer, ownOrigins) => {
          const attached = attachConsoleNamespace(ioServer, {
            auth: consoleUi.auth,
            saves,
            ownOrigins,
            logger,
            ...(extra.recheckMs === undefined ? {} : { recheckMs: extra.recheckMs }),
          });
          attachTakeoverEvents({
            io: ioServer,
            live: attached,
            auth: consoleUi.auth,
            takeover: deps.chatService.live,
            conversation: deps.chatService.conversation,
            desk,
            config,
            visitorTyping,
            logger,
          });
          live = attached;
        },
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
    experimentStore,
    config,
    users: userStore,
    saves,
    logs,
    live: attached,
    auth: consoleUi.auth,
    deliveries,
    worker,
    desk,
    signIn,
    consoleSocket,
  };
}
