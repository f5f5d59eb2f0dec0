import { mkdirSync } from 'node:fs';
import { Router } from 'express';
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleUserOf, requireConsoleUser } from '../../src/console/console-auth.js';
import { consolePage, logoutForm } from '../../src/console/console-pages.js';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { QUALIFIED_ANSWERS } from '../helpers/visitor-answers.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';

const MIA = 'mia@beacon.example';
const DRAFT = `---
quickReplies:
  - label: I sign
    value: I make the decision
---
DRAFT: who signs off at your place?`;
const ATTACK = '<img src=x onerror="window.pwned=1">';

/** A stand-in for the editor page: the section and script its contract names, nothing else. */
const editorStandIn = (auth: Parameters<typeof requireConsoleUser>[0]) =>
  Router().get('/console/test-editor', requireConsoleUser(auth, ['marketer']), (req, res) => {
    const { session } = consoleUserOf(req);
    res.type('html').send(
      consolePage(
        'Editor stand-in',
        `${logoutForm(session.csrfToken)}
<section id="chat-preview" data-template="ask-authority"></section>
<script type="module" src="/console/assets/chat-preview.js"></script>`,
      ),
    );
  });

/** What the editor's script does on every change of its draft. */
const sendDraft = (page: Page, source: string) =>
  page.evaluate((s) => {
    const detail = { template: 'ask-authority', source: s };
    window.dispatchEvent(new CustomEvent('leadbot:draft', { detail }));
  }, source);

describeInChromium('the chat preview beside the template editor', () => {
  it('asks for the draft, plays it as the visitor types and clicks, marks its messages, replays a new draft, and keeps visitor text inert (screenshot saved)', async ({
    newPage,
  }) => {
    const bed = await liveConsoleBed(
      [await consoleUser(MIA, 'marketer', 'Mia Marketer')],
      {},
      { templates: {}, routers: (auth) => [editorStandIn(auth)] },
    );
    const page = await newPage();
    // The editor answers the panel's request for the draft, as its contract says.
    await page.addInitScript(() => {
      const w = window as unknown as { draftRequests: number };
      w.draftRequests = 0;
      window.addEventListener('leadbot:draft-request', () => (w.draftRequests += 1));
    });
    await page.goto(`${bed.server.url}/console/login?next=%2Fconsole%2Ftest-editor`);
    await page.getByLabel('Email').fill(MIA);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Chat preview' }).waitFor();
    expect(
      await page.evaluate(() => (window as unknown as { draftRequests: number }).draftRequests),
    ).toBe(1);

    const log = page.locator('#chat-preview ol');
    await sendDraft(page, DRAFT);
    await log.locator('li[data-role="agent"]').first().waitFor();
    expect(await log.locator('li[data-draft]').count()).toBe(0);
    await page.getByRole('status').getByText('has not come up in this conversation yet').waitFor();

    const input = page.getByLabel('Your message, as a visitor');
    await input.fill(QUALIFIED_ANSWERS.need);
    await input.press('Enter');
    const drafted = log.locator('li[data-draft="true"]', {
      hasText: 'who signs off at your place',
    });
    await drafted.waitFor();
    expect(await drafted.textContent()).toContain('Your draft');

    // The draft's quick reply: the chip shows its label, the bot reads its value.
    await page.getByRole('button', { name: 'I sign' }).click();
    await log.locator('li[data-role="visitor"]', { hasText: 'I sign' }).waitFor();
    await log.locator('li[data-role="agent"]').nth(2).waitFor();
    expect(await log.locator('li[data-draft="true"]').count()).toBe(1);

    await input.fill(ATTACK);
    await input.press('Enter');
    await log.locator('li[data-role="visitor"]', { hasText: ATTACK }).waitFor();
    expect(await page.locator('#chat-preview img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window)).toBe(false);

    // A message the server refuses is named and taken back: the conversation goes on without it.
    const visitorLines = await log.locator('li[data-role="visitor"]').count();
    await input.fill('x'.repeat(501));
    await input.press('Enter');
    await page.getByRole('status').getByText('invalid body messages').waitFor();
    await input.fill('Hello again');
    await input.press('Enter');
    await log.locator('li[data-role="visitor"]', { hasText: 'Hello again' }).waitFor();
    expect(await log.locator('li[data-role="visitor"]').count()).toBe(visitorLines + 1);

    // A new draft replays the same conversation once the typing rests.
    await sendDraft(page, DRAFT.replace('who signs off at your place', 'who decides'));
    await log.locator('li[data-draft="true"]', { hasText: 'DRAFT: who decides?' }).waitFor();
    await log.locator('li[data-role="visitor"]', { hasText: ATTACK }).waitFor();

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/console-chat-preview.png', fullPage: true });

    // A draft that does not render is named; Restart plays the greeting alone.
    await sendDraft(page, 'Who decides?\n{{#if firstName}}');
    await page.getByRole('status').getByText('The draft does not render').waitFor();
    await sendDraft(page, DRAFT);
    await page.getByRole('button', { name: 'Restart' }).click();
    await expect.poll(() => log.locator('li').count()).toBe(1);
    expect(await bed.deps.store.listConversationIds()).toEqual([]);
  });
});
