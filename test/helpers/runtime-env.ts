import type { RuntimeEnv } from '../../src/config/load-config.js';

/**
 * The settings read from the environment, none set by default: rules mode (no OpenAI key or LLM
 * base URL), no CRM webhook, no admin token. Override what a test is about.
 *
 * @example runtimeEnv({ llmBaseUrl: 'http://127.0.0.1:11434/v1' })
 */
export function runtimeEnv(overrides: Partial<RuntimeEnv> = {}): RuntimeEnv {
  return {
    openaiApiKey: null,
    llmBaseUrl: null,
    llmModel: null,
    crmWebhookUrl: null,
    crmWebhookSecret: null,
    adminToken: null,
    ...overrides,
  };
}
