import { execFile } from 'node:child_process';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const NOBODY = '65534';

/**
 * Runs `npm start`'s entry with `DATA_DIR`; as root (which ignores permissions) it drops to an
 * unprivileged user with setpriv, so a read-only folder is read-only to the server.
 */
function start(dataDir: string): Promise<{ code: number | null; stderr: string }> {
  const node = [process.execPath, '--import', 'tsx', 'src/main.ts'];
  const asRoot = process.getuid?.() === 0;
  const [command, ...args] = asRoot
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
    {
      folder: 'a folder that cannot be created (under a file)',
      make: 'underFile',
      expected: 'cannot be created (a part of the path is a file',
    },
  ])(
    'when the data folder is $folder, then the server stops at once with one line naming it and what to do, no stack trace',
    { timeout: 90_000 },
    async ({ make, expected }) => {
      const { dir } = tempDirForTest('leadbot-data-folder-');
      await chmod(dir, 0o755);
      let dataDir: string;
      if (make === 'readOnly') {
        dataDir = join(dir, 'data');
        await mkdir(dataDir);
        await chmod(dataDir, 0o555);
      } else {
        await writeFile(join(dir, 'a-file'), 'not a folder');
        dataDir = join(dir, 'a-file', 'data');
      }
      const { code, stderr } = await start(dataDir);
      expect(code).toBe(1);
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringContaining(`leadbot failed to start: the data folder ${dataDir} ${expected}`),
      ]);
      expect(stderr).toContain('DATA_DIR');
      expect(stderr).not.toMatch(/^\s+at /m);
    },
  );
});
