import { describe, expect, it } from 'vitest';
import { ANA, BEN, MIA, consoleTeam, nextEvent } from '../../helpers/console-team.js';
import { connectClient, type ClientSocket } from '../../helpers/socket-client.js';
import { testVisitor } from '../../helpers/test-visitor.js';

/** Everything the visitor's widget socket receives, in order. */
function record(visitor: ClientSocket) {
  const events: { event: string; payload: unknown }[] = [];
  visitor.onAny((event: string, payload: unknown) => events.push({ event, payload }));
  return events;
}

describe('live takeover', () => {
  it('when a rep joins, then the bot is silent while the visitor answers, the rep sees the record change, both see each other typing, and hand back resumes at the next open slot', async () => {
    const { bed, visitor, say, id, sessionId } = await consoleTeam();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const asked = nextEvent<{ expecting: string | null }>(visitor, 'agent:message');
    await say('hi');
    expect((await asked).expecting).toBe('need');
    const seen = record(visitor);

    const joinedLine = nextEvent<{ mode: string; rep: { name: string } }>(visitor, 'agent:status');
    expect(await ana.emitWithAck('join', { conversationId: id })).toEqual({ ok: true });
    expect(await joinedLine).toEqual({ mode: 'human', rep: { name: 'Ana Lima' } });

    const changed = nextEvent<{ conversationId: string }>(ana, 'conversation:changed');
    await say('We need to qualify our inbound leads faster');
    expect((await changed).conversationId).toBe(id);
    await say("I'm the VP of Sales");
    const stored = await bed.deps.store.getConversation(id);
    expect(stored?.lead['need.summary']?.value).toMatch(/qualify our inbound leads faster/);
    expect(stored?.lead['authority.level']?.value).toBe('decision_maker');

    // The rep's message reaches the visitor under the rep's name; nothing from the bot came before it.
    const repLine = nextEvent<{ text: string; sender?: { kind: string; name: string } }>(
      visitor,
      'agent:message',
    );
    expect(
      await ana.emitWithAck('message', {
        conversationId: id,
        text: 'Hi, Ana here. How many reps?',
      }),
    ).toEqual({ ok: true });
    expect(await repLine).toMatchObject({
      text: 'Hi, Ana here. How many reps?',
      sender: { kind: 'rep', name: 'Ana Lima' },
    });
    const fromBot = seen.filter(({ event, payload }) => {
      const p = JSON.stringify(payload);
      if (event === 'agent:message') return !p.includes('"kind":"rep"');
      return event === 'agent:typing' && !p.includes('"name"');
    });
    expect(fromBot).toEqual([]);

    const repTyping = nextEvent<{ on: boolean; name?: string }>(visitor, 'agent:typing');
    expect(await ana.emitWithAck('typing', { conversationId: id, on: true })).toEqual({ ok: true });
    expect(await repTyping).toEqual({ on: true, name: 'Ana Lima' });
    const visitorTyping = nextEvent<{ conversationId: string; on: boolean }>(ana, 'visitor:typing');
    visitor.emit('visitor:typing', { on: true });
    expect(await visitorTyping).toEqual({ conversationId: id, on: true });

    const leftLine = nextEvent<{ mode: string; rep: { name: string } }>(visitor, 'agent:status');
    const botBack = nextEvent<{ expecting: string | null; sender?: { kind: string } }>(
      visitor,
      'agent:message',
    );
    expect(await ana.emitWithAck('handBack', { conversationId: id })).toEqual({ ok: true });
    expect(await leftLine).toEqual({ mode: 'bot', rep: { name: 'Ana Lima' } });
    // Need and role are known: the bot asks the next open slot.
    expect(await botBack).toMatchObject({ expecting: 'company', sender: { kind: 'bot' } });

    const after = await bed.deps.store.getConversation(id);
    expect(after?.console.takeover).toBeNull();
    expect(after?.console.actions.map((a) => [a.kind, a.byName])).toEqual([
      ['join', 'Ana Lima'],
      ['message', 'Ana Lima'],
      ['handBack', 'Ana Lima'],
    ]);
    expect(after?.messages.filter((m) => m.role === 'rep')).toMatchObject([
      { name: 'Ana Lima', text: 'Hi, Ana here. How many reps?' },
    ]);

    // Coming back, the visitor's widget gets the rep's message with the name.
    const again = await connectClient(bed.server.url);
    visitor.close();
    const resumed = await again.emitWithAck('session:hello', { sessionId, visitor: testVisitor() });
    if (!resumed.ok) throw new Error(resumed.error.message);
    expect(resumed.messages.filter((m) => m.role === 'rep')).toMatchObject([
      { name: 'Ana Lima', text: 'Hi, Ana here. How many reps?' },
    ]);
    again.close();
  });

  it('when the lead becomes sales-qualified during a takeover, then lead.qualified is still raised and the bot still says nothing', async () => {
    const { bed, visitor, say, id } = await consoleTeam();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const seen = record(visitor);
    await ana.emitWithAck('join', { conversationId: id });
    const alert = nextEvent<{ kind: string; conversationId: string }>(
      ana,
      'inbox:alert',
      (a) => a.kind === 'sql',
    );
    await say('I run sales at Northwind, we are 250 people');
    await say(
      'budget is $60k a year and we need it this month, I am dana@northwind.example, we need to stop losing leads',
    );
    expect(await alert).toMatchObject({ kind: 'sql', conversationId: id });
    const conv = await bed.deps.store.getConversation(id);
    expect(conv?.outbox.map((e) => e.type) ?? []).toContain('lead.qualified');
    expect(seen.filter((e) => e.event === 'agent:message' || e.event === 'agent:typing')).toEqual(
      [],
    );
  });

  it('refuses a marketer, a second rep on a taken chat, a message before joining, and a message too long', async () => {
    const { bed, id } = await consoleTeam({ server: { maxMessageChars: 50 } });
    const mia = await bed.consoleSocket(await bed.signIn(MIA));
    for (const event of ['join', 'message', 'typing', 'handBack'])
      expect(await mia.emitWithAck(event, { conversationId: id, text: 'hi' })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      });
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    const ben = await bed.consoleSocket(await bed.signIn(BEN));
    expect(await ana.emitWithAck('message', { conversationId: id, text: 'hi' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await ana.emitWithAck('join', { conversationId: id });
    expect(await ben.emitWithAck('join', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('Ana Lima') },
    });
    expect(await ben.emitWithAck('handBack', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    expect(
      await ana.emitWithAck('message', { conversationId: id, text: 'x'.repeat(51) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'PAYLOAD_TOO_LARGE' },
    });
    expect(await ana.emitWithAck('join', { conversationId: 42 })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    expect(await ana.emitWithAck('join', { conversationId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'SESSION_NOT_FOUND' },
    });
    const conv = await bed.deps.store.getConversation(id);
    expect(conv?.console.actions.map((a) => a.by)).toEqual([ANA]);
    expect(conv?.messages.some((m) => m.role === 'rep')).toBe(false);
  });

  it('when a rep is disabled, then their next takeover event is refused and changes nothing', async () => {
    const { bed, id } = await consoleTeam();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    await bed.users.update(ANA, { disabled: true });
    expect(await ana.emitWithAck('join', { conversationId: id })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHORIZED' },
    });
    expect((await bed.deps.store.getConversation(id))?.console.takeover).toBeNull();
  });

  it('when the visitor comes back while a rep has the chat, then their widget is told who is there', async () => {
    const { bed, id, sessionId } = await consoleTeam();
    const ana = await bed.consoleSocket(await bed.signIn(ANA));
    await ana.emitWithAck('join', { conversationId: id });
    const again = await connectClient(bed.server.url);
    const status = nextEvent<{ mode: string; rep: { name: string } }>(again, 'agent:status');
    await again.emitWithAck('session:hello', { sessionId, visitor: testVisitor() });
    expect(await status).toEqual({ mode: 'human', rep: { name: 'Ana Lima' } });
    again.close();
  });
});
