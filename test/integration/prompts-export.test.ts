import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPromptsExport } from '../../src/cli/prompts-export.js';
import { createLowdbTemplateVersions } from '../../src/prompts/versions/lowdb-template-versions.js';
import { createTemplateHistory } from '../../src/prompts/versions/template-history.js';
import { tempDirForTest } from '../helpers/temp-dir-for-test.js';
import { PROMPTS_DIR } from '../helpers/test-deps.js';

const MIA = { email: 'mia@beacon.example', name: 'Mia' };

/** A deployment folder: the shipped prompts in ./prompts, versions in ./data. */
async function deployment() {
  const { dir } = tempDirForTest('leadbot-export-');
  cpSync(PROMPTS_DIR, path.join(dir, 'prompts'), { recursive: true });
  const dataDir = path.join(dir, 'data');
  const history = createTemplateHistory({
    store: await createLowdbTemplateVersions({ dataDir }),
    promptsDir: path.join(dir, 'prompts'),
  });
  const lines: string[] = [];
  const run = (args: string[] = []) =>
    runPromptsExport(args, {
      out: (l) => lines.push(l),
      err: (l) => lines.push(l),
      cwd: dir,
      env: { DATA_DIR: dataDir },
    });
  return { dir, history, lines, run };
}

describe('npm run prompts:export', () => {
  it('writes the live published versions over their files and leaves the others alone', async () => {
    const { dir, history, lines, run } = await deployment();
    await history.publish('ask-budget', 'Any budget in mind?', MIA, '');
    await history.publish('ask-budget', 'What budget do you have in mind?', MIA, '');
    expect(await run()).toBe(0);
    expect(readFileSync(path.join(dir, 'prompts', 'ask-budget.hbs'), 'utf8')).toBe(
      'What budget do you have in mind?',
    );
    expect(lines[0]).toMatch(
      /^wrote prompts\/ask-budget\.hbs \(version 3, published by mia@beacon\.example/,
    );
    expect(lines.at(-1)).toMatch(/1 file\(s\) written/);
    expect(readFileSync(path.join(dir, 'prompts', 'greeting.hbs'), 'utf8')).toBe(
      readFileSync(path.join(PROMPTS_DIR, 'greeting.hbs'), 'utf8'),
    );
  });

  it('writes every template to another folder with --out', async () => {
    const { dir, history, run } = await deployment();
    await history.publish('greeting', 'Hi! What brings you here?', MIA, '');
    expect(await run(['--out', 'exported'])).toBe(0);
    expect(readFileSync(path.join(dir, 'exported', 'greeting.hbs'), 'utf8')).toBe(
      'Hi! What brings you here?',
    );
    expect(readFileSync(path.join(dir, 'exported', 'ask-need.hbs'), 'utf8')).toBe(
      readFileSync(path.join(PROMPTS_DIR, 'ask-need.hbs'), 'utf8'),
    );
  });

  it('says what is wrong with its arguments', async () => {
    const { run, lines } = await deployment();
    expect(await run(['--nope'])).toBe(2);
    expect(lines.join('\n')).toMatch(/usage: npm run prompts:export/);
  });
});
