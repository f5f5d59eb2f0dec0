import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.js';
import { describeLlmSetup } from '../../../src/llm/describe-llm-setup.js';
import { LlmError } from '../../../src/llm/llm-error.js';
import { reportChatError } from '../../../src/llm/report-chat-error.js';
import { runtimeEnv } from '../../helpers/runtime-env.js';

describe('the start-up description of LLM mode', () => {
  it("when OpenAI is used, then the line names the model, OpenAI's URL and the time limit, with no warning", () => {
    const setup = describeLlmSetup(parseConfig({}), runtimeEnv({ openaiApiKey: 'sk-test' }));
    expect(setup.line).toBe(
      'LLM mode: model gpt-4o-mini at https://api.openai.com/v1 (OpenAI), 8000 ms per turn, 1 retry',
    );
    expect(setup.warnings).toEqual([]);
  });

  it("when LLM_BASE_URL is set without LLM_MODEL, then it warns that OpenAI's default model is asked of that server", () => {
    const setup = describeLlmSetup(
      parseConfig({}),
      runtimeEnv({ llmBaseUrl: 'http://localhost:11434/v1' }),
    );
    expect(setup.line).toMatch(/model gpt-4o-mini at http:\/\/localhost:11434\/v1,/);
    expect(setup.warnings).toEqual([
      expect.stringMatching(
        /LLM_BASE_URL is set but LLM_MODEL is not: .* set LLM_MODEL to a model your server serves/,
      ),
    ]);
  });

  it.each([
    ['a base URL without /v1', 'http://localhost:11434', /does not end in \/v1/],
    ['a base URL that is no URL', 'localhost:11434', /is not a URL/],
  ])('when given %s, then it warns', (_, llmBaseUrl, warning) => {
    const config = parseConfig({ llm: { model: 'llama3.1' } });
    expect(
      describeLlmSetup(config, runtimeEnv({ llmBaseUrl, llmModel: 'llama3.1' })).warnings,
    ).toEqual([expect.stringMatching(warning)]);
  });

  it('when the base URL and model are both set, then there is nothing to warn about', () => {
    const config = parseConfig({ llm: { model: 'llama3.1' } });
    expect(
      describeLlmSetup(
        config,
        runtimeEnv({ llmBaseUrl: 'http://localhost:11434/v1', llmModel: 'llama3.1' }),
      ).warnings,
    ).toEqual([]);
  });
});

describe('reporting chat errors', () => {
  it('when a model failure reaches the shell, then it is not logged again; other failures are', () => {
    const lines: string[] = [];
    const report = reportChatError({ error: (message) => lines.push(message) });
    report(new LlmError('server_error', '500'), 'extract');
    report(new LlmError('breaker_open', 'open'), 'phrase');
    report(new Error('disk full'), 'reply');
    expect(lines).toEqual(['chat reply failed']);
  });
});
