import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema.js';
import { defaultConfig, loadConfig } from '../config/load-config.js';
import {
  checkWebhookTemplates,
  type WebhookTemplateReport,
} from '../handoff/webhook/check-webhook-templates.js';
import { checkPrompts } from '../prompts/check-prompts.js';
import { compileTemplate } from '../prompts/compile-template.js';
import { splitFrontMatter } from '../prompts/front-matter.js';
import { createHandlebarsEnv } from '../prompts/handlebars-env.js';
import { formatProblem, type PromptProblem } from '../prompts/prompt-problem.js';
import { SAMPLE_VARS } from '../prompts/sample-vars.js';
import { TEMPLATE_NAMES, TEMPLATE_VARS } from '../prompts/template-vars.js';

type Defaults = { promptsDir: string; company: string; agentName: string; config: Config };

/**
 * `npm run prompts:check [-- --dir <folder>]`: lists every problem in the templates (the chat's
 * and the webhook bodies in `webhooks/`), then previews each template rendered for a sample
 * lead. Returns the exit code: 1 when any error was found (warnings alone do not fail), else 0.
 */
export function runPromptsCheck(
  argv: string[],
  out: (line: string) => void,
  cwd = process.cwd(),
): number {
  const { values } = parseArgs({
    args: argv,
    options: { dir: { type: 'string' } },
    allowPositionals: false,
  });
  const defaults = configDefaults(cwd, out);
  const dir = path.resolve(cwd, values.dir ?? defaults.promptsDir);

  const webhooks = checkWebhookTemplates(dir, defaults.config);
  const problems = [...checkPrompts(dir, defaults.config), ...webhooks.flatMap(webhookProblems)];
  const errors = problems.filter((p) => p.severity === 'error');
  for (const p of problems) out(formatProblem(p, cwd));
  out(
    problems.length === 0
      ? 'No problems found.'
      : `${errors.length} error(s), ${problems.length - errors.length} warning(s).`,
  );
  previewAll(dir, defaults, out);
  webhooks.forEach((r) => previewWebhook(r, out));
  return errors.length > 0 ? 1 : 0;
}

const webhookProblems = (r: WebhookTemplateReport): PromptProblem[] =>
  r.errors.map((message) => ({ file: r.file, line: 0, message, severity: 'error' }));

/** A body template: the events it skips, and its body for a sample qualified lead. */
function previewWebhook(r: WebhookTemplateReport, out: (line: string) => void): void {
  out('');
  out(`--- webhooks/${path.basename(r.file, '.hbs')} ---`);
  for (const skip of r.skips) out(`skips ${skip}`);
  if (r.preview === null) return out('(not rendered: see the errors above)');
  const lines = r.preview.split('\n');
  lines.slice(0, PREVIEW_LINES).forEach((l) => out(l));
  if (lines.length > PREVIEW_LINES) out(`… (${lines.length - PREVIEW_LINES} more lines)`);
}
const PREVIEW_LINES = 40;

/** Every template rendered for a sample lead, with this deployment's company and agent names. */
function previewAll(dir: string, d: Defaults, out: (line: string) => void): void {
  const hb = createHandlebarsEnv();
  for (const name of TEMPLATE_NAMES) {
    out('');
    out(`--- ${name} ---`);
    out(`variables: ${Object.keys(TEMPLATE_VARS[name].shape).join(', ')}`);
    const file = path.join(dir, `${name}.hbs`);
    const source = existsSync(file) ? readFileSync(file, 'utf8') : null;
    const compiled = source === null ? null : compileTemplate(hb, name, source, file);
    if (!compiled?.ok) {
      out('(not rendered: see the errors above)');
      continue;
    }
    const vars = TEMPLATE_VARS[name].parse({
      ...SAMPLE_VARS[name],
      company: d.company,
      agentName: d.agentName,
    });
    const text = compiled.template.render(vars);
    out(text === '' ? '(renders empty)' : text);
    for (const q of compiled.template.quickReplies) out(`  [${q.label}] -> "${q.value}"`);
    const { sampleAnswers } = splitFrontMatter(source ?? '', file);
    for (const answer of sampleAnswers) out(`  sample answer: "${answer}"`);
  }
}

/** The prompts folder and names from the config; the shipped defaults when it cannot load. */
function configDefaults(cwd: string, out: (line: string) => void): Defaults {
  try {
    const { config } = loadConfig(process.env, cwd);
    return {
      promptsDir: config.promptsDir,
      company: config.company.name,
      agentName: config.company.agentName,
      config,
    };
  } catch (e) {
    out(`note: config not loaded (${e instanceof Error ? e.message : String(e)}); using defaults`);
    return {
      promptsDir: './prompts',
      company: 'Beacon',
      agentName: 'Beacon assistant',
      config: defaultConfig(),
    };
  }
}

const isMain =
  process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (isMain) {
  // The CLI's output is its purpose: stdout is the right channel here.
  process.exitCode = runPromptsCheck(process.argv.slice(2), (line) =>
    process.stdout.write(`${line}\n`),
  );
}
