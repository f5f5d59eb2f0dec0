import request from 'supertest';
import { expect, it } from 'vitest';
import { createApp } from '../../src/server/create-app.js';
import { createConfirmRouter } from '../../src/server/confirm-router.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { OPENING } from './booking-visitor.js';
import { SECRET, startMailTestBed, textOf } from './mail-test-bed.js';

const CONFIRM = { booking: { confirmEmail: true, confirmMinutes: 60 } };

async function heldBooking() {
  const bed = await startMailTestBed(CONFIRM);
  const { deps, calendar, clock } = bed;
  const app = createApp({
    config: deps.config,
    chatService: deps.chatService,
    widget: testWidgetAssets(),
    routers: [
      createConfirmRouter({
        store: deps.store,
        calendar,
        config: deps.config,
        secret: SECRET,
        clock: deps.now,
      }),
    ],
  });
  await bed.chat.say(OPENING);
  const reply = await bed.chat.say('the first one');
  await bed.worker.runDue(clock.now());
  return { ...bed, app, reply };
}

/** The confirm link in the email, as a path and query on the app. */
function linkIn(text: string): string {
  const url = /https:\/\/chat\.beacon\.example(\/meetings\/\S+)/.exec(text)?.[1];
  if (url === undefined) throw new Error(`no confirm link in: ${text}`);
  return url;
}

it('when confirmEmail is on and a visitor picks a time, then the slot is held, the chat says to check the inbox, and only a confirm email goes out', async () => {
  const { reply, calendar, smtp, chat, deliveries } = await heldBooking();
  expect(reply.text).toMatch(/check your inbox/i);
  expect(reply.text).toContain('dana@acme-freight.example');
  expect(calendar.entries()).toEqual([]);
  const held = (await chat.conversation()).heldMeeting;
  expect(held).toBeDefined();
  const busy = await calendar.busy('2026-03-03T00:00:00.000Z', '2026-03-20T00:00:00.000Z');
  expect(busy.some((b) => b.start === held?.start)).toBe(true);

  const [mail] = await smtp.waitFor(1);
  expect(mail?.to).toEqual(['dana@acme-freight.example']);
  expect(mail?.message.headers.subject).toMatch(/^Please confirm your Intro call/);
  expect(textOf(mail ?? smtp.mails[0]!)).toMatch(/confirm within 60 minutes/);
  // No meeting.booked yet, so no handoff or invite to the rep.
  expect((await deliveries.list()).map((d) => d.eventType)).toEqual(['email.confirm_requested']);
});

it('when the visitor opens the link, then nothing is booked until they press confirm; then the meeting is booked, the email is verified and both invites go out', async () => {
  const { app, smtp, chat, calendar, worker, clock } = await heldBooking();
  const link = linkIn(textOf((await smtp.waitFor(1))[0]!));

  const page = await request(app).get(link);
  expect(page.status).toBe(200);
  expect(page.text).toContain('Confirm my meeting');
  expect(page.text).toContain('method="post"');
  expect(calendar.entries()).toEqual([]);

  const sig = new URL(link, 'https://x.example').searchParams.get('sig') ?? '';
  const confirmed = await request(app).post(link.split('?')[0]!).type('form').send({ sig });
  expect(confirmed.status).toBe(200);
  expect(confirmed.text).toContain('Your meeting is booked');

  const conv = await chat.conversation();
  expect(conv.meeting).toMatchObject({ status: 'booked', repId: 'ana' });
  expect(conv.heldMeeting).toBeUndefined();
  expect(conv.verifiedEmail).toBe('dana@acme-freight.example');
  expect(calendar.entries().map((e) => e.status)).toEqual(['booked']);
  expect(conv.outbox.map((e) => e.type)).toContain('meeting.booked');

  await worker.runDue(clock.now());
  const mails = await smtp.waitFor(3);
  expect(
    mails
      .slice(1)
      .map((m) => m.to[0])
      .sort(),
  ).toEqual(['ana@beacon.example', 'dana@acme-freight.example']);
  // A second press books nothing more.
  await request(app).post(link.split('?')[0]!).type('form').send({ sig });
  expect(calendar.entries()).toHaveLength(1);
});

it.each([
  [
    'a wrong signature',
    (link: string) => link.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
  ],
  ['no signature', (link: string) => link.split('?')[0]!],
  [
    'another meeting id',
    (link: string) => link.replace(/\/meetings\/([^/]+)\/[^/]+\//, '/meetings/$1/t-999/'),
  ],
])('when the link has %s, then it answers 404 and books nothing', async (_name, forge) => {
  const { app, smtp, calendar } = await heldBooking();
  const link = forge(linkIn(textOf((await smtp.waitFor(1))[0]!)));
  const sig = new URL(link, 'https://x.example').searchParams.get('sig') ?? '';
  expect((await request(app).get(link)).status).toBe(404);
  expect((await request(app).post(link.split('?')[0]!).type('form').send({ sig })).status).toBe(
    404,
  );
  expect(calendar.entries()).toEqual([]);
});

it('when the visitor does not confirm in time, then the hold expires, the slot is free for others, and a late confirm books nothing', async () => {
  const { app, smtp, deps, calendar, chat } = await heldBooking();
  const link = linkIn(textOf((await smtp.waitFor(1))[0]!));
  const held = (await chat.conversation()).heldMeeting;
  deps.advance(61 * 60_000);

  const busy = await calendar.busy('2026-03-03T00:00:00.000Z', '2026-03-20T00:00:00.000Z');
  expect(busy.some((b) => b.start === held?.start)).toBe(false);
  // Someone else can now book the freed time.
  if (held === undefined) throw new Error('nothing was held');
  const other = await calendar.claim(
    { start: held.start, end: held.end, repIds: ['ana'] },
    { id: 'other-meeting', conversationId: 'other-conversation' },
  );
  expect(other?.start).toBe(held.start);

  const sig = new URL(link, 'https://x.example').searchParams.get('sig') ?? '';
  const late = await request(app).post(link.split('?')[0]!).type('form').send({ sig });
  expect(late.status).toBe(410);
  expect(late.text).toContain('This hold has expired');
  expect(calendar.entries().map((e) => e.id)).toEqual(['other-meeting']);
  expect((await chat.conversation()).meeting).toBeNull();
});
