import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/load-config.js';
import { createLowdbTemplateVersions } from '../prompts/versions/lowdb-template-versions.js';
import { TEMPLATE_NAMES } from '../prompts/template-vars.js';
import type { CliIo } from './deliveries.js';
import { describeDataDir } from './deliveries-context.js';
import { runAsMain } from './run-as-main.js';

const USAGE = 'usage: npm run prompts:export [-- --out <folder>]  (default: the prompts folder)';

/**
 * `npm run prompts:export [-- --out <folder>]`: writes each template's live text (the latest
 * published version, else its file) to `<folder>/<template>.hbs`, so the versions published in
 * the console can be committed to git. Files whose text is already the live one are left alone.
 * Exit codes: 0 done, 1 the data or config cannot be read, 2 bad arguments.
 *
 * @example await runPromptsExport(['--out', 'exported'], { out: console.log, err: console.error });
 */
export async function runPromptsExport(args: string[], io: CliIo): Promise<number> {
  let out: string | undefined;
  try {
    out = parseArgs({ args, options: { out: { type: 'string' } } }).values.out;
  } catch (e) {
    io.err(`prompts:export: ${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
    return 2;
  }
  const cwd = io.cwd ?? process.cwd();
  const env = io.env ?? process.env;
  try {
    const loaded = loadConfig(env, cwd);
    const promptsDir = path.resolve(cwd, loaded.config.promptsDir);
    const target = path.resolve(cwd, out ?? promptsDir);
    const where = describeDataDir(loaded, env, cwd);
    const live = new Map(
      (await (await createLowdbTemplateVersions({ dataDir: where.dir })).live()).map((v) => [
        v.template,
        v,
      ]),
    );
    await mkdir(target, { recursive: true });
    let written = 0;
    for (const name of TEMPLATE_NAMES) {
      const published = live.get(name);
      const source =
        published?.source ?? (await readFile(path.join(promptsDir, `${name}.hbs`), 'utf8'));
      const file = path.join(target, `${name}.hbs`);
      if ((await readFile(file, 'utf8').catch(() => null)) === source) continue;
      await writeFile(file, source);
      written++;
      const from = published
        ? `version ${published.version}, published by ${published.author} at ${published.publishedAt}`
        : 'version 1, the file';
      const rel = path.relative(cwd, file);
      io.out(`wrote ${rel.startsWith('..') ? file : rel} (${from})`);
    }
    io.err(`prompts:export: ${written} file(s) written to ${target}; versions from ${where.label}`);
    return 0;
  } catch (e) {
    // A config, data file or folder problem: our errors say what is wrong, without a stack.
    io.err(`prompts:export: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  }
}

runAsMain(import.meta.url, 'prompts:export', runPromptsExport);
