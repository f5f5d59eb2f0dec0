import { describe, expect, it } from 'vitest';
import { createLowdbExperiments } from '../../../src/experiments/lowdb-experiments.js';
import { createLowdbTemplateVersions } from '../../../src/prompts/versions/lowdb-template-versions.js';
import type { HelloAck } from '../../../src/server/socket-events.js';
import { closeAfterTest } from '../../helpers/close-after-test.js';
import { connectClient } from '../../helpers/socket-client.js';
import { spawnLeadbot } from '../../helpers/spawn-leadbot.js';

const MIA = { email: 'mia@beacon.example', name: 'Mia' };
const VARIANT_B = 'Hello from {{company}}, variant B here! What are you looking for today?';

describe('an experiment started by another process sharing the data folder', () => {
  it('when it is stored, then the running server splits new visitors by it within a second', async () => {
    const leadbot = closeAfterTest(await spawnLeadbot());
    const versions = await createLowdbTemplateVersions({ dataDir: leadbot.dataDir });
    await versions.publish({
      template: 'greeting',
      source: VARIANT_B,
      author: MIA.email,
      authorName: MIA.name,
      note: 'variant B',
      publishedAt: new Date().toISOString(),
    });
    const experiments = await createLowdbExperiments({ dataDir: leadbot.dataDir });
    await experiments.start({
      id: 'exp_other',
      template: 'greeting',
      variants: [
        { name: 'A', version: 1, weight: 1 },
        { name: 'B', version: 2, weight: 1 },
      ],
      goal: 'mql',
      status: 'running',
      startedAt: new Date().toISOString(),
      startedBy: MIA,
      stoppedAt: null,
      stoppedBy: null,
      promoted: null,
    });
    const greet = async (): Promise<string> => {
      const socket = closeAfterTest(await connectClient(leadbot.url));
      const ack: HelloAck = await socket.emitWithAck('session:hello', {
        visitor: {
          timezone: 'UTC',
          locale: 'en-US',
          page: 'https://beacon.example/',
          referrer: '',
          utm: {},
        },
      });
      socket.close();
      if (!ack.ok) throw new Error(ack.error.message);
      const text = ack.messages.at(-1)?.text ?? '';
      return text.startsWith('Hello from') ? 'B' : text.startsWith('Hi') ? 'A' : text;
    };
    // Within a poll (500 ms) both variants appear among new visitors.
    const seen = new Set<string>();
    await expect
      .poll(
        async () => {
          seen.add(await greet());
          return [...seen].sort();
        },
        { timeout: 10_000, interval: 100 },
      )
      .toEqual(['A', 'B']);
  }, 30_000);
});
