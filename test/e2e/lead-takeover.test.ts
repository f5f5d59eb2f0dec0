import { expect } from 'vitest';
import { consoleUser, PASSWORD } from '../helpers/console-test-bed.js';
import { liveConsoleBed } from '../helpers/live-console-bed.js';
import { connectClient, type ClientSocket } from '../helpers/socket-client.js';
import { testVisitor } from '../helpers/test-visitor.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';

const ANA = 'ana@beacon.example';
const XSS = '<img src=x onerror="window.__pwned=1"> we are 40 people';

/** Resolves with the next payload of `event` that passes `accept`. */
const next = <T>(
  socket: ClientSocket,
  event: 'agent:status' | 'agent:message',
  accept: (p: T) => boolean = () => true,
) =>
  new Promise<T>((resolve) => {
    const on = (p: T): void => {
      if (!accept(p)) return;
      socket.off(event, on as never);
      resolve(p);
    };
    socket.on(event, on as never);
  });

describeInChromium('the lead page script', () => {
  it('lets a rep join, see the visitor typing and their words live (inert), write to them, and hand back', async ({
    page,
  }) => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep', 'Ana Lima')]);
    const visitor = await connectClient(bed.server.url);
    const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!hello.ok) throw new Error(hello.error.message);
    const id = hello.conversationId;

    await page.goto(`${bed.server.url}/console/login`);
    await page.getByLabel('Email').fill(ANA);
    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${bed.server.url}/console`);
    await page.goto(`${bed.server.url}/console/leads/${id}`);

    const joined = next<{ mode: string }>(visitor, 'agent:status');
    await page.getByRole('button', { name: 'Join' }).click();
    await page.getByText('You are in this chat: the bot is silent.').waitFor();
    expect(await joined).toMatchObject({ mode: 'human' });

    visitor.emit('visitor:typing', { on: true });
    await page.getByText('The visitor is typing…').waitFor();

    await visitor.emitWithAck('visitor:message', { clientId: 'v1', text: XSS });
    const transcript = page.locator('[data-live="transcript"]');
    await transcript.getByText('we are 40 people').waitFor();
    expect(await transcript.locator('img').count()).toBe(0);
    expect(await page.evaluate(() => '__pwned' in window)).toBe(false);

    const repLine = next<{ text: string; sender?: { name: string } }>(visitor, 'agent:message');
    await page.getByLabel('Message to the visitor').fill('Thanks! Which CRM do you use?');
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await repLine).toMatchObject({
      text: 'Thanks! Which CRM do you use?',
      sender: { name: 'Ana Lima' },
    });
    await transcript.getByText('Thanks! Which CRM do you use?').waitFor();
    await transcript.getByText('Ana Lima (rep)').waitFor();

    const left = next<{ mode: string }>(visitor, 'agent:status');
    await page.getByRole('button', { name: 'Hand back' }).click();
    expect(await left).toMatchObject({ mode: 'bot' });
    await page.getByRole('button', { name: 'Join' }).waitFor();
    visitor.close();
  });
});
