import { existsSync } from 'node:fs';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { vi } from 'vitest';
import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { answerFor } from './visitor-answers.js';

/** Debian's Chromium (`apt-get install chromium`); the browser tests skip only when it is missing. */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const NO_CHROMIUM_REASON = `skipped: ${CHROMIUM_PATH} is missing (apt-get install -y chromium)`;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** Locators inside the widget (Playwright's CSS and role locators pierce its open shadow root). */
export function widget(page: Page) {
  const host = page.locator('leadbot-chat');
  return {
    host,
    launcher: host.locator('button.lb-launcher'),
    panel: host.getByRole('dialog'),
    input: host.getByLabel('Your message'),
    agentBubbles: host.locator('li.lb-agent'),
    visitorBubbles: host.locator('li.lb-visitor'),
    chips: host.locator('button.lb-chip'),
    banner: host.locator('.lb-banner'),
    live: host.locator('[aria-live="polite"]'),
    agentSaying: (text: string): Locator =>
      host.locator('li.lb-agent', { hasText: text.slice(0, 60) }).last(),
  };
}

/** The id of the element focused inside the widget's shadow root (document.activeElement is the host). */
export function focusedInWidget(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const active = document.querySelector('leadbot-chat')?.shadowRoot?.activeElement;
    return active ? active.id || active.className : null;
  });
}

/** Waits for the panel's opening animation (if motion is allowed) to end, so boxes are final. */
export async function animationsDone(page: Page): Promise<void> {
  await widget(page).panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
}

/**
 * Opens the panel from the launcher and waits for the first agent message (going to `url`
 * first when given); returns the widget's locators.
 *
 * @example const w = await openWidget(page, server.url);
 */
export async function openWidget(page: Page, url?: string): Promise<ReturnType<typeof widget>> {
  if (url !== undefined) await page.goto(url);
  const w = widget(page);
  await w.launcher.click();
  await w.panel.waitFor({ state: 'visible' });
  await w.agentBubbles.first().waitFor({ state: 'visible' });
  await animationsDone(page);
  return w;
}

/**
 * Answers what the agent last asked, as a visitor would: clicks the quick reply when the answer
 * is one, types it otherwise. Waits until the agent's next message shows on the page.
 */
export async function answerLatest(
  page: Page,
  recorded: AgentMessagePayload[],
): Promise<AgentMessagePayload> {
  const last = recorded.at(-1);
  if (!last) throw new Error('the agent has said nothing yet');
  const answer = answerFor(last.expecting, last.quickReplies);
  if (!answer)
    throw new Error(`no scripted answer for "${last.text}" (expecting ${String(last.expecting)})`);
  const before = recorded.length;
  const w = widget(page);
  const chip = last.quickReplies.find((r) => r.value === answer.text);
  if (chip) {
    await w.chips.filter({ hasText: chip.label }).first().click();
  } else {
    await w.input.fill(answer.text);
    await w.input.press('Enter');
  }
  const next = await vi.waitFor(
    () => {
      const m = recorded.at(-1);
      if (recorded.length <= before || !m) throw new Error('waiting for the agent');
      return m;
    },
    { timeout: 10_000, interval: 20 },
  );
  await w.agentSaying(next.text).waitFor({ state: 'visible' });
  return next;
}

/**
 * Answers what the agent asks (`answerLatest`) until its latest message satisfies `stop`, or
 * ends the conversation, at most 12 turns; resolves with that message.
 *
 * @example const offer = await answerUntil(page, recorder.messages, (m) => m.quickReplies.length > 0);
 */
export async function answerUntil(
  page: Page,
  recorded: AgentMessagePayload[],
  stop: (m: AgentMessagePayload) => boolean = () => false,
): Promise<AgentMessagePayload | undefined> {
  let last = recorded.at(-1);
  for (let turn = 0; last && !stop(last) && !last.final && turn < 12; turn++)
    last = await answerLatest(page, recorded);
  return last;
}
