import { expect } from 'vitest';
import { answerLatest, openWidget, widget } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/start-test-server.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

const NOTICE = {
  text: 'Beacon keeps this chat to answer you and to pass your request to our sales team.',
  linkLabel: 'How we use your data',
  linkUrl: 'https://beacon.example/privacy',
};

const it = widgetTest
  .override({ contextOptions: { viewport: { width: 1280, height: 800 } } })
  .override('server', async ({ recorder }, { onCleanup }): Promise<TestServer> => {
    const server = await startTestServer({
      chatService: recorder.chatService,
      config: { widget: { privacyNotice: NOTICE } },
    });
    onCleanup(() => server.close());
    return server;
  });

const noticeOf = (page: Parameters<typeof widget>[0]) => widget(page).host.locator('.lb-privacy');

describeInChromium('the privacy notice in the widget', () => {
  it('when a visitor opens the chat, then the notice and its link show above the input until their first message, and not again when they come back', async ({
    page,
    server,
    recorder,
  }) => {
    const w = await openWidget(page, server.url);
    const notice = noticeOf(page);
    await expect(notice.isVisible()).resolves.toBe(true);
    expect(await notice.textContent()).toBe(`${NOTICE.text} ${NOTICE.linkLabel}`);
    const link = notice.getByRole('link', { name: NOTICE.linkLabel });
    expect(await link.getAttribute('href')).toBe(NOTICE.linkUrl);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    // Above the input, and read out with it by a screen reader.
    const [noticeBox, inputBox] = await Promise.all([notice.boundingBox(), w.input.boundingBox()]);
    expect((noticeBox?.y ?? 0) + (noticeBox?.height ?? 0)).toBeLessThanOrEqual(inputBox?.y ?? 0);
    expect(await w.input.getAttribute('aria-describedby')).toContain('lb-privacy');

    await answerLatest(page, recorder.messages);
    await notice.waitFor({ state: 'hidden' });
    expect(await w.input.getAttribute('aria-describedby')).not.toContain('lb-privacy');

    await page.reload();
    await w.visitorBubbles.first().waitFor(); // the panel reopens and resumes
    await expect(notice.isVisible()).resolves.toBe(false);
  });
});
