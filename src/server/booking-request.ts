import type { ErrorRequestHandler, Request } from 'express';
import { z } from 'zod';
import { renderBookingNotice } from '../booking/booking-page.js';
import type { MeetingDetails } from '../booking/meeting-details.js';
import { meetingPaths } from '../booking/meeting-links.js';
import { formatIssues } from '../config/load-config.js';
import { AppError, ERROR_CODES, type ErrorCode } from '../errors/app-error.js';
import { isTimeZone } from '../lead/visitor.js';

/*
 * What the booking pages read from a request and how they answer a failure: the schemas of
 * their parameters, the headers of every page, and JSON for API clients or a short page for
 * browsers.
 */

export const Params = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,128}$/, 'expected a meeting id'),
});
const Tz = z.string().max(64).refine(isTimeZone, 'unknown IANA time zone');
export const PageQuery = z.object({
  tz: Tz.optional(),
  done: z.enum(['canceled', 'rescheduled']).optional(),
});
/** What the page says after a change, by the `done` of its query. */
export const DONE_NOTICES = {
  canceled: 'Your meeting is canceled.',
  rescheduled: 'Your meeting was moved. Download the invite again to update your calendar.',
} as const;
export const CancelBody = z.object({ tz: Tz.optional() });
export const RescheduleBody = z.object({
  start: z.iso.datetime({ offset: true }),
  tz: Tz.optional(),
});

export const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  // The URL is the key to the meeting: never hand it to another site in a Referer. Not
  // `no-referrer`: under it a browser sends `Origin: null` with the page's own forms, and the
  // change routes check that Origin.
  'Referrer-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
};

/** A failure the router answers itself: JSON for API clients, a short page for browsers. */
export class BookingFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly title: string,
  ) {
    super(message);
  }
}

export const wantsJson = (req: Request): boolean =>
  Boolean(req.is('application/json')) || req.accepts(['html', 'json']) === 'json';

export function parse<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const parsed = schema.safeParse(value ?? {});
  if (!parsed.success)
    throw new BookingFailure(
      'BAD_REQUEST',
      formatIssues(parsed.error, where),
      'That link does not look right',
    );
  return parsed.data;
}

/** Answers a BookingFailure: a JSON error for API clients, a short page for browsers. */
export const bookingFailureHandler: ErrorRequestHandler = (err, req, res, next) => {
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
};

/** The meeting as JSON: instants in UTC plus the labels in the visitor's zone. */
export function view(d: MeetingDetails, token: string) {
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
    icsUrl: meetingPaths(d.id, token).ics,
  };
}
