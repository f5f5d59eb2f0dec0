import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/analytics/build-report.js';
import { startChatVisitor } from '../../helpers/chat-visitor.js';
import { createTestDeps } from '../../helpers/test-deps.js';
import { QUALIFIED_ANSWERS } from '../../helpers/visitor-answers.js';

const MINUTE = 60_000;

describe('the report reads what the real chat stored', () => {
  it('tells the question the visitor did not understand, the one refused and the one left open', async () => {
    const deps = createTestDeps();
    const visitor = await startChatVisitor(deps.chatService);
    // A minute per turn: each answer comes a minute after its question.
    const seen = new Set<string>();
    let last = visitor.greeting;
    for (let turn = 0; turn < 14 && last && !last.final && last.expecting !== 'booking'; turn++) {
      const slot = last.expecting ?? 'need';
      const first = !seen.has(slot);
      seen.add(slot);
      deps.advance(MINUTE);
      const text =
        slot === 'budget' && first
          ? 'what do you mean?'
          : slot === 'timeline'
            ? "I'd rather not say"
            : (QUALIFIED_ANSWERS[slot as keyof typeof QUALIFIED_ANSWERS] ?? '');
      last = (await visitor.say(text)).at(-1) ?? last;
    }
    // The visitor leaves at the meeting offer; the report is read an hour later.
    expect(last?.expecting).toBe('booking');
    deps.advance(60 * MINUTE);
    const conv = await deps.store.getConversation(visitor.conversationId);
    const startDay = (conv?.createdAt ?? '').slice(0, 10);
    const report = buildReport(conv === null ? [] : [conv], {
      from: startDay,
      to: startDay,
      timezone: 'UTC',
      now: deps.now(),
    });
    const answered = { asked: 1, answered: 1, reaskedNotUnderstood: 0, refused: 0, abandoned: 0 };
    expect(report.questions).toEqual({
      // The greeting asks nothing in particular (no `expecting`): the need is volunteered.
      need: { ...answered, asked: 0, answered: 0, medianSecondsToAnswer: null },
      authority: { ...answered, medianSecondsToAnswer: 60 },
      company: { ...answered, medianSecondsToAnswer: 60 },
      budget: { ...answered, reaskedNotUnderstood: 1, medianSecondsToAnswer: 60 },
      timeline: { ...answered, answered: 0, refused: 1, medianSecondsToAnswer: null },
      contact: { ...answered, medianSecondsToAnswer: 60 },
      booking: { ...answered, answered: 0, abandoned: 1, medianSecondsToAnswer: null },
    });
    expect(report.funnel).toEqual({
      conversations: 1,
      engaged: 1,
      lead: 1,
      mql: 1,
      sql: 1,
      booked: 0,
      canceled: 0,
    });
  });
});
