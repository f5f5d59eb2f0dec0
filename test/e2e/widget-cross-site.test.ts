import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
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
import { realHarness } from '../helpers/chat-harness.js';
import { recordAgentMessages } from '../helpers/recording-chat-service.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';

/** A customer's own page that embeds the widget with the README's one-line snippet. */
const customerPage = (serverUrl: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Halden Logistics</title></head>
<body><h1>Halden Logistics</h1><p>Freight software for regional carriers.</p>
<script async src="${serverUrl}/widget.js" data-color="#b45309" data-title="Questions? Ask us"></script>
</body></html>`;

let browser: Browser;
let server: TestServer;
let site: Server;
let siteOrigin: string;
let recorder: ReturnType<typeof recordAgentMessages>;
let context: BrowserContext;
let page: Page;

/**
 * Serves the customer's site from a second origin (another port). Both stay on the loopback
 * address: Chromium blocks a public page from loading scripts from a private address, and a
 * made-up public host would be exactly that.
 */
async function visitCustomerSite(allowedOrigins: (origin: string) => string[]): Promise<void> {
  let html = '';
  site = createServer((_req, res) => res.writeHead(200, { 'Content-Type': 'text/html' }).end(html));
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await startTestServer({
    chatService: recorder.chatService,
    config: { server: { allowedOrigins: allowedOrigins(siteOrigin) } },
  });
  html = customerPage(server.url);
  await page.goto(`${siteOrigin}/`);
}

describe.skipIf(!HAS_CHROMIUM)(
  `the widget embedded on another site, in Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`,
  () => {
    beforeAll(async () => {
      browser = await launchChromium();
    });
    afterAll(async () => {
      await browser?.close();
    });
    beforeEach(async () => {
      recorder = recordAgentMessages(realHarness().chatService);
      context = await browser.newContext();
      page = await context.newPage();
    });
    afterEach(async () => {
      await context.close();
      await server.close();
      site.closeAllConnections();
      await new Promise((resolve) => site.close(resolve));
    });

    it('when the site is on ALLOWED_ORIGINS, then the one-line embed loads, connects to its server and chats', async () => {
      await visitCustomerSite((origin) => [origin]);
      const w = widget(page);
      expect(await w.launcher.getAttribute('aria-label')).toBe('Questions? Ask us');
      await openWidget(page);
      await answerLatest(page, recorder.messages);
      const stored = await page.evaluate(() => Object.keys(localStorage));
      expect(stored).toEqual([`leadbot:${server.url}:session`]);
    });

    it('when the site is not on ALLOWED_ORIGINS, then the widget cannot start a conversation and says it is reconnecting', async () => {
      await visitCustomerSite(() => ['https://someone-else.example']);
      const w = widget(page);
      await w.launcher.click();
      await w.banner.waitFor({ state: 'visible' });
      expect(recorder.messages).toEqual([]);
      expect(await w.agentBubbles.count()).toBe(0);
    });
  },
);
