import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Delivery } from '../../src/handoff/delivery-schema.js';
import { deliveryIdFor } from '../../src/handoff/delivery-schema.js';
import type { HandoffPacket } from '../../src/handoff/build-handoff.js';
import { startCrmReceiver, type CrmReceiver } from '../fakes/crm-receiver.js';
import {
  destinationsFor,
  NEW_SECRET,
  qualifiedConversation,
  SECRET,
  startInstance,
  type FakeClock,
  type Instance,
} from '../unit/handoff/handoff-fixtures.js';
import type { TempDir } from '../helpers/temp-dir-for-test.js';
import { startHandoffTestBed } from './handoff-test-bed.js';

let crm: CrmReceiver;
let data: TempDir;
let clock: FakeClock;
beforeEach(async () => ({ crm, data, clock } = await startHandoffTestBed()));

const EVENT_ID = 'evt-conv-q1-1';
const DELIVERY_ID = deliveryIdFor(EVENT_ID, 'crm');

/** A server with one destination "crm" pointing at the receiver; `schedule` in the config's format. */
async function start(
  crmConfig: Record<string, unknown> = {},
  attemptTimeoutMs?: number,
): Promise<Instance> {
  const { config, destinations } = destinationsFor({
    destinations: [{ id: 'crm', url: crm.url, secret: SECRET }],
    retrySchedule: ['5s', '30s', '2m'],
    ...crmConfig,
  });
  return startInstance({ dataDir: data.dir, clock, config, destinations, attemptTimeoutMs });
}

/** Moves the clock to the next due attempt and runs it. */
async function runNext(app: Instance): Promise<void> {
  const next = app.worker.nextDueAt();
  if (next === null) throw new Error('nothing is due');
  if (next > clock.now()) clock.set(next);
  await app.worker.runDue();
}

async function record(app: Instance): Promise<Delivery> {
  const d = await app.deliveries.get(DELIVERY_ID);
  if (d === null) throw new Error('no delivery record');
  return d;
}

