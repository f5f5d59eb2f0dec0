import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { freeSlots, slotLabel, type FreeSlot } from '../booking/availability.js';
import { renderBookingNotice, renderBookingPage } from '../booking/booking-page.js';
import type { Calendar, CalendarEntry } from '../booking/calendar.js';
import { meetingDetails, type MeetingDetails } from '../booking/meeting-details.js';
import { meetingIcs } from '../booking/meeting-ics.js';
import { recordMeetingChange, type MeetingChange } from '../booking/record-meeting-change.js';
import type { Config } from '../config/config-schema.js';
import { formatIssues } from '../config/load-config.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors/app-error.js';
import { isTimeZone } from '../lead/visitor.js';
import type { Store } from '../store/store.js';

export type BookingsRouterDeps = {
  calendar: Calendar;
  store: Store;
  config: Config;
  clock: () => Date;
  /** Ids of the outbox events a page change records; random UUIDs by default. */
  newId?: () => string;
};

/** How many free times the page offers to move a meeting to. */
const RESCHEDULE_CHOICES = 8;

const Params = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'expected a meeting id'),
});
const Tz = z.string().max(64).refine(isTimeZone, 'unknown IANA time zone');
const PageQuery = z.object({
  tz: Tz.optional(),
  done: z.enum(['canceled', 'rescheduled']).optional(),
});
const CancelBody = z.object({ tz: Tz.optional() });
const RescheduleBody = z.object({ start: z.iso.datetime({ offset: true }), tz: Tz.optional() });

const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  // The URL is the key to the meeting: never hand it to another site in a Referer.
  'Referrer-Policy': 'no-referrer',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** A failure the router answers itself: JSON for API clients, a short page for browsers. */
class BookingFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly title: string,
  ) {
    super(message);
  }
}

const wantsJson = (req: Request): boolean =>
  Boolean(req.is('application/json')) || req.accepts(['html', 'json']) === 'json';

function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw new BookingFailure(
      'BAD_REQUEST',
      formatIssues(parsed.error, where),
      'That link does not look right',
    );
  return parsed.data;
}

/**
 * The meeting links sent in the chat: `GET /bookings/:id.ics` (the invite), `GET /bookings/:id`
 * (a page, or JSON for `Accept: application/json`), `POST /bookings/:id/cancel` and
 * `POST /bookings/:id/reschedule` (`start`: an instant from the page's list of free times),
 * as HTML forms or JSON. Browsers are redirected back to the page after a change (303).
 *
 * Access control is the id itself: meeting ids are random UUIDs (122 random bits) made by the
 * chat shell and only ever shown to the visitor who booked, so holding the link is what lets
 * someone see, move or cancel that one meeting. Pages are therefore never cached, indexed or
 * leaked through a Referer header.
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

  /** The free times the meeting could move to; its own time does not count as busy. */
  async function choices(entry: CalendarEntry, now: Date, limit: number): Promise<FreeSlot[]> {
    const to = new Date(now.getTime() + (config.booking.horizonDays + 1) * 86_400_000);
    const busy = await calendar.busy(now.toISOString(), to.toISOString(), {
      exceptHoldId: entry.conversationId,
    });
    const others = busy.filter(
      (b) => !(b.repId === entry.repId && b.start === entry.start && b.end === entry.end),
    );
    return freeSlots(config.booking, now, others, limit + 1)
      .filter((s) => s.start !== entry.start)
      .slice(0, limit);
  }

  const changeable = (entry: CalendarEntry, now: Date): boolean =>
    entry.status === 'booked' && Date.parse(entry.start) > now.getTime();

  async function showPage(
    res: Response,
    entry: CalendarEntry,
    details: MeetingDetails,
    status: number,
    notice: string | null,
    error: string | null,
  ): Promise<void> {
    const now = clock();
    const canChange = changeable(entry, now);
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
    if (type !== null) await recordMeetingChange({ store, entry, type, now, newId });
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
      const free = changeable(entry, now) ? await choices(entry, now, RESCHEDULE_CHOICES) : [];
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
    const notice =
      query.done === 'canceled'
        ? 'Your meeting is canceled.'
        : query.done === 'rescheduled'
          ? 'Your meeting was moved. Download the invite again to update your calendar.'
          : null;
    await showPage(res, entry, details, 200, notice, null);
  });

  router.post('/bookings/:id/cancel', async (req, res) => {
    const body = parse(CancelBody, req.body, 'body');
    const { entry, details } = await load(req, body.tz);
    if (entry.status === 'booked' && !changeable(entry, clock()))
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
    if (!changeable(entry, now))
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

  router.use('/bookings', ((err, req, res, next) => {
    if (!(err instanceof BookingFailure)) return next(err);
    if (wantsJson(req)) return next(new AppError(err.code, err.message));
    res
      .status(ERROR_CODES[err.code])
      .type('html')
      .send(
        renderBookingNotice(
          err.title,
          err.code === 'NOT_FOUND'
            ? 'Please check the link from your chat; it may be incomplete.'
            : err.message,
        ),
      );
  }) satisfies express.ErrorRequestHandler);
  return router;
}

/** The meeting as JSON: instants in UTC plus the labels in the visitor's zone. */
function view(d: MeetingDetails) {
  return {
    id: d.id,
    status: d.status,
    sequence: d.sequence,
    start: d.start,
    end: d.end,
    title: d.summary,
    rep: { id: d.rep.id, name: d.rep.name },
    timezone: d.timezone,
    startLabel: d.startLabel,
    icsUrl: `/bookings/${encodeURIComponent(d.id)}.ics`,
  };
}
