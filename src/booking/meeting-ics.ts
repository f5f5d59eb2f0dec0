import { createEvent, type EventAttributes } from 'ics';
import { AppError } from '../errors/app-error.js';
import { visibleLine, visibleText } from '../lib/visible-text.js';

/** Everything an invite says about one meeting (see `meetingDetails`). */
export type MeetingInvite = {
  /** Stable per meeting; with `uidDomain` it is the UID every version of the invite shares. */
  id: string;
  uidDomain: string;
  start: string;
  end: string;
  status: 'booked' | 'canceled';
  sequence: number;
  summary: string;
  description: string;
  /** The booking page, where the visitor can reschedule or cancel. */
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string } | null;
  createdAt: string;
  updatedAt: string;
};

/**
 * A parameter value may not hold a double quote or a control character (RFC 5545 3.1), and the
 * `ics` package does not escape them in CN, so names are cleaned here rather than trusted: the
 * invisible characters (NUL, C1 controls, bidirectional overrides) go, quotes and line breaks
 * become spaces. Names stored before values were cleaned on the way in are cleaned here too.
 */
const paramSafe = (s: string): string =>
  visibleLine(s).replace(/"+/g, ' ').replace(/\s+/g, ' ').trim();
const EMAIL = /^[^\s@"<>;:,]+@[^\s@"<>;:,]+\.[^\s@"<>;:,]+$/;

/**
 * The meeting as an RFC 5545 / iTIP (RFC 5546) invite from the rep to the visitor: UID stable
 * per meeting, DTSTART/DTEND in UTC, SEQUENCE as the calendar counts changes, DTSTAMP the last
 * change (so the same version always reads the same bytes). A booked meeting is
 * `METHOD:REQUEST` + `STATUS:CONFIRMED`; a canceled one `METHOD:CANCEL` + `STATUS:CANCELLED`,
 * the combination iTIP requires so calendar apps remove the event rather than keep a copy.
 *
 * @example res.type('text/calendar; charset=utf-8').send(meetingIcs(invite));
 */
export function meetingIcs(invite: MeetingInvite): string {
  const canceled = invite.status === 'canceled';
  const organizer = {
    name: paramSafe(invite.organizer.name) || 'Organizer',
    email: invite.organizer.email,
  };
  const attendee = invite.attendee && EMAIL.test(invite.attendee.email) ? invite.attendee : null;
  const event: EventAttributes & { timestamp: number } = {
    productId: '-//leadbot//booking//EN',
    method: canceled ? 'CANCEL' : 'REQUEST',
    uid: `${invite.id}@${invite.uidDomain}`,
    sequence: invite.sequence,
    // `timestamp` is the package's DTSTAMP input (in its schema, not its typings); without it
    // DTSTAMP would be the wall clock and every download would differ.
    timestamp: Date.parse(invite.updatedAt),
    created: Date.parse(invite.createdAt),
    lastModified: Date.parse(invite.updatedAt),
    start: Date.parse(invite.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(invite.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    // TEXT values are escaped by the package; a control character is not allowed in them either.
    title: visibleLine(invite.summary).trim(),
    description: visibleText(invite.description),
    status: canceled ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    organizer,
    attendees: attendee
      ? [
          {
            name: paramSafe(attendee.name) || attendee.email,
            email: attendee.email,
            rsvp: true,
            partstat: 'NEEDS-ACTION',
            role: 'REQ-PARTICIPANT',
            cutype: 'INDIVIDUAL',
          },
        ]
      : [],
    ...(invite.url ? { url: invite.url } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || value === null)
    throw new AppError(
      'INTERNAL',
      `could not write the invite for meeting ${invite.id}: ${error?.message ?? 'no output'}`,
    );
  return value;
}
