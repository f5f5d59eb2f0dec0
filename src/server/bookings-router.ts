import type { KeyedQueue } from '../lib/keyed-queue.js';
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { slotLabel, type FreeSlot } from '../booking/availability.js';
import { renderBookingPage } from '../booking/booking-page.js';
import type { Calendar, CalendarEntry } from '../booking/calendar.js';
import { meetingDetails, type MeetingDetails } from '../booking/meeting-details.js';
import { meetingIcs } from '../booking/meeting-ics.js';
import type { MeetingAccess } from '../booking/meeting-links.js';
import { recordMeetingChange, type MeetingChange } from '../booking/record-meeting-change.js';
import type { Config } from '../config/config-schema.js';
import { AppError, ERROR_CODES } from '../errors/app-error.js';
import type { ServerSecret } from '../lib/server-secret.js';
import type { Store } from '../store/store.js';
import { requireMeetingToken } from './booking-access.js';
import { addChangeRoutes } from './booking-change-routes.js';
import {
  BookingFailure,
  bookingFailureHandler,
  DONE_NOTICES,
  PAGE_HEADERS,
  PageQuery,
  parse,
  view,
  wantsJson,
  Params,
} from './booking-request.js';
import { isChangeable, rescheduleChoices } from './reschedule-choices.js';

export type BookingsRouterDeps = {
  calendar: Calendar;
  store: Store;
  config: Config;
  clock: () => Date;
  /** Signs and checks the meeting links (`?t=`); main.ts loads it with `loadServerSecret`. */
  secret: ServerSecret;
  /** Ids of the outbox events a page change records; random UUIDs by default. */
  newId?: () => string;
  /** The chat service's per-conversation queue: a page change waits for a turn in progress. */
  queue?: KeyedQueue;
};

const RESCHEDULE_CHOICES = 8; // how many free times the page offers to move a meeting to
/** A meeting opened by its signed link: the calendar entry, what the page shows, the token. */
export type Loaded = { entry: CalendarEntry; details: MeetingDetails; token: string };

/**
 * The meeting links sent in the chat: `GET /bookings/:id.ics` (the invite), `GET /bookings/:id`
 * (a page, or JSON for `Accept: application/json`), `GET /bookings/:id/cancel` and
 * `GET /bookings/:id/reschedule?start=` (pages that say what will change and ask to confirm),
 * `POST /bookings/:id/cancel` and `POST /bookings/:id/reschedule` (`start`: an instant from the
 * page's list of free times), as HTML forms or JSON. Browsers are redirected back to the page
 * after a change (303).
 *
 * Access control is a signed link (booking/meeting-links.ts): every URL carries `?t=`, the
 * meeting id signed with the server secret; a missing or wrong one is a 404 like an unknown
 * meeting. The manage token opens everything; the invite token (webhooks, Slack) opens the
 * `.ics` only. A POST must also come from the server's own pages (booking-access.ts), so
 * another site cannot submit a change with a link it learned. Pages are never cached, indexed
 * or leaked through a Referer header.
 *
 * @example app = createApp({ ...deps, routers: [createBookingsRouter({ calendar, store, config, clock, secret })] });
 */
