import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openAnalyticsIndexFile } from '../../../src/analytics/analytics-index-file.js';
import { createAnalyticsIndex } from '../../../src/analytics/analytics-index.js';
import { buildReport } from '../../../src/analytics/build-report.js';
import { silentLogger } from '../../../src/lib/logger.js';
import { createMemoryStore } from '../../../src/store/memory-store.js';
import { observeErases } from '../../../src/store/observe-erases.js';
import { seed } from './report-data.js';

const PERIOD = { from: '2026-01-05', to: '2026-01-06', timezone: 'America/New_York' };

describe('the analytics index answers the report from its rows', () => {
  it.each([
    ['read a few days later', '2026-01-10T00:00:00.000Z'],
    ['read after F became a lead', '2026-02-01T00:00:00.000Z'],
  ])('gives the same report as buildReport over the conversations, %s', (_, now) => {
    const index = createAnalyticsIndex();
    for (const conv of seed()) index.saved(conv);
    const options = { ...PERIOD, now: new Date(now) };
    expect(index.report(options)).toEqual(buildReport(seed(), options));
  });

  it('keeps the report across a restart, and an erased conversation leaves it and its file', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'leadbot-analytics-'));
    const store = createMemoryStore();
    for (const conv of seed()) await store.saveConversation(conv);
    const options = { ...PERIOD, now: new Date('2026-01-10T00:00:00.000Z') };
    const first = await openAnalyticsIndexFile({ dataDir, store, logger: silentLogger });
    expect(first.report(options)).toEqual(buildReport(seed(), options));

    await store.eraseConversation('D');
    first.erased('D');
    const withoutD = buildReport(
      seed().filter((c) => c.id !== 'D'),
      options,
    );
    expect(first.report(options)).toEqual(withoutD);
    first.close();
    expect(await readFile(path.join(dataDir, 'analytics', 'facts.ndjson'), 'utf8')).not.toContain(
      '/blog/post',
    );

    // Read back from its file: the store is not read again (a store with nothing to read).
    const reads: string[] = [];
    const again = await openAnalyticsIndexFile({
      dataDir,
      store: {
        listConversationIds: () => store.listConversationIds(),
        getConversation: async (id) => (reads.push(id), null),
      },
      logger: silentLogger,
    });
    expect(reads).toEqual([]);
    expect(again.report(options)).toEqual(withoutD);
    again.close();
  });

  it('forgets a conversation erased through the store main.ts builds (observeErases)', async () => {
    const index = createAnalyticsIndex();
    const store = observeErases(createMemoryStore(), (id) => index.erased(id));
    for (const conv of seed()) index.saved(await store.saveConversation(conv));
    expect(await store.eraseConversation('B')).toBe(true);
    expect(await store.eraseConversation('B')).toBe(false);
    expect(index.has('B')).toBe(false);
    expect(index.size()).toBe(seed().length - 1);
  });
});
