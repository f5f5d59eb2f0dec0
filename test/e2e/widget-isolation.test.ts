import { expect, vi } from 'vitest';
import { animationsDone, answerLatest, openWidget, widget } from '../helpers/browser.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

/**
 * A host page that does its worst: resets every element, piles up z-indexes, targets the widget,
 * and puts a transform and a filter on the body (which would make the body, shifted off screen,
 * the containing block of anything fixed inside it).
 */
const HOSTILE_PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><title>Hostile host</title>
<style>
  * { all: unset !important; }
  html, body { font: 4px/0 Impact, serif !important; color: transparent !important; }
  body { display: block !important; height: 300px !important; transform: translate(-3000px, 2000px) !important; filter: grayscale(1) !important; }
  body * { z-index: 2147483647 !important; }
  .cover { position: fixed !important; inset: 0 !important; background: rgba(200, 0, 0, 0.15) !important; display: block !important; }
  leadbot-chat { display: none !important; opacity: 0 !important; transform: scale(0) !important; position: static !important; }
  button, textarea, li { width: 1px !important; height: 1px !important; font-size: 2px !important; }
</style></head>
<body><div class="cover">A page that wants to be on top</div>
<script async src="/widget.js" data-color="#0f766e" data-position="left" data-title="Ask Halden"></script>
</body></html>`;

const it = widgetTest.override({ contextOptions: { viewport: { width: 1280, height: 800 } } });

describeInChromium("the widget's isolation from the host page", () => {
  it('when the host page has hostile CSS, then the widget stays visible, on top, styled as designed and usable', async ({
    page,
    server,
    recorder,
  }) => {
    await page.route(`${server.url}/hostile`, (route) =>
      route.fulfill({ contentType: 'text/html', body: HOSTILE_PAGE }),
    );
    await page.goto(`${server.url}/hostile`);
    const w = widget(page);
    // Playwright's click checks that the launcher itself receives the pointer (nothing covers it).
    expect(await w.launcher.boundingBox()).toEqual({
      x: 20,
      y: 800 - 20 - 56,
      width: 56,
      height: 56,
    }); // bottom left of the window
    await openWidget(page);
    const box = await w.panel.boundingBox();
    expect(box).toMatchObject({ x: 20, width: 370 }); // data-position="left", the designed width
    const style = await w.agentBubbles.first().evaluate((el) => {
      const s = getComputedStyle(el);
      return { fontSize: s.fontSize, color: s.color, display: s.display };
    });
    expect(style).toEqual({ fontSize: '15px', color: 'rgb(31, 35, 40)', display: 'list-item' });
    const hit = await page.evaluate(() => {
      const panel = document.querySelector('leadbot-chat')?.shadowRoot?.querySelector('.lb-panel');
      const r = panel?.getBoundingClientRect();
      return r ? document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)?.tagName : null;
    });
    expect(hit).toBe('LEADBOT-CHAT');
    await answerLatest(page, recorder.messages);
    expect(await w.visitorBubbles.count()).toBe(1);
  });

  it('when the widget is on a page, then no style of its own reaches the host page', async ({
    page,
    server,
  }) => {
    await page.goto(server.url);
    const snapshot = () =>
      page.evaluate(() => ({
        sheets: document.styleSheets.length,
        styles: document.querySelectorAll('style').length,
        rootVars: getComputedStyle(document.documentElement).getPropertyValue('--lb-accent'),
        body: getComputedStyle(document.body).fontFamily + getComputedStyle(document.body).fontSize,
        h1: getComputedStyle(document.querySelector('h1') ?? document.body).color,
      }));
    const before = await snapshot();
    await openWidget(page);
    expect(await snapshot()).toEqual(before);
    expect(before.rootVars).toBe('');
  });

  it('when a visitor sends HTML, then it shows as text and no script runs', async ({
    page,
    server,
    recorder,
  }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const w = await openWidget(page, server.url);
    const before = recorder.messages.length;
    const payload = '<img src=x onerror=alert(1)>';
    await w.input.fill(payload);
    await w.input.press('Enter');
    const bubble = w.host.locator('li.lb-visitor', { hasText: '<img' });
    await bubble.waitFor();
    expect(await bubble.textContent()).toBe(payload);
    expect(await w.host.locator('img').count()).toBe(0);
    // Wait until the agent has replied, so a late-firing onerror would have had its chance.
    await vi.waitFor(() => expect(recorder.messages.length).toBeGreaterThan(before), {
      timeout: 10_000,
      interval: 20,
    });
    await w.agentSaying(recorder.latest()?.text ?? '').waitFor();
    expect(dialogs).toEqual([]);
  });

  it('when opened on a phone-sized screen, then the panel fills the screen with the input in view', async ({
    server,
    newPage,
  }) => {
    const page = await newPage({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 3,
    });
    await page.goto(server.url);
    const w = widget(page);
    await w.launcher.tap();
    await w.panel.waitFor({ state: 'visible' });
    await w.agentBubbles.first().waitFor();
    await animationsDone(page);
    const panel = await w.panel.boundingBox();
    for (const [key, value] of Object.entries({ x: 0, y: 0, width: 390, height: 844 })) {
      expect(panel?.[key as 'x'], key).toBeCloseTo(value, 0);
    }
    const input = await w.input.boundingBox();
    expect(input).not.toBeNull();
    expect((input?.y ?? 0) + (input?.height ?? 0)).toBeLessThanOrEqual(844);
    expect(input?.width).toBeGreaterThan(250);
    expect(await w.launcher.isVisible()).toBe(false); // the panel's own close button takes over
    await w.host.getByRole('button', { name: 'Close chat', exact: true }).tap();
    await w.panel.waitFor({ state: 'hidden' });
    expect(await w.launcher.isVisible()).toBe(true);
  });

  it('when the visitor prefers reduced motion, then the panel and typing dots do not animate', async ({
    server,
    newPage,
  }) => {
    const page = await newPage({ reducedMotion: 'reduce' });
    await openWidget(page, server.url);
    const animations = await widget(page).host.evaluate((host) =>
      [...(host.shadowRoot?.querySelectorAll('.lb-panel, .lb-dot, .lb-launcher') ?? [])].map(
        (el) => getComputedStyle(el).animationName + getComputedStyle(el).transitionDuration,
      ),
    );
    expect(animations.every((a) => a === 'none0s')).toBe(true);
  });
});