describe('delivering a handoff to a CRM', () => {
  it('when a lead is qualified, then the CRM receives the rep packet once, signed so standardwebhooks verifies it', async () => {
    const app = await start();
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();

    expect(crm.requests).toHaveLength(1);
    const [req] = crm.requests;
    expect(req?.verifiedWith).toEqual([0]);
    expect(req?.headers['webhook-id']).toBe(EVENT_ID);
    expect(req?.headers['webhook-timestamp']).toBe(
      String(Math.floor(clock.now().getTime() / 1000)),
    );
    expect(req?.headers['content-type']).toBe('application/json');
    const body = crm.processed.get(EVENT_ID) as HandoffPacket;
    expect(body).toMatchObject({
      type: 'lead.qualified',
      id: EVENT_ID,
      lead: {
        contact: { name: 'Kim Osei', email: 'kim.osei@northwind.example' },
        company: { name: 'Northwind Parcel', size: 120 },
        grade: 'hot',
        stage: 'SQL',
      },
      attribution: {
        page: 'https://beacon.example/pricing',
        referrer: 'https://search.example/',
        utm: { source: 'newsletter', campaign: 'spring' },
      },
      consent: { contact: true },
    });
    expect(body.summary).toMatch(
      /^Kim Osei, COO at Northwind Parcel \(120 people\): \$30K\/yr, live within a quarter, wants a demo\. Hot \(\d+\), SQL\.$/,
    );
    expect(body.lead.evidence['budget.amount']).toMatchObject({
      quote: 'quote for budget.amount',
      source: 'rules',
    });
    expect(body.transcript).toHaveLength(2);
    expect(await record(app)).toMatchObject({
      status: 'delivered',
      nextAttemptAt: null,
      attempts: [{ status: 204, error: null }],
    });
  });

  it('when the receiver fails for a while, then retries follow the schedule and it gets the event once per webhook-id', async () => {
    crm.respond({ status: 500, body: 'database is down' }, { status: 502 }, { drop: true });
    const app = await start();
    await app.store.saveConversation(qualifiedConversation());
    const t0 = clock.now().getTime();
    await app.worker.runDue();
    for (let i = 0; i < 3; i++) await runNext(app);

    const d = await record(app);
    expect(d.status).toBe('delivered');
    expect(d.attempts.map((a) => a.status)).toEqual([500, 502, null, 204]);
    expect(d.attempts[0]?.responseSnippet).toBe('database is down');
    expect(d.attempts[2]?.error).toMatch(/fetch failed/);
    // Waits of 5 s, 30 s and 2 min (no jitter in tests), measured from each failed attempt.
    expect(d.attempts.map((a) => (Date.parse(a.at) - t0) / 1000)).toEqual([0, 5, 35, 155]);
    expect(new Set(crm.requests.map((r) => r.webhookId))).toEqual(new Set([EVENT_ID]));
    expect(new Set(crm.requests.map((r) => r.headers['webhook-timestamp'])).size).toBe(4);
    expect(crm.processed.size).toBe(1);
  });

  it('when an attempt is not due yet, then nothing is sent early', async () => {
    crm.respond({ status: 503 });
    const app = await start();
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();
    clock.advance(4_999);
    await app.worker.runDue();
    expect(crm.requests).toHaveLength(1);
    expect((await record(app)).status).toBe('failed-retrying');
  });

  it('when the server restarts in the middle of the backoff, then the retry happens after the restart, at its time', async () => {
    crm.respond({ status: 503 });
    const before = await start();
    await before.store.saveConversation(qualifiedConversation());
    await before.worker.runDue();
    expect((await record(before)).status).toBe('failed-retrying');

    const after = await start(); // a new process on the same data folder
    expect(after.worker.nextDueAt()?.getTime()).toBe(
      Date.parse((await record(after)).nextAttemptAt ?? ''),
    );
    await runNext(after);
    expect(await record(after)).toMatchObject({
      status: 'delivered',
      attempts: [{ status: 503 }, { status: 204 }],
    });
    expect(crm.processed.size).toBe(1);
  });

  it('when every attempt fails, then the delivery is dead-lettered, and a redelivery sends it with the same webhook-id', async () => {
    crm.respond({ status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const app = await start();
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();
    for (let i = 0; i < 3; i++) await runNext(app);
    expect(await record(app)).toMatchObject({
      status: 'dead',
      nextAttemptAt: null,
      reason: 'gave up after 4 attempts',
    });
    expect(app.worker.nextDueAt()).toBeNull();
    expect(app.logger.entries.map((e) => e.message)).toContain('delivery dead-lettered');

    const queued = await app.worker.redeliver(DELIVERY_ID);
    expect(queued).toMatchObject({ status: 'pending', roundStart: 4 });
    await app.worker.runDue();
    expect(await record(app)).toMatchObject({ status: 'delivered' });
    expect(crm.requests.map((r) => r.webhookId)).toEqual(Array(5).fill(EVENT_ID));
    expect(crm.processed.size).toBe(1);
  });

  it('when the receiver answers 410 Gone, then the destination is disabled, later events are held back, and enabling it sends them', async () => {
    crm.respond({ status: 410 });
    const app = await start();
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();
    expect(await record(app)).toMatchObject({
      status: 'disabled',
      reason: `${crm.url} answered 410 Gone`,
    });
    expect(await app.deliveries.disabledDestinations()).toMatchObject([
      { destinationId: 'crm', url: crm.url },
    ]);

    await app.store.saveConversation(qualifiedConversation({ id: 'conv-q2' }));
    await app.worker.runDue();
    expect(crm.requests).toHaveLength(1);
    expect(await app.deliveries.get(deliveryIdFor('evt-conv-q2-1', 'crm'))).toMatchObject({
      status: 'disabled',
      attempts: [],
    });

    const restarted = await start(); // the disabled state survives a restart
    await expect(restarted.worker.redeliver(DELIVERY_ID)).rejects.toMatchObject({
      code: 'CONFLICT',
    });
    expect(await restarted.worker.enableDestination('crm')).toBe(2);
    await restarted.worker.runDue();
    expect([...crm.processed.keys()].sort()).toEqual(['evt-conv-q1-1', 'evt-conv-q2-1']);
  });

  it('when the receiver does not answer within the time limit, then the attempt is logged as timed out and retried', async () => {
    crm.respond({ hang: true });
    const app = await start({}, 150);
    await app.store.saveConversation(qualifiedConversation());
    await app.worker.runDue();
    expect(await record(app)).toMatchObject({
      status: 'failed-retrying',
      attempts: [{ status: null, error: 'timed out after 150 ms' }],
    });
    await runNext(app);
    expect((await record(app)).status).toBe('delivered');
  });

  it.each([
    ['seconds', '90', 90_000],
    ['an HTTP date', 'in 2 minutes', 120_000],
    ['seconds beyond the cap', '999999', 600_000],
  ])(
    'when the receiver sends Retry-After in %s, then the next attempt waits that long (capped)',
    async (_, header, waitMs) => {
      const value =
        header === 'in 2 minutes'
          ? new Date(clock.now().getTime() + 120_000).toUTCString()
          : header;
      crm.respond({ status: 429, headers: { 'Retry-After': value } });
      const app = await start({ retryAfterMaxMs: 600_000 });
      await app.store.saveConversation(qualifiedConversation());
      await app.worker.runDue();
      expect(Date.parse((await record(app)).nextAttemptAt ?? '') - clock.now().getTime()).toBe(
        waitMs,
      );
    },
  );

  it('when a secret is being rotated, then every request carries two signatures and each secret verifies it alone', async () => {
    const rotated = await startCrmReceiver({ secrets: [SECRET, NEW_SECRET] });
    try {
      const { config, destinations } = destinationsFor({
        destinations: [
          { id: 'crm', url: rotated.url, secret: NEW_SECRET, previousSecrets: [SECRET] },
        ],
      });
      const app = await startInstance({ dataDir: data.dir, clock, config, destinations });
      await app.store.saveConversation(qualifiedConversation());
      await app.worker.runDue();
      const [req] = rotated.requests;
      expect(req?.headers['webhook-signature']?.split(' ')).toHaveLength(2);
      expect(req?.verifiedWith).toEqual([0, 1]);
    } finally {
      await rotated.close();
    }
  });

  it('when destinations filter events, then each gets only the types it asked for', async () => {
    const other = await startCrmReceiver({ secrets: [SECRET] });
    try {
      const { config, destinations } = destinationsFor({
        destinations: [
          { id: 'crm', url: crm.url, secret: SECRET, events: ['lead.qualified'] },
          { id: 'calendar-feed', url: other.url, secret: SECRET, events: ['meeting.*'] },
        ],
      });
      const app = await startInstance({ dataDir: data.dir, clock, config, destinations });
      await app.store.saveConversation(
        qualifiedConversation({}, [
          {},
          { type: 'meeting.booked' },
          { type: 'lead.handoff_requested' },
        ]),
      );
      await app.worker.runDue();
      expect(crm.requests.map((r) => JSON.parse(r.body).type)).toEqual(['lead.qualified']);
      expect(other.requests.map((r) => JSON.parse(r.body).type)).toEqual(['meeting.booked']);
    } finally {
      await other.close();
    }
  });

  it('when one destination hangs, then it holds at most two attempts and the other destination still gets its event at once', async () => {
    const slow = await startCrmReceiver({ secrets: [SECRET] });
    try {
      slow.respond(...Array.from({ length: 10 }, () => ({ hang: true as const })));
      const { config, destinations } = destinationsFor({
        destinations: [
          { id: 'slow', url: slow.url, secret: SECRET, events: ['lead.qualified'] },
          { id: 'crm', url: crm.url, secret: SECRET, events: ['lead.handoff_requested'] },
        ],
      });
      const app = await startInstance({
        dataDir: data.dir,
        clock,
        config,
        destinations,
        attemptTimeoutMs: 5000,
      });
      for (let i = 1; i <= 8; i++)
        await app.store.saveConversation(qualifiedConversation({ id: `conv-s${i}` }));
      await app.store.saveConversation(
        qualifiedConversation({ id: 'conv-h1' }, [{ type: 'lead.handoff_requested' }]),
      );

      const run = app.worker.runDue();
      await vi.waitFor(() => expect(crm.processed.size).toBe(1), { timeout: 2000 });
      expect(crm.requests[0]?.verifiedWith).toEqual([0]);
      expect(slow.requests).toHaveLength(2);
      await slow.close(); // ends the hanging attempts
      await run;
    } finally {
      await slow.close().catch(() => undefined);
    }
  });

  it('when the production loop runs, then a saved handoff goes out without anyone driving the worker, and stop() waits for it', async () => {
    const app = await start();
    await app.worker.start({ loop: true });
    await app.store.saveConversation(qualifiedConversation());
    await vi.waitFor(() => expect(crm.processed.size).toBe(1));
    await app.worker.stop();
    expect((await record(app)).status).toBe('delivered');
  });
});
