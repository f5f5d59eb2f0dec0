import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openWidget } from '../helpers/browser.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { PROMPTS_DIR, REPO_ROOT } from '../helpers/test-deps.js';
import { spawnLeadbot, type SpawnedLeadbot } from '../helpers/spawn-leadbot.js';
import { QUALIFIED_ANSWERS } from '../helpers/visitor-answers.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

const MIA = 'mia@beacon.example';
const ANA = 'ana@beacon.example';
const HOSTILE = '<img src=x onerror="window.pwned=1">';
const PASSWORD = 'a long passphrase for Mia';
const it = widgetTest.override({ contextOptions: { viewport: { width: 1400, height: 1000 } } });

/** The budget question's shipped text (ask-budget.hbs), its first ask, and the new wording. */
const SHIPPED = readFileSync(path.join(PROMPTS_DIR, 'ask-budget.hbs'), 'utf8');
const SHIPPED_GREETING = readFileSync(path.join(PROMPTS_DIR, 'greeting.hbs'), 'utf8');
const OLD_ASK = 'Have you set aside a budget for this?';
const NEW_ASK = 'What yearly budget do you have in mind for a tool like this?';
const reworded = SHIPPED.replace(
  'Have you set aside a budget for this? A rough yearly or monthly figure helps us suggest the right plan.',
  NEW_ASK,
);
const withReply = (value: string) =>
  reworded.replace(
    'quickReplies:\n',
    `quickReplies:\n  - label: Ask my boss\n    value: ${value}\n`,
  );
/** `npm run users -- add` as an admin types it, the password piped in. */
async function addUser(leadbot: SpawnedLeadbot, email: string, name: string, role: string) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'src/cli/users.ts', 'add', email, '--name', name, '--role', role],
    { cwd: REPO_ROOT, env: { ...process.env, DATA_DIR: leadbot.dataDir, LEADBOT_CONFIG: '' } },
  );
  child.stdin.end(`${PASSWORD}\n`);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  expect(code).toBe(0);
}

/** Signs `email` in at the console's login page; resolves on the inbox. */
async function signIn(page: Page, url: string, email: string): Promise<Page> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  return page;
}

/** Replaces the whole draft, as a marketer selecting all and pasting would. */
async function replaceDraft(page: Page, source: string): Promise<void> {
  await page.locator('#editor-host .cm-content').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(source);
}

/** A new visitor answers need, role and company; resolves with the next question (budget). */
async function budgetQuestion(page: Page, url: string): Promise<string> {
  const w = await openWidget(page, url);
  for (const slot of ['need', 'authority', 'company'] as const) {
    const before = await w.agentBubbles.count();
    await w.input.fill(QUALIFIED_ANSWERS[slot]);
    await w.input.press('Enter');
    await w.agentBubbles.nth(before).waitFor();
  }
  const asked = w.agentBubbles.last();
  await asked.getByText(/budget/i).waitFor();
  return (await asked.textContent()) ?? '';
}

