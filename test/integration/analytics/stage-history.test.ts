import { describe, expect, it } from 'vitest';
import { ConversationSchema } from '../../../src/conversation/conversation-schema.js';
import { startChatVisitor } from '../../helpers/chat-visitor.js';
import { createTestDeps, FIXED_NOW } from '../../helpers/test-deps.js';
import { leadOf, SQL_VALUES } from '../../unit/handoff/handoff-fixtures.js';
import { ANA, leadPageBed } from '../console/lead-page-bed.js';

const MINUTE = 60_000;

describe('the conversation records when it first reached each funnel stage', () => {
  it('records lead, MQL and SQL at the turn that reached them, and the booking at its time', async () => {
    const deps = createTestDeps();
    const visitor = await startChatVisitor(deps.chatService, {
      afterTurn: () => deps.advance(MINUTE),
    });
    const turnTimes: string[] = [];
    let last = visitor.greeting;
    // Answer question by question, noting the clock of each turn (the time its save is stamped).
    for (let turn = 0; turn < 12 && last && !last.final; turn++) {
      if (last.expecting === 'booking') break;
      turnTimes.push(deps.now().toISOString());
      last = (await visitor.say(answerTo(last.expecting))).at(-1) ?? last;
    }
    const qualified = await deps.store.getConversation(visitor.conversationId);
    // The email comes with the last qualifying answer: lead, MQL and SQL are reached together.
    const contactTurn = turnTimes.at(-1);
    expect(qualified?.stageHistory).toEqual({
      lead: contactTurn,
      mql: contactTurn,
      sql: contactTurn,
    });

    expect(last?.expecting).toBe('booking');
    const slot = last?.quickReplies[0]?.value ?? '';
    await visitor.say(slot);
    const booked = await deps.store.getConversation(visitor.conversationId);
    expect(booked?.meeting?.status).toBe('booked');
    expect(booked?.stageHistory).toEqual({
      lead: contactTurn,
      mql: contactTurn,
      sql: contactTurn,
      booked: booked?.meeting?.bookedAt,
    });
  });

  it('reads a conversation stored before stage history with none, and records it at its next save', async () => {
    const deps = createTestDeps();
    const visitor = await startChatVisitor(deps.chatService);
    const stored = await deps.store.getConversation(visitor.conversationId);
    const { stageHistory: _dropped, ...old } = JSON.parse(JSON.stringify(stored)) as Record<
      string,
      unknown
    >;
    expect(ConversationSchema.parse(old).stageHistory).toEqual({});
    await visitor.say('Robin Ashby, robin.ashby@quillstone.example');
    const after = await deps.store.getConversation(visitor.conversationId);
    expect(after?.stageHistory).toEqual({ lead: FIXED_NOW });
  });
});

describe('a rep correction records the stages it reaches, and never takes one back', () => {
  it('records SQL when a correction makes the lead sales-qualified', async () => {
    const { 'budget.amount': _a, 'budget.currency': _c, 'budget.period': _p, ...rest } = SQL_VALUES;
    const bed = await leadPageBed({
      lead: leadOf({ ...rest, 'budget.status': 'none' }),
      qualifiedAt: null,
      outbox: [],
      stageHistory: { lead: '2026-03-01T09:00:00.000Z', mql: '2026-03-01T09:00:00.000Z' },
    });
    const cookie = await bed.signIn(ANA);
    await bed.post(cookie, 'correct', { field: 'budget.status', value: 'stated', seen: 'none' });
    expect((await bed.stored()).stageHistory).toEqual({
      lead: '2026-03-01T09:00:00.000Z',
      mql: '2026-03-01T09:00:00.000Z',
      sql: FIXED_NOW,
    });
    // Corrected back down, the lead scores lower; the stage it reached stays recorded.
    await bed.post(cookie, 'correct', { field: 'budget.status', value: 'none', seen: 'stated' });
    const after = await bed.stored();
    expect(after.lead['budget.status']?.value).toBe('none');
    expect(after.stageHistory.sql).toBe(FIXED_NOW);
  });
});

/** The qualified visitor's answers (test/helpers/visitor-answers.ts), by the slot asked. */
function answerTo(slot: string | null): string {
  const answers: Record<string, string> = {
    need: 'Our website chat goes unanswered at night and we lose inbound demo requests',
    authority: 'I am the Head of Sales and I make the final call on our sales tools',
    company: 'Quillstone Analytics, we have about 240 employees',
    budget: 'We have set aside around $30,000 a year for this',
    timeline: 'We need it running within the next two weeks',
    contact: 'Robin Ashby, robin.ashby@quillstone.example',
  };
  return answers[slot ?? 'need'] ?? answers.need ?? '';
}
