import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliIo } from './deliveries.js';

/**
 * Runs `run` with the process's arguments and standard streams when `moduleUrl` is the script
 * node was started with (not when a test imports it), and sets the exit code it answers; an
 * unexpected failure is printed under the CLI's `name` and exits 1.
 *
 * @example runAsMain(import.meta.url, 'privacy', runPrivacyCli);
 */
export function runAsMain(
  moduleUrl: string,
  name: string,
  run: (args: string[], io: CliIo) => Promise<number>,
): void {
  const script = process.argv[1];
  if (script === undefined || path.resolve(script) !== fileURLToPath(moduleUrl)) return;
  run(process.argv.slice(2), {
    out: (l) => process.stdout.write(`${l}\n`),
    err: (l) => process.stderr.write(`${l}\n`),
  }).then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      process.stderr.write(`${name}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
      process.exitCode = 1;
    },
  );
}
