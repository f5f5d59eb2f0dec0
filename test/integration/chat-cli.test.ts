import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/test-deps.js';

/** Runs `npm run chat` with the lines typed in, and returns what the terminal showed. */
function chat(lines: string[], args: string[] = []): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join(REPO_ROOT, 'node_modules/.bin/tsx'),
      ['src/cli/chat.ts', ...args],
      {
        cwd: REPO_ROOT,
        env: { ...process.env, OPENAI_API_KEY: '', LLM_BASE_URL: '', NO_COLOR: '1' },
      },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out: out.replace(/\x1b\[[0-9;]*m/g, '') }));
    child.stdin.end(`${lines.join('\n')}\n/quit\n`);
  });
}

describe('npm run chat', () => {
  it('when a marketer types a rich answer, then the terminal shows the record, the score breakdown, grade and stage, and the agent skips what it knows', async () => {
    const { code, out } = await chat(
      [
        "I'm VP Sales at a 200-person logistics firm, we have about $40k a year and want this live within 2 months. Our inbound leads go cold before reps call them.",
        'Northwind Haulage',
        'Sam Lee, sam@northwind-haulage.example',
      ],
      ['--page', 'https://beacon.example/pricing', '--timezone', 'America/Chicago'],
    );
    expect(code).toBe(0);
    expect(out).toMatch(/authority\.level\s+"decision_maker"/);
    expect(out).toMatch(/budget\.amount\s+40000/);
    expect(out).toMatch(/company\.size\s+200/);
    expect(out).toMatch(/\+25\s+authority/);
    expect(out).toMatch(/grade hot\s+stage SQL/);
    expect(out).toMatch(/Which company are you with\?/);
    expect(out).not.toMatch(/What brings you to Beacon/);
    expect(out).toMatch(/\[1\] \w{3}, \w{3} \d+, \d+:\d{2} [AP]M C[SD]T/);
  });
});
