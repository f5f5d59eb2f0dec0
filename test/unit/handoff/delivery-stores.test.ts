import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeliveryStore } from '../../../src/handoff/delivery/delivery-store.js';
import { createLowdbDeliveryStore } from '../../../src/handoff/delivery/lowdb-delivery-store.js';
import { createMemoryDeliveryStore } from '../../../src/handoff/delivery/memory-delivery-store.js';
import { deliveryRecord, tempDataDir } from './handoff-fixtures.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  await data.remove();
});

const record = deliveryRecord;

const ADAPTERS: [string, () => Promise<DeliveryStore>][] = [
  ['memory', async () => createMemoryDeliveryStore()],
  ['lowdb', () => createLowdbDeliveryStore({ dataDir: data.dir })],
];

describe.each(ADAPTERS)('the %s delivery store', (_, open) => {
  it("when a conversation's deliveries are deleted, then they are gone for good and the others stay", async () => {
    const store = await open();
    await store.create(record('e1', { conversationId: 'conv-a' }));
    await store.create(record('e2', { conversationId: 'conv-a', status: 'delivered' }));
    await store.create(record('e3', { conversationId: 'conv-b' }));
    expect(await store.deleteForConversation('conv-a')).toBe(2);
    expect((await store.list()).map((d) => d.eventId)).toEqual(['e3']);
    expect((await store.listActive()).map((d) => d.eventId)).toEqual(['e3']);
    // An attempt that was in flight saves its outcome afterwards: it is not written back.
    await store.save(record('e1', { conversationId: 'conv-a', status: 'dead' }));
    expect(await store.get(record('e1').id)).toBeNull();
    expect(await store.deleteForConversation('conv-a')).toBe(0);
  });

  it('when a record is created twice, then the first one stays and the second call says so', async () => {
    const store = await open();
    expect((await store.create(record('e1'))).created).toBe(true);
    const again = await store.create(record('e1', { eventType: 'something.else' }));
    expect(again).toMatchObject({ created: false, delivery: { eventType: 'lead.qualified' } });
  });

  it('when records change status, then listActive returns only those still waiting', async () => {
    const store = await open();
    await store.create(record('e1'));
    await store.create(record('e2'));
    await store.create(record('e3', { status: 'failed-retrying' }));
    await store.save(record('e2', { status: 'delivered', nextAttemptAt: null }));
    expect((await store.listActive()).map((d) => d.eventId).sort()).toEqual(['e1', 'e3']);
  });

  it('when listing with a status or destination, then only matching records come back, newest first', async () => {
    const store = await open();
    await store.create(record('e1', { status: 'dead', createdAt: '2026-03-03T15:00:00.000Z' }));
    await store.create(record('e2', { status: 'dead', createdAt: '2026-03-03T16:00:00.000Z' }));
    await store.create(record('e3'));
    expect((await store.list({ status: 'dead' })).map((d) => d.eventId)).toEqual(['e2', 'e1']);
    expect(await store.list({ destinationId: 'slack' })).toEqual([]);
  });

  it("when listing one conversation's deliveries, then only its records come back, newest first", async () => {
    const store = await open();
    await store.create(
      record('e1', { conversationId: 'conv-a', createdAt: '2026-03-03T15:00:00.000Z' }),
    );
    await store.create(record('e2', { conversationId: 'conv-b' }));
    await store.create(
      record('e3', { conversationId: 'conv-a', createdAt: '2026-03-03T16:00:00.000Z' }),
    );
    const ids = async (f: Parameters<DeliveryStore['list']>[0]) =>
      (await store.list(f)).map((d) => d.eventId);
    expect(await ids({ conversationId: 'conv-a' })).toEqual(['e3', 'e1']);
    expect(await ids({ conversationId: 'conv-a', status: 'delivered' })).toEqual([]);
    expect(await ids({ conversationId: 'conv-c' })).toEqual([]);
  });

  it('when a caller changes a record it got, then the stored one does not change', async () => {
    const store = await open();
    await store.create(record('e1'));
    const got = await store.get(record('e1').id);
    got?.attempts.push({
      at: '2026-03-03T15:00:00.000Z',
      status: 500,
      durationMs: 1,
      responseSnippet: null,
      error: null,
    });
    expect((await store.get(record('e1').id))?.attempts).toEqual([]);
  });

  it('when a destination is disabled and enabled again, then the list of disabled destinations follows', async () => {
    const store = await open();
    const off = {
      destinationId: 'crm',
      url: 'https://crm.example/hook',
      at: '2026-03-03T15:00:00.000Z',
      reason: '410',
    };
    await store.setDestinationDisabled('crm', off);
    expect(await store.disabledDestinations()).toEqual([off]);
    await store.setDestinationDisabled('crm', null);
    expect(await store.disabledDestinations()).toEqual([]);
  });
});

describe('the lowdb delivery store on disk', () => {
  it('when the store is reopened (a restart), then records, the active index and disabled destinations are all there', async () => {
    const first = await createLowdbDeliveryStore({ dataDir: data.dir });
    await first.create(record('e1'));
    await first.create(record('e2', { status: 'dead', nextAttemptAt: null }));
    await first.setDestinationDisabled('old', {
      destinationId: 'old',
      url: 'https://old.example',
      at: '2026-03-03T15:00:00.000Z',
      reason: 'gone',
    });
    await first.close();

    const second = await createLowdbDeliveryStore({ dataDir: data.dir });
    expect((await second.listActive()).map((d) => d.eventId)).toEqual(['e1']);
    expect(await second.list()).toHaveLength(2);
    expect(await second.disabledDestinations()).toHaveLength(1);
  });

  it('when a delivery finishes, then it leaves the active index (one small file per waiting delivery)', async () => {
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    await store.create(record('e1'));
    expect(await readdir(join(data.dir, 'outbox', 'active'))).toEqual([record('e1').id]);
    await store.save(record('e1', { status: 'delivered', nextAttemptAt: null }));
    expect(await readdir(join(data.dir, 'outbox', 'active'))).toEqual([]);
  });

  it('when a record file is damaged, then reading it fails naming the file', async () => {
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    const id = record('e1').id;
    await writeFile(join(data.dir, 'outbox', 'deliveries', `${id}.json`), '{ "id": ');
    await expect(store.get(id)).rejects.toMatchObject({
      code: 'INTERNAL',
      message: expect.stringContaining(`${id}.json is not valid JSON`),
    });
  });

  it('when an id is not a delivery id, then nothing touches the disk', async () => {
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    await expect(store.get('../../etc/passwd')).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
