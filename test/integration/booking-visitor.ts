import type { AgentMessagePayload } from '../../src/server/socket-events.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import type { TestDeps } from '../helpers/test-deps.js';

/** A qualified buyer's first message: need, role, company, budget, timeline, name and email. */
export const OPENING =
  "Hi, my name is Dana Reyes, I'm the COO of Acme Freight, 250 people. Our inbound quote requests pile up unanswered. We have $60k a year and want it live within a month. Reach me at dana@acme-freight.example";

/** The README's example reps: Ana on the company's hours, Lee in London 09:00-13:00 (New York's night). */
export const TWO_REPS = {
  booking: {
    reps: [
      { id: 'ana', name: 'Ana from Sales', email: 'ana@your-company.example' },
      {
        id: 'lee',
        name: 'Lee from Sales',
        email: 'lee@your-company.example',
        timezone: 'Europe/London',
        hours: { start: '09:00', end: '13:00' },
      },
    ],
  },
};

/** One visitor talking to the real service (rules mode); each turn moves the clock a minute. */
export async function visitor(deps: TestDeps, timezone = 'America/Chicago') {
  const chat = await startChatVisitor(deps.chatService, {
    visitor: { timezone, page: 'https://beacon.example/pricing' },
    afterTurn: () => deps.advance(60_000),
  });
  /** Resolves with the agent's last message of the turn. */
  const say = async (text: string): Promise<AgentMessagePayload> => {
    const last = (await chat.say(text)).at(-1);
    if (!last) throw new Error(`no reply to ${text}`);
    return last;
  };
  const conversation = async () => {
    const c = await deps.chatService.conversation(chat.conversationId);
    if (!c) throw new Error('conversation gone');
    return c;
  };
  return { say, conversation, id: chat.conversationId };
}

export const plain = (s: string): string => s.replace(/\s/g, ' ');
export const WEEK = ['2026-03-03T00:00:00.000Z', '2026-03-18T00:00:00.000Z'] as const;
