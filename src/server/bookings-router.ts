import type { KeyedQueue } from '../lib/keyed-queue.js';
import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { slotLabel, type FreeSlot } from '../booking/availability.js';
import { renderBookingPage } from '../booking/booking-page.js';
import type { Calendar, CalendarEntry } from '../booking/calendar.js';
import { meetingDetails, type MeetingDetails } from '../booking/meeting-details.js';
import { meetingIcs } from '../booking/meeting-ics.js';
import { recordMeetingChange, type MeetingChange } from '../booking/record-meeting-change.js';
import type { Config } from '../config/config-schema.js';
import { AppError, ERROR_CODES } from '../errors/app-error.js';
import type { Store } from '../store/store.js';
import {
  BookingFailure,
  bookingFailureHandler,
  CancelBody,
  DONE_NOTICES,
  PAGE_HEADERS,
  PageQuery,
  parse,
  RescheduleBody,
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
  /** Ids of the outbox events a page change records; random UUIDs by default. */
  newId?: () => string;
  /** The chat service's per-conversation queue: a page change waits for a turn in progress. */
  queue?: KeyedQueue;
};

const RESCHEDULE_CHOICES = 8; // how many free times the page offers to move a meeting to

/**
 * The meeting links sent in the chat: `GET /bookings/:id.ics` (the invite), `GET /bookings/:id`
 * (a page, or JSON for `Accept: application/json`), `POST /bookings/:id/cancel` and
 * `POST /bookings/:id/reschedule` (`start`: an instant from the page's list of free times),
 * as HTML forms or JSON. Browsers are redirected back to the page after a change (303).
 *
 * Access control is the id itself: meeting ids are random UUIDs (122 random bits) shown only to
 * the visitor who booked, so holding the link lets someone see, move or cancel that one meeting.
 * Pages are therefore never cached, indexed or leaked through a Referer header.
 *
 * @example app = createApp({ ...deps, routers: [createBookingsRouter({ calendar, store, config, clock })] });
 */
export function createBookingsRouter(deps: BookingsRouterDeps): Router {
  const { calendar, store, config, clock } = deps;
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

  async function load(
    req: Request,
    timezone?: string,
  ): Promise<{ entry: CalendarEntry; details: MeetingDetails }> {
    const { id } = parse(Params, req.params, 'id');
    const entry = await calendar.get(id);
    if (entry === null)
      throw new BookingFailure('NOT_FOUND', `no meeting with id "${id}"`, 'Meeting not found');
    const conversation = await store.getConversation(entry.conversationId).catch(() => null);
    // The configured public address wins: a Host header is whatever the client sent.
    const host = req.get('host');
    const baseUrl =
      config.server.publicUrl?.replace(/\/+$/, '') ?? (host ? `${req.protocol}://${host}` : null);
    return { entry, details: meetingDetails({ entry, conversation, config, baseUrl, timezone }) };
  }

  const choices = (entry: CalendarEntry, now: Date, limit: number): Promise<FreeSlot[]> =>
    rescheduleChoices({ calendar, booking: config.booking, entry, now, limit });

  async function showPage(
    res: Response,
    entry: CalendarEntry,
    details: MeetingDetails,
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
    entry: CalendarEntry,
    type: MeetingChange | null,
    tz: string | undefined,
    done: 'canceled' | 'rescheduled',
  ): Promise<void> {
    const now = clock();
    if (type) await recordMeetingChange({ store, entry, type, now, newId, queue: deps.queue });
    if (wantsJson(req)) {
      const { details } = await load(req, tz);
      res.json({ meeting: view(details) });
      return;
    }
    const query = new URLSearchParams({ done, ...(tz ? { tz } : {}) });
    res.redirect(303, `/bookings/${encodeURIComponent(entry.id)}?${query.toString()}`);
  }

  router.get('/bookings/:id.ics', async (req, res) => {
    const { details } = await load(req);
    res.set({
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="meeting.ics"',
    });
    res.send(meetingIcs(details));
  });

  router.get('/bookings/:id', async (req, res) => {
    const query = parse(PageQuery, req.query, 'query');
    const { entry, details } = await load(req, query.tz);
    if (wantsJson(req)) {
      const now = clock();
      const free = isChangeable(entry, now) ? await choices(entry, now, RESCHEDULE_CHOICES) : [];
      res.json({
        meeting: view(details),
        choices: free.map((s) => ({
          start: s.start,
          end: s.end,
          label: slotLabel(s.start, details.timezone, details.locale),
        })),
      });
      return;
    }
    const notice = query.done === undefined ? null : DONE_NOTICES[query.done];
    await showPage(res, entry, details, 200, notice, null);
  });

  router.post('/bookings/:id/cancel', async (req, res) => {
    const body = parse(CancelBody, req.body, 'body');
    const { entry, details } = await load(req, body.tz);
    if (entry.status === 'booked' && !isChangeable(entry, clock()))
      return refuse(
        req,
        res,
        entry,
        details,
        'This meeting has already started, so it can no longer be canceled here.',
      );
    const result = await calendar.cancel(entry.id);
    if (!result.ok)
      throw new BookingFailure(
        'NOT_FOUND',
        `no meeting with id "${entry.id}"`,
        'Meeting not found',
      );
    await changed(
      req,
      res,
      result.entry,
      result.changed ? 'meeting.canceled' : null,
      body.tz,
      'canceled',
    );
  });

  router.post('/bookings/:id/reschedule', async (req, res) => {
    const body = parse(RescheduleBody, req.body, 'body');
    const { entry, details } = await load(req, body.tz);
    if (entry.status === 'canceled')
      return refuse(
        req,
        res,
        entry,
        details,
        'This meeting was canceled. You can book a new one from the chat.',
      );
    const now = clock();
    if (!isChangeable(entry, now))
      return refuse(
        req,
        res,
        entry,
        details,
        'This meeting has already started, so it can no longer be moved.',
      );
    const slot = (await choices(entry, now, Infinity)).find(
      (s) => Date.parse(s.start) === Date.parse(body.start),
    );
    const result = slot ? await calendar.reschedule(entry.id, slot) : null;
    if (result === null || (!result.ok && result.reason === 'taken'))
      return refuse(
        req,
        res,
        entry,
        details,
        'That time is no longer free. Please pick another one.',
      );
    if (!result.ok) return refuse(req, res, entry, details, 'This meeting can no longer be moved.');
    await changed(
      req,
      res,
      result.entry,
      result.entry.sequence === entry.sequence ? null : 'meeting.rescheduled',
      body.tz,
      'rescheduled',
    );
  });

  /** 409: the page again with the reason (browsers) or a JSON CONFLICT. */
  async function refuse(
    req: Request,
    res: Response,
    entry: CalendarEntry,
    details: MeetingDetails,
    message: string,
  ): Promise<void> {
    if (wantsJson(req)) throw new AppError('CONFLICT', message);
    await showPage(res, entry, details, ERROR_CODES.CONFLICT, null, message);
  }

  router.use('/bookings', bookingFailureHandler);
  return router;
}
