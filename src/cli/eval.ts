import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { CorpusError, parseCorpus } from '../eval/corpus-schema.js';
import { formatReport, llmWarning } from '../eval/format-report.js';
import { runEval } from '../eval/run-eval.js';
import { createEvalRun } from '../eval/create-eval-service.js';

/** `npm run eval -- <file.jsonl> [--json] [--mode rules|llm]` (DESIGN.md "Evaluation"). */
async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        mode: { type: 'string', default: 'rules' },
      },
    });
  } catch (e) {
    process.stderr.write(
      `eval: ${e instanceof Error ? e.message : String(e)}\nusage: npm run eval -- <file.jsonl> [--json] [--mode rules|llm]\n`,
    );
    return 2;
  }
  const file = args.positionals[0];
  const mode = args.values.mode;
  if (!file || (mode !== 'rules' && mode !== 'llm')) {
    process.stderr.write('usage: npm run eval -- <file.jsonl> [--json] [--mode rules|llm]\n');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(
      `eval: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    return 2;
  }
  let items;
  try {
    items = parseCorpus(text);
  } catch (e) {
    if (e instanceof CorpusError) {
      process.stderr.write(`eval: ${file} ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  const { config, runtime } = loadConfig();
  if (mode === 'llm' && runtime.openaiApiKey === null && runtime.llmBaseUrl === null) {
    process.stderr.write('eval: --mode llm needs OPENAI_API_KEY or LLM_BASE_URL\n');
    return 2;
  }
  const run = createEvalRun(config, { mode, runtime });
  const report = await runEval(items, config, run.serviceFor, run.llm);
  process.stdout.write(args.values.json ? `${JSON.stringify(report)}\n` : formatReport(report));
  // It measured, so it exits 0; but a run that mostly fell back to rules must not pass for the model's.
  const warning = llmWarning(report);
  if (warning !== null) process.stderr.write(warning);
  return 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`eval: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  },
);
