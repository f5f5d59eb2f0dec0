import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createCore } from '../../src/app/create-core.js';
import { randomIds } from '../../src/app/sequential-ids.js';
import { createLowdbCalendar } from '../../src/booking/lowdb-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import type { ChatService } from '../../src/conversation/chat-service.js';
import { withStageHistory } from '../../src/analytics/record-stages.js';
import { createChatService } from '../../src/conversation/create-chat-service.js';
import { createAdminRouter } from '../../src/server/admin-router.js';
import { createDestinations } from '../../src/handoff/delivery/create-destinations.js';
import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createLowdbDeliveryStore } from '../../src/handoff/delivery/lowdb-delivery-store.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import { createBookingsRouter } from '../../src/server/bookings-router.js';
import type { Logger } from '../../src/lib/logger.js';
import { loadServerSecret } from '../../src/lib/server-secret.js';
import { startServer } from '../../src/server/start-server.js';
import { createWidgetAssets } from '../../src/server/widget-assets.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { runtimeEnv } from '../../test/helpers/runtime-env.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A server the bench can reach and stop. */
export type BenchServer = { url: string; close(): Promise<void> };

/** Rules mode: no LLM key or base URL, no CRM webhook (handoffs wait in the outbox). */
const RULES_MODE = runtimeEnv();

/**
 * The production composition of src/main.ts in rules mode: the shipped default config, the
 * lowdb store behind the handoff outbox, the lowdb calendar, the delivery worker, the
 * repository's prompts, the rules extractor, the real clock and random ids, the real widget
 * assets and routers, served on a free port of 127.0.0.1. Mirrors main.ts by hand because
 * main.ts starts listening when imported: keep the two in step.
 */
export async function startRulesServer(opts: {
  dataDir: string;
  logger: Logger;
  onTurn?: (serverMs: number) => void;
}): Promise<BenchServer> {
  const config = parseConfig({
    dataDir: opts.dataDir,
    promptsDir: path.join(REPO_ROOT, 'prompts'),
  });
  const clock = (): Date => new Date();
  const baseStore = await createLowdbStore({ dataDir: config.dataDir, logger: opts.logger });
  const calendar = await createLowdbCalendar({ dataDir: config.dataDir, clock });
  const secret = loadServerSecret(config.dataDir);
  const deliveries = await createLowdbDeliveryStore({ dataDir: config.dataDir });
  const destinations = createDestinations(config, RULES_MODE);
  const worker = createDeliveryWorker({
    store: baseStore,
    deliveries,
    destinations,
    config,
    clock,
    logger: opts.logger,
  });
  const store = withOutbox(withStageHistory(baseStore, config, clock), worker.outbox);
  await worker.start({ loop: true });

  const core = createCore(config, {
    llm: null,
    onPromptError: (e) => opts.logger.warn('prompt template error', { ...e }),
  });
  const chatService = createChatService({
    config,
    store,
    calendar,
    ...core,
    phraser: null,
    clock,
    newId: randomIds,
    secret,
    onError: (error, where) =>
      opts.logger.error(`chat ${where} failed`, {
        error: error instanceof Error ? error.message : String(error),
      }),
  });
  // Built before the first measurement, so the widget build (esbuild) is in no figure.
  const widget = createWidgetAssets();
  await widget.get();
  const routers = [
    createBookingsRouter({ calendar, store, config, clock, secret }),
    createAdminRouter({ adminToken: null, deliveries, worker }),
  ];
  const served = opts.onTurn ? timed(chatService, opts.onTurn) : chatService;
  const server = await startServer({
    config,
    chatService: served,
    logger: opts.logger,
    widget,
    routers,
    port: 0,
    host: '127.0.0.1',
  });
  return {
    url: server.url,
    close: () =>
      server
        .close()
        .then(() => worker.stop())
        .then(() => deliveries.close())
        .then(() => store.close()),
  };
}

/**
 * The service with each visitor turn timed inside the server: from the gateway's call to
 * `receive` to the reply's first `agent:message`. Next to the visitor's figure it tells the
 * server's own work and queueing apart from the network, the client and the machine.
 */
function timed(service: ChatService, onTurn: (serverMs: number) => void): ChatService {
  return {
    hello: (input) => service.hello(input),
    receive(sessionId, input, emit) {
      const started = performance.now();
      let first = true;
      return service.receive(sessionId, input, (e) => {
        if (first && e.type === 'agent:message') {
          first = false;
          onTurn(performance.now() - started);
        }
        emit(e);
      });
    },
  };
}
