import { existsSync } from 'node:fs';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runDeliveriesCli } from '../../../src/cli/deliveries.js';
import { deliveryIdFor, type Delivery } from '../../../src/handoff/delivery/delivery-schema.js';
import { createLowdbDeliveryStore } from '../../../src/handoff/delivery/lowdb-delivery-store.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import { SECRET, tempDataDir } from './handoff-fixtures.js';

let data: Awaited<ReturnType<typeof tempDataDir>>;
beforeEach(async () => {
  data = await tempDataDir();
});
afterEach(async () => {
  await data.remove();
});

const DEAD = deliveryIdFor('evt-1', 'default');

function delivery(
  eventId: string,
  status: Delivery['status'],
  attempts: Delivery['attempts'] = [],
): Delivery {
  return {
    id: deliveryIdFor(eventId, 'default'),
    eventId,
    eventType: 'lead.qualified',
    occurredAt: '2026-03-03T15:00:00.000Z',
    conversationId: 'conv-1',
    destinationId: 'default',
    status,
    createdAt: `2026-03-03T15:0${eventId.slice(-1)}:00.000Z`,
    updatedAt: '2026-03-03T15:00:00.000Z',
    nextAttemptAt: null,
    roundStart: 0,
    reason: status === 'dead' ? 'gave up after 9 attempts' : null,
    attempts,
  };
}

async function seed(): Promise<void> {
  const store = await createLowdbDeliveryStore({ dataDir: data.dir });
  await store.create(
    delivery('evt-1', 'dead', [
      {
        at: '2026-03-03T15:00:00.000Z',
        status: 503,
        durationMs: 12,
        responseSnippet: 'busy',
        error: null,
      },
    ]),
  );
  await store.create(delivery('evt-2', 'delivered'));
  await store.close();
}

const SERVER_ENV = (): NodeJS.ProcessEnv => ({
  DATA_DIR: data.dir,
  CRM_WEBHOOK_URL: 'https://crm.example/hook',
  CRM_WEBHOOK_SECRET: SECRET,
});

/** Runs the CLI in `cwd` (the data folder by default) with the server's environment, or `env`. */
async function cliIn(
  env: NodeJS.ProcessEnv,
  cwd: string,
  argv: string[],
): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runDeliveriesCli(argv, {
    out: (l) => out.push(l),
    err: (l) => err.push(l),
    env,
    cwd,
  });
  return { code, out, err };
}
const cli = (...argv: string[]) => cliIn(SERVER_ENV(), data.dir, argv);

