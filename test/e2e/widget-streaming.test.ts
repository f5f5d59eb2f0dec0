import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  HAS_CHROMIUM,
  NO_CHROMIUM_REASON,
  answerLatest,
  launchChromium,
  openWidget,
  widget,
} from '../helpers/browser.js';
import { scriptedHarness } from '../helpers/chat-harness.js';
import { recordAgentMessages } from '../helpers/recording-chat-service.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

let browser: Browser;
let server: TestServer;
let recorder: ReturnType<typeof recordAgentMessages>;
let context: BrowserContext;
let page: Page;

// Rules mode never streams; the scripted stand-in streams each question word by word, as LLM mode does.
describe.skipIf(!HAS_CHROMIUM)(
  `a streamed agent reply, in Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach(async () => {
      recorder = recordAgentMessages(scriptedHarness({ stream: true }).chatService);
      server = await startTestServer({ chatService: recorder.chatService });
      context = await browser.newContext();
      page = await context.newPage();
    });
    afterEach(async () => {
      await context.close();
      await server.close();
    });

    it('when the agent streams its reply, then the text grows in one bubble that ends as the final message', async () => {
      await page.goto(server.url);
      await openWidget(page);
      // Record every text the reply's bubble shows, as the page renders it.
      await page.evaluate(() => {
        const list = document
          .querySelector('leadbot-chat')
          ?.shadowRoot?.querySelector('.lb-messages');
        const seen: string[] = [];
        const existing = list?.querySelectorAll('li.lb-agent').length ?? 0;
        Object.assign(window, { seenAgentTexts: seen });
        new MutationObserver(() => {
          const bubbles = list?.querySelectorAll('li.lb-agent');
          if (!bubbles || bubbles.length <= existing) return; // only the new reply's bubble
          const text = bubbles[bubbles.length - 1]?.textContent ?? '';
          if (seen.at(-1) !== text) seen.push(text);
        }).observe(list ?? document, { childList: true, subtree: true, characterData: true });
      });
      const bubblesBefore = await widget(page).agentBubbles.count();
      const reply = await answerLatest(page, recorder.messages);

      const seen = await page.evaluate(
        () => (window as unknown as { seenAgentTexts: string[] }).seenAgentTexts,
      );
      expect(seen.at(-1)).toBe(reply.text);
      expect(seen.length).toBeGreaterThan(2); // it grew in steps...
      for (const text of seen.slice(0, -1))
        expect(reply.text.startsWith(text.trimEnd())).toBe(true); // ...each a prefix of the final
      expect(await widget(page).agentBubbles.count()).toBe(bubblesBefore + 1); // one bubble, not one per chunk
    });
  },
);
