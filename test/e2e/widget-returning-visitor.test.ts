import type { Page } from 'playwright-core';
import { expect, vi } from 'vitest';
import { answerLatest, answerUntil, openWidget, widget } from '../helpers/browser.js';
import { describeInChromium, widgetTest, type Recorder } from '../helpers/widget-test.js';
import { conversationIdOf } from '../helpers/conversation-id-of.js';

// A short window: the conversation overflows the panel after a turn or two.
const it = widgetTest.override({
  contextOptions: {
    viewport: { width: 1280, height: 520 },
    timezoneId: 'Europe/Berlin',
    locale: 'en-US',
  },
});

const storedSessionId = (p: Page): Promise<string | null> =>
  p.evaluate(() => localStorage.getItem(`leadbot:${location.origin}:session`));

/** Opens the widget at `url` and answers until the agent offers quick replies; returns that message. */
async function quickRepliesOffered(page: Page, url: string, recorder: Recorder) {
  await openWidget(page, url);
  const last = await answerUntil(page, recorder.messages, (m) => m.quickReplies.length > 0);
  if (!last || last.quickReplies.length === 0)
    throw new Error('the conversation offered no quick replies');
  return last;
}

describeInChromium('the widget for a visitor who browses, reloads and comes back', () => {
  it('when the visitor lands from a campaign and opens the chat pages later, then hello reports the landing UTM and the external referrer with the current page', async ({
    page,
    server,
    harness,
  }) => {
    await page.goto(`${server.url}/?utm_source=newsletter&utm_campaign=spring`, {
      referer: 'https://search.example/results',
    });
    await widget(page).launcher.waitFor();
    await page.locator('.site-nav a', { hasText: 'Pricing' }).click();
    await page.waitForURL(`${server.url}/pricing`);
    await openWidget(page);
    const sessionId = await storedSessionId(page);
    expect(await harness.visitorOf(conversationIdOf(sessionId))).toMatchObject({
      page: `${server.url}/pricing`,
      referrer: 'https://search.example/results',
      utm: { utm_source: 'newsletter', utm_campaign: 'spring' },
    });
  });

  it('when the visitor comes back to the conversation on another page, then the stored page follows them and the first touch stays', async ({
    page,
    server,
    harness,
  }) => {
    await page.goto(`${server.url}/?utm_source=newsletter`, {
      referer: 'https://search.example/results',
    });
    await openWidget(page);
    const sessionId = (await storedSessionId(page)) ?? '';
    await page.locator('.site-nav a', { hasText: 'Pricing' }).click();
    await page.waitForURL(`${server.url}/pricing`);
    await widget(page).agentBubbles.first().waitFor(); // the panel reopens and resumes
    await vi.waitFor(
      async () =>
        expect((await harness.visitorOf(conversationIdOf(sessionId)))?.page).toBe(
          `${server.url}/pricing`,
        ),
      { timeout: 10_000, interval: 50 },
    );
    expect(await harness.visitorOf(conversationIdOf(sessionId))).toMatchObject({
      referrer: 'https://search.example/results',
      utm: { utm_source: 'newsletter' },
    });
  });

  it('when the visitor pastes more than the server accepts, then a counter and a notice say so and nothing is sent', async ({
    page,
    server,
    harness,
  }) => {
    const w = await openWidget(page, server.url);
    const paste = 'Our requirements document. '.repeat(1200).trim(); // 32,399 characters, a long paste
    await w.input.fill(paste);
    const count = w.host.locator('.lb-count');
    expect(await count.textContent()).toBe(`${paste.length.toLocaleString('en-US')} / 2,000`);
    expect(await count.getAttribute('class')).toContain('lb-over');
    await w.input.press('Enter');
    const notice = w.host.getByRole('alert');
    await notice.waitFor({ state: 'visible' });
    expect(await notice.textContent()).toBe(
      `Message too long: ${paste.length.toLocaleString('en-US')} characters, at most 2,000. Please shorten it.`,
    );
    expect(await w.input.inputValue()).toBe(paste); // kept, to be shortened
    expect(await w.visitorBubbles.count()).toBe(0);
    expect(await w.banner.isVisible()).toBe(false); // the connection never dropped
    const sessionId = (await storedSessionId(page)) ?? '';
    expect(
      (await harness.transcript(conversationIdOf(sessionId))).filter((m) => m.role === 'visitor'),
    ).toEqual([]);

    await w.input.fill('A shorter version: we lose leads at night');
    expect(await count.isVisible()).toBe(false);
    await w.input.press('Enter');
    await w.host.locator('li.lb-visitor.lb-sent', { hasText: 'A shorter version' }).waitFor();
    expect(await notice.isVisible()).toBe(false);
  });

  it('when the visitor reloads with quick replies showing, then the last question is scrolled fully into view above them', async ({
    page,
    server,
    recorder,
  }) => {
    const offer = await quickRepliesOffered(page, server.url, recorder);
    await page.reload();
    const w = widget(page);
    await w.chips.first().waitFor({ state: 'visible' });
    const last = w.agentSaying(offer.text);
    await last.waitFor();
    const boxes = await last.evaluate((li) => {
      const list = li.closest('ol');
      return {
        li: li.getBoundingClientRect().toJSON() as DOMRect,
        list: list?.getBoundingClientRect().toJSON() as DOMRect,
        scrolls: (list?.scrollHeight ?? 0) > (list?.clientHeight ?? 0),
      };
    });
    expect(boxes.scrolls).toBe(true); // the history is longer than the panel: the case that failed
    expect(boxes.li.bottom).toBeLessThanOrEqual(boxes.list.bottom);
    expect(boxes.li.top).toBeGreaterThanOrEqual(boxes.list.top);
  });

  it('when the visitor clicked a quick reply and reloads, then the bubble still shows its label, not the value sent', async ({
    page,
    server,
    recorder,
  }) => {
    const offer = await quickRepliesOffered(page, server.url, recorder);
    const reply = offer.quickReplies[0];
    if (!reply) throw new Error('no quick reply');
    expect(reply.label).not.toBe(reply.value);
    const w = widget(page);
    await w.chips.filter({ hasText: reply.label }).first().click();
    await w.host.locator('li.lb-visitor.lb-sent', { hasText: reply.label }).waitFor();
    await page.reload();
    await w.panel.waitFor({ state: 'visible' });
    await vi.waitFor(
      async () => expect(await w.visitorBubbles.allTextContents()).toContain(reply.label),
      { timeout: 10_000, interval: 50 },
    );
    expect(await w.visitorBubbles.allTextContents()).not.toContain(reply.value);
  });

  it('when the conversation has ended, then "Start a new chat" starts a fresh one that survives a reload', async ({
    page,
    server,
    recorder,
    harness,
  }) => {
    const w = await openWidget(page, server.url);
    const restart = w.host.getByRole('button', { name: 'Start a new chat', exact: true });
    expect(await restart.isVisible()).toBe(false);
    const last = await answerUntil(page, recorder.messages);
    expect(last?.final).toBe(true);
    await restart.waitFor({ state: 'visible' });
    const oldSession = await storedSessionId(page);

    await restart.click();
    // The old id is removed at once; the new one is stored when the fresh hello is answered.
    const newSession = await vi.waitFor(
      async () => {
        const id = await storedSessionId(page);
        if (id === null || id === oldSession) throw new Error('waiting for the new session');
        return id;
      },
      { timeout: 10_000, interval: 50 },
    );
    await vi.waitFor(async () => expect(await w.host.locator('li.lb-msg').count()).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await w.agentBubbles.first().textContent()).toMatch(/What brings you here/);
    expect(await restart.isVisible()).toBe(false);
    expect((await harness.transcript(conversationIdOf(newSession))).length).toBe(1);

    await answerLatest(page, recorder.messages); // the new conversation goes on
    await page.reload();
    await w.panel.waitFor({ state: 'visible' });
    await vi.waitFor(async () => expect(await w.visitorBubbles.count()).toBe(1), {
      timeout: 10_000,
      interval: 50,
    });
    expect(await storedSessionId(page)).toBe(newSession);
  });

  it('when a visitor browses the demo pages, then no request the browser makes fails (the favicon included)', async ({
    page,
    server,
  }) => {
    const failed: string[] = [];
    server.io.httpServer.on('request', (req, res) => {
      res.on('finish', () => {
        if (res.statusCode >= 400) failed.push(`${res.statusCode} ${req.url ?? ''}`);
      });
    });
    for (const path of ['/', '/pricing']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
    }
    await openWidget(page);
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
  });
});