export function createBookingsRouter(deps: BookingsRouterDeps): Router {
  const { calendar, store, config, clock, secret } = deps;
  const newId = deps.newId ?? randomUUID;
  const router = Router();
  router.use(
    '/bookings',
    express.urlencoded({ extended: false, limit: '8kb' }),
    express.json({ limit: '8kb' }),
    (_req, res, next) => {
      res.set(PAGE_HEADERS);
      next();
    },
  );

  /** The meeting the request's signed link opens (404 for a wrong link), with its token. */
  async function load(
    req: Request,
    timezone?: string,
    want: readonly MeetingAccess[] = ['manage'],
  ): Promise<Loaded> {
    const { id } = parse(Params, req.params, 'id');
    const { access, token } = requireMeetingToken(secret, req, id, want);
    const entry = await calendar.get(id);
    if (entry === null)
      throw new BookingFailure('NOT_FOUND', `no meeting with id "${id}"`, 'Meeting not found');
    const conversation = await store.getConversation(entry.conversationId).catch(() => null);
    // The configured public address wins: a Host header is whatever the client sent.
    const host = req.get('host');
    const baseUrl =
      config.server.publicUrl?.replace(/\/+$/, '') ?? (host ? `${req.protocol}://${host}` : null);
    const pageToken = access === 'manage' ? token : null;
    const details = meetingDetails({ entry, conversation, config, baseUrl, pageToken, timezone });
    return { entry, details, token };
  }

  const choices = (entry: CalendarEntry, now: Date, limit: number): Promise<FreeSlot[]> =>
    rescheduleChoices({ calendar, booking: config.booking, entry, now, limit });

  async function showPage(
    res: Response,
    { entry, details, token }: Loaded,
    status: number,
    notice: string | null,
    error: string | null,
  ): Promise<void> {
    const now = clock();
    const canChange = isChangeable(entry, now);
    const free = canChange ? await choices(entry, now, RESCHEDULE_CHOICES) : [];
    const list = free.map((s) => ({
      start: s.start,
      label: slotLabel(s.start, details.timezone, details.locale),
    }));
    res
      .status(status)
      .type('html')
      .send(
        renderBookingPage({
          details,
          token,
          choices: list,
          canChange,
          horizonDays: config.booking.horizonDays,
          notice,
          error,
        }),
      );
  }

  /** After a change: the JSON view for API clients, a redirect back to the page for browsers. */
  async function changed(
    req: Request,
    res: Response,
    token: string,
    entry: CalendarEntry,
    type: MeetingChange | null,
    tz: string | undefined,
    done: 'canceled' | 'rescheduled',
  ): Promise<void> {
    const now = clock();
    if (type) await recordMeetingChange({ store, entry, type, now, newId, queue: deps.queue });
    if (wantsJson(req)) {
      const { details } = await load(req, tz);
      res.json({ meeting: view(details, token) });
      return;
    }
    const query = new URLSearchParams({ t: token, done, ...(tz ? { tz } : {}) });
    res.redirect(303, `/bookings/${encodeURIComponent(entry.id)}?${query.toString()}`);
  }

  router.get('/bookings/:id.ics', async (req, res) => {
    const { details } = await load(req, undefined, ['manage', 'invite']);
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="meeting.ics"',
    });
    res.send(meetingIcs(details));
  });

  router.get('/bookings/:id', async (req, res) => {
    const query = parse(PageQuery, req.query, 'query');
    const loaded = await load(req, query.tz);
    const { entry, details, token } = loaded;
    if (wantsJson(req)) {
      const now = clock();
      const free = isChangeable(entry, now) ? await choices(entry, now, RESCHEDULE_CHOICES) : [];
      res.json({
        meeting: view(details, token),
        choices: free.map((s) => ({
          start: s.start,
          end: s.end,
          label: slotLabel(s.start, details.timezone, details.locale),
        })),
      });
      return;
    }
    const notice = query.done === undefined ? null : DONE_NOTICES[query.done];
    await showPage(res, loaded, 200, notice, null);
  });

  addChangeRoutes(router, {
    calendar,
    clock,
    publicUrl: config.server.publicUrl,
    load,
    refuse,
    changed,
    freeSlotAt,
  });

  /** 409: the page again with the reason (browsers) or a JSON CONFLICT. */
  async function refuse(
    req: Request,
    res: Response,
    loaded: Loaded,
    message: string,
  ): Promise<void> {
    if (wantsJson(req)) throw new AppError('CONFLICT', message);
    await showPage(res, loaded, ERROR_CODES.CONFLICT, null, message);
  }

  /** The free time starting at `start` the meeting may move to, or undefined. */
  async function freeSlotAt(entry: CalendarEntry, now: Date, start: string) {
    const free = await choices(entry, now, Infinity);
    return free.find((s) => Date.parse(s.start) === Date.parse(start));
  }

  router.use('/bookings', bookingFailureHandler);
  return router;
}
