import type { Config } from '../config/config-schema.js';
import type { RuntimeEnv } from '../config/load-config.js';
import { llmBaseUrl, OPENAI_BASE_URL } from './create-openai-client.js';

/** The model asked for when neither LLM_MODEL nor the config file names one. */
const DEFAULT_MODEL = 'gpt-4o-mini';

/**
 * The start-up line of LLM mode (where requests go, which model, the time limit) and warnings
 * about setups that would fail every turn quietly: a local server asked for OpenAI's default
 * model, a base URL without /v1.
 * @example describeLlmSetup(config, runtime).line // 'LLM mode: model llama3.1 at http://localhost:11434/v1, 8000 ms per turn'
 */
export function describeLlmSetup(
  config: Pick<Config, 'llm'>,
  runtime: Pick<RuntimeEnv, 'llmBaseUrl' | 'llmModel' | 'openaiApiKey'>,
): { line: string; warnings: string[] } {
  const baseUrl = llmBaseUrl(runtime);
  const model = config.llm.model;
  const where = `${baseUrl}${runtime.llmBaseUrl === null ? ' (OpenAI)' : ''}`;
  const retries = `${config.llm.maxRetries} ${config.llm.maxRetries === 1 ? 'retry' : 'retries'}`;
  const line = `LLM mode: model ${model} at ${where}, ${config.llm.timeoutMs} ms per turn, ${retries}`;
  const warnings: string[] = [];
  const elsewhere = runtime.llmBaseUrl !== null && !runtime.llmBaseUrl.startsWith(OPENAI_BASE_URL);
  if (elsewhere && runtime.llmModel === null && model === DEFAULT_MODEL) {
    warnings.push(
      `LLM_BASE_URL is set but LLM_MODEL is not: ${baseUrl} will be asked for ${DEFAULT_MODEL}, ` +
        'an OpenAI model; set LLM_MODEL to a model your server serves (for Ollama, one listed by `ollama list`)',
    );
  }
  if (elsewhere && !(/^https?:\/\//i.test(baseUrl) && URL.canParse(baseUrl))) {
    warnings.push(`LLM_BASE_URL ${baseUrl} is not a URL: write it like http://localhost:11434/v1`);
  } else if (elsewhere && !/\/v1\/?$/.test(new URL(baseUrl).pathname)) {
    warnings.push(
      `LLM_BASE_URL ${baseUrl} does not end in /v1: requests go to ` +
        `${baseUrl.replace(/\/+$/, '')}/chat/completions, and OpenAI-compatible servers ` +
        '(Ollama, vLLM, LM Studio) usually serve /v1/chat/completions',
    );
  }
  return { line, warnings };
}
