import { execFile, spawnSync } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOBODY = '65534';
const AS_ROOT = process.getuid?.() === 0;
/**
 * As root, a read-only folder is only read-only to another user: true when that user can run
 * this checkout (not when it lies under a folder only root may enter, as `mktemp -d` makes).
 */
const NOBODY_CAN_RUN =
  AS_ROOT &&
  spawnSync('setpriv', [
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    'test',
    '-r',
    join(REPO_ROOT, 'node_modules/tsx/package.json'),
  ]).status === 0;

/**
 * Runs `npm start`'s entry with `DATA_DIR`; as root (which ignores permissions) it drops to an
 * unprivileged user with setpriv, so a read-only folder is read-only to the server.
 */
function start(
  dataDir: string,
  unprivileged: boolean,
): Promise<{ code: number | null; stderr: string }> {
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const [command, ...args] = unprivileged
    ? ['setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', ...node]
    : node;
  return new Promise((resolve) => {
    const child = execFile(
      command!,
      args,
      { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: '0' }, timeout: 60_000 },
      (_error, _stdout, stderr) => resolve({ code: child.exitCode, stderr }),
    );
  });
}

describe('starting on a data folder that cannot be written', () => {
  it.each([
    {
      folder: 'an empty read-only folder',
      make: 'readOnly',
      expected: 'cannot be written (permission denied',
    },
  ])(
    // Root writes into any folder: the server runs as an unprivileged user then, which needs a
    // checkout it can read. Otherwise the same refusal is checked in test/unit/store/data-folder.test.ts.
    'when the data folder is $folder, then the server stops at once with one line naming it (run unprivileged when root)',
    { timeout: 90_000, skip: AS_ROOT && !NOBODY_CAN_RUN },
    async ({ expected }) => {
      const { dir } = tempDirForTest('leadbot-data-folder-');
      await chmod(dir, 0o755);
      const dataDir = join(dir, 'data');
      await mkdir(dataDir);
      await chmod(dataDir, 0o555);
      const { code, stderr } = await start(dataDir, AS_ROOT);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`leadbot failed to start: the data folder ${dataDir} ${expected}`),
      ]);
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );

  it.each([
    {
      folder: 'a folder that cannot be created (under a file)',
      expected: 'cannot be created (a part of the path is a file',
    },
  ])(
    'when the data folder is $folder, then the server stops at once with one line naming it and what to do, no stack trace',
    { timeout: 90_000 },
    async ({ expected }) => {
      const { dir } = tempDirForTest('leadbot-data-folder-');
      await chmod(dir, 0o755);
      await writeFile(join(dir, 'a-file'), 'not a folder');
      const dataDir = join(dir, 'a-file', 'data');
      const { code, stderr } = await start(dataDir, false);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`leadbot failed to start: the data folder ${dataDir} ${expected}`),
      ]);
      expect(stderr).toContain('DATA_DIR');
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );
});
