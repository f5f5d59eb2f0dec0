import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { deliveryIdFor } from '../../src/handoff/delivery-schema.js';
import {
  destinationsFor,
  fakeClock,
  NEW_SECRET,
  qualifiedConversation,
  SECRET,
  startInstance,
} from '../unit/handoff/handoff-fixtures.js';
import { tempDirForTest, type TempDir } from '../helpers/temp-dir-for-test.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The Node receiver of README "Verifying the signature", exactly as a reader would copy it. */
function readmeSnippet(): string {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Verifying the signature'));
  const match = /```js\n([\s\S]*?)```/.exec(section);
  if (match?.[1] === undefined) throw new Error('no js block under "Verifying the signature"');
  return match[1];
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

let data: TempDir;
let child: ChildProcess | null = null;
let output = '';
beforeEach(async () => {
  data = tempDirForTest('leadbot-handoff-');
});
afterEach(async () => {
  child?.kill();
  child = null;
});

it('when the README receiver runs as copied, then leadbot delivers to it, a repeat is not processed twice, and a wrong signature is refused', async () => {
  const port = await freePort();
  // Run from the repository, where express and standardwebhooks are installed, as `node receiver.mjs` would.
  child = spawn(process.execPath, ['--input-type=module', '-e', readmeSnippet()], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, LEADBOT_WEBHOOK_SECRET: SECRET, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  await vi.waitFor(() => expect(output).toContain('listening for leadbot webhooks'), {
    timeout: 10_000,
  });

  const url = `http://127.0.0.1:${port}/hooks/leads`;
  const { config, destinations } = destinationsFor({
    destinations: [
      { id: 'crm', url, secret: SECRET },
      { id: 'wrong-secret', url, secret: NEW_SECRET },
    ],
  });
  const app = await startInstance({ dataDir: data.dir, clock: fakeClock(), config, destinations });
  await app.store.saveConversation(qualifiedConversation());
  await app.worker.runDue();
  const delivered = deliveryIdFor('evt-conv-q1-1', 'crm');
  expect(await app.deliveries.get(delivered)).toMatchObject({
    status: 'delivered',
    attempts: [{ status: 204 }],
  });
  expect(await app.deliveries.get(deliveryIdFor('evt-conv-q1-1', 'wrong-secret'))).toMatchObject({
    status: 'failed-retrying',
    attempts: [{ status: 401, responseSnippet: 'bad signature' }],
  });

  await app.worker.redeliver(delivered); // the same webhook-id again
  await app.worker.runDue();
  expect((await app.deliveries.get(delivered))?.attempts.map((a) => a.status)).toEqual([204, 204]);
  await vi.waitFor(() => expect(output).toMatch(/lead\.qualified: Kim Osei/));
  await new Promise((resolve) => setTimeout(resolve, 200)); // room for a second log line, were the repeat processed
  expect(output.match(/lead\.qualified: /g)).toHaveLength(1);
}, 20_000);
