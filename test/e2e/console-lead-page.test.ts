import { expect } from 'vitest';
import type { Lead } from '../../src/lead/lead-record.js';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';
import { qualifiedConversation } from '../unit/handoff/handoff-fixtures.js';

const IMG = '<img src=x onerror=window.__pwned=1>';
const SCRIPT = '<script>window.__pwned=2</script> is our stack';
const AT = '2026-03-03T14:59:00.000Z';

/** A lead whose visitor typed markup: in the transcript, a value and the words behind it. */
function hostileLead(): Lead {
  const said = (value: string, evidence: string) => ({
    value,
    evidence,
    source: 'rules' as const,
    messageId: 'm1',
    at: AT,
    history: [],
  });
  return {
    'contact.name': said('Kim <b onmouseover=window.__pwned=3>Osei</b>', `I'm Kim ${IMG}`),
    'contact.email': said('kim@northwind.example', 'kim@northwind.example'),
    'need.summary': said(SCRIPT, SCRIPT),
  };
}

describeInChromium('the console’s lead page in a browser', () => {
  it('a rep opening a lead link signs in, lands on the lead, sees the visitor’s markup as text, and adds a note (screenshot saved)', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser('ana@beacon.example', 'rep', 'Ana Lima')]);
    await bed.deps.store.saveConversation(
      qualifiedConversation({
        id: 'conv-xss',
        lead: hostileLead(),
        messages: [
          { id: 'm0', role: 'agent', text: 'Hi! What brings you here?', at: AT },
          { id: 'm1', role: 'visitor', text: `Hello ${IMG}`, at: AT },
          { id: 'm2', role: 'visitor', text: SCRIPT, at: AT },
        ],
      }),
    );
    await page.goto(`${bed.server.url}/console/leads/conv-xss`);
    expect(new URL(page.url()).pathname).toBe('/console/login');
    await page.getByLabel('Email').fill('ana@beacon.example');
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Record' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/leads/conv-xss');

    const transcript = page.locator('[data-live="transcript"]');
    await expect.poll(() => transcript.innerText()).toContain(`Hello ${IMG}`);
    expect(await transcript.innerText()).toContain(SCRIPT);
    expect(await page.locator('main img').count()).toBe(0);
    expect(await page.locator('main script:not([src="/console/assets/lead.js"])').count()).toBe(0);
    expect(await page.locator('main b').count()).toBe(0);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).innerText())
      .toBe('Kim <b onmouseover=window.__pwned=3>Osei</b>');
    const nameRow = page.locator('tr[data-field="contact.name"]');
    expect(await nameRow.locator('q').innerText()).toBe(`I'm Kim ${IMG}`);

    await page.getByLabel('New note').fill(`Asked about ${IMG}`);
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('status').filter({ hasText: 'Note added.' }).waitFor();
    await page.locator('.notes').getByText(`Asked about ${IMG}`).waitFor();
    await page.locator('[data-live="actions"]').getByText('added a note').waitFor();
    await page.locator('h1').hover();

    expect(await page.evaluate(() => Reflect.get(window, '__pwned'))).toBe(undefined);
    expect((await bed.deps.store.getConversation('conv-xss'))?.console.notes).toHaveLength(1);
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: 'test-results/console-lead-page.png', fullPage: true });
  });
});
