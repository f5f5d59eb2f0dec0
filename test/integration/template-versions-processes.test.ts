import { describe, expect, it, vi } from 'vitest';
import { createLowdbTemplateVersions } from '../../src/prompts/versions/lowdb-template-versions.js';
import { createTemplateHistory } from '../../src/prompts/versions/template-history.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { connectClient } from '../helpers/socket-client.js';
import { spawnLeadbot } from '../helpers/spawn-leadbot.js';
import { PROMPTS_DIR } from '../helpers/test-deps.js';
import { testVisitor } from '../helpers/test-visitor.js';

describe('a version published by another process sharing the data folder', () => {
  it('reaches the visitors of a running server (npm start) without a restart', async () => {
    const leadbot = closeAfterTest(await spawnLeadbot());
    const greeting = async (): Promise<string | undefined> => {
      const socket = closeAfterTest(await connectClient(leadbot.url));
      const ack = await socket.emitWithAck('session:hello', { visitor: testVisitor() });
      socket.close();
      if (!ack.ok) throw new Error(ack.error.message);
      return ack.messages.at(-1)?.text;
    };
    expect(await greeting()).toMatch(/welcome to Beacon/);

    // This test process plays the other server (or the console of another one).
    const other = createTemplateHistory({
      store: await createLowdbTemplateVersions({ dataDir: leadbot.dataDir }),
      promptsDir: PROMPTS_DIR,
    });
    const started = Date.now();
    await other.publish(
      'greeting',
      'Hello from {{company}}! What brings you here?',
      { email: 'mia@beacon.example', name: 'Mia' },
      '',
    );
    await vi.waitFor(
      async () => expect(await greeting()).toBe('Hello from Beacon! What brings you here?'),
      { timeout: 10_000, interval: 50 },
    );
    // A figure for the report, not an assertion (console.templatePollMs is 500 by default).
    console.info(`the running server served the publish after ${Date.now() - started} ms`);
  }, 60_000);
});
