import { describe, expect, it, vi } from 'vitest';
import { createLowdbCalendar } from '../../src/booking/lowdb-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createLowdbDeliveryStore } from '../../src/handoff/delivery/lowdb-delivery-store.js';
import type { RetentionReport } from '../../src/privacy/expire-old-data.js';
import { startRetention } from '../../src/privacy/start-retention.js';
import { createLowdbStore } from '../../src/store/lowdb-store.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { chatOf, DANA, deliveryOf, LENA, OMAR } from './privacy-people.js';

const DAY = 86_400_000;
const T0 = Date.parse('2030-06-01T12:00:00.000Z');
const daysAgo = (n: number): string => new Date(T0 - n * DAY).toISOString();
const slot = (startIso: string) => ({
  start: startIso,
  end: new Date(Date.parse(startIso) + 30 * 60_000).toISOString(),
  repIds: ['rep-1'],
});

/**
 * Dana last chatted 60 days ago (a past meeting, a delivery), Omar 45 days ago but has a meeting
 * to come, Lena 10 days ago (with a canceled meeting 49 days ago); a delivery 90 days old
 * belongs to a conversation erased long ago.
 */
async function seed(dir: string, clock: () => Date) {
  const store = await createLowdbStore({ dataDir: dir });
  const calendar = await createLowdbCalendar({ dataDir: dir, clock });
  const deliveries = await createLowdbDeliveryStore({ dataDir: dir });
  closeAfterTest({ close: () => deliveries.close().then(() => store.close()) });
  await store.saveConversation({ ...chatOf(DANA, 'dana-1'), updatedAt: daysAgo(60) });
  await store.saveConversation({ ...chatOf(OMAR, 'omar-1'), updatedAt: daysAgo(45) });
  await store.saveConversation({ ...chatOf(LENA, 'lena-1'), updatedAt: daysAgo(10) });
  await calendar.claim(slot(daysAgo(59)), { id: 'meet-dana', conversationId: 'dana-1' });
  await calendar.claim(slot(daysAgo(-3)), { id: 'meet-omar', conversationId: 'omar-1' });
  await calendar.claim(slot(daysAgo(49)), { id: 'meet-lena', conversationId: 'lena-1' });
  await calendar.cancel('meet-lena');
  await deliveries.create({ ...deliveryOf('dana-1', 1, DANA.email), updatedAt: daysAgo(60) });
  await deliveries.create({ ...deliveryOf('lena-1', 1, LENA.email), updatedAt: daysAgo(10) });
  await deliveries.create({ ...deliveryOf('gone-1', 1, 'x'), updatedAt: daysAgo(90) });
  return { store, calendar, deliveries };
}

describe('retention.days', () => {
  it('when the server starts and later sweeps, then data last active before the cutoff is erased, a meeting to come is kept, and each sweep logs its counts', async () => {
    const { dir } = tempDirForTest('leadbot-retention-');
    let now = T0;
    const clock = (): Date => new Date(now);
    const parts = await seed(dir, clock);
    const logged: RetentionReport[] = [];
    const retention = startRetention({
      ...parts,
      clock,
      days: 30,
      logger: { warn: () => undefined, error: (m) => expect.fail(m) },
      log: (_m, r) => logged.push(r),
    });
    closeAfterTest({ close: () => retention.stop() });
    await retention.sweep();
    expect(logged[0]).toEqual({
      conversations: 1,
      meetings: 2,
      deliveries: 2,
      keptForMeeting: 1,
      cutoff: daysAgo(30),
    });
    expect(await parts.store.listConversationIds()).toEqual(['lena-1', 'omar-1']);
    expect((await parts.deliveries.list()).map((d) => d.conversationId)).toEqual(['lena-1']);
    expect((await parts.calendar.list()).map((m) => m.id)).toEqual(['meet-omar']);

    now = T0 + 25 * DAY; // Lena's last message is 35 days old; Omar's meeting is past
    await retention.sweep();
    expect(logged[1]).toMatchObject({ conversations: 2, keptForMeeting: 0 });
    expect(await parts.store.listConversationIds()).toEqual([]);
    expect(await parts.calendar.list()).toEqual([]);
    expect(await parts.deliveries.list()).toEqual([]);
  });

  it('when the interval passes, then the server sweeps again by itself', async () => {
    const { dir } = tempDirForTest('leadbot-retention-');
    const parts = await seed(dir, () => new Date(T0));
    const logged: RetentionReport[] = [];
    const retention = startRetention({
      ...parts,
      clock: () => new Date(T0),
      days: 30,
      logger: { warn: () => undefined, error: () => undefined },
      log: (_m, r) => logged.push(r),
      intervalMs: 20,
    });
    closeAfterTest({ close: () => retention.stop() });
    await vi.waitFor(() => expect(logged.length).toBeGreaterThanOrEqual(2));
    expect(logged[1]).toMatchObject({ conversations: 0, meetings: 0, deliveries: 0 });
  });

  it('when the server stops during a sweep, then the sweep ends early, erases nothing it had not checked, and the next start sweeps it all', async () => {
    const { dir } = tempDirForTest('leadbot-retention-');
    const parts = await seed(dir, () => new Date(T0));
    const logged: [string, RetentionReport][] = [];
    const deps = {
      ...parts,
      clock: () => new Date(T0),
      days: 30,
      logger: { warn: () => undefined, error: (m: string) => expect.fail(m) },
      log: (m: string, r: RetentionReport) => logged.push([m, r]),
    };
    // The sweep a start begins is under way when the shutdown comes.
    await startRetention(deps).stop();
    expect(logged).toEqual([
      [expect.stringContaining('stopped at shutdown'), expect.objectContaining({ stopped: true })],
    ]);
    expect(await parts.store.listConversationIds()).toHaveLength(3);
    expect(await parts.deliveries.list()).toHaveLength(3);

    const next = startRetention(deps);
    closeAfterTest({ close: () => next.stop() });
    await next.sweep();
    expect(logged.at(-1)?.[1]).toMatchObject({ conversations: 1, deliveries: 2 });
    expect(await parts.store.listConversationIds()).toEqual(['lena-1', 'omar-1']);
  });

  it('when retention is off, then nothing is ever erased', async () => {
    const { dir } = tempDirForTest('leadbot-retention-');
    const parts = await seed(dir, () => new Date(T0));
    const retention = startRetention({
      ...parts,
      clock: () => new Date(T0 + 3650 * DAY),
      days: null,
      logger: { warn: () => undefined, error: () => undefined },
    });
    await retention.sweep();
    await retention.stop();
    expect(await parts.store.listConversationIds()).toHaveLength(3);
  });

  it.each([
    [{}, 365],
    [{ retention: { days: 30 } }, 30],
    [{ retention: { days: 0 } }, null],
    [{ retention: { days: null } }, null],
  ])('when the config says %j, then conversations are kept for %s days', (raw, days) => {
    expect(parseConfig(raw).retention.days).toBe(days);
  });

  it.each([
    [{ retention: { days: -1 } }],
    [{ retention: { days: 1.5 } }],
    [{ retention: { days: '30' } }],
  ])('when the config says %j, then it is refused naming retention.days', (raw) => {
    expect(() => parseConfig(raw)).toThrow(/retention\.days/);
  });
});
