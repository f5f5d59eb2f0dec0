import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { meetingToken } from '../../src/booking/meeting-links.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { serverSecretFrom } from '../../src/lib/server-secret.js';
import type { Lead } from '../../src/lead/lead-record.js';
import { createBookingsRouter } from '../../src/server/bookings-router.js';
import { createApp } from '../../src/server/create-app.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { makeConversation } from '../helpers/make-conversation.js';
import { createScriptedChatService } from '../helpers/scripted-chat-service.js';
import { testWidgetAssets } from '../helpers/start-test-server.js';
import { TEST_SECRET } from '../helpers/test-deps.js';
import { readIcs } from '../unit/booking/read-ics.js';

const MEETING_ID = '0b7e4f0c-5d0a-4f53-8f6e-2b9a1c3d4e5f';
/** The manage token of the meeting, as the chat's links carry it. */
const T = meetingToken(TEST_SECRET, 'manage', MEETING_ID);
// Monday 9 March 2026, 9:00 in New York (summer time since the 8th), 14:00 in Berlin (not yet).
const START = '2026-03-09T13:00:00.000Z';
const lead = (fields: Record<string, string>): Lead =>
  Object.fromEntries(
    Object.entries(fields).map(([path, value]) => [
      path,
      {
        value,
        evidence: value,
        source: 'rules',
        messageId: 'm1',
        at: '2026-03-03T14:00:00.000Z',
        history: [],
      },
    ]),
  );

async function setup(
  opts: { now?: string; companyName?: string; repName?: string; publicUrl?: string } = {},
) {
  const config = parseConfig({
    ...(opts.publicUrl ? { server: { publicUrl: opts.publicUrl } } : {}),
    booking: {
      reps: [
        { id: 'ana', name: opts.repName ?? 'Ana Lindqvist', email: 'ana@beacon.example' },
        { id: 'ben', name: 'Ben Okafor', email: 'ben@beacon.example' },
      ],
    },
  });
  let now = Date.parse(opts.now ?? '2026-03-04T15:00:00.000Z');
  const clock = () => new Date(now);
  const store = createMemoryStore();
  const calendar = createMemoryCalendar([], { clock });
  await store.saveConversation(
    makeConversation({
      id: 'conv-7',
      visitor: {
        timezone: 'Europe/Berlin',
        locale: 'en-US',
        page: null,
        referrer: null,
        utm: null,
      },
      lead: lead({
        'contact.name': 'Dana Whitfield',
        'contact.email': 'dana@brightfield.example',
        'company.name': opts.companyName ?? 'Brightfield Tooling',
      }),
      meeting: {
        id: MEETING_ID,
        start: START,
        end: '2026-03-09T13:30:00.000Z',
        repId: 'ana',
        status: 'booked',
        bookedAt: '2026-03-03T15:00:00.000Z',
      },
    }),
  );
  await calendar.claim(
    { start: START, end: '2026-03-09T13:30:00.000Z', repIds: ['ana'] },
    { id: MEETING_ID, conversationId: 'conv-7' },
  );
  let ids = 0;
  const router = createBookingsRouter({
    calendar,
    store,
    config,
    clock,
    secret: TEST_SECRET,
    newId: () => `evt-${++ids}`,
  });
  const app = createApp({
    config,
    chatService: createScriptedChatService(),
    widget: testWidgetAssets(),
    routers: [router],
    logger: { warn: () => undefined, error: () => undefined },
  });
  return { app, calendar, store, setNow: (iso: string) => void (now = Date.parse(iso)) };
}

