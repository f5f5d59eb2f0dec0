import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { getField } from '../lead/lead-record.js';
import { isTimeZone } from '../lead/visitor.js';
import { attendeeName } from './attendee-name.js';
import { slotLabel } from './availability.js';
import type { CalendarEntry } from './calendar.js';
import type { MeetingInvite } from './meeting-ics.js';
import { meetingPaths } from './meeting-links.js';

/** One meeting as the booking page, its JSON and its invite show it. */
export type MeetingDetails = MeetingInvite & {
  rep: { id: string; name: string; email: string };
  /** The zone and locale the times are shown in, and the start and end labelled in them. */
  timezone: string;
  locale: string;
  startLabel: string;
  endLabel: string;
};

/** The host of the company website, for UIDs ("<id>@beacon.example"); "leadbot" when unusable. */
function uidDomain(website: string): string {
  try {
    return new URL(website).hostname || 'leadbot';
  } catch {
    return 'leadbot';
  }
}

/**
 * Everything known about a meeting, from the calendar entry first and the conversation second
 * (the visitor's name, email, company and time zone, for meetings booked before the calendar
 * kept them), with the rep looked up in the config (the first rep's address, under the
 * company's name, when that rep has since been removed). `timezone` overrides the zone the
 * times are shown in (`?tz=` on the page); an unknown zone is ignored.
 *
 * @example meetingDetails({ entry, conversation, config, baseUrl: 'https://chat.beacon.example' })
 */
export function meetingDetails({
  entry,
  conversation,
  config,
  baseUrl,
  pageToken,
  timezone,
}: {
  entry: CalendarEntry;
  conversation: Conversation | null;
  config: Config;
  /** The site's origin, for the page link in the invite; null leaves the link out. */
  baseUrl: string | null;
  /**
   * The manage token (meeting-links.ts) the page link carries; without one the invite has no
   * page link (an invite opened with the view-only token, or sent where others read it).
   */
  pageToken?: string | null | undefined;
  timezone?: string | undefined;
}): MeetingDetails {
  const { booking, company } = config;
  const configured = booking.reps.find((r) => r.id === entry.repId);
  const fallback = booking.reps[0];
  const rep = configured
    ? { id: configured.id, name: configured.name, email: configured.email }
    : {
        id: entry.repId,
        name: company.name,
        email: fallback?.email ?? `sales@${uidDomain(company.website)}`,
      };
  const lead = conversation?.lead ?? {};
  const email = entry.attendee?.email ?? getField(lead, 'contact.email');
  const attendee =
    email !== undefined
      ? { name: entry.attendee?.name ?? attendeeName(getField(lead, 'contact.name'), email), email }
      : null;
  const zone =
    [timezone, entry.timezone, conversation?.visitor.timezone].find(
      (z): z is string => z !== undefined && isTimeZone(z),
    ) ?? booking.timezone;
  const locale = entry.locale ?? conversation?.visitor.locale ?? 'en-US';
  const visitorCompany = getField(lead, 'company.name');
  const summary = `${booking.meetingTitle}: ${company.name}${visitorCompany ? ` + ${visitorCompany}` : ''}`;
  const url =
    baseUrl === null || !pageToken ? null : `${baseUrl}${meetingPaths(entry.id, pageToken).page}`;
  const description = [
    `${booking.meetingTitle} with ${rep.name} (${company.name}).`,
    url ? `To reschedule or cancel: ${url}` : null,
  ]
    .filter((l) => l !== null)
    .join('\n');
  return {
    id: entry.id,
    uidDomain: uidDomain(company.website),
    start: entry.start,
    end: entry.end,
    status: entry.status,
    sequence: entry.sequence,
    summary,
    description,
    url,
    organizer: { name: rep.name, email: rep.email },
    attendee,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    rep,
    timezone: zone,
    locale,
    startLabel: slotLabel(entry.start, zone, locale),
    endLabel: slotLabel(entry.end, zone, locale),
  };
}
