import type { Config } from '../../src/config/config-schema.js';
import { parseConfig, type RuntimeEnv } from '../../src/config/load-config.js';
import { createLlmParts, type LlmParts } from '../../src/extract/llm/create-llm-parts.js';
import { runtimeEnv } from '../helpers/runtime-env.js';
import { PROMPTS_DIR } from '../helpers/test-deps.js';
import { startFakeOpenAiServer, type FakeOpenAiServer } from './fake-openai-server.js';
import type { LatencyProfile } from './latency-profile.js';

export type LogLine = {
  level: 'warn' | 'error' | 'debug';
  message: string;
  meta: Record<string, unknown> | undefined;
};

export type FakeLlm = {
  fake: FakeOpenAiServer;
  config: Config;
  runtime: RuntimeEnv;
  /** The real LLM parts (openai SDK, extractor, phraser, breaker, usage) pointed at the fake. */
  parts: LlmParts;
  /** Every line the LLM parts logged, debug included. */
  logs: LogLine[];
  /** Moves the breaker's clock forward (nothing here waits for real time). */
  advance(ms: number): void;
  close(): Promise<void>;
};

/**
 * LLM mode wired exactly as in production (`createLlmParts` from config and environment),
 * with LLM_BASE_URL pointing at a fresh fake OpenAI server, the shipped prompts, a recorded
 * logger and a breaker on a fake clock (3 failures, 30 s cool-down). The fake insists on
 * strictly alternating roles, as strict chat templates do, unless `requireAlternation` is false.
 */
export async function startFakeLlm(
  opts: {
    config?: Record<string, unknown>;
    timeoutMs?: number;
    maxRetries?: number;
    requireAlternation?: boolean;
    model?: string;
    baseUrl?: (fakeUrl: string) => string;
    /** How fast the fake model answers (default: at once). */
    latency?: LatencyProfile;
  } = {},
): Promise<FakeLlm> {
  const fake = await startFakeOpenAiServer({
    requireAlternation: opts.requireAlternation ?? true,
    ...(opts.latency ? { latency: opts.latency } : {}),
  });
  const config = parseConfig({
    ...opts.config,
    llm: {
      model: opts.model ?? 'gpt-fake',
      timeoutMs: opts.timeoutMs ?? 5000,
      maxRetries: opts.maxRetries ?? 0,
    },
  });
  const runtime = runtimeEnv({
    openaiApiKey: 'test-key',
    llmBaseUrl: opts.baseUrl ? opts.baseUrl(fake.url) : fake.url,
  });
  const logs: LogLine[] = [];
  let t = 0;
  const parts = createLlmParts(config, runtime, {
    promptsDir: PROMPTS_DIR,
    logger: {
      warn: (message, meta) => logs.push({ level: 'warn', message, meta }),
      error: (message, meta) => logs.push({ level: 'error', message, meta }),
      debug: (message, meta) => logs.push({ level: 'debug', message, meta }),
    },
    breaker: { threshold: 3, cooldownMs: 30_000, now: () => t },
  });
  if (parts === null) throw new Error('createLlmParts returned null with LLM_BASE_URL set');
  return {
    fake,
    config,
    runtime,
    parts,
    logs,
    advance: (ms) => void (t += ms),
    close: () => fake.close(),
  };
}