describe('the meeting invite at /bookings/:id.ics', () => {
  it('when the visitor opens the invite, then it is an RFC 5545 request from the rep to the visitor at the booked instant', async () => {
    const { app } = await setup();
    const res = await request(app).get(`/bookings/${MEETING_ID}.ics?t=${T}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(readIcs(res.text)).toMatchObject({
      method: 'REQUEST',
      uid: `${MEETING_ID}@beacon.example`,
      sequence: 0,
      summary: 'Intro call: Beacon + Brightfield Tooling',
      start: START,
      end: '2026-03-09T13:30:00.000Z',
      organizer: { name: 'Ana Lindqvist', email: 'ana@beacon.example' },
      attendees: [{ name: 'Dana Whitfield', email: 'dana@brightfield.example' }],
    });
  });

  it('when a public address is configured, then the invite links the booking page there, whatever Host the client sent', async () => {
    const { app } = await setup({ publicUrl: 'https://chat.beacon.example' });
    const res = await request(app)
      .get(`/bookings/${MEETING_ID}.ics?t=${T}`)
      .set('Host', 'attacker.example');
    const unfolded = res.text.replace(/\r\n[ \t]/g, '');
    expect(unfolded).toContain(`URL:https://chat.beacon.example/bookings/${MEETING_ID}`);
    expect(unfolded).not.toContain('attacker.example');
  });

  it('when the meeting id is unknown, then the answer is a 404', async () => {
    const { app } = await setup();
    const res = await request(app)
      .get('/bookings/4a4a4a4a-0000-4000-8000-000000000000.ics')
      .set('Accept', 'application/json');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.any(String) } });
  });
});

