import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Conversation } from '../../src/conversation/conversation-schema.js';
import { deliveryIdFor } from '../../src/handoff/delivery-schema.js';
import type { DeliveryStore } from '../../src/handoff/delivery-store.js';
import type { Store } from '../../src/store/store.js';
import type { CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  qualifiedConversation,
  SECRET,
  startInstance,
  type FakeClock,
  type InstanceOptions,
} from '../unit/handoff/handoff-fixtures.js';
import type { TempDir } from '../helpers/temp-dir-for-test.js';
import { startHandoffTestBed } from './handoff-test-bed.js';

class Crash extends Error {
  constructor(step: string) {
    super(`simulated crash ${step}`);
  }
}

let crm: CrmReceiver;
let data: TempDir;
let clock: FakeClock;
beforeEach(async () => ({ crm, data, clock } = await startHandoffTestBed()));

const QUALIFIED = qualifiedConversation();
const EVENT_ID = QUALIFIED.outbox[0]?.id ?? '';
const DELIVERY_ID = deliveryIdFor(EVENT_ID, 'crm');
/** The same conversation one turn earlier: not qualified yet, nothing in the outbox. */
const BEFORE: Conversation = { ...QUALIFIED, qualifiedAt: null, outbox: [], lead: {} };

function options(wrap: InstanceOptions['wrap'] = {}): InstanceOptions {
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: crm.url, secret: SECRET }],
  });
  return { dataDir: data.dir, clock, config, destinations, wrap };
}

/** A Store that dies when the qualifying version is saved: the marker is written, the save is not. */
const dieOnQualifyingSave = (s: Store): Store => ({
  ...s,
  saveConversation: (c) =>
    c.qualifiedAt !== null ? Promise.reject(new Crash('after the marker')) : s.saveConversation(c),
});
/** A DeliveryStore that dies before creating any record: the conversation is saved, nothing handed over. */
const dieOnCreate = (d: DeliveryStore): DeliveryStore => ({
  ...d,
  create: () => Promise.reject(new Crash('after the save')),
});
/** A DeliveryStore that dies when recording a success: the receiver has the event, the record says pending. */
const dieOnRecordingSuccess = (d: DeliveryStore): DeliveryStore => ({
  ...d,
  save: (r) => (r.status === 'delivered' ? Promise.reject(new Crash('after the POST')) : d.save(r)),
});

/** The first run: saves the earlier turn, then the qualifying one (which may crash), and runs what is due. */
async function firstRun(wrap: InstanceOptions['wrap'], send: boolean): Promise<void> {
  const app = await startInstance(options(wrap));
  await app.store.saveConversation(BEFORE);
  await app.store.saveConversation(QUALIFIED).catch((e: unknown) => {
    if (!(e instanceof Crash)) throw e;
  });
  if (send) await app.worker.runDue();
  // The process is gone: its objects are dropped without closing anything.
}

describe('a crash between qualifying a lead and delivering its handoff', () => {
  it.each([
    [
      'after the marker was written, before the conversation was saved',
      { base: dieOnQualifyingSave },
      false,
      false,
    ],
    [
      'after the conversation was saved, before its delivery record existed',
      { deliveries: dieOnCreate },
      true,
      false,
    ],
    ['after the delivery record was created, before the first attempt', {}, true, false],
    [
      'after the CRM accepted the POST, before the success was recorded',
      { deliveries: dieOnRecordingSuccess },
      true,
      true,
    ],
  ] as const)(
    'when the process stops %s, then after a restart the CRM processes the handoff exactly once',
    async (_, wrap, saved, send) => {
      await firstRun(wrap, send);

      let app = await startInstance(options());
      const stored = await app.base.getConversation(QUALIFIED.id);
      expect(stored?.qualifiedAt !== null).toBe(saved);
      if (!saved) {
        // The qualifying turn never reached the disk, so nothing may be sent for it; the marker it
        // left is gone. When the turn is saved again (the visitor's next message), it goes out.
        expect(await app.markers.list()).toEqual([]);
        expect(await app.deliveries.list()).toEqual([]);
        await app.store.saveConversation(QUALIFIED);
      }
      await app.worker.runDue();

      expect(await app.deliveries.get(DELIVERY_ID)).toMatchObject({ status: 'delivered' });
      expect(await app.markers.list()).toEqual([]);
      expect([...crm.processed.keys()]).toEqual([EVENT_ID]);
      // At least once: only the step "after the POST" sends twice, with the same webhook-id.
      expect(
        crm.requests.every((r) => r.webhookId === EVENT_ID && r.verifiedWith.length === 1),
      ).toBe(true);
      expect(crm.countOf(EVENT_ID)).toBe(send ? 2 : 1);

      // Another restart sends nothing more.
      app = await startInstance(options());
      await app.worker.runDue();
      expect(app.worker.nextDueAt()).toBeNull();
      expect(crm.countOf(EVENT_ID)).toBe(send ? 2 : 1);
    },
  );

  it('when the process stops after recording the success but before clearing its index entry, then a restart sends nothing again', async () => {
    const app = await startInstance(options());
    await app.store.saveConversation(QUALIFIED);
    await app.worker.runDue();
    // The leftover the crash would leave: the delivered record is still listed as active.
    await writeFile(join(data.dir, 'outbox', 'active', DELIVERY_ID), '');

    const again = await startInstance(options());
    await again.worker.runDue();
    expect(again.worker.nextDueAt()).toBeNull();
    expect(crm.countOf(EVENT_ID)).toBe(1);
  });

  it('when a brand-new conversation crashes between its marker and its first save, then the restart drops the marker and sends nothing', async () => {
    const app = await startInstance(options({ base: dieOnQualifyingSave }));
    await app.store.saveConversation(QUALIFIED).catch(() => undefined);
    expect(await app.markers.list()).toEqual([
      { conversationId: QUALIFIED.id, eventIds: [EVENT_ID] },
    ]);

    const again = await startInstance(options());
    expect(await again.markers.list()).toEqual([]);
    await again.worker.runDue();
    expect(crm.requests).toEqual([]);
  });
});
