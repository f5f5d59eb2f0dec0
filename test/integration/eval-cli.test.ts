import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { extractionReply } from '../fakes/fake-extraction.js';
import { startFakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { REPO_ROOT } from '../helpers/test-deps.js';

const run = promisify(execFile);
const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/conversations.jsonl');
const DESIGN_KEYS = [
  'items',
  'fieldAccuracy',
  'fields',
  'stageAccuracy',
  'bookedAccuracy',
  'avgVisitorTurns',
  'redundantAsks',
  'failures',
];

/** Runs `npm run eval -- <args>` as a user would (through tsx, from the repository). */
async function evalCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  const bin = path.join(REPO_ROOT, 'node_modules/.bin/tsx');
  try {
    const { stdout, stderr } = await run(bin, ['src/cli/eval.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, OPENAI_API_KEY: '', LLM_BASE_URL: '', ...env },
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

/** `--mode llm --json` over the fixtures against a fake model "fake-model" that finds nothing. */
async function llmEvalOfFixtures() {
  const fake = closeAfterTest(await startFakeOpenAiServer());
  fake.always(() => extractionReply());
  const r = await evalCli([FIXTURES, '--json', '--mode', 'llm'], {
    LLM_BASE_URL: fake.url,
    LLM_MODEL: 'fake-model',
  });
  return { fake, r };
}

describe('npm run eval', () => {
  it('when given the fixtures with --json, then it prints one report object and exits 0', async () => {
    const r = await evalCli([FIXTURES, '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(DESIGN_KEYS));
    expect(report.items).toBeGreaterThan(0);
  });

  it('when a line is malformed, then it exits 2 and names the line', async () => {
    const { dir } = tempDirForTest('leadbot-eval-');
    const file = path.join(dir, 'bad.jsonl');
    writeFileSync(
      file,
      `${JSON.stringify({ id: 'a', now: '2026-03-02T15:00:00Z', visitor: { timezone: 'UTC' }, opening: 'hi', expected: {} })}\n{"id": "b",\n`,
    );
    const r = await evalCli([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/line 2/);
  });

  it('when the file does not exist, then it exits 2 with a clear message', async () => {
    const r = await evalCli(['/nonexistent/corpus.jsonl']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read/);
  });

  it('when run with --mode llm against an OpenAI-compatible server, then it uses the model and still measures', async () => {
    const { fake, r } = await llmEvalOfFixtures();
    expect(r.code, r.stderr).toBe(0);
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests[0]?.body.model).toBe('fake-model');
    expect(JSON.parse(r.stdout).fieldAccuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('when --mode llm measured, then the JSON keeps the DESIGN.md keys and adds what the model did', async () => {
    const { fake, r } = await llmEvalOfFixtures();
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(DESIGN_KEYS));
    expect(report.llm).toMatchObject({
      model: 'fake-model',
      baseUrl: fake.url,
      calls: fake.requests.length,
      turnsOnRules: 0,
      failures: 0,
    });
    expect(report.llm.turns).toBeGreaterThan(0);
    expect(report.llm.promptTokens).toBeGreaterThan(0);
    expect(report.llm.tokensPerTurn).toEqual({
      input: Math.round(report.llm.promptTokens / report.llm.turns),
      cachedInput: Math.round(report.llm.cachedPromptTokens / report.llm.turns),
      output: Math.round(report.llm.completionTokens / report.llm.turns),
    });
    expect(r.stderr).not.toMatch(/WARNING/);
  });

  it('when every model call fails in --mode llm, then it still exits 0 but warns on stderr, and the report says why', async () => {
    const fake = closeAfterTest(await startFakeOpenAiServer());
    fake.always({
      type: 'error',
      status: 404,
      message: 'model "gpt-4o-mini" not found, try pulling it first',
    });
    const json = await evalCli([FIXTURES, '--json', '--mode', 'llm'], {
      LLM_BASE_URL: fake.url,
      LLM_MODEL: '',
    });
    expect(json.code).toBe(0);
    expect(json.stderr).toMatch(/eval: WARNING: the model failed on (\d+) of \1 LLM-mode turns/);
    expect(json.stderr).toMatch(/These figures measure rules mode, not model gpt-4o-mini/);
    expect(json.stderr).toMatch(/set LLM_MODEL to a model your server serves/);
    const report = JSON.parse(json.stdout);
    expect(Object.keys(report)).toEqual(expect.arrayContaining(DESIGN_KEYS));
    expect(report.llm.turnsOnRules).toBe(report.llm.turns);
    expect(report.llm.failuresByKind).toMatchObject({
      config: expect.any(Number),
      breaker_open: expect.any(Number),
    });
    // The breaker stops asking after the configuration error: one call per 30 s cool-down at most.
    expect(fake.requests.length).toBeLessThanOrEqual(2);

    const text = await evalCli([FIXTURES, '--mode', 'llm'], {
      LLM_BASE_URL: fake.url,
      LLM_MODEL: '',
    });
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/LLM \(model gpt-4o-mini at http:\/\/127\.0\.0\.1:\d+\/v1\)/);
    expect(text.stdout).toMatch(/Turns on rules: +(\d+) of \1 \(100\.0%\)/);
    expect(text.stdout).toMatch(/Failures: .*config 1/);
    expect(text.stderr).toMatch(/WARNING/);
  });

  it('when --mode llm has no key and no base URL, then it exits 2 and says what is missing', async () => {
    const r = await evalCli([FIXTURES, '--mode', 'llm']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/OPENAI_API_KEY or LLM_BASE_URL/);
  });
});
