import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { openWidget } from '../helpers/browser.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { REPO_ROOT } from '../helpers/test-deps.js';
import { spawnLeadbot, type SpawnedLeadbot } from '../helpers/spawn-leadbot.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

const ANA = 'ana@beacon.example';
const PASSWORD = 'a long passphrase for Ana';
const it = widgetTest.override({ contextOptions: { viewport: { width: 1280, height: 900 } } });

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

async function signIn(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(ANA);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
}

describeInChromium('a rep and a visitor at the same time', () => {
  it('the rep sees the visitor appear live, opens the lead, joins, both talk with names and typing, the record fills from the visitor words, the rep hands back and the bot books a meeting (screenshots saved)', async ({
    newPage,
  }) => {
    const leadbot = closeAfterTest(
      await spawnLeadbot({
        config: { booking: { reps: [{ id: 'ana', name: 'Ana Lima', email: ANA }] } },
      }),
    );
    await addUser(leadbot, ANA, 'Ana Lima', 'rep');
    const rep = await newPage();
    const visitor = await newPage();
    await signIn(rep, leadbot.url);

    // The visitor asks for a person: a rep is online, so someone is coming, and the inbox shows it.
    const w = await openWidget(visitor, `${leadbot.url}/?utm_source=newsletter`);
    await w.input.fill('Hi, I am Sam Park from Northwind. Can I talk to a person?');
    await w.input.press('Enter');
    await w.host.locator('li.lb-agent', { hasText: 'will join this chat in a moment' }).waitFor();
    const row = rep.getByRole('link', { name: 'Sam Park' });
    await row.waitFor();
    await rep
      .getByRole('row', { name: /Sam Park/ })
      .getByText('newsletter')
      .waitFor();
    mkdirSync('test-results', { recursive: true });
    await rep.screenshot({ path: 'test-results/console-inbox.png', fullPage: true });

    await row.click();
    await rep.getByRole('button', { name: 'Join' }).click();
    await w.host.locator('li.lb-system', { hasText: 'Ana Lima joined the chat' }).waitFor();

    await rep
      .getByLabel('Message to the visitor')
      .fill('Hi Sam, Ana here. How many people are you?');
    await w.host.locator('.lb-typing', { hasText: 'Ana Lima is typing' }).waitFor();
    await rep.getByRole('button', { name: 'Send' }).click();
    const said = w.host.locator('li.lb-rep').last();
    await said.getByText('How many people are you?').waitFor();
    expect(await said.locator('.lb-name').textContent()).toBe('Ana Lima');

    await w.input.pressSequentially('We are 250 people');
    await rep.getByText('The visitor is typing…').waitFor();
    await w.input.fill(
      "We are 250 people, I'm the VP of Sales, we need to route inbound leads, budget is $80k a year and we want to start this month. sam@northwind.example",
    );
    await w.input.press('Enter');
    const record = rep.locator('[data-live="record"]');
    await record.locator('td.value', { hasText: 'sam@northwind.example' }).waitFor();
    await record.locator('td.value', { hasText: /^250$/ }).waitFor();
    await rep.locator('[data-live="stage"]').getByText('SQL').waitFor();
    await rep.screenshot({ path: 'test-results/console-lead.png', fullPage: true });

    await rep.getByRole('button', { name: 'Hand back' }).click();
    await w.host.locator('li.lb-system', { hasText: 'Ana Lima left the chat' }).waitFor();
    await w.chips.first().waitFor();
    await w.chips.first().click();
    await w.host.locator('li.lb-agent', { hasText: 'booked' }).last().waitFor();
    await rep.locator('[data-live="meeting"]').getByText('booked').waitFor();
  });
});
