import { otherSite } from '../helpers/other-site.js';
import { expect } from 'vitest';
import { meetingToken } from '../../src/booking/meeting-links.js';
import { createMemoryCalendar } from '../../src/booking/memory-calendar.js';
import { parseConfig } from '../../src/config/load-config.js';
import { createBookingsRouter } from '../../src/server/bookings-router.js';
import { createMemoryStore } from '../../src/store/memory-store.js';
import { closeAfterTest } from '../helpers/close-after-test.js';
import { makeConversation } from '../helpers/make-conversation.js';
import { startTestServer } from '../helpers/start-test-server.js';
import { TEST_SECRET } from '../helpers/test-deps.js';
import { describeInChromium, widgetTest as it } from '../helpers/widget-test.js';

const MEETING_ID = '0b7e4f0c-5d0a-4f53-8f6e-2b9a1c3d4e5f';
const START = '2026-03-09T13:00:00.000Z';
const T = meetingToken(TEST_SECRET, 'manage', MEETING_ID);

/** The real server with one booked meeting, its bookings router on a fixed clock before the meeting. */
async function serverWithMeeting({
  recorder,
}: {
  recorder: { chatService: Parameters<typeof startTestServer>[0]['chatService'] };
}) {
  const config = parseConfig({});
  const clock = () => new Date('2026-03-04T15:00:00.000Z');
  const store = createMemoryStore();
  const calendar = createMemoryCalendar([], { clock });
  await store.saveConversation(
    makeConversation({
      id: 'conv-7',
      meeting: {
        id: MEETING_ID,
        start: START,
        end: '2026-03-09T13:30:00.000Z',
        repId: config.booking.reps[0]?.id ?? 'rep-1',
        status: 'booked',
        bookedAt: '2026-03-03T15:00:00.000Z',
      },
    }),
  );
  await calendar.claim(
    {
      start: START,
      end: '2026-03-09T13:30:00.000Z',
      repIds: [config.booking.reps[0]?.id ?? 'rep-1'],
    },
    { id: MEETING_ID, conversationId: 'conv-7' },
  );
  const server = closeAfterTest(
    await startTestServer({
      chatService: recorder.chatService,
      config,
      routers: [createBookingsRouter({ calendar, store, config, clock, secret: TEST_SECRET })],
    }),
  );
  return { server, calendar };
}

describeInChromium('a meeting change posted from another site', () => {
  it('when a page on another origin auto-submits a form that cancels the meeting (with its signed link), then it is refused and the meeting stays booked', async ({
    page,
    recorder,
  }) => {
    const { server, calendar } = await serverWithMeeting({ recorder });
    const attacker = await otherSite(`<!doctype html><html><body>
<form id="f" method="post" action="${server.url}/bookings/${MEETING_ID}/cancel?t=${T}"></form>
<script>document.getElementById('f').submit();</script>
</body></html>`);
    const answered = page.waitForResponse((r) => r.url().includes('/cancel'));
    await page.goto(`${attacker}/`);
    const response = await answered;
    expect(response.status()).toBe(403);
    await page.getByRole('heading', { name: 'Not changed' }).waitFor();
    expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
  });

  it('when the visitor cancels from the booking page itself and confirms, then the meeting is canceled', async ({
    page,
    recorder,
  }) => {
    const { server, calendar } = await serverWithMeeting({ recorder });
    await page.goto(`${server.url}/bookings/${MEETING_ID}?t=${T}`);
    await page.getByRole('button', { name: 'Cancel my meeting' }).click();
    await page.getByRole('heading', { name: 'Cancel your meeting?' }).waitFor();
    expect((await calendar.get(MEETING_ID))?.status).toBe('booked');
    await page.getByRole('button', { name: 'Yes, cancel my meeting' }).click();

    await page.getByText('Your meeting is canceled.').waitFor();
    expect((await calendar.get(MEETING_ID))?.status).toBe('canceled');
  });

  it('when the visitor moves the meeting from its page and confirms, then it is moved', async ({
    page,
    recorder,
  }) => {
    const { server, calendar } = await serverWithMeeting({ recorder });
    await page.goto(`${server.url}/bookings/${MEETING_ID}?t=${T}`);
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Move my meeting' }).click();
    await page.getByRole('heading', { name: 'Move your meeting?' }).waitFor();
    await page.getByRole('button', { name: 'Yes, move my meeting' }).click();
    await page.getByText('Your meeting was moved.').waitFor();
    expect((await calendar.get(MEETING_ID))?.start).not.toBe(START);
  });

  it('when another site tries to show the booking page or the demo page in a frame, then the browser refuses to render it', async ({
    page,
    recorder,
  }) => {
    const { server } = await serverWithMeeting({ recorder });
    const framer = await otherSite(`<!doctype html><html><body>
<iframe name="booking" src="${server.url}/bookings/${MEETING_ID}?t=${T}"></iframe>
<iframe name="demo" src="${server.url}/"></iframe>
</body></html>`);
    const blocked: string[] = [];
    page.on('console', (m) => {
      if (/frame-ancestors|Refused to (display|frame)/i.test(m.text())) blocked.push(m.text());
    });
    await page.goto(`${framer}/`);
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    for (const name of ['booking', 'demo']) {
      const frame = page.frame({ name });
      const text = frame
        ? await frame.evaluate(() => document.body?.innerText ?? '').catch(() => '')
        : '';
      expect(text).not.toContain('Cancel');
      expect(text).not.toContain('Beacon');
    }
  });
});
