import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runPromptsCheck } from '../../../src/cli/prompts-check.js';
import { copyShippedPrompts, SHIPPED_DIR } from '../prompts/temp-prompts.js';

const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** Runs `npm run prompts:check -- --dir <dir>` from an empty working folder. */
function check(dir: string): { code: number; lines: string[] } {
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'leadbot-cwd-'));
  cleanups.push(() => rmSync(cwd, { recursive: true, force: true }));
  const lines: string[] = [];
  const code = runPromptsCheck(['--dir', dir], (l) => lines.push(l), cwd);
  return { code, lines };
}

/** A copy of the shipped prompts with one extra body template. */
function withWebhook(source: string): { dir: string; file: string } {
  const copy = copyShippedPrompts();
  cleanups.push(copy.cleanup);
  copy.write('webhooks/custom.hbs', source);
  return { dir: copy.dir, file: path.join(copy.dir, 'webhooks', 'custom.hbs') };
}

describe('npm run prompts:check on the webhook body templates', () => {
  it('when the shipped templates are checked, then each renders for every event, HubSpot says what it skips, and it exits 0', () => {
    const { code, lines } = check(SHIPPED_DIR);
    expect([code, lines[0]]).toEqual([0, 'No problems found.']);
    for (const name of ['default-json', 'hubspot-contact', 'slack-message'])
      expect(lines).toContain(`--- webhooks/${name} ---`);
    expect(lines).toContain(
      'skips lead.handoff_requested, no email yet: HubSpot upserts contacts by email, and the visitor has given none yet',
    );
    const slack = lines.indexOf('--- webhooks/slack-message ---');
    expect(lines[slack + 1]).toBe('{');
  });

  it.each([
    [
      'a value written without json (invalid JSON)',
      '{ "name": "{{lead.contact.name}}" }',
      /^rendered invalid JSON: .* \(sample: lead\.qualified\)$/,
    ],
    [
      'a misspelled variable',
      '{ "a": {{json lead.contact.nmae}} }',
      /json: unknown variable \(misspelled\?\) \(sample: lead\.qualified\)$/,
    ],
    ['a syntax error', '{ "a": {{json summary }', /Parse error/],
    ['an unknown helper', '{ "a": {{upper summary}} }', /upper/],
  ])(
    'when a body template has %s, then it prints the file and the problem and exits 1',
    (_, source, message) => {
      const { dir, file } = withWebhook(source);
      const { code, lines } = check(dir);
      expect(code).toBe(1);
      const line = lines.find((l) => l.startsWith(`${file}: `)) ?? '';
      expect(line.slice(file.length + 2)).toMatch(message);
      expect(lines.indexOf('--- webhooks/custom ---')).toBeGreaterThan(0);
    },
  );
});
