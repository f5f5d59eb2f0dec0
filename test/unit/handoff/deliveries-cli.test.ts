import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeliveriesCli } from '../../../src/cli/deliveries.js';
import { deliveryIdFor, type Delivery } from '../../../src/handoff/delivery-schema.js';
import { createLowdbDeliveryStore } from '../../../src/handoff/lowdb-delivery-store.js';
import { SECRET, tempDataDir } from './handoff-fixtures.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  await data.remove();
});

const DEAD = deliveryIdFor('evt-1', 'default');

function delivery(eventId: string, status: Delivery['status'], attempts: Delivery['attempts'] = []): Delivery {
  return {
    id: deliveryIdFor(eventId, 'default'), eventId, eventType: 'lead.qualified', occurredAt: '2026-03-03T15:00:00.000Z', conversationId: 'conv-1', destinationId: 'default',
    status, createdAt: `2026-03-03T15:0${eventId.slice(-1)}:00.000Z`, updatedAt: '2026-03-03T15:00:00.000Z', nextAttemptAt: null, roundStart: 0,
    reason: status === 'dead' ? 'gave up after 9 attempts' : null, attempts,
  };
}

async function seed(): Promise<void> {
  const store = await createLowdbDeliveryStore({ dataDir: data.dir });
  await store.create(delivery('evt-1', 'dead', [{ at: '2026-03-03T15:00:00.000Z', status: 503, durationMs: 12, responseSnippet: 'busy', error: null }]));
  await store.create(delivery('evt-2', 'delivered'));
  await store.close();
}

async function cli(...argv: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const env = { DATA_DIR: data.dir, CRM_WEBHOOK_URL: 'https://crm.example/hook', CRM_WEBHOOK_SECRET: SECRET };
  const code = await runDeliveriesCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l), env, cwd: data.dir });
  return { code, out, err };
}

describe('npm run deliveries', () => {
  it('when an operator lists dead deliveries, then each shows its id, destination, event, attempts and last outcome', async () => {
    await seed();
    const { code, out } = await cli('list', '--status', 'dead');
    expect(code).toBe(0);
    expect(out[0]).toMatch(/^id\s+status\s+destination\s+event\s+attempts\s+last outcome/);
    expect(out.slice(1)).toEqual([expect.stringMatching(new RegExp(`^${DEAD}\\s+dead\\s+default\\s+lead\\.qualified\\s+1\\s+HTTP 503\\s+gave up after 9 attempts$`))]);
  });

  it('when an operator lists with --json, then the output is one JSON object', async () => {
    await seed();
    const { out } = await cli('list', '--json');
    expect(JSON.parse(out.join('\n'))).toMatchObject({ total: 2, deliveries: [{ eventId: 'evt-2' }, { eventId: 'evt-1' }] });
  });

  it('when there is nothing to list, then it says so', async () => {
    expect((await cli('list')).out).toEqual(['No deliveries.']);
  });

  it('when an operator redelivers a dead delivery, then it is stored as pending for the server to send, with the same webhook-id', async () => {
    await seed();
    const { code, out } = await cli('redeliver', DEAD);
    expect(code).toBe(0);
    expect(out[0]).toContain('webhook-id evt-1');
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    expect(await store.get(DEAD)).toMatchObject({ status: 'pending', roundStart: 1, reason: null });
    expect((await store.listActive()).map((d) => d.id)).toEqual([DEAD]);
  });

  it('when an operator redelivers an unknown delivery, then it fails with exit code 1 and says why', async () => {
    const { code, err } = await cli('redeliver', deliveryIdFor('evt-404', 'default'));
    expect(code).toBe(1);
    expect(err[0]).toMatch(/no delivery with id/);
  });

  it.each([[[]], [['list', '--status', 'lost']], [['redeliver']], [['purge']], [['list', '--limit', '0']]])('when the command line is %j, then usage is printed with exit code 2', async (argv) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('usage: npm run deliveries');
  });

  it('when an operator enables a destination disabled by a 410, then its held-back deliveries are queued', async () => {
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    await store.create(delivery('evt-3', 'disabled'));
    await store.setDestinationDisabled('default', { destinationId: 'default', url: 'https://crm.example/hook', at: '2026-03-03T15:00:00.000Z', reason: 'gone' });
    const { code, out } = await cli('enable', 'default');
    expect([code, out[0]]).toEqual([0, 'enabled "default"; 1 held-back delivery queued.']);
    expect(await store.disabledDestinations()).toEqual([]);
    expect((await store.get(deliveryIdFor('evt-3', 'default')))?.status).toBe('pending');
  });
});
