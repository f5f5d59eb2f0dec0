import { spawn, type ChildProcess } from 'node:child_process';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { isAppError } from '../../../src/errors/app-error.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';
import { recordingLogger } from '../handoff/handoff-fixtures.js';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';
import { rejectionOf } from './rejection-of.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const lockOf = (dataDir: string) => join(dataDir, 'conversations', 'journal', 'LOCK');

/**
 * Starts the crash writer (a store saving in a loop) under a parent that never reaps its
 * children, as a supervisor busy elsewhere: once killed, the writer stays a zombie whose pid
 * still answers signals. Resolves with the writer's pid once it has saved.
 */
async function startWriter(dataDir: string): Promise<{ pid: number; parent: ChildProcess }> {
  const writer = `${JSON.stringify(process.execPath)} --import tsx scripts/store-crash-writer.ts ${JSON.stringify(dataDir)}`;
  const parent = spawn('sh', ['-c', `${writer} & exec sleep 600`], {
    cwd: REPO_ROOT,
    stdio: 'ignore',
  });
  const pid = await vi.waitFor(
    async () => {
      const lock: { pid: number } = JSON.parse(await readFile(lockOf(dataDir), 'utf8'));
      // Saved at least once: a journal segment holds a line.
      const journal = join(dataDir, 'conversations', 'journal');
      const sizes = await Promise.all(
        (await readdir(journal))
          .filter((n) => n.endsWith('.ndjson'))
          .map(async (n) => (await stat(join(journal, n))).size),
      );
      expect(sizes.some((size) => size > 0)).toBe(true);
      return lock.pid;
    },
    { timeout: 30_000, interval: 50 },
  );
  return { pid, parent };
}

const stateOf = async (pid: number) =>
  (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]?.[0];

describe('lowdb store: the data folder lock after a crash', () => {
  it(
    'when the server holding the folder is alive, then a second start is refused naming it; once it is killed with -9, a restart takes the lock over and logs it',
    { timeout: 60_000 },
    async () => {
      const { dir } = tempDirForTest('leadbot-lock-');
      const { pid, parent } = await startWriter(dir);
      try {
        const refused = await rejectionOf(createLowdbStore({ dataDir: dir }));
        expect(isAppError(refused) && refused.message).toContain(
          `in use by another process (pid ${pid}): run one leadbot server per data folder`,
        );

        process.kill(pid, 'SIGKILL');
        // Killed, not reaped: the pid still exists, as a zombie.
        await vi.waitFor(async () => expect(await stateOf(pid)).toBe('Z'));
        const logger = recordingLogger();
        const restarted = await createLowdbStore({ dataDir: dir, logger });
        expect(logger.entries).toContainEqual(
          expect.objectContaining({
            message: 'took over a lock left by a process that is no longer running',
            meta: expect.objectContaining({ pid }),
          }),
        );
        // What the killed writer had saved is there.
        expect((await restarted.getConversation('crash-test'))?.messages.length).toBeGreaterThan(0);
        await restarted.close();
      } finally {
        parent.kill('SIGKILL');
      }
    },
  );
});
