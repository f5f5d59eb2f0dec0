import { beforeEach, expect, it } from 'vitest';
import type { HandoffPacket } from '../../src/handoff/build-handoff.js';
import { createDeliveryWorker } from '../../src/handoff/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/memory-delivery-store.js';
import { createMemoryOutboxMarkers } from '../../src/handoff/memory-outbox-markers.js';
import { withOutbox } from '../../src/handoff/with-outbox.js';
import type { Visitor } from '../../src/lead/visitor.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  fakeClock,
  recordingLogger,
  SECRET,
} from '../unit/handoff/handoff-fixtures.js';

let crm: CrmReceiver;
beforeEach(async () => {
  crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
});

/** A chat service whose store feeds a worker delivering to the receiver, with one visitor on it. */
async function chatWithCrm(visitor: Partial<Visitor>) {
  const inner = createMemoryStore();
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: crm.url, secret: SECRET }],
  });
  const worker = createDeliveryWorker({
    store: inner,
    deliveries: createMemoryDeliveryStore(),
    markers: createMemoryOutboxMarkers(),
    destinations,
    config,
    clock: fakeClock().now,
    logger: recordingLogger(),
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  const { chatService } = createTestDeps({ store: withOutbox(inner, worker.outbox) });
  return { worker, chat: await startChatVisitor(chatService, { visitor }) };
}

it('when a visitor asks for a person and then gives an email, then the CRM gets the request and a lead.updated with the email', async () => {
  const { worker, chat } = await chatWithCrm({ timezone: 'America/Denver' });
  await chat.say('Can I talk to a human please?');
  await worker.runDue();
  await chat.say('kim.osei@northwind.example');
  await worker.runDue();

  const bodies = [...crm.processed.values()].map((b) => b as HandoffPacket);
  expect(bodies.map((b) => b.type)).toEqual(['lead.handoff_requested', 'lead.updated']);
  expect(bodies[0]?.lead.contact).toMatchObject({ email: null });
  expect(bodies[1]?.lead.contact).toMatchObject({ email: 'kim.osei@northwind.example' });
  expect(crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
});

it('when a visitor qualifies and books in the chat, then the CRM gets lead.qualified and meeting.booked, signed, with the rep packet', async () => {
  const { worker, chat } = await chatWithCrm({
    timezone: 'America/Denver',
    page: 'https://beacon.example/pricing',
    utm: { source: 'partner' },
  });
  await chat.answerUntilDone();
  await worker.runDue();

  const types = [...crm.processed.values()].map((b) => (b as HandoffPacket).type);
  expect(types).toEqual(['lead.qualified', 'meeting.booked']);
  expect(crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
  const booked = [...crm.processed.values()][1] as HandoffPacket;
  expect(booked.lead).toMatchObject({
    stage: 'SQL',
    grade: 'hot',
    contact: { email: 'robin.ashby@quillstone.example' },
  });
  expect(booked.meeting).toMatchObject({ status: 'booked', rep: { id: 'rep-1' } });
  expect(booked.attribution).toEqual({
    page: 'https://beacon.example/pricing',
    referrer: null,
    utm: { source: 'partner' },
  });
  expect(booked.summary).toMatch(
    /^Robin Ashby, .*Quillstone Analytics \(240 people\).*meeting .*Hot \(\d+\), SQL\.$/,
  );
  expect(booked.transcript.length).toBeGreaterThan(10);
});
