import { describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { connectClient } from '../../helpers/socket-client.js';
import { testVisitor } from '../../helpers/test-visitor.js';

const ANA = 'ana@beacon.example';
const BEN = 'ben@beacon.example';
const MIA = 'mia@beacon.example';

/** Resolves with the next payload of `event` on `socket` that passes `accept`. */
const next = <T>(socket: Socket, event: string, accept: (p: T) => boolean = () => true) =>
  new Promise<T>((resolve) => {
    const on = (p: T): void => {
      if (!accept(p)) return;
      socket.off(event, on);
      resolve(p);
    };
    socket.on(event, on);
  });

async function team(raw: Record<string, unknown> = {}) {
  const bed = await liveConsoleBed(
    [
      await consoleUser(ANA, 'rep', 'Ana Lima'),
      await consoleUser(BEN, 'rep', 'Ben Okafor'),
      await consoleUser(MIA, 'marketer', 'Mia Chen'),
    ],
    raw,
  );
  const visitor = await connectClient(bed.server.url);
  const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
  if (!hello.ok) throw new Error(hello.error.message);
  const say = async (text: string) => {
    const ack = await visitor.emitWithAck('visitor:message', {
      clientId: `c${text.length}${Math.random()}`,
      text,
    });
    if (!ack.ok) throw new Error(ack.error.message);
  };
  return { bed, visitor, say, id: hello.conversationId };
}

// Its own file: inbox alerts remember raised event ids per process, and the test beds' ids repeat.
describe('a visitor who asks for a person', () => {
  it('when a rep is online, then the visitor hears someone is coming, the inbox raises the request, and after the join timeout the bot says nobody is free with the next step', async () => {
    const { bed, visitor, say, id } = await team({ console: { joinTimeoutSeconds: 1 } });
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const alert = next<{ kind: string; conversationId: string }>(
      ana,
      'inbox:alert',
      (a) => a.kind === 'person',
    );
    const coming = next<{ text: string }>(visitor, 'agent:message');
    await say('can I talk to a human?');
    expect((await coming).text).toMatch(/will join this chat/);
    expect(await alert).toMatchObject({ kind: 'person', conversationId: id });
    const fallback = await next<{ text: string; expecting: string | null }>(
      visitor,
      'agent:message',
      (m) => /Nobody/.test(m.text),
    );
    expect(fallback.text).toMatch(/Nobody from our team is free to chat right now/);
    expect(fallback.expecting).toBe('contact');
    expect(bed.desk.waiting(id)).toBe(false);
  });

  it('when no rep is online (only a marketer), then the bot says nobody is free at once and asks for an email for a reply', async () => {
    const { bed, visitor, say } = await team();
    await bed.consoleSocket(await bed.signIn(MIA));
    const answer = next<{ text: string; expecting: string | null }>(visitor, 'agent:message');
    await say('can I talk to a human?');
    const reply = await answer;
    expect(reply.text).toMatch(/Nobody from our team is free to chat right now/);
    expect(reply.text).not.toMatch(/will join|reach out|get in touch/);
    expect(reply.expecting).toBe('contact');
  });

  it('when a rep joins after "someone is coming", then the wait ends and no fallback is due', async () => {
    const { bed, visitor, say, id } = await team();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const coming = next<{ text: string }>(visitor, 'agent:message');
    await say('I want to speak to a real person');
    expect((await coming).text).toMatch(/will join this chat/);
    expect(bed.desk.waiting(id)).toBe(true);
    await ana.emitWithAck('join', { conversationId: id });
    expect(bed.desk.waiting(id)).toBe(false);
  });
});
