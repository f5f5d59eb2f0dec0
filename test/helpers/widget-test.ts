import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { describe, test } from 'vitest';
import { HAS_CHROMIUM, NO_CHROMIUM_REASON, launchChromium } from './browser.js';
import { realHarness, type ChatHarness } from './chat-harness.js';
import { recordAgentMessages } from './recording-chat-service.js';
import { startTestServer, type TestServer } from './start-test-server.js';

export type Recorder = ReturnType<typeof recordAgentMessages>;
const NO_OPTIONS: BrowserContextOptions = {};

/**
 * `describe` for a browser test file: the title says it runs in Chromium, and the suite is
 * skipped, with the reason in its title, where /usr/bin/chromium is missing.
 */
export function describeInChromium(title: string, body: () => void): void {
  describe.skipIf(!HAS_CHROMIUM)(
    `${title}, in Chromium${HAS_CHROMIUM ? '' : ` (${NO_CHROMIUM_REASON})`}`,
    body,
  );
}

/**
 * `it` with what every browser test uses, as vitest fixtures a test names in its first argument
 * (each built only when asked for, closed after the test in reverse order):
 * - `browser`: one headless Chromium for the file (`launchChromium`);
 * - `harness`: the real chat service (`realHarness`); override it for another;
 * - `recorder`: the harness's service with every agent message recorded;
 * - `server`: the real test server on that service, on a free port;
 * - `contextOptions` (default `{}`): what `context` is opened with (viewport, zone, locale);
 * - `context` and `page`: a fresh browser context and one page in it;
 * - `newPage(options)`: a page in a context of its own, opened with `contextOptions` and
 *   `options`, for a test that needs other settings (a phone, reduced motion).
 *
 * @example
 * const it = widgetTest.override({ contextOptions: { timezoneId: 'Europe/Berlin' } });
 * it('when ..., then ...', async ({ page, server, recorder }) => { await page.goto(server.url); });
 */
export const widgetTest = test
  // eslint-disable-next-line no-empty-pattern -- vitest reads a fixture's dependencies from this pattern
  .extend('browser', { scope: 'file' }, async ({}, { onCleanup }): Promise<Browser> => {
    const browser = await launchChromium();
    onCleanup(() => browser.close());
    return browser;
  })
  .extend('harness', (): ChatHarness => realHarness())
  .extend('recorder', ({ harness }): Recorder => recordAgentMessages(harness.chatService))
  .extend('server', async ({ recorder }, { onCleanup }): Promise<TestServer> => {
    const server = await startTestServer({ chatService: recorder.chatService });
    onCleanup(() => server.close());
    return server;
  })
  .extend('contextOptions', NO_OPTIONS)
  .extend('newPage', ({ browser, contextOptions }, { onCleanup }) => {
    const contexts: BrowserContext[] = [];
    onCleanup(async () => {
      for (const c of contexts.splice(0).reverse()) await c.close();
    });
    return async (options: BrowserContextOptions = {}): Promise<Page> => {
      const context = await browser.newContext({ ...contextOptions, ...options });
      contexts.push(context);
      return context.newPage();
    };
  })
  .extend(
    'context',
    async ({ browser, contextOptions }, { onCleanup }): Promise<BrowserContext> => {
      const context = await browser.newContext(contextOptions);
      onCleanup(() => context.close());
      return context;
    },
  )
  .extend('page', ({ context }): Promise<Page> => context.newPage());
