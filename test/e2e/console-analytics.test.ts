import { expect } from 'vitest';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';
import { seed } from '../unit/analytics/report-data.js';
import { seeded } from '../unit/analytics/report-seed.js';

const MIA = 'mia@beacon.example';
const EVIL_CAMPAIGN = '<img src=x onerror="window.__xss=1">';

describeInChromium('the analytics page in a browser', () => {
  it('a marketer sees the funnel, questions and sources drawn as charts and tables, and downloads a table as CSV (screenshot saved)', async ({
    page,
  }) => {
    const bed = await liveConsoleBed(
      [await consoleUser(MIA, 'marketer', 'Mia Chen')],
      { booking: { timezone: 'America/New_York' } },
      { analytics: true, now: '2026-01-10T00:00:00.000Z' },
    );
    for (const conv of seed()) await bed.deps.store.saveConversation(conv);
    await bed.deps.store.saveConversation(
      seeded('evil', '2026-01-06T20:00:00.000Z', [{ ask: 'need', at: 0 }], {
        utm: { utm_source: 'ads', utm_campaign: EVIL_CAMPAIGN },
      }),
    );
    await page.goto(`${bed.server.url}/console/analytics`);
    await page.getByLabel('Email').fill(MIA);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Analytics' }).waitFor();
    await page.getByLabel('From').fill('2026-01-05');
    await page.getByLabel('To').fill('2026-01-06');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL(/from=2026-01-05&to=2026-01-06/);

    // Every chart drew something: its canvas has pixels that are not transparent.
    for (const id of ['chart-funnel', 'chart-questions', 'chart-sources']) {
      await page.waitForFunction((canvasId) => {
        const canvas = document.getElementById(canvasId);
        if (!(canvas instanceof HTMLCanvasElement) || canvas.width === 0) return false;
        const pixels = canvas
          .getContext('2d')
          ?.getImageData(0, 0, canvas.width, canvas.height).data;
        return pixels !== undefined && pixels.some((v, i) => i % 4 === 3 && v > 0);
      }, id);
    }
    const cells = (selector: string) => page.locator(selector).allInnerTexts();
    expect(await cells('#funnel tbody tr:first-child td')).toEqual(['conversations', '7', '–']);
    expect(await cells('#funnel tbody tr:nth-child(3) td')).toEqual(['lead', '3', '60%']);
    expect(await cells('#questions tbody tr:nth-child(3) td')).toEqual([
      'company',
      '2',
      '1',
      '1',
      '0',
      '1',
      '10',
    ]);
    expect(await cells('#sources tbody tr:first-child td')).toEqual([
      'google',
      'cpc',
      'winter',
      'google.com',
      '/pricing',
      '2',
      '2',
      '1',
      '1',
      '1',
      '1',
      '95',
    ]);
    expect(await page.locator('#speed-to-lead').innerText()).toBe('77.5 s');
    expect(await page.locator('#llm-fallbacks').innerText()).toBe('3');
    // A campaign made of HTML is shown as text and runs nothing.
    await page.getByRole('cell', { name: EVIL_CAMPAIGN }).waitFor();
    expect(await page.evaluate(() => '__xss' in window)).toBe(false);

    const csvHref = await page.locator('#funnel a.csv').getAttribute('href');
    expect(csvHref).toBe('/console/api/analytics.csv?table=funnel&from=2026-01-05&to=2026-01-06');
    const csv = await page.evaluate(async (href) => (await fetch(href)).text(), csvHref ?? '');
    expect(csv.split('\r\n').slice(0, 2)).toEqual([
      'step,count,conversion_from_previous',
      '"conversations",7,',
    ]);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: 'test-results/console-analytics.png', fullPage: true });
  });
});
