import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AgentEvent } from '../../src/conversation/chat-service.js';
import { createBookingsRouter } from '../../src/server/bookings-router.js';
import { createApp } from '../../src/server/create-app.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { answerFor } from '../helpers/visitor-answers.js';
import { readIcs } from '../unit/booking/read-ics.js';

type AgentMessage = Extract<AgentEvent, { type: 'agent:message' }>['payload'];

/** Chats as a qualified visitor in `timezone` until the agent stops asking; returns the last message. */
async function bookThroughTheChat(timezone: string) {
  const deps = createTestDeps();
  const hello = await deps.chatService.hello({
    visitor: { timezone, locale: 'en-US', page: '/pricing', referrer: null, utm: null },
  });
  const first = hello.messages.at(-1);
  let last: AgentMessage | undefined = first
    ? {
        id: first.id,
        text: first.text,
        expecting: first.expecting ?? null,
        quickReplies: first.quickReplies ?? [],
        final: first.final ?? false,
      }
    : undefined;
  for (let turn = 0; turn < 12 && last && !last.final; turn++) {
    const answer = answerFor(last.expecting, last.quickReplies);
    if (!answer) break;
    const said: AgentMessage[] = [];
    const { reply } = await deps.chatService.receive(
      hello.sessionId,
      { clientId: `c${turn}`, text: answer.text },
      (e) => {
        if (e.type === 'agent:message') said.push(e.payload);
      },
    );
    await reply;
    last = said.at(-1) ?? last;
  }
  const conv = await deps.store.getConversation(hello.sessionId);
  const app = createApp({
    config: deps.config,
    chatService: createScriptedChatService(),
    widget: testWidgetAssets(),
    routers: [
      createBookingsRouter({
        calendar: deps.calendar,
        store: deps.store,
        config: deps.config,
        clock: deps.now,
      }),
    ],
  });
  return { conv, last, app };
}

describe('a meeting booked in the chat, opened from its links', () => {
  it('when a qualified visitor in Kolkata books the first slot offered, then the invite and the page show that meeting for them', async () => {
    const { conv, last, app } = await bookThroughTheChat('Asia/Kolkata');
    const meeting = conv?.meeting;
    expect(meeting).not.toBeNull();
    expect(last?.text).toContain(`/bookings/${meeting?.id}.ics`);

    const invite = readIcs((await request(app).get(`/bookings/${meeting?.id}.ics`)).text);
    expect(invite).toMatchObject({
      start: meeting?.start,
      end: meeting?.end,
      organizer: { email: 'sales@beacon.example' },
    });
    expect(invite.attendees).toEqual([
      expect.objectContaining({ name: 'Robin Ashby', email: 'robin.ashby@quillstone.example' }),
    ]);

    const page = await request(app).get(`/bookings/${meeting?.id}`);
    // 2:00 PM in New York on Tuesday 3 March is 12:30 AM on Wednesday in Kolkata.
    expect(page.text.replace(/\s/g, ' ')).toContain('Wed, Mar 4, 12:30 AM GMT+5:30');
  });
});
