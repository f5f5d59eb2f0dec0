import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createBookingsRouter } from '../../src/server/bookings-router.js';
import { createApp } from '../../src/server/create-app.js';
import { startChatVisitor } from '../helpers/chat-visitor.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { createTestDeps } from '../helpers/test-deps.js';
import { readIcs } from '../unit/booking/read-ics.js';

/** Chats as a qualified visitor in `timezone` until the agent stops asking; returns the last message. */
async function bookThroughTheChat(timezone: string) {
  const deps = createTestDeps();
  const chat = await startChatVisitor(deps.chatService, {
    visitor: { timezone, page: '/pricing' },
  });
  const last = await chat.answerUntilDone();
  const conv = await deps.store.getConversation(chat.conversationId);
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
        secret: deps.secret,
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
    // The links as the chat gave them: signed, so the meeting id alone would open nothing.
    const icsPath = last?.text.match(/\/bookings\/[\w-]+\.ics\?t=[\w-]+/)?.[0];
    expect(icsPath).toContain(`/bookings/${meeting?.id}.ics?t=`);
    expect((await request(app).get(`/bookings/${meeting?.id}.ics`)).status).toBe(404);

    const invite = readIcs((await request(app).get(icsPath ?? '')).text);
    expect(invite).toMatchObject({
      start: meeting?.start,
      end: meeting?.end,
      organizer: { email: 'sales@beacon.example' },
    });
    expect(invite.attendees).toEqual([
      expect.objectContaining({ name: 'Robin Ashby', email: 'robin.ashby@quillstone.example' }),
    ]);

    const page = await request(app).get(icsPath?.replace('.ics', '') ?? '');
    expect(page.status).toBe(200);
    // 2:00 PM in New York on Tuesday 3 March is 12:30 AM on Wednesday in Kolkata.
    expect(page.text.replace(/\s/g, ' ')).toContain('Wed, Mar 4, 12:30 AM GMT+5:30');
  });
});
