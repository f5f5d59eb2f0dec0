import { describe, expect, it } from 'vitest';
import { ANA, MIA, consoleTeam, nextEvent } from '../../helpers/console-team.js';

describe('a visitor who asks for a person', () => {
  it('when a rep is online, then the visitor hears someone is coming, the inbox raises the request, and after the join timeout the bot says nobody is free with the next step', async () => {
    const { bed, visitor, say, id } = await consoleTeam({ console: { joinTimeoutSeconds: 1 } });
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const alert = nextEvent<{ kind: string; conversationId: string }>(
      ana,
      'inbox:alert',
      (a) => a.kind === 'person',
    );
    const coming = nextEvent<{ text: string }>(visitor, 'agent:message');
    await say('can I talk to a human?');
    expect((await coming).text).toMatch(/will join this chat/);
    expect(await alert).toMatchObject({ kind: 'person', conversationId: id });
    const fallback = await nextEvent<{ text: string; expecting: string | null }>(
      visitor,
      'agent:message',
      (m) => /Nobody/.test(m.text),
    );
    expect(fallback.text).toMatch(/Nobody from our team is free to chat right now/);
    expect(fallback.expecting).toBe('contact');
    expect(bed.desk.waiting(id)).toBe(false);
  });

  it('when no rep is online (only a marketer), then the bot says nobody is free at once and asks for an email for a reply', async () => {
    const { bed, visitor, say } = await consoleTeam();
    await bed.consoleSocket(await bed.signIn(MIA));
    const answer = nextEvent<{ text: string; expecting: string | null }>(visitor, 'agent:message');
    await say('can I talk to a human?');
    const reply = await answer;
    expect(reply.text).toMatch(/Nobody from our team is free to chat right now/);
    expect(reply.text).not.toMatch(/will join|reach out|get in touch/);
    expect(reply.expecting).toBe('contact');
  });

  it('when a rep joins after "someone is coming", then the wait ends and no fallback is due', async () => {
    const { bed, visitor, say, id } = await consoleTeam();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const coming = nextEvent<{ text: string }>(visitor, 'agent:message');
    await say('I want to speak to a real person');
    expect((await coming).text).toMatch(/will join this chat/);
    expect(bed.desk.waiting(id)).toBe(true);
    await ana.emitWithAck('join', { conversationId: id });
    expect(bed.desk.waiting(id)).toBe(false);
  });
});
