import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import type { HandoffPacket } from '../../src/handoff/webhook/build-handoff.js';
import type { Visitor } from '../../src/lead/visitor.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import { createTestDeps } from '../helpers/test-deps.js';
import type { CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  fakeClock,
  recordingLogger,
  SECRET,
} from '../unit/handoff/handoff-fixtures.js';

/**
 * One rules-mode visitor on a chat service whose saves feed a delivery worker sending to `crm`
 * (a receiver that verifies signatures). `server` is the config's `server` part the bodies are
 * built with (e.g. a publicUrl for leadUrl). `sent()` delivers what is due and resolves with
 * every body the receiver accepted.
 *
 * @example const { chat, sent } = await chatWithCrm(crm); await chat.say('hi'); await sent();
 */
export async function chatWithCrm(
  crm: CrmReceiver,
  opts: { visitor?: Partial<Visitor>; server?: Record<string, unknown>; now?: () => Date } = {},
) {
  const store = createMemoryStore();
  const { config, destinations } = destinationsFor(
    { destinations: [{ id: 'crm', url: crm.url, secret: SECRET }] },
    undefined,
    opts.server,
  );
  const worker = createDeliveryWorker({
    store,
    deliveries: createMemoryDeliveryStore(),
    destinations,
    config,
    clock: opts.now ?? fakeClock().now,
    logger: recordingLogger(),
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  const deps = createTestDeps({ store: withOutbox(store, worker.outbox) });
  const chat = await startChatVisitor(deps.chatService, {
    visitor: opts.visitor ?? { timezone: 'America/Denver' },
  });
  const sent = async (): Promise<HandoffPacket[]> => {
    await worker.runDue();
    return [...crm.processed.values()].map((b) => b as HandoffPacket);
  };
  return { chat, worker, store, sent, config: deps.config };
}
