import type { Request, Response, Router } from 'express';
import { renderConfirmPage } from '../booking/booking-page.js';
import { slotLabel, type FreeSlot } from '../booking/availability.js';
import type { Calendar, CalendarEntry } from '../booking/calendar.js';
import type { MeetingChange } from '../booking/record-meeting-change.js';
import { requireOwnOrigin } from './booking-access.js';
import { BookingFailure, CancelBody, parse, RescheduleBody } from './booking-request.js';
import type { Loaded } from './bookings-router.js';
import { isChangeable } from './reschedule-choices.js';

/** What the change routes share with the rest of the bookings router. */
export type ChangeRouteKit = {
  calendar: Calendar;
  clock: () => Date;
  publicUrl: string | undefined;
  load(req: Request, timezone?: string): Promise<Loaded>;
  refuse(req: Request, res: Response, loaded: Loaded, message: string): Promise<void>;
  changed(
    req: Request,
    res: Response,
    token: string,
    entry: CalendarEntry,
    type: MeetingChange | null,
    tz: string | undefined,
    done: 'canceled' | 'rescheduled',
  ): Promise<void>;
  freeSlotAt(entry: CalendarEntry, now: Date, start: string): Promise<FreeSlot | undefined>;
};

/**
 * Cancel and move, each in two steps: a GET that says what will happen with a form (following a
 * link changes nothing), and the form's POST, accepted only from the server's own pages
 * (`requireOwnOrigin`), that does it.
 *
 * @example addChangeRoutes(router, kit);
 */
export function addChangeRoutes(router: Router, kit: ChangeRouteKit): void {
  const { calendar, clock, publicUrl, load, refuse, changed, freeSlotAt } = kit;

  /** The confirmation step of a cancel: what will happen, and the form that does it. */
  router.get('/bookings/:id/cancel', async (req, res) => {
    const query = parse(CancelBody, req.query, 'query');
    const loaded = await load(req, query.tz);
    if (!isChangeable(loaded.entry, clock()))
      return refuse(req, res, loaded, 'This meeting can no longer be canceled here.');
    res.type('html').send(renderConfirmPage(loaded));
  });

  /** The confirmation step of a move to `start` (one of the page's free times). */
  router.get('/bookings/:id/reschedule', async (req, res) => {
    const query = parse(RescheduleBody, req.query, 'query');
    const loaded = await load(req, query.tz);
    const now = clock();
    if (!isChangeable(loaded.entry, now))
      return refuse(req, res, loaded, 'This meeting can no longer be moved.');
    const slot = await freeSlotAt(loaded.entry, now, query.start);
    if (!slot)
      return refuse(req, res, loaded, 'That time is no longer free. Please pick another one.');
    const label = slotLabel(slot.start, loaded.details.timezone, loaded.details.locale);
    res.type('html').send(renderConfirmPage({ ...loaded, moveTo: { start: slot.start, label } }));
  });

  router.post('/bookings/:id/cancel', async (req, res) => {
    const body = parse(CancelBody, req.body, 'body');
    requireOwnOrigin(req, publicUrl);
    const loaded = await load(req, body.tz);
    const { entry } = loaded;
    if (entry.status === 'booked' && !isChangeable(entry, clock()))
      return refuse(
        req,
        res,
        loaded,
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
      loaded.token,
      result.entry,
      result.changed ? 'meeting.canceled' : null,
      body.tz,
      'canceled',
    );
  });

  router.post('/bookings/:id/reschedule', async (req, res) => {
    const body = parse(RescheduleBody, req.body, 'body');
    requireOwnOrigin(req, publicUrl);
    const loaded = await load(req, body.tz);
    const { entry } = loaded;
    if (entry.status === 'canceled')
      return refuse(
        req,
        res,
        loaded,
        'This meeting was canceled. You can book a new one from the chat.',
      );
    const now = clock();
    if (!isChangeable(entry, now))
      return refuse(
        req,
        res,
        loaded,
        'This meeting has already started, so it can no longer be moved.',
      );
    const slot = await freeSlotAt(entry, now, body.start);
    const result = slot ? await calendar.reschedule(entry.id, slot) : null;
    if (result === null || (!result.ok && result.reason === 'taken'))
      return refuse(req, res, loaded, 'That time is no longer free. Please pick another one.');
    if (!result.ok) return refuse(req, res, loaded, 'This meeting can no longer be moved.');
    await changed(
      req,
      res,
      loaded.token,
      result.entry,
      result.entry.sequence === entry.sequence ? null : 'meeting.rescheduled',
      body.tz,
      'rescheduled',
    );
  });
}
