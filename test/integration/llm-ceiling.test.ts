import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/load-config.js';
import { createEvalRun } from '../../src/eval/create-eval-service.js';
import { parseCorpus } from '../../src/eval/corpus-schema.js';
import { runEval } from '../../src/eval/run-eval.js';
import { alwaysRightModel } from '../fakes/always-right-model.js';
import { startFakeOpenAiServer } from '../fakes/fake-openai-server.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { runtimeEnv } from '../helpers/runtime-env.js';
import { PROMPTS_DIR, REPO_ROOT } from '../helpers/test-deps.js';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures');
const SETS = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.jsonl'))
  .sort();

/**
 * The pipeline's ceiling: LLM mode, wired as `npm run eval -- <file> --mode llm` wires it, with
 * a model that is always right (it answers each message with exactly the labelled values that
 * message states). Whatever it still gets wrong is lost by the pipeline: the value checks, the
 * merge with the rules, the engine.
 */
describe('LLM mode with an always-right model', () => {
  it.each(SETS)(
    'when it reads %s, then the record reaches the labels (field >= 0.995, stage >= 0.99)',
    async (file) => {
      const items = parseCorpus(readFileSync(path.join(FIXTURES, file), 'utf8'));
      const fake = closeAfterTest(await startFakeOpenAiServer());
      fake.always(alwaysRightModel(items));
      const config = parseConfig({ promptsDir: PROMPTS_DIR, llm: { model: 'always-right' } });
      const run = createEvalRun(config, {
        mode: 'llm',
        runtime: runtimeEnv({ openaiApiKey: 'test', llmBaseUrl: fake.url }),
      });
      const report = await runEval(items, config, run.serviceFor, run.llm);
      const failures = report.failures.map((f) => `${f.id} ${f.field}`);
      expect(report.llm?.turnsOnRules, 'turns the model failed on').toBe(0);
      expect({ field: report.fieldAccuracy, failures }).toMatchObject({
        field: expect.toSatisfy((x: number) => x >= 0.995) as unknown,
      });
      expect(report.stageAccuracy).toBeGreaterThanOrEqual(0.99);
    },
    120_000,
  );
});
