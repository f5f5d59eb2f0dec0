import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { connectClient } from '../../helpers/socket-client.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const ANA = 'ana@beacon.example';

/** Resolves with the next payload of `event` on `socket`. */
const next = <T>(socket: Socket, event: string): Promise<T> =>
  new Promise((resolve) => socket.once(event, (payload: T) => resolve(payload)));

describe('the console namespace /console', () => {
  it('refuses a socket without a session, with a made-up cookie, or from another site', async () => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep')]);
    await expect(bed.consoleSocket(null)).rejects.toThrow('Please sign in to the console.');
    await expect(bed.consoleSocket('leadbot_console=' + 'a'.repeat(64))).rejects.toThrow(
      'Please sign in to the console.',
    );
    const cookie = await bed.signIn(ANA);
    await expect(bed.consoleSocket(cookie, 'https://evil.example')).rejects.toThrow();
  });

  it('tells a signed-in rep within the visitor turn that a conversation changed', async () => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep')]);
    const live = await bed.consoleSocket(await bed.signIn(ANA));
    const changed = next<{ conversationId: string }>(live, 'inbox:changed');
    const visitor = await connectClient(bed.server.url);
    const ack = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
    if (!ack.ok) throw new Error(ack.error.message);
    expect((await changed).conversationId).toBe(ack.conversationId);
    visitor.close();
  });

  it('stops serving a disabled user at their next event', async () => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep')]);
    const live = await bed.consoleSocket(await bed.signIn(ANA));
    expect(await live.emitWithAck('watch', { conversationId: 'c1' })).toEqual({ ok: true });
    await bed.users.update(ANA, { disabled: true });
    const closed = next(live, 'disconnect');
    expect(await live.emitWithAck('watch', { conversationId: 'c1' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    await closed;
  });

  it('cuts off a disabled user’s open console that sends nothing, at the next re-check', async () => {
    const bed = await liveConsoleBed([await consoleUser(ANA, 'rep')], {}, { recheckMs: 50 });
    const live = await bed.consoleSocket(await bed.signIn(ANA));
    const closed = next(live, 'disconnect');
    await bed.users.update(ANA, { disabled: true });
    await closed;
    expect(live.connected).toBe(false);
  });
});
