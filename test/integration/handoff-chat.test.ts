import { afterEach, beforeEach, expect, it } from 'vitest';
import type { AgentEvent } from '../../src/conversation/chat-service.js';
import type { HandoffPacket } from '../../src/handoff/webhook/build-handoff.js';
import { createDeliveryWorker } from '../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../src/handoff/delivery/memory-delivery-store.js';
import { withOutbox } from '../../src/handoff/outbox/with-outbox.js';
import { VisitorSchema } from '../../src/lead/visitor.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { answerFor } from '../helpers/visitor-answers.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  fakeClock,
  recordingLogger,
  SECRET,
} from '../unit/handoff/handoff-fixtures.js';

let crm: CrmReceiver;
beforeEach(async () => {
  crm = await startCrmReceiver({ secrets: [SECRET] });
});
afterEach(async () => {
  await crm.close();
});

/** A chat service whose store feeds a worker delivering to the receiver. */
async function chatWithCrm() {
  const inner = createMemoryStore();
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: crm.url, secret: SECRET }],
  });
  const worker = createDeliveryWorker({
    store: inner,
    deliveries: createMemoryDeliveryStore(),
    destinations,
    config,
    clock: fakeClock().now,
    logger: recordingLogger(),
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  const { chatService } = createTestDeps({ store: withOutbox(inner, worker.outbox) });
  const hello = await chatService.hello({
    visitor: VisitorSchema.parse({ timezone: 'America/Denver' }),
  });
  const say = async (n: number, text: string): Promise<void> => {
    const r = await chatService.receive(
      hello.sessionId,
      { clientId: `c${n}`, text },
      () => undefined,
    );
    await r.reply;
  };
  return { worker, say };
}

it('when a visitor asks for a person and then gives an email, then the CRM gets the request and a lead.updated with the email', async () => {
  const { worker, say } = await chatWithCrm();
  await say(1, 'Can I talk to a human please?');
  await worker.runDue();
  await say(2, 'kim.osei@northwind.example');
  await worker.runDue();

  const bodies = [...crm.processed.values()].map((b) => b as HandoffPacket);
  expect(bodies.map((b) => b.type)).toEqual(['lead.handoff_requested', 'lead.updated']);
  expect(bodies[0]?.lead.contact).toMatchObject({ email: null });
  expect(bodies[1]?.lead.contact).toMatchObject({ email: 'kim.osei@northwind.example' });
  expect(crm.requests.every((r) => r.verifiedWith.length === 1)).toBe(true);
});

it('when a visitor qualifies and books in the chat, then the CRM gets lead.qualified and meeting.booked, signed, with the rep packet', async () => {
  const inner = createMemoryStore();
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: crm.url, secret: SECRET }],
  });
  const clock = fakeClock();
  const worker = createDeliveryWorker({
    store: inner,
    deliveries: createMemoryDeliveryStore(),
    destinations,
    config,
    clock: clock.now,
    logger: recordingLogger(),
    random: () => 0.5,
  });
  await worker.start({ loop: false });
  const { chatService } = createTestDeps({ store: withOutbox(inner, worker.outbox) });

  const visitor = VisitorSchema.parse({
    timezone: 'America/Denver',
    page: 'https://beacon.example/pricing',
    utm: { source: 'partner' },
  });
  const hello = await chatService.hello({ visitor });
  const first = hello.messages[hello.messages.length - 1];
  let asked = { expecting: first?.expecting ?? null, quickReplies: first?.quickReplies ?? [] };
  for (let turn = 0; turn < 12; turn++) {
    const answer = answerFor(asked.expecting, asked.quickReplies);
    if (answer === null) break;
    const events: AgentEvent[] = [];
    const r = await chatService.receive(
      hello.sessionId,
      { clientId: `c${turn}`, text: answer.text },
      (e) => events.push(e),
    );
    await r.reply;
    const replies = events.flatMap((e) => (e.type === 'agent:message' ? [e.payload] : []));
    asked = replies[replies.length - 1] ?? { expecting: null, quickReplies: [] };
  }
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
