import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { createLlmParts } from '../../../src/extract/llm/create-llm-parts.js';
import { createOpenAiClient } from '../../../src/llm/create-openai-client.js';
import { createUsageLedger } from '../../../src/llm/llm-usage.js';
import { PROMPTS_DIR } from '../../helpers/test-deps.js';
import { runtimeEnv } from '../../helpers/runtime-env.js';

const config = parseConfig({ llm: { model: 'llama3.1', timeoutMs: 4000, maxRetries: 2 } });

describe('building LLM mode from config and environment', () => {
  it('when neither OPENAI_API_KEY nor LLM_BASE_URL is set, then there is no LLM mode', () => {
    expect(createLlmParts(config, runtimeEnv({}), { promptsDir: PROMPTS_DIR })).toBeNull();
    expect(createOpenAiClient(config, runtimeEnv({}))).toBeNull();
  });

  it.each([
    ['an API key', runtimeEnv({ openaiApiKey: 'sk-test' })],
    [
      'a local base URL without a key (Ollama)',
      runtimeEnv({ llmBaseUrl: 'http://127.0.0.1:11434/v1' }),
    ],
  ])('when given %s, then an LLM extractor and phraser are built', (_, runtime) => {
    const parts = createLlmParts(config, runtime, { promptsDir: PROMPTS_DIR });
    expect(parts?.extractor.name).toBe('llm');
    expect(typeof parts?.phraser.phrase).toBe('function');
    expect(parts?.breaker.state()).toBe('closed');
  });

  it('when the client is built, then the base URL, time limit and retries come from the settings', () => {
    const client = createOpenAiClient(
      config,
      runtimeEnv({ llmBaseUrl: 'http://127.0.0.1:11434/v1' }),
    );
    expect(client?.baseURL).toBe('http://127.0.0.1:11434/v1');
    expect(client?.timeout).toBe(4000);
    expect(client?.maxRetries).toBe(2);
    expect(client?.apiKey).toBe('not-needed');
  });
});

describe('the usage ledger', () => {
  it('when usage is recorded, then it adds up per conversation and in total', () => {
    const usage = createUsageLedger();
    usage.record('a', { calls: 1, promptTokens: 100, completionTokens: 20, latencyMs: 50 });
    usage.record('a', { calls: 1, failures: 1, fallbacks: 1, latencyMs: 30 });
    usage.record(null, { calls: 1 });
    expect(usage.of('a')).toMatchObject({
      calls: 2,
      promptTokens: 100,
      completionTokens: 20,
      latencyMs: 80,
      failures: 1,
      fallbacks: 1,
    });
    expect(usage.total().calls).toBe(3);
    expect(usage.of('unknown').calls).toBe(0);
  });

  it('when more conversations are seen than it keeps, then the oldest is forgotten but the total still counts', () => {
    const usage = createUsageLedger(2);
    for (const id of ['a', 'b', 'c']) usage.record(id, { calls: 1 });
    expect(usage.of('a').calls).toBe(0);
    expect(usage.of('c').calls).toBe(1);
    expect(usage.total().calls).toBe(3);
  });
});
