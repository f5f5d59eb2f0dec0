import path from 'node:path';
import type { Config } from '../../config/config-schema.js';
import type { RuntimeEnv } from '../../config/load-config.js';
import {
  createCircuitBreaker,
  type CircuitBreaker,
  type CircuitBreakerOptions,
} from '../../llm/circuit-breaker.js';
import { createLlmPhraser } from '../../llm/create-llm-phraser.js';
import { createOpenAiClient, llmBaseUrl } from '../../llm/create-openai-client.js';
import { SILENT_LOGGER, type LlmLogger } from '../../llm/llm-logger.js';
import { createUsageLedger, type UsageLedger } from '../../llm/llm-usage.js';
import { createModelGate, type ModelGate } from '../../llm/model-gate.js';
import type { Phraser } from '../../llm/phraser.js';
import { loadKnowledge } from '../../prompts/load-knowledge.js';
import { createPromptRegistry } from '../../prompts/prompt-registry.js';
import type { Extractor } from '../extractor.js';
import { createLlmExtractor } from './create-llm-extractor.js';
import { createMergeTally, type MergeTally } from './merge-tally.js';

/** Everything LLM mode adds to the core: understanding, wording, and their bookkeeping. */
export type LlmParts = {
  extractor: Extractor;
  phraser: Phraser;
  /** Calls, tokens, latency, failures and fallbacks, per conversation and in total. */
  usage: UsageLedger;
  /** Shared by extraction and phrasing: when the service is down, both skip it. */
  breaker: CircuitBreaker;
  /** The turn budget, breaker bookkeeping and failure log shared by both. */
  gate: ModelGate;
  /** Where requests go and which model they ask for. */
  setup: { baseUrl: string; model: string };
  /** Per field, how often the rules and the model disagreed and who won. */
  merges: MergeTally;
};

export type LlmPartsOptions = {
  /** Defaults to config.promptsDir resolved from the working folder. */
  promptsDir?: string;
  logger?: LlmLogger;
  /** A fetch for the openai SDK (tests, proxies). */
  fetch?: typeof fetch;
  breaker?: CircuitBreakerOptions;
  /** A monotonic milliseconds clock for latency and the turn budget; defaults to performance.now. */
  elapsed?: () => number;
};

/**
 * Builds LLM mode from the config and environment, or returns null in rules mode (no
 * OPENAI_API_KEY and no LLM_BASE_URL). One client, one circuit breaker, one usage ledger and
 * one gate (the per-turn time budget) serve both the extractor and the phraser.
 *
 * @example
 *   const llm = createLlmParts(config, runtime, { logger });
 *   const core = createCore(config, { llm: llm?.extractor ?? null });
 */
export function createLlmParts(
  config: Config,
  runtime: RuntimeEnv,
  options: LlmPartsOptions = {},
): LlmParts | null {
  const client = createOpenAiClient(config, runtime, options.fetch ? { fetch: options.fetch } : {});
  if (client === null) return null;
  const logger = options.logger ?? SILENT_LOGGER;
  const dir = path.resolve(options.promptsDir ?? config.promptsDir);
  const prompts = createPromptRegistry({
    dir,
    onError: (e) =>
      logger.warn('prompt template error; the last good version stays live', { ...e }),
  });
  const breaker = createCircuitBreaker(options.breaker);
  const usage = createUsageLedger();
  const setup = { baseUrl: llmBaseUrl(runtime), model: config.llm.model };
  const gate = createModelGate({
    budgetMs: config.llm.timeoutMs,
    breaker,
    cooldownMs: options.breaker?.cooldownMs ?? 30_000,
    usage,
    logger,
    setup,
    ...(options.elapsed ? { elapsed: options.elapsed } : {}),
  });
  const shared = { client, config, prompts, gate, logger };
  const merges = createMergeTally();
  return {
    extractor: createLlmExtractor({ ...shared, onDecision: merges.record }),
    phraser: createLlmPhraser({ ...shared, knowledge: () => loadKnowledge(dir) }),
    usage,
    breaker,
    gate,
    setup,
    merges,
  };
}
