import { cpSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempDirForTest } from '../../helpers/temp-dir-for-test.js';

/** The shipped templates; tests read them and never write to them. */
export const SHIPPED_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../prompts',
);

/**
 * A throwaway copy of the shipped prompts in the OS temp folder, removed when the running test
 * ends (`cleanup` removes it sooner).
 */
export function copyShippedPrompts(): {
  dir: string;
  write: (file: string, text: string) => void;
  cleanup: () => void;
} {
  const { dir } = tempDirForTest('leadbot-prompts-');
  cpSync(SHIPPED_DIR, dir, { recursive: true });
  // Each edit gets its own explicit mtime, so detection never depends on the clock's resolution.
  let stamp = Date.UTC(2030, 0, 1) / 1000;
  return {
    dir,
    write(file, text) {
      const target = path.join(dir, file);
      writeFileSync(target, text);
      stamp += 60;
      utimesSync(target, stamp, stamp);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
