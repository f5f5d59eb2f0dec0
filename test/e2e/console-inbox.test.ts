import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { inboxConversation } from '../helpers/inbox-conversation.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { at } from '../helpers/make-conversation.js';
import { connectClient } from '../helpers/socket-client.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';

const ANA = 'ana@beacon.example';
const EVIL_NAME = '<img src=x onerror="window.__xss=1">';
const EVIL_COMPANY = '<script>window.__xss=2</script>';

/** Signs in through the login form and waits until the inbox's live socket is connected. */
async function openInbox(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/console`);
  await page.getByLabel('Email').fill(ANA);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Inbox' }).waitFor();
  await page.waitForFunction(() => document.documentElement.dataset.live === 'on');
}

describeInChromium('the inbox in a browser', () => {
  it('a signed-in rep sees a visitor’s conversation appear live, without reloading the page', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    await openInbox(page, bed.server.url);
    await page.getByText('No conversation matches.').waitFor();
    await page.evaluate(() => Object.assign(window, { sameDocument: true }));

    const visitor = await connectClient(bed.server.url);
    const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!hello.ok) throw new Error(hello.error.message);
    await visitor.emitWithAck('visitor:message', { clientId: 'c1', text: 'Hi there' });
    const row = page.locator(`a[href="/console/leads/${hello.conversationId}"]`);
    await row.waitFor();
    expect(await page.evaluate(() => 'sameDocument' in window)).toBe(true);
    await row.click();
    expect(new URL(page.url()).pathname).toBe(`/console/leads/${hello.conversationId}`);
    visitor.close();
  });

  it('a visitor’s name or company made of HTML is shown as text and runs nothing, on load and on a live refresh', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    await bed.deps.store.saveConversation(
      inboxConversation({ id: 'evil-1', level: 'SQL', name: EVIL_NAME, minutes: 1 }),
    );
    await openInbox(page, bed.server.url);
    await page.getByRole('link', { name: EVIL_NAME }).waitFor();
    await bed.deps.store.saveConversation(
      inboxConversation({
        id: 'evil-2',
        level: 'MQL',
        name: 'Second',
        company: EVIL_COMPANY,
        minutes: 2,
      }),
    );
    await page.getByText(EVIL_COMPANY).waitFor();
    expect(await page.evaluate(() => 'xss' in window || '__xss' in window)).toBe(false);
    expect(await page.locator('#inbox-rows img, #inbox-rows script').count()).toBe(0);
  });

  it('a live refresh keeps the filters: a rep looking at SQL leads gets the new SQL lead, not the new MQL one', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    await openInbox(page, bed.server.url);
    await page.getByLabel('Stage').selectOption('SQL');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/stage=SQL/);
    await page.waitForFunction(() => document.documentElement.dataset.live === 'on');
    await bed.deps.store.saveConversation(
      inboxConversation({ id: 'new-mql', level: 'MQL', name: 'Mid Lead', minutes: 1 }),
    );
    await bed.deps.store.saveConversation(
      inboxConversation({ id: 'new-sql', level: 'SQL', name: 'Top Lead', minutes: 2 }),
    );
    await page.getByRole('link', { name: 'Top Lead' }).waitFor();
    expect(await page.getByRole('link', { name: 'Mid Lead' }).count()).toBe(0);
    expect(await page.getByLabel('Stage').inputValue()).toBe('SQL');
    expect(await page.locator('#csv-link').getAttribute('href')).toBe(
      '/console/api/inbox.csv?stage=SQL',
    );
  });

  it('the list keeps up while visitors keep writing: a new lead shows during a steady stream of saves', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    await openInbox(page, bed.server.url);
    let noisy = await bed.deps.store.saveConversation(
      inboxConversation({ id: 'busy', level: 'lead', name: 'Busy Chat', minutes: 1 }),
    );
    let streaming = true;
    const stream = (async () => {
      // A save every 50 ms, for at most 10 s: never a quiet moment for a trailing debounce.
      for (let i = 0; streaming && i < 200; i++) {
        noisy = await bed.deps.store.saveConversation({ ...noisy, updatedAt: at(60 + i) });
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return streaming;
    })();
    await bed.deps.store.saveConversation(
      inboxConversation({ id: 'arrived', level: 'SQL', name: 'Arrived Lead', minutes: 2 }),
    );
    await page.getByRole('link', { name: 'Arrived Lead' }).waitFor();
    streaming = false;
    expect(await stream).toBe(false);
  });

  it('a new SQL lead shows its alert, and after "Enable notifications" it beeps and raises a browser notification', async ({
    page,
  }) => {
    // Recorders around the browser's own APIs: a headless browser shows and plays nothing.
    await page.addInitScript(() => {
      const notes: string[] = [];
      let tones = 0;
      class RecordedNotification {
        static permission = 'default';
        static requestPermission(): Promise<string> {
          RecordedNotification.permission = 'granted';
          return Promise.resolve('granted');
        }
        onclick: (() => void) | null = null;
        constructor(_title: string, options: { body: string }) {
          notes.push(options.body);
        }
      }
      const start = OscillatorNode.prototype.start;
      OscillatorNode.prototype.start = function (...args: [number?]) {
        tones++;
        start.apply(this, args);
      };
      Object.assign(window, { Notification: RecordedNotification, notes, tones: () => tones });
    });
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    await openInbox(page, bed.server.url);
    const qualified = (id: string, minutes: number) =>
      inboxConversation({
        id,
        level: 'SQL',
        name: id === 'first' ? 'Dana Reyes' : 'Omar Haddad',
        minutes,
        overrides: {
          outbox: [
            {
              id: `q-${id}`,
              type: 'lead.qualified',
              occurredAt: new Date().toISOString(),
              conversationId: id,
            },
          ],
        },
      });
    await bed.deps.store.saveConversation(qualified('first', 1));
    await page.locator('#inbox-alert', { hasText: 'New SQL lead: Dana Reyes' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual([]);

    await page.getByRole('button', { name: 'Enable notifications' }).click();
    await page.getByRole('button', { name: 'Notifications on' }).waitFor();
    await bed.deps.store.saveConversation(qualified('second', 2));
    await page.locator('#inbox-alert', { hasText: 'New SQL lead: Omar Haddad' }).waitFor();
    expect(await page.evaluate(() => (window as unknown as { notes: string[] }).notes)).toEqual([
      'New SQL lead: Omar Haddad',
    ]);
    expect(await page.evaluate(() => (window as unknown as { tones: () => number }).tones())).toBe(
      2,
    );
    await page.getByRole('link', { name: 'Omar Haddad' }).waitFor();
    await page.screenshot({ path: 'test-results/console-inbox.png', fullPage: true });
  });
});
