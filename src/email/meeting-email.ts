import type { MeetingDetails } from '../booking/meeting-details.js';
import { meetingIcs } from '../booking/meeting-ics.js';
import type { Mail } from './mailer.js';

/** Who an invite goes to: the visitor who booked, or the rep they booked with. */
export type Recipient = 'visitor' | 'rep';
/** What happened to the meeting, as the email tells it. */
export type MeetingNews = 'booked' | 'rescheduled' | 'canceled';

const oneLine = (s: string): string => s.replace(/\s+/g, ' ').trim();

/**
 * The email about a meeting for one recipient: what happened, when (in `details`' time zone),
 * the booking page's link and the invite itself (`METHOD:REQUEST`, or `CANCEL` once canceled,
 * from `meetingIcs`). `lead` is the rep's one-line summary of the visitor. Null when the
 * recipient has no address (a visitor who gave none).
 *
 * @example meetingEmail({ to: 'visitor', news: 'booked', details, lead: summary })
 */
export function meetingEmail({
  to,
  news,
  details: d,
  lead,
}: {
  to: Recipient;
  news: MeetingNews;
  details: MeetingDetails;
  lead: string;
}): Mail | null {
  const address = to === 'visitor' ? (d.attendee?.email ?? null) : d.rep.email;
  if (address === null) return null;
  const canceled = news === 'canceled' || d.status === 'canceled';
  const when = `${d.startLabel} (${d.timezone})`;
  const subjectStart = canceled ? 'Canceled' : news === 'rescheduled' ? 'Moved' : 'Invitation';
  const what = canceled
    ? `is canceled. It was on ${when}.`
    : news === 'rescheduled'
      ? `has moved to ${when}.`
      : `is booked for ${when}.`;
  const lines =
    to === 'visitor'
      ? [
          `Hello ${oneLine(d.attendee?.name ?? '')},`.replace(' ,', ','),
          '',
          `Your meeting with ${oneLine(d.rep.name)} ${what}`,
          canceled ? null : 'The invite is attached: open it to add the meeting to your calendar.',
          d.url && !canceled ? `To reschedule or cancel: ${d.url}` : null,
        ]
      : [
          `Your meeting with ${oneLine(d.attendee?.name ?? 'a visitor')}${d.attendee ? ` <${d.attendee.email}>` : ''} ${what}`,
          '',
          `Lead: ${oneLine(lead)}`,
          d.url ? `Booking page: ${d.url}` : null,
        ];
  return {
    to: address,
    subject: `${subjectStart}: ${oneLine(d.summary)}, ${d.startLabel}`,
    text: `${lines.filter((l) => l !== null).join('\n')}\n`,
    invite: { method: canceled ? 'CANCEL' : 'REQUEST', ics: meetingIcs(d) },
  };
}

/**
 * The email that asks a visitor to confirm a held meeting (`booking.confirmEmail`): the time,
 * the rep, how long it is held and the signed confirm link. No invite yet: that follows once
 * they confirm.
 *
 * @example confirmEmail({ to, name: 'Dana', when, repName, title: 'Intro call', minutes: 60, link })
 */
export function confirmEmail(m: {
  to: string;
  name: string | null;
  when: string;
  repName: string;
  title: string;
  minutes: number;
  link: string;
}): Mail {
  return {
    to: m.to,
    subject: `Please confirm your ${oneLine(m.title)}, ${m.when}`,
    text: [
      m.name ? `Hello ${oneLine(m.name)},` : 'Hello,',
      '',
      `We are holding ${m.when} with ${oneLine(m.repName)} for you.`,
      `To book it, open this link and confirm within ${m.minutes} minutes:`,
      m.link,
      '',
      'If you did not ask for this meeting, ignore this email: the time is freed by itself.',
      '',
    ].join('\n'),
  };
}
