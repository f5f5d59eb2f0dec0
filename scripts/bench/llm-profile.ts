/**
 * LLM mode against the fake OpenAI server answering at a latency profile (`--profile NAME`),
 * through the real server and a real socket.io client: per visitor turn, the time from the
 * visitor's message to the first `agent:delta`, to the first visible text (a delta, or a
 * message that is not rephrased) and to the turn's final `agent:message`; next to the floor,
 * one streamed call of the same profile answering the same texts (first token, whole answer);
 * and the tokens per turn. Prints, asserts nothing.
 */
import OpenAI from 'openai';
import { emptyExtraction, isExtractRequest } from '../../test/fakes/fake-extraction.js';
import { startFakeLlm } from '../../test/fakes/fake-llm.js';
import { LATENCY_PROFILES, type ProfileName } from '../../test/fakes/latency-profile.js';
import { connectClient, inbox } from '../../test/helpers/socket-client.js';
import { startTestServer } from '../../test/helpers/start-test-server.js';
import { createTestDeps } from '../../test/helpers/test-deps.js';
import { answerFor } from '../../test/helpers/visitor-answers.js';
import { latencyStats } from './latency-stats.js';

const VISITOR = {
  timezone: 'America/New_York',
  locale: 'en-US',
  page: null,
  referrer: null,
  utm: null,
};

function line(label: string, ms: readonly number[]): string {
  const s = latencyStats(ms);
  const f = (x: number): string => x.toFixed(0).padStart(6);
  return `${label.padEnd(46)} n=${String(s.n).padStart(4)}  p50 ${f(s.p50)} ms  p95 ${f(p95(ms))} ms  mean ${f(s.mean)} ms`;
}

/** Nearest-rank 95th percentile. */
function p95(ms: readonly number[]): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil(0.95 * sorted.length) - 1)] ?? Number.NaN;
}

/** The figures of one profiled run. */
export type ProfileRun = {
  firstDelta: number[];
  firstVisible: number[];
  finalMessage: number[];
  floorFirst: number[];
  floorWhole: number[];
  turns: number;
  promptTokens: number;
  cachedTokens: number;
  completionTokens: number;
  calls: number;
};

/**
 * Plays `conversations` whole conversations over socket.io with the fake at `profile`, then
 * times one streamed call per reply text seen (the floor).
 * @example const run = await runProfile('hosted-small', 5);
 */
export async function runProfile(profile: ProfileName, conversations: number): Promise<ProfileRun> {
  const llm = await startFakeLlm({ latency: LATENCY_PROFILES[profile], timeoutMs: 10_000 });
  llm.fake.always((req) => {
    if (isExtractRequest(req))
      return { type: 'content', content: JSON.stringify(emptyExtraction()) };
    const last = req.body.messages.at(-1)?.content ?? '';
    return {
      type: 'content',
      content: /<draft>([\s\S]*?)<\/draft>/.exec(last)?.[1]?.trim() ?? last,
    };
  });
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
  const run: ProfileRun = {
    firstDelta: [],
    firstVisible: [],
    finalMessage: [],
    floorFirst: [],
    floorWhole: [],
    turns: 0,
    promptTokens: 0,
    cachedTokens: 0,
    completionTokens: 0,
    calls: 0,
  };
  const texts: string[] = [];
  let turn: { started: number; delta: number | null; message: number | null; last: number } | null =
    null;
  socket.on('agent:delta', () => {
    if (turn && turn.delta === null) turn.delta = performance.now() - turn.started;
  });
  socket.on('agent:message', () => {
    if (!turn) return;
    const at = performance.now() - turn.started;
    turn.message ??= at;
    turn.last = at;
  });
  const before = llm.parts.usage.total();
  for (let c = 0; c < conversations; c++) {
    const ack = await socket.emitWithAck('session:hello', { visitor: VISITOR });
    if (!ack.ok) throw new Error(ack.error.message);
    let last = ack.messages.at(-1);
    for (let t = 0; t < 10 && last && !last.final; t++) {
      const answer = answerFor(last.expecting ?? null, last.quickReplies ?? []);
      if (!answer) break;
      turn = { started: performance.now(), delta: null, message: null, last: 0 };
      await socket.emitWithAck('visitor:message', { clientId: `p-${c}-${t}`, text: answer.text });
      const replies = await box.turn();
      if (turn.delta !== null) run.firstDelta.push(turn.delta);
      const visible = Math.min(turn.delta ?? Infinity, turn.message ?? Infinity);
      if (Number.isFinite(visible)) run.firstVisible.push(visible);
      run.finalMessage.push(turn.last);
      if (turn.delta !== null) texts.push(...replies.map((r) => r.text));
      const next = replies.at(-1);
      last = next ? { ...next, role: 'agent', at: '' } : undefined;
    }
  }
  const after = llm.parts.usage.total();
  run.turns = after.turns - before.turns;
  run.calls = after.calls - before.calls;
  run.promptTokens = after.promptTokens - before.promptTokens;
  run.completionTokens = after.completionTokens - before.completionTokens;
  run.cachedTokens = after.cachedPromptTokens - before.cachedPromptTokens;
  socket.close();
  await server.close();

  // The floor: one streamed call of the same profile answering each reply text.
  const client = new OpenAI({ apiKey: 'k', baseURL: llm.fake.url, maxRetries: 0 });
  for (const text of texts) {
    const started = performance.now();
    const stream = await client.chat.completions.create({
      model: 'floor',
      stream: true,
      messages: [{ role: 'user', content: `<draft>\n${text}\n</draft>` }],
    });
    let first: number | null = null;
    for await (const chunk of stream)
      if (chunk.choices[0]?.delta.content && first === null) first = performance.now() - started;
    run.floorFirst.push(first ?? Number.NaN);
    run.floorWhole.push(performance.now() - started);
  }
  await llm.close();
  return run;
}

/** The report of a profiled run. */
export function formatProfileRun(
  profile: ProfileName,
  conversations: number,
  r: ProfileRun,
): string {
  const p = LATENCY_PROFILES[profile].streamed;
  const perTurn = (n: number): string => (r.turns === 0 ? '-' : (n / r.turns).toFixed(0));
  return [
    `LLM mode, fake model at profile ${profile} (${p.firstTokenMs} ms to first token, ${p.tokensPerSecond} tokens/s), ${conversations} conversations over socket.io`,
    line('visitor message -> first agent:delta', r.firstDelta),
    line('visitor message -> first visible text', r.firstVisible),
    line('visitor message -> final agent:message', r.finalMessage),
    line('floor: one streamed call, first token', r.floorFirst),
    line('floor: one streamed call, whole answer', r.floorWhole),
    `tokens per turn (${r.turns} turns, ${r.calls} calls): input ${perTurn(r.promptTokens)}, of which cached ${perTurn(r.cachedTokens)}, output ${perTurn(r.completionTokens)}`,
  ].join('\n');
}
