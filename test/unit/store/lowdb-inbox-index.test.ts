import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inboxProjection } from '../../../src/console/inbox/inbox-row.js';
import { parseConfig } from '../../../src/config/load-config.js';
import { inboxIndexFolder, inboxManifestPath } from '../../../src/store/inbox-index-file.js';
import { conversationShard } from '../../../src/store/conversation-path.js';

const shardFile = (dataDir: string, id: string): string =>
  join(inboxIndexFolder(dataDir), `${conversationShard(id)}.ndjson`);
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { inboxConversation } from '../../helpers/inbox-conversation.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import type { LogEntry } from '../../helpers/start-test-server.js';

const defaults = inboxProjection(parseConfig({}));
const page = { page: 1, pageSize: 50 };

function recordingLogger() {
  const logs: LogEntry[] = [];
  return {
    logs,
    rebuilt: () => logs.filter((l) => l.message.startsWith('the inbox index was missing')).length,
    logger: {
      warn: (message: string, meta?: Record<string, unknown>) =>
        logs.push({ level: 'warn', message, meta }),
      error: (message: string, meta?: Record<string, unknown>) =>
        logs.push({ level: 'error', message, meta }),
    },
  };
}

async function seeded(dataDir: string) {
  const store = await createLowdbStore({ dataDir, inbox: defaults });
  await store.saveConversation(
    inboxConversation({ id: 'sql-1', level: 'SQL', name: 'Dana Reyes', minutes: 2 }),
  );
  await store.saveConversation(
    inboxConversation({ id: 'mql-1', level: 'MQL', name: 'Omar Haddad', minutes: 1 }),
  );
  await store.close();
}

describe('the lowdb store’s inbox index', () => {
  it('is kept in the data folder: a restart answers from it without rebuilding', async () => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    const log = recordingLogger();
    const store = await createLowdbStore({ dataDir, inbox: defaults, logger: log.logger });
    expect((await store.queryInbox(page)).rows.map((r) => [r.id, r.stage])).toEqual([
      ['sql-1', 'SQL'],
      ['mql-1', 'MQL'],
    ]);
    expect(log.rebuilt()).toBe(0);
    await store.close();
  });

  it.each([
    ['missing', (dataDir: string) => rm(inboxManifestPath(dataDir))],
    ['missing a shard', (dataDir: string) => rm(shardFile(dataDir, 'sql-1'))],
    ['damaged', (dataDir: string) => writeFile(shardFile(dataDir, 'sql-1'), 'not json\n{}\n')],
  ])('is rebuilt from the conversations at start when %s', async (_title, damage) => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    await damage(dataDir);
    const log = recordingLogger();
    const store = await createLowdbStore({ dataDir, inbox: defaults, logger: log.logger });
    expect((await store.queryInbox(page)).rows.map((r) => r.id)).toEqual(['sql-1', 'mql-1']);
    expect(log.rebuilt()).toBe(1);
    await store.close();
  });

  it('is rebuilt when the scoring policy changed, so grades and stages follow the new policy', async () => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    const strict = inboxProjection(
      parseConfig({ scoring: { stages: { mql: 90, sql: 95 }, grades: { hot: 90, warm: 80 } } }),
    );
    const log = recordingLogger();
    const store = await createLowdbStore({ dataDir, inbox: strict, logger: log.logger });
    expect((await store.queryInbox(page)).rows.map((r) => [r.id, r.stage, r.grade])).toEqual([
      ['sql-1', 'lead', 'cold'],
      ['mql-1', 'lead', 'cold'],
    ]);
    expect(log.rebuilt()).toBe(1);
    await store.close();
  });

  it('keeps no trace of an erased conversation in the index file, before and after a restart', async () => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    const store = await createLowdbStore({ dataDir, inbox: defaults });
    expect(await store.eraseConversation('sql-1')).toBe(true);
    const folder = inboxIndexFolder(dataDir);
    for (const name of await readdir(folder))
      expect(await readFile(join(folder, name), 'utf8')).not.toContain('Dana');
    await store.close();
    const again = await createLowdbStore({ dataDir, inbox: defaults });
    expect((await again.queryInbox(page)).rows.map((r) => r.id)).toEqual(['mql-1']);
    await again.close();
  });

  it('is dropped by a store opened without an inbox (a CLI) once it writes, and rebuilt by the next server', async () => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    const cli = await createLowdbStore({ dataDir });
    await expect(cli.queryInbox(page)).rejects.toThrow('without an inbox');
    await cli.eraseConversation('mql-1');
    await cli.close();
    const log = recordingLogger();
    const store = await createLowdbStore({ dataDir, inbox: defaults, logger: log.logger });
    expect((await store.queryInbox(page)).rows.map((r) => r.id)).toEqual(['sql-1']);
    expect(log.rebuilt()).toBe(1);
    await store.close();
  });

  it('after a crash that lost the index’s last line, the next start takes the journal’s saves into it', async () => {
    const dataDir = tempDirForTest().dir;
    await seeded(dataDir);
    // Never closed, as after a crash: the save is in the journal only.
    const crashed = await createLowdbStore({ dataDir, inbox: defaults, flushDelayMs: 60_000 });
    const before = await readFile(shardFile(dataDir, 'mql-1'), 'utf8');
    const saved = await crashed.getConversation('mql-1');
    if (saved === null) throw new Error('mql-1 was not stored');
    const promoted = inboxConversation({
      id: 'mql-1',
      level: 'SQL',
      name: 'Omar Haddad',
      minutes: 9,
    });
    await crashed.saveConversation({ ...promoted, version: saved.version });
    await writeFile(shardFile(dataDir, 'mql-1'), before);
    const restarted = await createLowdbStore({ dataDir, inbox: defaults });
    expect((await restarted.queryInbox(page)).rows.map((r) => [r.id, r.stage])).toEqual([
      ['mql-1', 'SQL'],
      ['sql-1', 'SQL'],
    ]);
    await restarted.close();
  });
});