describe('npm run deliveries', () => {
  it('when an operator lists dead deliveries, then each shows its id, destination, event, attempts and last outcome', async () => {
    await seed();
    const { code, out } = await cli('list', '--status', 'dead');
    expect(code).toBe(0);
    expect(out[0]).toBe(`Deliveries in ${data.dir} (DATA_DIR), newest first:`);
    expect(out[1]).toMatch(/^id\s+status\s+destination\s+event\s+attempts\s+last outcome/);
    expect(out.slice(2)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${DEAD}\\s+dead\\s+default\\s+lead\\.qualified\\s+1\\s+HTTP 503\\s+gave up after 9 attempts$`,
        ),
      ),
    ]);
  });

  it('when an operator lists with --json, then the output is one JSON object', async () => {
    await seed();
    const { out } = await cli('list', '--json');
    expect(JSON.parse(out.join('\n'))).toMatchObject({
      total: 2,
      deliveries: [{ eventId: 'evt-2' }, { eventId: 'evt-1' }],
    });
  });

  it('when an operator lists without a status, then delivered ones are listed too', async () => {
    await seed();
    const { out } = await cli('list');
    expect(out.slice(2).map((l) => l.split(/\s+/)[1])).toEqual(['delivered', 'dead']);
  });

  it('when there is nothing to list, then it names the folder it read and where that came from, and creates nothing', async () => {
    expect((await cli('list')).out).toEqual([`No deliveries in ${data.dir} (DATA_DIR).`]);
    expect(await readdir(data.dir)).toEqual([]);
  });

  it('when DATA_DIR is not set in the shell, then list says it read the default ./data and does not create it', async () => {
    const { code, out } = await cliIn({}, data.dir, ['list']);
    expect([code, out]).toEqual([
      0,
      [
        `No deliveries in ${join(data.dir, 'data')} (the default ./data; DATA_DIR is not set in this shell).`,
      ],
    ]);
    expect(existsSync(join(data.dir, 'data'))).toBe(false);
  });

  it('when the config file sets dataDir and a header token, then the CLI reads that folder and needs no token in its shell', async () => {
    await mkdir(join(data.dir, 'srv'));
    const dataDir = join(data.dir, 'srv');
    const store = await createLowdbDeliveryStore({ dataDir });
    await store.create({ ...delivery('evt-5', 'dead'), destinationId: 'hubspot' });
    await store.close();
    const crm = {
      destinations: [
        {
          id: 'hubspot',
          url: 'https://api.hubapi.example/upsert',
          headers: { Authorization: 'Bearer ${HUBSPOT_TOKEN}' },
          template: 'hubspot-contact',
        },
      ],
    };
    await writeFile(
      join(data.dir, 'leadbot.config.json'),
      JSON.stringify({ dataDir, promptsDir: PROMPTS_DIR, crm }),
    );
    const listed = await cliIn({}, data.dir, ['list']);
    expect(listed.out[0]).toBe(
      `Deliveries in ${dataDir} (dataDir in ${join(data.dir, 'leadbot.config.json')}), newest first:`,
    );
    const { code, out, err } = await cliIn({}, data.dir, [
      'redeliver',
      delivery('evt-5', 'dead').id,
    ]);
    expect([code, err]).toEqual([0, []]);
    expect(out[0]).toMatch(/^queued dlv_\w+ \(lead\.qualified, webhook-id evt-5\) for "hubspot"/);
  });

  it('when a delivery of the "default" destination is redelivered without CRM_WEBHOOK_URL in the shell, then it says that variable is missing', async () => {
    await seed();
    const { code, err } = await cliIn({ DATA_DIR: data.dir }, data.dir, ['redeliver', DEAD]);
    expect(code).toBe(1);
    expect(err[0]).toBe(
      'deliveries: destination "default" is set up by CRM_WEBHOOK_URL, which is not set in this shell: run the command with the server\'s environment (CRM_WEBHOOK_URL, CRM_WEBHOOK_SECRET, DATA_DIR)',
    );
  });

  it('when an unknown destination is enabled, then it names the config it read and the destinations it has', async () => {
    await seed();
    const { code, err } = await cli('enable', 'hubspot');
    expect([code, err]).toEqual([
      1,
      [
        `deliveries: no destination "hubspot" in the config (no leadbot.config.json in ${data.dir}; LEADBOT_CONFIG is not set) (configured here: "default")`,
      ],
    ]);
  });

  it('when the data folder has no outbox, then redeliver says so and creates nothing', async () => {
    const { code, err } = await cli('redeliver', DEAD);
    expect([code, err]).toEqual([
      1,
      [`deliveries: no outbox in ${data.dir} (DATA_DIR): is this the server's data folder?`],
    ]);
    expect(await readdir(data.dir)).toEqual([]);
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
    await seed();
    const { code, err } = await cli('redeliver', deliveryIdFor('evt-404', 'default'));
    expect(code).toBe(1);
    expect(err[0]).toMatch(/no delivery with id/);
  });

  it.each([
    [[]],
    [['list', '--status', 'lost']],
    [['redeliver']],
    [['purge']],
    [['list', '--limit', '0']],
  ])('when the command line is %j, then usage is printed with exit code 2', async (argv) => {
    const { code, err } = await cli(...argv);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain('usage: npm run deliveries');
  });

  it('when an operator enables a destination disabled by a 410, then its held-back deliveries are queued', async () => {
    const store = await createLowdbDeliveryStore({ dataDir: data.dir });
    await store.create(delivery('evt-3', 'disabled'));
    await store.setDestinationDisabled('default', {
      destinationId: 'default',
      url: 'https://crm.example/hook',
      at: '2026-03-03T15:00:00.000Z',
      reason: 'gone',
    });
    const { code, out } = await cli('enable', 'default');
    expect([code, out[0]]).toEqual([0, 'enabled "default"; 1 held-back delivery queued.']);
    expect(await store.disabledDestinations()).toEqual([]);
    expect((await store.get(deliveryIdFor('evt-3', 'default')))?.status).toBe('pending');
  });
});
