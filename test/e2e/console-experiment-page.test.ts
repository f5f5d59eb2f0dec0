import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import { PASSWORD } from '../helpers/console-test-bed.js';
import { experimentBed, MIA } from '../helpers/experiment-bed.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { describeInChromium, widgetTest } from '../helpers/widget-test.js';

const it = widgetTest.override({ contextOptions: { viewport: { width: 1280, height: 900 } } });
const HOSTILE_NOTE = '<img src=x onerror="window.__pwned=1">';
const V2 = 'Hello from {{company}}! What are you looking for today?';

describeInChromium('the experiment page of a template', () => {
  it('a marketer starts an experiment, reads the report while visitors arrive, and promotes a variant (screenshot saved)', async ({
    newPage,
  }) => {
    const { bed, url, session, post } = await experimentBed();
    const mia = await session(MIA);
    const published = await post(mia, '/console/api/templates/greeting/versions', {
      source: V2,
      note: HOSTILE_NOTE,
    });
    expect(published.status).toBe(201);

    const page = await newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
        errors.push(`${r.status()} ${r.url()}`);
    });
    await page.goto(`${url}/console/templates/greeting/experiment`);
    await page.getByLabel('Email').fill(MIA);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Experiment on greeting' }).waitFor();
    await page.getByText('No experiment is running on this template.').waitFor();
    // A version's note is shown as text, never as markup.
    await expect
      .poll(() => page.getByLabel('Control (A) version').locator('option').allTextContents())
      .toContain(`version 2: ${HOSTILE_NOTE}`);

    await page.getByLabel('Control (A) version').selectOption('1');
    await page.getByLabel('Variant B version').selectOption('2');
    await page.getByLabel('Variant B weight').fill('3');
    await page.getByLabel('Goal').selectOption('mql');
    await page.getByRole('button', { name: 'Start the experiment' }).click();
    await page.getByText('An experiment is running on this template.').waitFor();
    await page.getByText(/Too few conversations to judge yet/).waitFor();

    for (let i = 0; i < 12; i++) await bed.deps.chatService.hello({ visitor: testVisitor() });
    await page.reload();
    const rows = page.locator('#report-table tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const conversations = async () =>
      (
        await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.children[3]?.textContent)))
      ).reduce((a, b) => a + b, 0);
    await expect.poll(conversations).toBe(12);
    expect(await rows.nth(0).locator('td').first().textContent()).toBe('A (control)');
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/console-experiment.png', fullPage: true });

    await page.getByRole('button', { name: 'Promote B' }).click();
    await page.getByText('No experiment is running on this template.').waitFor();
    await rows.nth(1).getByText('promoted').waitFor();
    const hello = await bed.deps.chatService.hello({ visitor: testVisitor() });
    expect(hello.messages.at(-1)?.text).toBe('Hello from Beacon! What are you looking for today?');
    expect(await page.evaluate(() => 'globalThis.__pwned' in window || '__pwned' in window)).toBe(
      false,
    );
    expect(errors).toEqual([]);
  }, 60_000);
});
