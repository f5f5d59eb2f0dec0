import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { runDeliveriesCli } from '../../src/cli/deliveries.js';
import { deliveryIdFor } from '../../src/handoff/delivery-schema.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  qualifiedConversation,
  SECRET,
  startInstance,
  type FakeClock,
  type Instance,
} from '../unit/handoff/handoff-fixtures.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import type { TempDir } from '../helpers/temp-dir-for-test.js';
import { startHandoffTestBed } from './handoff-test-bed.js';

let crm: CrmReceiver;
let data: TempDir;
let clock: FakeClock;
beforeEach(async () => ({ crm, data, clock } = await startHandoffTestBed()));

const DELIVERY_ID = deliveryIdFor('evt-conv-q1-1', 'crm');
/** The wall clock, for the production loop (standardwebhooks checks timestamps against it too). */
const wallClock: FakeClock = {
  now: () => new Date(),
  advance: () => undefined,
  set: () => undefined,
};

/**
 * The server and the CLI share one folder and one leadbot.config.json (as they do when an
 * operator runs `npm run deliveries` beside the server); each is its own set of objects.
 */
async function startServer(clock: FakeClock, url = crm.url): Promise<Instance> {
  const crmConfig = { destinations: [{ id: 'crm', url, secret: SECRET }], retrySchedule: ['1h'] };
  await writeFile(
    join(data.dir, 'leadbot.config.json'),
    JSON.stringify({ dataDir: data.dir, crm: crmConfig }),
  );
  const { config, destinations } = destinationsFor(crmConfig);
  return startInstance({ dataDir: data.dir, clock, config, destinations });
}

async function cli(...argv: string[]): Promise<string[]> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeliveriesCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env: {},
    cwd: data.dir,
  });
  expect({ code, err }).toEqual({ code: 0, err: [] });
  return out;
}

/** A server whose destination "crm" answered 410 Gone to the first qualified conversation. */
async function serverWithCrmDisabled(): Promise<Instance> {
  crm.respond({ status: 410 });
  const server = await startServer(clock);
  await server.store.saveConversation(qualifiedConversation());
  await server.worker.runDue();
  expect((await server.deliveries.get(DELIVERY_ID))?.status).toBe('disabled');
  return server;
}

describe('the CLI beside a running server', () => {
  it('when the CLI redelivers a delivery the server has waiting an hour, then the server sends it at its next refresh', async () => {
    crm.respond({ status: 503 });
    const server = await startServer(wallClock);
    await server.worker.start({ loop: true, intervalMs: 20, refreshMs: 100 });
    try {
      await server.store.saveConversation(qualifiedConversation());
      await vi.waitFor(async () =>
        expect((await server.deliveries.get(DELIVERY_ID))?.status).toBe('failed-retrying'),
      );

      await cli('redeliver', DELIVERY_ID);
      await vi.waitFor(() => expect(crm.processed.size).toBe(1), { timeout: 3000 });
      expect(crm.requests.map((r) => [r.answered, r.verifiedWith])).toEqual([
        [503, [0]],
        [204, [0]],
      ]);
    } finally {
      await server.worker.stop();
    }
  });

  it('when the CLI enables a destination, then an event the server held back meanwhile (its cache still said disabled) is sent after its refresh', async () => {
    const server = await serverWithCrmDisabled();

    expect(await cli('enable', 'crm')).toEqual(['enabled "crm"; 1 held-back delivery queued.']);
    await server.store.saveConversation(qualifiedConversation({ id: 'conv-q2' }));
    expect((await server.deliveries.get(deliveryIdFor('evt-conv-q2-1', 'crm')))?.status).toBe(
      'disabled',
    );

    await server.worker.refresh();
    clock.advance(2000); // the CLI stamped its requeue with the wall clock, a little ahead of the test clock
    await server.worker.runDue();
    expect([...crm.processed.keys()].sort()).toEqual(['evt-conv-q1-1', 'evt-conv-q2-1']);
  });

  it('when the config gives a destination a new URL after a 410, then the next start sends the held-back events to the new URL', async () => {
    await serverWithCrmDisabled();

    const moved = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
    const after = await startServer(clock, moved.url);
    await after.worker.runDue();
    expect([...moved.processed.keys()]).toEqual(['evt-conv-q1-1']);
    expect(moved.requests[0]?.verifiedWith).toEqual([0]);
    expect(await after.deliveries.disabledDestinations()).toEqual([]);
  });
});
