import { mkdirSync } from 'node:fs';
import { expect, vi } from 'vitest';
import {
  answerLatest,
  answerUntil,
  focusedInWidget,
  openWidget,
  widget,
} from '../helpers/browser.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';
import { conversationIdOf } from '../helpers/conversation-id-of.js';

const it = widgetTest.override({
  contextOptions: {
    viewport: { width: 1280, height: 800 },
    timezoneId: 'America/Chicago',
    locale: 'en-US',
  },
});

describeInChromium('the widget on the demo page', () => {
  it('when a visitor opens the widget and answers every question, then the chat ends with the final message (screenshot saved)', async ({
    page,
    server,
    recorder,
    harness,
  }) => {
    await page.goto(`${server.url}/?utm_source=e2e&utm_medium=browser`);
    const w = widget(page);
    await expect(w.panel.isVisible()).resolves.toBe(false);
    await openWidget(page);
    const last = await answerUntil(page, recorder.messages);
    expect(last?.final).toBe(true);
    await w.agentSaying(last?.text ?? '').waitFor({ state: 'visible' });
    expect(await w.visitorBubbles.count()).toBeGreaterThanOrEqual(6);
    expect(await w.live.textContent()).toBe(last?.text);

    const sessionId = await page.evaluate(() =>
      localStorage.getItem(`leadbot:${location.origin}:session`),
    );
    expect(sessionId).toBeTruthy();
    expect(await harness.visitorOf(conversationIdOf(sessionId))).toMatchObject({
      page: expect.stringContaining('utm_source=e2e'),
      utm: { utm_source: 'e2e', utm_medium: 'browser' },
      timezone: 'America/Chicago',
      locale: 'en-US',
    });
    // The booking confirmation links the calendar invite on the leadbot server, signed.
    const invite = w.agentSaying(last?.text ?? '').locator('a', { hasText: '.ics' });
    expect(await invite.getAttribute('href')).toMatch(
      new RegExp(`^${server.url}/bookings/.+\\.ics\\?t=[\\w-]+$`),
    );
    expect(await invite.getAttribute('rel')).toBe('noopener noreferrer');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/widget-open.png' });
  });

  it('when a visitor only reads the page, then the launcher alone shows, the chat loads when idle, and no conversation starts', async ({
    page,
    server,
    recorder,
  }) => {
    const chatLoaded = page.waitForRequest((r) => r.url().includes('/widget/chat.js?v='));
    await page.goto(server.url);
    const w = widget(page);
    await w.launcher.waitFor({ state: 'visible' });
    await chatLoaded;
    expect(await w.launcher.getAttribute('aria-label')).toBe('Chat with Beacon');
    expect(await w.panel.count()).toBe(0);
    await page.waitForLoadState('networkidle');
    expect(recorder.messages).toEqual([]); // no hello: nobody is counted as a conversation
  });

  it('when the visitor reloads mid-conversation, then the panel reopens with the whole history', async ({
    page,
    server,
    recorder,
  }) => {
    await openWidget(page, `${server.url}/pricing`);
    await answerLatest(page, recorder.messages);
    await answerLatest(page, recorder.messages);
    const before = await widget(page).host.locator('li.lb-msg').allTextContents();

    await page.reload();
    const w = widget(page);
    await w.panel.waitFor({ state: 'visible' });
    await vi.waitFor(
      async () => expect(await w.host.locator('li.lb-msg').allTextContents()).toEqual(before),
      { timeout: 10_000, interval: 50 },
    );
    expect(await w.visitorBubbles.count()).toBe(2);
    // And the conversation goes on where it was.
    await answerLatest(page, recorder.messages);
    expect(await w.visitorBubbles.count()).toBe(3);
  });

  it('when the connection drops, then a banner shows, a message typed meanwhile waits, and it is sent once when back', async ({
    page,
    context,
    server,
    harness,
  }) => {
    const w = await openWidget(page, server.url);
    await context.setOffline(true);
    server.io.disconnectSockets(true);
    await w.banner.waitFor({ state: 'visible' });
    await w.input.fill('Typed while the train was in a tunnel');
    await w.input.press('Enter');
    await w.host
      .locator('li.lb-visitor.lb-pending', { hasText: 'Typed while the train' })
      .waitFor({ state: 'visible' });

    await context.setOffline(false);
    await w.banner.waitFor({ state: 'hidden', timeout: 15_000 });
    await w.host
      .locator('li.lb-visitor.lb-sent', { hasText: 'Typed while the train' })
      .waitFor({ state: 'visible' });
    const sessionId = await page.evaluate(() =>
      localStorage.getItem(`leadbot:${location.origin}:session`),
    );
    const stored = await harness.transcript(conversationIdOf(sessionId));
    expect(stored.filter((m) => m.text === 'Typed while the train was in a tunnel')).toHaveLength(
      1,
    );
  });

  it('when used with the keyboard only, then Enter opens and sends, focus moves into the panel, and Escape closes back to the launcher', async ({
    page,
    server,
    recorder,
  }) => {
    await page.goto(server.url);
    const w = widget(page);
    await w.launcher.focus();
    await page.keyboard.press('Enter');
    await w.panel.waitFor({ state: 'visible' });
    expect(await focusedInWidget(page)).toBe('lb-input');
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('true');

    await w.agentBubbles.first().waitFor();
    const before = recorder.messages.length;
    await page.keyboard.type('We miss leads that arrive at night');
    await page.keyboard.press('Enter');
    await w.host
      .locator('li.lb-visitor', { hasText: 'We miss leads that arrive at night' })
      .waitFor();
    await vi.waitFor(() => expect(recorder.messages.length).toBeGreaterThan(before), {
      timeout: 10_000,
      interval: 20,
    });

    await page.keyboard.press('Escape');
    await w.panel.waitFor({ state: 'hidden' });
    expect(await focusedInWidget(page)).toBe('lb-launcher');
    expect(await w.launcher.getAttribute('aria-expanded')).toBe('false');
  });

  it('when the agent offers quick replies, then a click sends the value and the bubble shows the label', async ({
    page,
    server,
    recorder,
    harness,
  }) => {
    await openWidget(page, server.url);
    const last = await answerUntil(page, recorder.messages, (m) => m.quickReplies.length > 0);
    const offer = last?.quickReplies[0];
    if (!offer) throw new Error('the conversation offered no quick replies');
    const w = widget(page);
    await w.chips.filter({ hasText: offer.label }).first().click();
    await w.host.locator('li.lb-visitor', { hasText: offer.label }).last().waitFor();
    const sessionId = await page.evaluate(() =>
      localStorage.getItem(`leadbot:${location.origin}:session`),
    );
    await vi.waitFor(async () =>
      expect(
        (await harness.transcript(conversationIdOf(sessionId))).some(
          (m) => m.role === 'visitor' && m.text === offer.value,
        ),
      ).toBe(true),
    );
  });

  it('when the page loads, then every control of the widget has an accessible name', async ({
    page,
    server,
  }) => {
    const w = await openWidget(page, server.url);
    for (const [role, name] of [
      ['button', 'Chat with Beacon'],
      ['button', 'Close chat'],
      ['button', 'Send message'],
      ['textbox', 'Your message'],
      ['dialog', 'Chat with Beacon'],
      ['list', 'Conversation'],
    ] as const) {
      expect(await w.host.getByRole(role, { name, exact: true }).count(), `${role} "${name}"`).toBe(
        1,
      );
    }
    expect(await w.launcher.getAttribute('aria-controls')).toBe('lb-panel');
    expect(await w.panel.getAttribute('aria-labelledby')).toBe('lb-title');
  });
});
