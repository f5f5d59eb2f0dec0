import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import type { DeliveryStore } from '../../../src/handoff/delivery-store.js';
import { createDeliveryWorker } from '../../../src/handoff/delivery-worker.js';
import { createMemoryDeliveryStore } from '../../../src/handoff/memory-delivery-store.js';
import { createMemoryOutboxMarkers } from '../../../src/handoff/memory-outbox-markers.js';
import type { OutboxMarkers } from '../../../src/handoff/outbox-markers.js';
import { withOutbox } from '../../../src/handoff/with-outbox.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import type { Store } from '../../../src/store/store.js';
import {
  destinationsFor,
  fakeClock,
  leadOf,
  qualifiedConversation,
  recordingLogger,
  SQL_VALUES,
} from './handoff-fixtures.js';

/** The decorated store over memory parts, with every write to the parts logged in order. */
async function setup(destinationEvents: string[] = ['*']) {
  const log: string[] = [];
  const base = createMemoryStore();
  const markers = createMemoryOutboxMarkers();
  const deliveries = createMemoryDeliveryStore();
  const loggedBase: Store = {
    ...base,
    saveConversation: (c) => (
      log.push(`save ${c.outbox.map((e) => e.type).join(',') || '-'}`),
      base.saveConversation(c)
    ),
  };
  const loggedMarkers: OutboxMarkers = {
    ...markers,
    add: (id, ids) => (log.push(`mark ${ids.length}`), markers.add(id, ids)),
    remove: (id, ids) => (log.push(`unmark ${ids.length}`), markers.remove(id, ids)),
  };
  const loggedDeliveries: DeliveryStore = {
    ...deliveries,
    create: (d) => (log.push(`record ${d.eventType}`), deliveries.create(d)),
  };
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: 'https://crm.example/hook', events: destinationEvents }],
  });
  const clock = fakeClock();
  let n = 0;
  const worker = createDeliveryWorker({
    store: base,
    deliveries: loggedDeliveries,
    markers: loggedMarkers,
    destinations,
    config,
    clock: clock.now,
    logger: recordingLogger(),
    newId: () => `upd-${++n}`,
  });
  await worker.start({ loop: false });
  return { store: withOutbox(loggedBase, worker.outbox), base, markers, deliveries, worker, log };
}

const unqualified = (): Conversation =>
  qualifiedConversation(
    { qualifiedAt: null, lead: leadOf({ 'need.summary': 'too many leads' }) },
    [],
  );

