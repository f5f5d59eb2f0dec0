import { mkdirSync } from 'node:fs';
import { expect } from 'vitest';
import type { Socket } from 'socket.io-client';
import { openWidget, widget } from '../helpers/browser.js';
import { consoleUser } from '../helpers/console-test-bed.js';
import { conversationIdOf } from '../helpers/conversation-id-of.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';

const ANA = 'ana@beacon.example';

const next = <T>(socket: Socket, event: string): Promise<T> =>
  new Promise((resolve) => socket.once(event, (p: T) => resolve(p)));

describeInChromium('the widget while a rep takes the chat over', () => {
  it('shows "<Name> joined the chat", the rep typing and their message under their name as text, sends the visitor typing, and "<Name> left the chat" on hand back (screenshot saved)', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    const w = await openWidget(page, bed.server.url);
    const host = w.host;
    const token = await page.evaluate(() =>
      localStorage.getItem(`leadbot:${location.origin}:session`),
    );
    const conversationId = conversationIdOf(token);
    const ana = await bed.consoleSocket(await bed.signIn(ANA));

    expect(await ana.emitWithAck('join', { conversationId })).toEqual({ ok: true });
    await host.locator('li.lb-system', { hasText: 'Ana Lima joined the chat' }).waitFor();

    await ana.emitWithAck('typing', { conversationId, on: true });
    await host.locator('.lb-typing', { hasText: 'Ana Lima is typing' }).waitFor();

    const text = 'Hi, Ana here <img src=x onerror="window.__pwned=1"> how can I help?';
    await ana.emitWithAck('message', { conversationId, text });
    const bubble = host.locator('li.lb-rep').last();
    await bubble.waitFor();
    expect(await bubble.locator('.lb-name').textContent()).toBe('Ana Lima');
    expect(await bubble.locator('.lb-body').textContent()).toBe(text);
    expect(await bubble.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => 'pwned' in window || '__pwned' in window)).toBe(false);
    expect(await host.locator('.lb-typing').isHidden()).toBe(true);

    const typing = next<{ conversationId: string; on: boolean }>(ana, 'visitor:typing');
    await w.input.pressSequentially('We are 40 people');
    expect(await typing).toEqual({ conversationId, on: true });

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/widget-takeover.png' });

    expect(await ana.emitWithAck('handBack', { conversationId })).toEqual({ ok: true });
    await host.locator('li.lb-system', { hasText: 'Ana Lima left the chat' }).waitFor();
    expect(await widget(page).agentBubbles.count()).toBeGreaterThanOrEqual(2);
  });
});