describeInChromium('a marketer edits a template in the console', () => {
  it('rewords the budget question, sees an unreadable quick reply flagged and the preview, publishes; visitors get the new wording, then the old one after a rollback (screenshot saved)', async ({
    newPage,
  }) => {
    const leadbot = closeAfterTest(await spawnLeadbot());
    await addUser(leadbot, MIA, 'Mia Marketer', 'marketer');
    const mia = await signIn(await newPage(), leadbot.url, MIA);
    await mia.getByRole('link', { name: 'Templates' }).click();
    await mia.getByRole('link', { name: 'ask-budget' }).click();
    await mia.locator('#editor-host .cm-editor').waitFor();
    await mia.locator('#problems', { hasText: 'No problems found.' }).waitFor();

    // A quick reply the rules extractor cannot read is flagged as the marketer types, by name.
    await replaceDraft(mia, withReply('Purple elephants'));
    const flagged = mia.locator('#problems li', { hasText: 'quick reply "Ask my boss"' });
    await flagged.waitFor();
    expect(await flagged.textContent()).toMatch(/^Line 4: .*asked again/);
    expect(await mia.locator('.cm-problem-line').count()).toBe(1);
    await mia.locator('#preview-messages', { hasText: 'No preview' }).waitFor();

    // Fixed: a value the extractor reads. The preview shows the new wording, first ask and re-ask.
    await replaceDraft(mia, withReply('About $10k a year'));
    await mia.locator('#problems', { hasText: 'No problems found.' }).waitFor();
    expect(await mia.locator('.cm-problem-line').count()).toBe(0);
    const preview = mia.locator('#preview-messages');
    await preview.locator('.bubble', { hasText: NEW_ASK }).waitFor();
    await mia.getByRole('tab', { name: 'researcher' }).click();
    expect(await preview.locator('.kind').allTextContents()).toEqual(['first ask', 're-ask']);
    await preview.locator('.replies span', { hasText: 'Ask my boss' }).first().waitFor();

    await mia.getByLabel('Note').fill('Ask for a yearly figure');
    await mia.getByRole('button', { name: 'Publish' }).click();
    await mia.getByText('Version 2 is live.').waitFor();
    await mia.getByRole('row', { name: /v2 .*Mia Marketer.*Ask for a yearly figure/ }).waitFor();
    // The diff between the file and the published version shows the changed line.
    await mia.getByRole('button', { name: 'Show diff' }).click();
    await mia.locator('#diff-lines .diff-added', { hasText: NEW_ASK }).waitFor();
    await mia.locator('#diff-lines .diff-removed', { hasText: OLD_ASK }).waitFor();
    mkdirSync('test-results', { recursive: true });
    await mia.screenshot({ path: 'test-results/console-template-editor.png', fullPage: true });

    const first = await budgetQuestion(await newPage(), leadbot.url);
    expect(first).toContain(NEW_ASK);

    await mia.getByRole('button', { name: 'Roll back to v1' }).click();
    await mia.getByText('Version 3 is live.').waitFor();
    await mia.getByRole('row', { name: /v3 .*restored from v1/ }).waitFor();
    const after = await budgetQuestion(await newPage(), leadbot.url);
    expect(after).toContain(OLD_ASK);
    expect(after).not.toContain(NEW_ASK);
  }, 120_000);

  it('announces every draft to the chat preview, shows hostile template text as text in the editor and the preview, and a rep gets no editor', async ({
    newPage,
  }) => {
    const leadbot = closeAfterTest(await spawnLeadbot());
    await addUser(leadbot, MIA, 'Mia Marketer', 'marketer');
    await addUser(leadbot, ANA, 'Ana Lima', 'rep');
    const mia = await signIn(await newPage(), leadbot.url, MIA);
    // The chat preview's contract: every draft is announced as a `leadbot:draft` window event.
    await mia.addInitScript(() => {
      const seen: unknown[] = [];
      Reflect.set(window, 'drafts', seen);
      window.addEventListener('leadbot:draft', (e) => seen.push(Reflect.get(e, 'detail')));
    });
    const drafts = () => mia.evaluate(() => Reflect.get(window, 'drafts') as unknown[]);
    await mia.goto(`${leadbot.url}/console/templates/greeting`);
    await mia.locator('#editor-host .cm-editor').waitFor();
    // On load: the draft as shipped, announced by the editor and again at the panel's request.
    await mia.locator('#chat-preview .cp-agent').first().waitFor();
    const onLoad = await drafts();
    expect(onLoad).toContainEqual({ template: 'greeting', source: SHIPPED_GREETING });
    expect(new Set(onLoad.map((d: unknown) => JSON.stringify(d))).size).toBe(1);
    await replaceDraft(mia, `Hi! ${HOSTILE}`);
    expect((await drafts()).at(-1)).toEqual({ template: 'greeting', source: `Hi! ${HOSTILE}` });
    const before = (await drafts()).length;
    await mia.evaluate(() => window.dispatchEvent(new CustomEvent('leadbot:draft-request')));
    expect(await drafts()).toHaveLength(before + 1);
    await mia.locator('#chat-preview [data-draft="true"]', { hasText: HOSTILE }).first().waitFor();
    await mia.locator('#preview-messages .bubble', { hasText: HOSTILE }).first().waitFor();
    await mia.getByLabel('Note').fill(HOSTILE);
    await mia.getByRole('button', { name: 'Publish' }).click();
    await mia.getByText('Version 2 is live.').waitFor();
    await mia.locator('#editor-host .cm-content', { hasText: HOSTILE }).waitFor();
    await mia.getByRole('cell', { name: HOSTILE }).waitFor();
    expect(await mia.locator('img').count()).toBe(0);
    expect(await mia.evaluate(() => Reflect.get(window, 'pwned'))).toBeUndefined();

    const ana = await signIn(await newPage(), leadbot.url, ANA);
    const refused = await ana.goto(`${leadbot.url}/console/templates/greeting`);
    expect(refused?.status()).toBe(403);
    expect(await ana.getByRole('link', { name: 'Templates' }).count()).toBe(0);
  }, 120_000);
});
