import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import type { DeliveryStore } from '../../../src/handoff/delivery/delivery-store.js';
import { createDeliveryWorker } from '../../../src/handoff/delivery/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../../src/handoff/delivery/memory-delivery-store.js';
import { withOutbox } from '../../../src/handoff/outbox/with-outbox.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import {
  destinationsFor,
  fakeClock,
  leadOf,
  qualifiedConversation,
  rebasing,
  recordingLogger,
} from './handoff-fixtures.js';

/** The decorated store over memory parts, with every write to the parts logged in order. */
async function setup(
  destinationEvents: string[] = ['*'],
  base: Store = createMemoryStore(),
  deliveries: DeliveryStore = createMemoryDeliveryStore(),
) {
  const log: string[] = [];
  const loggedBase: Store = {
    ...base,
    saveConversation: (c) => (
      log.push(`save ${c.outbox.map((e) => e.type).join(',') || '-'}`),
      base.saveConversation(c)
    ),
    markHandedOver: (id, ids) => (
      log.push(`handed over ${ids.length}`),
      base.markHandedOver(id, ids)
    ),
  };
  const loggedDeliveries: DeliveryStore = {
    ...deliveries,
    create: (d) => (log.push(`record ${d.eventType}`), deliveries.create(d)),
  };
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: 'https://crm.example/hook', events: destinationEvents }],
  });
  const worker = createDeliveryWorker({
    store: loggedBase,
    deliveries: loggedDeliveries,
    destinations,
    config,
    clock: fakeClock().now,
    logger: recordingLogger(),
  });
  await worker.start({ loop: false });
  const store = rebasing(withOutbox(loggedBase, worker.outbox));
  return { store, base, deliveries, worker, log };
}

const unqualified = (): Conversation =>
  qualifiedConversation(
    { qualifiedAt: null, lead: leadOf({ 'need.summary': 'too many leads' }) },
    [],
  );

describe('saving through the outbox decorator', () => {
  it('when a save adds an event, then the conversation and its event are saved in one write, then the delivery record is made, then the event is marked handed over', async () => {
    const { store, base, log } = await setup();
    await store.saveConversation(qualifiedConversation());
    expect(log).toEqual(['save lead.qualified', 'record lead.qualified', 'handed over 1']);
    expect(await base.pendingEvents()).toEqual([]);
  });

  it('when a save adds no event, then it is a plain save: no record, nothing handed over', async () => {
    const { store, log } = await setup();
    await store.saveConversation(unqualified());
    await store.saveConversation({ ...unqualified(), updatedAt: '2030-03-04T10:05:00.000Z' });
    expect(log).toEqual(['save -', 'save -']);
  });

  it('when the same events are saved again, then no second record is made', async () => {
    const { store, deliveries, log } = await setup();
    const conv = qualifiedConversation();
    await store.saveConversation(conv);
    await store.saveConversation({ ...conv, updatedAt: '2030-03-04T10:05:00.000Z' });
    expect(await deliveries.list()).toHaveLength(1);
    expect(log.at(-1)).toBe('save lead.qualified');
  });

  it('when a destination filters events, then only matching events get a record, and every event is handed over', async () => {
    const { store, base, deliveries } = await setup(['meeting.*']);
    await store.saveConversation(qualifiedConversation({}, [{}, { type: 'meeting.booked' }]));
    expect((await deliveries.list()).map((d) => d.eventType)).toEqual(['meeting.booked']);
    expect(await base.pendingEvents()).toEqual([]);
  });

  it('when the save itself fails, then the error reaches the caller and nothing is pending', async () => {
    const failing: Store = {
      ...createMemoryStore(),
      saveConversation: () => Promise.reject(new Error('disk full')),
    };
    const { store, base, deliveries } = await setup(['*'], failing);
    await expect(store.saveConversation(qualifiedConversation())).rejects.toThrow('disk full');
    expect(await base.pendingEvents()).toEqual([]);
    expect(await deliveries.list()).toEqual([]);
  });

  it('when the hand-over fails after the save, then the save still succeeds and the next refresh hands the events over', async () => {
    const { store, base, deliveries, worker } = await setup();
    const original = deliveries.create;
    deliveries.create = () => Promise.reject(new Error('disk hiccup'));
    const saved = await store.saveConversation(qualifiedConversation());
    expect(saved.version).toBe(1);
    expect(await base.pendingEvents()).toEqual([
      { conversationId: saved.id, events: saved.outbox },
    ]);
    deliveries.create = original;
    await worker.refresh();
    expect(await base.pendingEvents()).toEqual([]);
    expect(await deliveries.list()).toHaveLength(1);
  });

  it('when the process stops between the save and the hand-over, then a worker started on the same store delivers the event exactly once', async () => {
    const base = createMemoryStore();
    const first = await setup(['*'], {
      ...base,
      markHandedOver: () => Promise.reject(new Error('process stopped')),
    });
    await first.store.saveConversation(qualifiedConversation());
    expect(await first.deliveries.list()).toHaveLength(1);

    const second = await setup(['*'], base, first.deliveries);
    await second.worker.refresh();
    await second.worker.refresh();
    expect(await base.pendingEvents()).toEqual([]);
    expect((await first.deliveries.list()).map((d) => d.eventId)).toEqual(['evt-conv-q1-1']);
    expect(second.log.filter((l) => l.startsWith('record'))).toEqual(['record lead.qualified']);
  });

  it('when a conversation is erased through the decorator, then the store underneath forgets it', async () => {
    const { store, base } = await setup();
    const saved = await store.saveConversation(unqualified());
    expect(await store.eraseConversation(saved.id)).toBe(true);
    expect(await base.getConversation(saved.id)).toBeNull();
  });
});
