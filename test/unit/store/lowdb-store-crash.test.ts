import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ConversationSchema } from '../../../src/conversation/conversation-schema.js';
import { readConversationFile } from '../../../src/store/conversation-file.js';
import { conversationPath } from '../../../src/store/conversation-path.js';
import { createLowdbStore } from '../../../src/store/lowdb-store.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const ID = 'crash-test';
const ROUNDS = 8;

let dataDir: string;
beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'leadbot-crash-'));
});
afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

/** Starts the writer, waits until it has saved once, SIGKILLs it after `delayMs`; resolves on exit. */
async function runAndKill(delayMs: number): Promise<void> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'scripts/store-crash-writer.ts', dataDir],
    {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) =>
    child.on('exit', (code, signal) => resolve(signal ?? code)),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('ready')) resolve();
      });
      child.on('exit', () =>
        reject(new Error(`the writer exited before its first save:\n${stderr}`)),
      );
    });
    // The moment of the kill is random; what is asserted afterwards holds for any moment.
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  } finally {
    child.kill('SIGKILL');
  }
  expect(await exited).toBe('SIGKILL');
}

it(
  'when the writer is killed mid-save again and again, then a restart finds every saved message, and the files hold one whole version',
  { timeout: 90_000 },
  async () => {
    let previousCount = 0;
    for (let round = 1; round <= ROUNDS; round++) {
      const delayMs = Math.floor(Math.random() * 150);
      await runAndKill(delayMs);

      // Open a fresh store, as a restarted server would: it replays the journal into the file.
      const store = await createLowdbStore({ dataDir });
      const conv = await store.getConversation(ID);
      expect(await store.listConversationIds()).toEqual([ID]);
      // The files themselves, read apart from the store: the state file and the messages it counts.
      const parsed = ConversationSchema.safeParse(
        (await readConversationFile(conversationPath(dataDir, ID)))?.conversation,
      );
      expect(
        parsed.success,
        `round ${round} (killed after ${delayMs} ms): ${parsed.error?.message}`,
      ).toBe(true);
      expect(parsed.data?.messages.length).toBe(conv?.messages.length);
      await store.close();

      const messages = conv?.messages ?? [];
      expect(messages.length, `round ${round}: the conversation shrank`).toBeGreaterThanOrEqual(
        previousCount,
      );
      // Each version is the previous one plus a message, so a whole version numbers them 0..n-1.
      expect(messages.map((m) => m.id)).toEqual(messages.map((_, i) => `m${i}`));
      expect(conv?.updatedAt).toBe(messages.at(-1)?.at);
      previousCount = messages.length;
    }
    expect(previousCount).toBeGreaterThan(ROUNDS);
  },
);
