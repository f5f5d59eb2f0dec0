import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { expect, onTestFinished } from 'vitest';
import { answerLatest, openWidget, widget } from '../helpers/browser.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { describeInChromium, widgetTest as it, type Recorder } from '../helpers/widget-test.js';

/** A customer's own page that embeds the widget with the README's one-line snippet. */
const customerPage = (serverUrl: string): string => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Halden Logistics</title></head>
<body><h1>Halden Logistics</h1><p>Freight software for regional carriers.</p>
<script async src="${serverUrl}/widget.js" data-color="#b45309" data-title="Questions? Ask us"></script>
</body></html>`;

/**
 * Serves the customer's site from a second origin (another port), with the leadbot server
 * allowing `allowedOrigins(siteOrigin)`, and opens it in `page`; both servers close after the
 * test. Both stay on the loopback address: Chromium blocks a public page from loading scripts
 * from a private address, and a made-up public host would be exactly that.
 */
async function visitCustomerSite(
  page: Page,
  recorder: Recorder,
  allowedOrigins: (origin: string) => string[],
): Promise<TestServer> {
  let html = '';
  const site = createServer((_req, res) =>
    res.writeHead(200, { 'Content-Type': 'text/html' }).end(html),
  );
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  onTestFinished(async () => {
    site.closeAllConnections();
    await new Promise((resolve) => site.close(resolve));
  });
  const siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  const server = closeAfterTest(
    await startTestServer({
      chatService: recorder.chatService,
      config: { server: { allowedOrigins: allowedOrigins(siteOrigin) } },
    }),
  );
  html = customerPage(server.url);
  await page.goto(`${siteOrigin}/`);
  return server;
}

describeInChromium('the widget embedded on another site', () => {
  it('when the site is on ALLOWED_ORIGINS, then the one-line embed loads, connects to its server and chats', async ({
    page,
    recorder,
  }) => {
    const server = await visitCustomerSite(page, recorder, (origin) => [origin]);
    const w = widget(page);
    expect(await w.launcher.getAttribute('aria-label')).toBe('Questions? Ask us');
    await openWidget(page);
    await answerLatest(page, recorder.messages);
    const stored = await page.evaluate(() => Object.keys(localStorage));
    expect(stored).toEqual([`leadbot:${server.url}:session`]);
  });

  it('when the site is not on ALLOWED_ORIGINS, then the widget cannot start a conversation and says it is reconnecting', async ({
    page,
    recorder,
  }) => {
    await visitCustomerSite(page, recorder, () => ['https://someone-else.example']);
    const w = widget(page);
    await w.launcher.click();
    await w.banner.waitFor({ state: 'visible' });
    expect(recorder.messages).toEqual([]);
    expect(await w.agentBubbles.count()).toBe(0);
  });
});