describe('saving through the outbox decorator', () => {
  it('when a save adds an event, then the marker is written first, then the conversation, then the delivery record, then the marker is cleared', async () => {
    const { store, markers, log } = await setup();
    await store.saveConversation(qualifiedConversation());
    expect(log).toEqual(['mark 1', 'save lead.qualified', 'record lead.qualified', 'unmark 1']);
    expect(await markers.list()).toEqual([]);
  });

  it('when a save adds no event, then it is a plain save: no marker, no record', async () => {
    const { store, log } = await setup();
    await store.saveConversation(unqualified());
    await store.saveConversation({ ...unqualified(), updatedAt: '2030-03-04T10:05:00.000Z' });
    expect(log).toEqual(['save -', 'save -']);
  });

  it('when the same events are saved again, then no second record is made', async () => {
    const { store, deliveries } = await setup();
    const conv = qualifiedConversation();
    await store.saveConversation(conv);
    await store.saveConversation({ ...conv, updatedAt: '2030-03-04T10:05:00.000Z' });
    expect(await deliveries.list()).toHaveLength(1);
  });

  it('when a destination filters events, then only matching events get a record, and the marker is cleared for all', async () => {
    const { store, deliveries, markers } = await setup(['meeting.*']);
    await store.saveConversation(qualifiedConversation({}, [{}, { type: 'meeting.booked' }]));
    expect((await deliveries.list()).map((d) => d.eventType)).toEqual(['meeting.booked']);
    expect(await markers.list()).toEqual([]);
  });

  it.each([
    [
      'the values stay the same (a new quote for the same value)',
      (c: Conversation) => ({ ...c, lead: leadOf(SQL_VALUES, '2026-03-03T15:09:00.000Z') }),
    ],
    [
      'only the transcript grows',
      (c: Conversation) => ({
        ...c,
        messages: [
          ...c.messages,
          { id: 'm9', role: 'visitor' as const, text: 'thanks', at: c.createdAt },
        ],
      }),
    ],
  ])('when %s, then no lead.updated is added', async (_, change) => {
    const { store, base } = await setup();
    const conv = qualifiedConversation();
    await store.saveConversation(conv);
    await store.saveConversation(change(conv));
    expect((await base.getConversation(conv.id))?.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
    ]);
  });

  it('when the save that qualifies the lead also changes its record, then only lead.qualified is sent (it carries the record)', async () => {
    const { store, base } = await setup();
    await store.saveConversation(unqualified());
    await store.saveConversation(qualifiedConversation());
    expect((await base.getConversation('conv-q1'))?.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
    ]);
  });

  it('when the save that asks for a person also gives the email, then only lead.handoff_requested is sent (it carries the email)', async () => {
    const { store, base } = await setup();
    await store.saveConversation(unqualified());
    const event = {
      id: 'evt-h1',
      type: 'lead.handoff_requested',
      occurredAt: '2026-03-03T15:00:00.000Z',
      conversationId: 'conv-q1',
    };
    await store.saveConversation({
      ...unqualified(),
      handoffRequested: true,
      outbox: [event],
      lead: leadOf({ 'need.summary': 'too many leads', 'contact.email': 'kim@northwind.example' }),
    });
    expect((await base.getConversation('conv-q1'))?.outbox.map((e) => e.type)).toEqual([
      'lead.handoff_requested',
    ]);
  });

  it('when a lead that is not qualified changes, then no lead.updated is added', async () => {
    const { store, base } = await setup();
    await store.saveConversation(unqualified());
    await store.saveConversation({
      ...unqualified(),
      lead: leadOf({ 'need.summary': 'fewer lost leads' }),
    });
    expect((await base.getConversation('conv-q1'))?.outbox).toEqual([]);
  });

  it('when the caller saves an older copy without an event an earlier save added, then that event is kept', async () => {
    const { store, base } = await setup();
    const conv = qualifiedConversation();
    await store.saveConversation(conv);
    const updated = {
      id: 'evt-u1',
      type: 'lead.updated',
      occurredAt: '2026-03-03T15:05:00.000Z',
      conversationId: conv.id,
    };
    await store.saveConversation({ ...conv, outbox: [...conv.outbox, updated] });
    await store.saveConversation({ ...conv, updatedAt: '2030-03-04T10:05:00.000Z' });
    expect((await base.getConversation(conv.id))?.outbox.map((e) => e.type)).toEqual([
      'lead.qualified',
      'lead.updated',
    ]);
  });

  it('when the save itself fails, then the error reaches the caller and the marker names events that a restart will drop', async () => {
    const { markers, worker } = await setup();
    const failing: Store = {
      ...createMemoryStore(),
      saveConversation: () => Promise.reject(new Error('disk full')),
    };
    const store = withOutbox(failing, worker.outbox);
    await expect(store.saveConversation(qualifiedConversation())).rejects.toThrow('disk full');
    expect(await markers.list()).toEqual([
      { conversationId: 'conv-q1', eventIds: ['evt-conv-q1-1'] },
    ]);
  });

  it('when the hand-over fails after the save, then the save still succeeds and the next refresh hands the events over', async () => {
    const { store, markers, deliveries, worker } = await setup();
    const original = deliveries.create;
    deliveries.create = () => Promise.reject(new Error('disk hiccup'));
    await store.saveConversation(qualifiedConversation());
    expect(await markers.list()).toHaveLength(1);
    deliveries.create = original;
    await worker.refresh();
    expect(await markers.list()).toEqual([]);
    expect(await deliveries.list()).toHaveLength(1);
  });
});
