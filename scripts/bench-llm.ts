/**
 * Measures LLM mode against the fake OpenAI server at zero delay, and prints (asserts nothing):
 * - the server's own time per LLM turn: visitor message in, extraction through the openai SDK
 *   and the fake, engine, store, reply out (in-process, no socket), next to rules mode;
 * - the time from a visitor message sent over socket.io to the first streamed `agent:delta`,
 *   and to the end of the reply (real server, gateway and socket.io client, phrasing on).
 *
 * Run: npx tsx scripts/bench-llm.ts [conversations]
 *
 * With `--profile NAME` (see test/fakes/latency-profile.ts, e.g. `hosted-small`: 400 ms to the
 * first token, 80 tokens a second), the fake answers at that pace and the bench reports what a
 * visitor waits, next to one streamed call of the same profile (scripts/bench/llm-profile.ts).
 * Run: npm run bench:llm -- --profile hosted-small [--conversations 5]
 */
import type { AgentEvent, ChatService } from '../src/conversation/chat-service.js';
import type { Extractor } from '../src/extract/extractor.js';
import { extractionReply, isExtractRequest } from '../test/fakes/fake-extraction.js';
import { startFakeLlm } from '../test/fakes/fake-llm.js';
import { connectClient, inbox } from '../test/helpers/socket-client.js';
import { startTestServer } from '../test/helpers/start-test-server.js';
import { createTestDeps } from '../test/helpers/test-deps.js';
import { answerFor } from '../test/helpers/visitor-answers.js';
import { isProfileName, LATENCY_PROFILES } from '../test/fakes/latency-profile.js';
import { formatProfileRun, runProfile } from './bench/llm-profile.js';

const args = process.argv.slice(2);
const flag = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i === -1 ? undefined : args[i + 1];
};
const PROFILE = flag('--profile');
const CONVERSATIONS = Number(flag('--conversations') ?? (PROFILE ? 5 : (args[0] ?? 20)));
const VISITOR = {
  timezone: 'America/New_York',
  locale: 'en-US',
  page: null,
  referrer: null,
  utm: null,
};
const REPLY_CHUNKS = [
  'Thanks, ',
  'that helps. ',
  'Roughly what ',
  'budget are you ',
  'working with?',
];

function stats(label: string, ms: number[]): string {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number): number =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return `${label.padEnd(44)} n=${String(sorted.length).padStart(4)}  mean ${mean.toFixed(2).padStart(7)} ms  p50 ${at(0.5).toFixed(2).padStart(7)} ms  p95 ${at(0.95).toFixed(2).padStart(7)} ms`;
}

/** Plays whole conversations in-process and times each visitor turn (receive until the reply settles). */
async function inProcessTurns(chatService: ChatService): Promise<number[]> {
  const times: number[] = [];
  for (let c = 0; c < CONVERSATIONS; c++) {
    const hello = await chatService.hello({ visitor: VISITOR });
    let last = hello.messages.at(-1);
    for (let turn = 0; turn < 10 && last && !last.final; turn++) {
      const answer = answerFor(last.expecting ?? null, last.quickReplies ?? []);
      if (!answer) break;
      const replies: Extract<AgentEvent, { type: 'agent:message' }>['payload'][] = [];
      const started = performance.now();
      const r = await chatService.receive(
        hello.sessionId,
        { clientId: `b-${c}-${turn}`, text: answer.text },
        (e) => {
          if (e.type === 'agent:message') replies.push(e.payload);
        },
      );
      await r.reply;
      times.push(performance.now() - started);
      const next = replies.at(-1);
      last = next ? { ...next, role: 'agent', at: '' } : undefined;
    }
  }
  return times;
}

async function main(): Promise<void> {
  if (PROFILE !== undefined) {
    if (!isProfileName(PROFILE))
      throw new Error(
        `unknown profile ${PROFILE}; known: ${Object.keys(LATENCY_PROFILES).join(', ')}`,
      );
    if (!Number.isInteger(CONVERSATIONS) || CONVERSATIONS < 1)
      throw new Error('--conversations must be a positive integer');
    const run = await runProfile(PROFILE, CONVERSATIONS);
    process.stdout.write(`${formatProfileRun(PROFILE, CONVERSATIONS, run)}\n`);
    return;
  }
  const llm = await startFakeLlm();
  llm.fake.always((req) =>
    isExtractRequest(req)
      ? extractionReply()
      : { type: 'content', content: '', chunks: REPLY_CHUNKS },
  );
  const service = (extractor: Extractor | null) =>
    createTestDeps({ core: extractor ? { extractor } : {} }).chatService;

  // Warm-up: module loading, JIT, the SDK's first connection.
  await inProcessTurns(service(llm.parts.extractor));
  const rules = await inProcessTurns(service(null));
  const before = llm.parts.usage.total();
  const llmTurns = await inProcessTurns(service(llm.parts.extractor));
  const after = llm.parts.usage.total();
  const modelMs = (after.latencyMs - before.latencyMs) / Math.max(1, after.calls - before.calls);

  const deps = createTestDeps({
    core: { extractor: llm.parts.extractor },
    phraser: llm.parts.phraser,
  });
  const server = await startTestServer({
    chatService: deps.chatService,
    config: { server: { messagesPerMinute: 10_000 } },
  });
  const socket = await connectClient(server.url);
  const box = inbox(socket);
  const firstDelta: number[] = [];
  const fullReply: number[] = [];
  let waiting: { started: number; seen: boolean } | null = null;
  socket.on('agent:delta', () => {
    if (waiting && !waiting.seen) {
      waiting.seen = true;
      firstDelta.push(performance.now() - waiting.started);
    }
  });
  for (let c = 0; c < CONVERSATIONS; c++) {
    const ack = await socket.emitWithAck('session:hello', { visitor: VISITOR });
    if (!ack.ok) throw new Error(ack.error.message);
    let last = ack.messages.at(-1);
    for (let turn = 0; turn < 10 && last && !last.final; turn++) {
      const answer = answerFor(last.expecting ?? null, last.quickReplies ?? []);
      if (!answer) break;
      waiting = { started: performance.now(), seen: false };
      await socket.emitWithAck('visitor:message', {
        clientId: `s-${c}-${turn}`,
        text: answer.text,
      });
      const replies = await box.turn();
      // Booking offers and messages with links are never rephrased, so they stream nothing.
      if (waiting.seen) fullReply.push(performance.now() - waiting.started);
      const next = replies.at(-1);
      last = next ? { ...next, role: 'agent', at: '' } : undefined;
    }
  }
  socket.close();
  await server.close();
  await llm.close();

  process.stdout.write(
    `LLM mode against the fake OpenAI server at zero delay (${CONVERSATIONS} conversations each)\n`,
  );
  process.stdout.write(`${stats('server time per turn, rules mode', rules)}\n`);
  process.stdout.write(`${stats('server time per turn, LLM extraction', llmTurns)}\n`);
  process.stdout.write(
    `  of which the model call (SDK + local HTTP):   mean ${modelMs.toFixed(2)} ms\n`,
  );
  process.stdout.write(`${stats('socket: visitor message -> first agent:delta', firstDelta)}\n`);
  process.stdout.write(`${stats('socket: visitor message -> streamed reply done', fullReply)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench-llm: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
