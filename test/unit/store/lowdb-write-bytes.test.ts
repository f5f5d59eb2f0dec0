import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

it(
  'when a conversation grows to 1,000 messages, then the bytes written for its 1,000th message are within 2x of its first',
  { timeout: 180_000 },
  async () => {
    const { dir } = tempDirForTest('leadbot-write-bytes-');
    // A process of its own: its write counter holds the store's writes and nothing of the test runner.
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ['--import', 'tsx', 'scripts/bench/measure-write-bytes.ts', '1000', dir],
      { cwd: REPO_ROOT },
    );
    const result: { first: number; last: number; ratio: number } = JSON.parse(stdout);
    expect(result.first).toBeGreaterThan(0);
    expect(result.last).toBeLessThanOrEqual(2 * result.first);
  },
);