describe('the booking page at /bookings/:id', () => {
  it("when the visitor opens the page, then it shows the meeting in the visitor's own time zone with forms to move or cancel it", async () => {
    const { app } = await setup();
    const res = await request(app).get(`/bookings/${MEETING_ID}?t=${T}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['referrer-policy']).toBe('same-origin');
    expect(res.headers['cache-control']).toBe('no-store');
    const text = res.text.replace(/\s/g, ' ');
    expect(text).toContain('Mon, Mar 9, 2:00 PM GMT+1');
    expect(text).toContain(`action="/bookings/${MEETING_ID}/cancel"`);
    expect(text).toContain(`action="/bookings/${MEETING_ID}/reschedule"`);
    expect(text.match(/type="radio" name="start"/g)).toHaveLength(8);
    expect(text).toMatch(/<label for="start-0">Wed, Mar 4, 8:00 PM GMT\+1<\/label>/);
  });

  it('when the page is asked for another zone with ?tz=, then the times are shown there', async () => {
    const { app } = await setup();
    const res = await request(app).get(`/bookings/${MEETING_ID}?t=${T}&tz=Asia/Kolkata`);
    expect(res.text.replace(/\s/g, ' ')).toContain('Mon, Mar 9, 6:30 PM GMT+5:30');
  });

  it('when the zone is not a real one, then the request is refused naming the field', async () => {
    const { app } = await setup();
    const res = await request(app)
      .get(`/bookings/${MEETING_ID}?t=${T}&tz=Mars/Olympus`)
      .set('Accept', 'application/json');
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({
      code: 'BAD_REQUEST',
      message: expect.stringContaining('query.tz'),
    });
  });

  it('when names hold markup, then the page shows them as text', async () => {
    const { app } = await setup({
      companyName: '<script>alert(1)</script> Ltd',
      repName: 'Ana "<b>" Lindqvist',
    });
    const res = await request(app).get(`/bookings/${MEETING_ID}?t=${T}`);
    expect(res.text).not.toContain('<script>alert(1)');
    expect(res.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; Ltd');
    expect(res.text).toContain('Ana &quot;&lt;b&gt;&quot; Lindqvist');
  });

  it('when an API client asks for JSON, then it gets the meeting and the times it may move to', async () => {
    const { app } = await setup();
    const res = await request(app)
      .get(`/bookings/${MEETING_ID}?t=${T}`)
      .set('Accept', 'application/json');
    expect(res.body.meeting).toMatchObject({
      id: MEETING_ID,
      status: 'booked',
      start: START,
      rep: { name: 'Ana Lindqvist' },
      timezone: 'Europe/Berlin',
    });
    expect(res.body.choices).toHaveLength(8);
  });

  it.each([
    ['text/html', /text\/html/],
    ['application/json', /application\/json/],
  ])(
    'when the meeting is unknown and the client accepts %s, then it gets a 404 in that form',
    async (accept, type) => {
      const { app } = await setup();
      const res = await request(app)
        .get('/bookings/4a4a4a4a-0000-4000-8000-000000000000')
        .set('Accept', accept);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(type);
    },
  );

  it('when the id has characters no meeting id has, then the request is refused', async () => {
    const { app } = await setup();
    const res = await request(app).get('/bookings/..%2Fsecrets').set('Accept', 'application/json');
    expect(res.status).toBe(400);
  });
});

describe('canceling and moving a meeting from the page', () => {
  it('when the visitor cancels, then the page, the invite and the conversation all say canceled', async () => {
    const { app, store } = await setup();
    const post = await request(app)
      .post(`/bookings/${MEETING_ID}/cancel?t=${T}`)
      .type('form')
      .send({ tz: 'Europe/Berlin' });
    expect(post.status).toBe(303);
    expect(post.headers.location).toBe(
      `/bookings/${MEETING_ID}?t=${T}&done=canceled&tz=Europe%2FBerlin`,
    );
    const page = await request(app).get(post.headers.location ?? '');
    expect(page.text).toContain('Your meeting is canceled.');
    expect(page.text).not.toContain('<form');
    expect(
      readIcs((await request(app).get(`/bookings/${MEETING_ID}.ics?t=${T}`)).text),
    ).toMatchObject({
      method: 'CANCEL',
      status: 'CANCELLED',
      sequence: 1,
    });
    const conv = await store.getConversation('conv-7');
    expect(conv?.meeting?.status).toBe('canceled');
    expect(conv?.outbox.map((e) => e.type)).toEqual(['meeting.canceled']);
  });

  it('when the visitor moves the meeting to a free time, then the invite has the new instant and a higher sequence', async () => {
    const { app, store, calendar } = await setup();
    const target = '2026-03-05T14:00:00.000Z';
    const post = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .type('form')
      .send({ start: target });
    expect(post.status).toBe(303);
    expect(
      readIcs((await request(app).get(`/bookings/${MEETING_ID}.ics?t=${T}`)).text),
    ).toMatchObject({
      method: 'REQUEST',
      start: target,
      sequence: 1,
    });
    const conv = await store.getConversation('conv-7');
    expect(conv?.meeting).toMatchObject({ start: target, status: 'booked' });
    expect(conv?.outbox.map((e) => e.type)).toEqual(['meeting.rescheduled']);
    expect(await calendar.busy(START, '2026-03-09T13:30:00.000Z')).toEqual([]);
  });

  it('when an API client moves the meeting with JSON, then it gets the moved meeting back', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .send({ start: '2026-03-05T14:00:00Z' });
    expect(res.status).toBe(200);
    expect(res.body.meeting).toMatchObject({
      start: '2026-03-05T14:00:00.000Z',
      sequence: 1,
      status: 'booked',
    });
  });

  it('when the new time was just taken by both reps, then the visitor sees why and the meeting stays', async () => {
    const { app, calendar } = await setup();
    const taken = {
      start: '2026-03-05T14:00:00.000Z',
      end: '2026-03-05T14:30:00.000Z',
      repIds: ['ana', 'ben'],
    };
    await calendar.claim(taken, { id: 'other-1', conversationId: 'conv-8' });
    await calendar.claim(taken, { id: 'other-2', conversationId: 'conv-9' });
    const page = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .type('form')
      .send({ start: taken.start });
    expect(page.status).toBe(409);
    expect(page.text).toContain('role="alert"');
    expect(page.text).toContain('That time is no longer free');
    const api = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .send({ start: taken.start });
    expect(api.status).toBe(409);
    expect(api.body.error.code).toBe('CONFLICT');
    expect((await calendar.get(MEETING_ID))?.start).toBe(START);
  });

  it('when the start is not an instant, then the request is refused naming the field', async () => {
    const { app } = await setup();
    const res = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .send({ start: 'next Tuesday' });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toContain('body.start');
  });

  it('when the meeting has already started, then it can be neither canceled nor moved', async () => {
    const { app, setNow, calendar } = await setup();
    setNow('2026-03-09T13:05:00.000Z');
    expect(
      (
        await request(app)
          .post(`/bookings/${MEETING_ID}/cancel?t=${T}`)
          .set('Accept', 'application/json')
          .send({})
      ).status,
    ).toBe(409);
    expect(
      (
        await request(app)
          .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
          .send({ start: '2026-03-10T14:00:00Z' })
      ).status,
    ).toBe(409);
    expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
  });

  it('when a canceled meeting is moved, then it is refused and stays canceled', async () => {
    const { app, calendar } = await setup();
    await request(app).post(`/bookings/${MEETING_ID}/cancel?t=${T}`).send({});
    const res = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .send({ start: '2026-03-05T14:00:00Z' });
    expect(res.status).toBe(409);
    expect((await calendar.get(MEETING_ID))?.status).toBe('canceled');
  });
});

describe('signed links: the meeting id alone opens nothing', () => {
  const OTHER = meetingToken(TEST_SECRET, 'manage', '4a4a4a4a-0000-4000-8000-000000000000');
  it.each([
    ['no token', `/bookings/${MEETING_ID}`],
    ['no token on the invite', `/bookings/${MEETING_ID}.ics`],
    ['a wrong token', `/bookings/${MEETING_ID}?t=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA`],
    ["another meeting's token", `/bookings/${MEETING_ID}?t=${OTHER}`],
    [
      'a token signed with another key',
      `/bookings/${MEETING_ID}?t=${meetingToken(serverSecretFrom('another-key-0123456789-0123456789'), 'manage', MEETING_ID)}`,
    ],
    [
      'the invite token on the page',
      `/bookings/${MEETING_ID}?t=${meetingToken(TEST_SECRET, 'invite', MEETING_ID)}`,
    ],
  ])(
    'when a link has %s, then it is a 404 worded as for an unknown meeting',
    async (_case, url) => {
      const { app } = await setup();
      const res = await request(app).get(url).set('Accept', 'application/json');
      const unknown = await request(app)
        .get('/bookings/4a4a4a4a-0000-4000-8000-000000000000')
        .set('Accept', 'application/json');
      expect(res.status).toBe(404);
      expect(res.body.error.message.replace(MEETING_ID, 'X')).toBe(
        unknown.body.error.message.replace('4a4a4a4a-0000-4000-8000-000000000000', 'X'),
      );
    },
  );

  it('when a POST to cancel has no token, then nothing changes', async () => {
    const { app, calendar } = await setup();
    const res = await request(app).post(`/bookings/${MEETING_ID}/cancel`).type('form').send({});
    expect(res.status).toBe(404);
    expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
  });

  it('when the CRM opens the invite link from a webhook (the invite token), then it gets the invite without the page link', async () => {
    const { app } = await setup({ publicUrl: 'https://chat.beacon.example' });
    const invite = meetingToken(TEST_SECRET, 'invite', MEETING_ID);
    const res = await request(app).get(`/bookings/${MEETING_ID}.ics?t=${invite}`);
    expect(res.status).toBe(200);
    expect(readIcs(res.text)).toMatchObject({ method: 'REQUEST', start: START });
    expect(res.text).not.toContain('/bookings/');
  });
});

describe('cancel and move ask for confirmation', () => {
  it('when the visitor follows the cancel step, then a page asks to confirm and nothing is canceled until its form is posted', async () => {
    const { app, calendar } = await setup();
    const page = await request(app).get(`/bookings/${MEETING_ID}?t=${T}`);
    expect(page.text).toMatch(/<form method="get" action="\/bookings\/[\w-]+\/cancel">/);
    const confirm = await request(app).get(
      `/bookings/${MEETING_ID}/cancel?t=${T}&tz=Europe/Berlin`,
    );
    expect(confirm.status).toBe(200);
    expect(confirm.text).toContain('Cancel your meeting?');
    expect(confirm.text.replace(/\s/g, ' ')).toContain('Mon, Mar 9, 2:00 PM GMT+1');
    expect(confirm.text).toContain(
      `<form method="post" action="/bookings/${MEETING_ID}/cancel?t=${T}">`,
    );
    expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
  });

  it('when the visitor picks a new time, then a page says from when to when and only its POST moves the meeting', async () => {
    const { app, calendar } = await setup();
    const target = '2026-03-05T14:00:00.000Z';
    const confirm = await request(app).get(
      `/bookings/${MEETING_ID}/reschedule?t=${T}&start=${encodeURIComponent(target)}&tz=Europe/Berlin`,
    );
    expect(confirm.status).toBe(200);
    const text = confirm.text.replace(/\s/g, ' ');
    expect(text).toContain('Move your meeting?');
    expect(text).toContain('Thu, Mar 5, 3:00 PM GMT+1');
    expect(text).toContain(`<input type="hidden" name="start" value="${target}">`);
    expect((await calendar.get(MEETING_ID))?.start).toBe(START);
  });

  it('when the time picked is not free, then the confirmation step says so', async () => {
    const { app } = await setup();
    const res = await request(app).get(
      `/bookings/${MEETING_ID}/reschedule?t=${T}&start=2026-03-05T03:00:00Z`,
    );
    expect(res.status).toBe(409);
    expect(res.text).toContain('That time is no longer free');
  });
});

describe('a change is accepted only from the server’s own pages', () => {
  const cancel = (app: Parameters<typeof request>[0], headers: Record<string, string>) =>
    request(app).post(`/bookings/${MEETING_ID}/cancel?t=${T}`).set(headers).type('form').send({});

  it.each([
    ['another site', { Origin: 'https://evil.example' }],
    [
      'a rebound name (Host and Origin both the attacker’s)',
      { Origin: 'http://evil.example', Host: 'evil.example' },
    ],
    ['a sandboxed frame (Origin: null)', { Origin: 'null' }],
    ['a sandboxed frame in a browser', { Origin: 'null', 'Sec-Fetch-Site': 'cross-site' }],
    ['a browser that sent no Origin but says cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['the same host over http', { Origin: 'http://chat.beacon.example' }],
  ])(
    'when the POST comes from %s, then it is refused and the meeting stays booked',
    async (_case, headers) => {
      const { app, calendar, store } = await setup({ publicUrl: 'https://chat.beacon.example' });
      const res = await cancel(app, headers);
      expect(res.status).toBe(403);
      expect(res.text).toContain('Not changed');
      expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
      expect((await store.getConversation('conv-7'))?.outbox).toEqual([]);
    },
  );

  it.each([
    ['the booking page (its own origin)', { Origin: 'https://chat.beacon.example' }],
    ['a browser that sent no Origin but says same-origin', { 'Sec-Fetch-Site': 'same-origin' }],
    [
      'its own page under a no-referrer policy (Origin: null, same-origin)',
      { Origin: 'null', 'Sec-Fetch-Site': 'same-origin' },
    ],
    ['a script holding the link (no browser headers)', {}],
  ])('when the POST comes from %s, then the meeting is canceled', async (_case, headers) => {
    const { app, calendar } = await setup({ publicUrl: 'https://chat.beacon.example' });
    const res = await cancel(app, headers);
    expect(res.status).toBe(303);
    expect((await calendar.get(MEETING_ID))?.status).toBe('canceled');
  });

  it('when an API client posts cross-site JSON, then it gets FORBIDDEN', async () => {
    const { app } = await setup({ publicUrl: 'https://chat.beacon.example' });
    const res = await request(app)
      .post(`/bookings/${MEETING_ID}/reschedule?t=${T}`)
      .set('Origin', 'https://evil.example')
      .send({ start: '2026-03-05T14:00:00Z' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});
