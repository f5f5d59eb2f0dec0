import OpenAI from 'openai';
import type { Config } from '../config/config-schema.js';
import type { RuntimeEnv } from '../config/load-config.js';

/** Where the SDK sends requests when LLM_BASE_URL is not set. */
export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The base URL requests go to: LLM_BASE_URL, else OpenAI's. */
export function llmBaseUrl(runtime: Pick<RuntimeEnv, 'llmBaseUrl'>): string {
  return runtime.llmBaseUrl ?? OPENAI_BASE_URL;
}

/** Local OpenAI-compatible servers (Ollama, vLLM, LM Studio) accept any key; the SDK insists on one. */
const PLACEHOLDER_KEY = 'not-needed';

export type OpenAiClientOptions = {
  /** A fetch to use instead of the global one (proxies, tests). */
  fetch?: typeof fetch;
};

/** True when the environment asks for LLM mode (DESIGN.md: OPENAI_API_KEY or LLM_BASE_URL). */
export function llmConfigured(runtime: Pick<RuntimeEnv, 'openaiApiKey' | 'llmBaseUrl'>): boolean {
  return runtime.openaiApiKey !== null || runtime.llmBaseUrl !== null;
}

/**
 * The openai SDK client for the configured service, or null in rules mode. The SDK's per-attempt
 * `timeout` and `maxRetries` come from `config.llm` (the whole turn is bounded by the same
 * `timeoutMs` in the model gate); the model name is chosen per request from
 * `config.llm.model` (which LLM_MODEL overrides in loadConfig).
 * @example
 *   const client = createOpenAiClient(config, { openaiApiKey: null, llmBaseUrl: 'http://localhost:11434/v1' });
 */
export function createOpenAiClient(
  config: Pick<Config, 'llm'>,
  runtime: Pick<RuntimeEnv, 'openaiApiKey' | 'llmBaseUrl'>,
  options: OpenAiClientOptions = {},
): OpenAI | null {
  if (!llmConfigured(runtime)) return null;
  return new OpenAI({
    apiKey: runtime.openaiApiKey ?? PLACEHOLDER_KEY,
    ...(runtime.llmBaseUrl !== null ? { baseURL: runtime.llmBaseUrl } : {}),
    timeout: config.llm.timeoutMs,
    maxRetries: config.llm.maxRetries,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
}
