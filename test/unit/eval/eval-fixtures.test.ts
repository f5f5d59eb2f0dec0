import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../../src/config/load-config.js';
import { parseCorpus } from '../../../src/eval/corpus-schema.js';
import { createEvalService } from '../../../src/eval/create-eval-service.js';
import { runEval } from '../../../src/eval/run-eval.js';
import { runtimeEnv } from '../../helpers/runtime-env.js';
import { REPO_ROOT } from '../../helpers/test-deps.js';

const runtime = runtimeEnv();

const FIXTURES = [
  'conversations.jsonl',
  'conversations-b.jsonl',
  'conversations-c.jsonl',
  'conversations-d.jsonl',
  'conversations-e.jsonl',
  'conversations-f.jsonl',
  'conversations-g.jsonl',
  'conversations-h.jsonl',
  'conversations-i.jsonl',
  'conversations-j.jsonl',
  'conversations-k.jsonl',
];

describe("the eval on the project's own labelled conversations", () => {
  it.each(FIXTURES)(
    'when the rules extractor runs %s end to end, then field accuracy is at least 0.9 and nothing is asked twice',
    async (file) => {
      const items = parseCorpus(readFileSync(path.join(REPO_ROOT, 'test/fixtures', file), 'utf8'));
      const config = { ...defaultConfig(), promptsDir: path.join(REPO_ROOT, 'prompts') };
      const report = await runEval(items, config, (item) =>
        createEvalService(item, config, { mode: 'rules', runtime }),
      );
      expect(report.items).toBe(items.length);
      expect(report.fieldAccuracy, JSON.stringify(report.failures, null, 1)).toBeGreaterThanOrEqual(
        0.9,
      );
      expect(report.stageAccuracy).toBeGreaterThanOrEqual(0.9);
      expect(report.redundantAsks).toBe(0);
    },
  );
});
