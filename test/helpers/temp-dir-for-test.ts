import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export type TempDir = { dir: string };

/**
 * An empty folder under the system's temporary folder, removed with everything in it when the
 * running test ends. Call it in a test or a `beforeEach`.
 *
 * @example const data = await tempDirForTest('leadbot-store-'); // data.dir
 */
export async function tempDirForTest(prefix = 'leadbot-test-'): Promise<TempDir> {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return { dir };
}
