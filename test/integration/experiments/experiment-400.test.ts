import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import type { HelloAck, VisitorContext } from '../../../src/server/socket-events.js';
import { closeAfterTest } from '../../helpers/close-after-test.js';
import { experimentBed, MIA } from '../../helpers/experiment-bed.js';
import { connectClient, inbox, type ClientSocket } from '../../helpers/socket-client.js';

const VISITOR: VisitorContext = {
  timezone: 'America/Chicago',
  locale: 'en-US',
  page: 'https://beacon.example/pricing',
  referrer: '',
  utm: {},
};
/** Variant B of ask-need: the shipped file (variant A, the control) with other wording. */
const VARIANT_B = readFileSync(path.join(PROMPTS_DIR, 'ask-need.hbs'), 'utf8')
  .replace('What brings you to {{company}} today?', 'What made you visit {{company}} today?')
  .replace(
    'In a sentence, what would you like {{company}} to help with?',
    'In one sentence, what should {{company}} help you with?',
  );
/** Each variant's wording, first ask and re-ask. */
const WORDING = {
  A: /^(What brings you to Beacon today\?|In a sentence, what would you like Beacon)/,
  B: /^(What made you visit Beacon today\?|In one sentence, what should Beacon)/,
};
const FILLS_NEED = 'We need to qualify our inbound leads faster';
const FILLS_NOTHING = 'ok';
const CONVERSATIONS = 400;
const AT_ONCE = 8;

type Hello = Extract<HelloAck, { ok: true }>;

/** The variant whose wording the question has. */
function variantOf(text: string | undefined): 'A' | 'B' {
  if (text !== undefined && WORDING.A.test(text)) return 'A';
  if (text !== undefined && WORDING.B.test(text)) return 'B';
  throw new Error(`question of neither variant: ${text}`);
}

describe('an A/B experiment played by 400 visitors through the real server', () => {
  it('splits them near evenly, keeps each one its variant across a reload, and reports exactly what happened', async () => {
    const limits = {
      newConversationsPerIp: { max: 10_000, windowSeconds: 600 },
      resumesPerIp: { max: 10_000, windowSeconds: 600 },
    };
    const { bed, url, session, post, get } = await experimentBed({ limits });
    const mia = await session(MIA);
    const published = await post(mia, '/console/api/templates/ask-need/versions', {
      source: VARIANT_B,
      note: 'friendlier',
    });
    expect(published.status).toBe(201);
    const started = await post(mia, '/console/api/templates/ask-need/experiment', {
      variants: [
        { version: 1, weight: 1 },
        { version: 2, weight: 1 },
      ],
      goal: 'answered',
    });
    expect(started.status).toBe(201);
    const experimentId: string = started.body.id;

    const truth = { A: { conversations: 0, reached: 0 }, B: { conversations: 0, reached: 0 } };
    const hello = async (socket: ClientSocket, sessionId?: string): Promise<Hello> => {
      const ack = await socket.emitWithAck('session:hello', { sessionId, visitor: VISITOR });
      if (!ack.ok) throw new Error(ack.error.message);
      return ack;
    };
    const say = async (socket: ClientSocket, clientId: string, text: string) => {
      const box = inbox(socket);
      const ack = await socket.emitWithAck('visitor:message', { clientId, text });
      if (!ack.ok) throw new Error(ack.error.message);
      return box.turn();
    };
    const play = async (i: number): Promise<void> => {
      const first = closeAfterTest(await connectClient(url));
      const started = await hello(first);
      // A reply that tells nothing: the agent asks what brings them (ask-need, the experiment's).
      const asked = (await say(first, `a${i}`, FILLS_NOTHING)).at(-1);
      expect(asked?.expecting).toBe('need');
      const variant = variantOf(asked?.text);
      first.close();

      // The reload: a new socket resumes the conversation with its token.
      const again = closeAfterTest(await connectClient(url));
      const resumed = await hello(again, started.sessionId);
      expect(resumed.conversationId).toBe(started.conversationId);
      const shown = resumed.messages.filter((m) => m.template === 'ask-need');
      expect(shown.map((m) => variantOf(m.text))).toEqual([variant]);
      // The simulation's ground truth: two in three visitors answer it after the reload.
      const answers = i % 3 !== 0;
      truth[variant].conversations += 1;
      if (answers) truth[variant].reached += 1;
      const next = (await say(again, `b${i}`, answers ? FILLS_NEED : FILLS_NOTHING)).at(-1);
      // Not understood: asked again after the reload, in the same variant's wording.
      if (!answers) expect(variantOf(next?.text)).toBe(variant);
      again.close();

      const stored = await bed.deps.store.getConversation(started.conversationId);
      expect(stored?.experiments?.[experimentId]).toMatchObject({ variant });
      const versions = stored?.messages
        .filter((m) => m.template === 'ask-need')
        .map((m) => [m.variant, m.version]);
      expect(versions).toEqual(
        Array.from({ length: answers ? 1 : 2 }, () => [variant, variant === 'A' ? 1 : 2]),
      );
    };
    for (let i = 0; i < CONVERSATIONS; i += AT_ONCE)
      await Promise.all(Array.from({ length: AT_ONCE }, (_, k) => play(i + k)));

    expect(truth.A.conversations + truth.B.conversations).toBe(CONVERSATIONS);
    for (const v of [truth.A, truth.B]) {
      expect(v.conversations).toBeGreaterThanOrEqual(160);
      expect(v.conversations).toBeLessThanOrEqual(240);
    }
    const report = await get(mia, '/console/api/templates/ask-need/experiment/report');
    expect(report.status).toBe(200);
    const rows = report.body.variants.map((v: Record<string, unknown>) => ({
      name: v.name,
      conversations: v.conversations,
      reached: v.reached,
    }));
    expect(rows).toEqual([
      { name: 'A', ...truth.A },
      { name: 'B', ...truth.B },
    ]);
    expect(report.body.message).toBeNull();
    console.log(`experiment split: A ${JSON.stringify(truth.A)}, B ${JSON.stringify(truth.B)}`);
  }, 120_000);
});
