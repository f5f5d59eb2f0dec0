import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';

export type TempDir = { dir: string };

/**
 * An empty folder under the system's temporary folder, removed with everything in it when the
 * running test ends. Call it in a test or a `beforeEach`.
 *
 * @example const data = tempDirForTest('leadbot-store-'); // data.dir
 */
export function tempDirForTest(prefix = 'leadbot-test-'): TempDir {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return { dir };
}
