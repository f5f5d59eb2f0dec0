import type { AgentEvent } from '../../src/conversation/chat-service.js';
import type { TestDeps } from '../helpers/test-deps.js';

export type Reply = Extract<AgentEvent, { type: 'agent:message' }>['payload'];

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
  const hello = await deps.chatService.hello({
    visitor: {
      timezone,
      locale: 'en-US',
      page: 'https://beacon.example/pricing',
      referrer: null,
      utm: null,
    },
  });
  let n = 0;
  const say = async (text: string): Promise<Reply> => {
    const replies: Reply[] = [];
    const r = await deps.chatService.receive(
      hello.sessionId,
      { clientId: `c${++n}`, text },
      (e) => {
        if (e.type === 'agent:message') replies.push(e.payload);
      },
    );
    await r.reply;
    deps.advance(60_000);
    const last = replies.at(-1);
    if (!last) throw new Error(`no reply to ${text}`);
    return last;
  };
  const conversation = async () => {
    const c = await deps.chatService.conversation(hello.sessionId);
    if (!c) throw new Error('conversation gone');
    return c;
  };
  return { say, conversation, id: hello.sessionId };
}

export const plain = (s: string): string => s.replace(/\s/g, ' ');
export const WEEK = ['2026-03-03T00:00:00.000Z', '2026-03-18T00:00:00.000Z'] as const;
