import type { Calendar } from '../booking/calendar.js';
import { meetingDetails } from '../booking/meeting-details.js';
import type { Config } from '../config/config-schema.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import type { Destination } from '../handoff/delivery/create-destinations.js';
import type { Delivery } from '../handoff/delivery/delivery-schema.js';
import type { PostResult } from '../handoff/delivery/post-webhook.js';
import { buildHandoff } from '../handoff/webhook/build-handoff.js';
import type { Mailer } from './mailer.js';
import { slotLabel } from '../booking/availability.js';
import { getField } from '../lead/lead-record.js';
import type { ServerSecret } from '../lib/server-secret.js';
import { meetingToken } from '../booking/meeting-links.js';
import { CONFIRM_REQUESTED, confirmUrl } from './confirm-link.js';
import { confirmEmail, meetingEmail, type MeetingNews, type Recipient } from './meeting-email.js';

/** The ids the email deliveries are listed under (`npm run deliveries -- list --destination ...`). */
export const EMAIL_DESTINATION_IDS = { visitor: 'email-visitor', rep: 'email-rep' } as const;

const NEWS: Record<string, MeetingNews> = {
  'meeting.booked': 'booked',
  'meeting.rescheduled': 'rescheduled',
  'meeting.canceled': 'canceled',
};

const failed = (error: string): PostResult => ({
  status: null,
  snippet: null,
  error,
  retryAfter: null,
});

/**
 * The meeting emails as two handoff destinations, `email-visitor` and `email-rep`, for the
 * `meeting.*` events (and, to the visitor, the confirmation of a held meeting): each event becomes one delivery per recipient in the persistent outbox
 * (after the save that booked, moved or canceled the meeting), so an email is retried on the
 * webhook schedule, survives a restart, is dead-lettered and can be redelivered like a webhook;
 * a chat turn never waits for it. An accepted email is recorded as status 202 with the mail
 * server's reply. The invite is built when it is sent, from the calendar as it is then; a
 * visitor who gave no email is `skipped`.
 *
 * @example destinations: [...createDestinations(config, runtime), ...createEmailDestinations({ config, calendar, mailer })]
 */
export function createEmailDestinations({
  config,
  calendar,
  mailer,
  secret,
}: {
  config: Config;
  calendar: Calendar;
  mailer: Mailer;
  /** Signs the confirm links of `booking.confirmEmail`. */
  secret: ServerSecret;
}): Destination[] {
  const baseUrl = config.server.publicUrl?.replace(/\/+$/, '') ?? null;

  async function send(to: Recipient, d: Delivery, conv: Conversation): Promise<PostResult> {
    if (d.eventType === CONFIRM_REQUESTED) return sendConfirm(conv);
    const news = NEWS[d.eventType];
    if (news === undefined) return failed(`no email for ${d.eventType}`);
    if (conv.meeting === null) return failed('the conversation has no meeting');
    const entry = await calendar.get(conv.meeting.id);
    if (entry === null) return failed(`meeting ${conv.meeting.id} is not in the calendar`);
    const rep = config.booking.reps.find((r) => r.id === entry.repId);
    // The rep reads the time in their own zone, the visitor in theirs.
    const timezone = to === 'rep' ? (rep?.timezone ?? config.booking.timezone) : undefined;
    // Both get the signed page link: the visitor to move or cancel, the rep to see it.
    const pageToken = meetingToken(secret, 'manage', entry.id);
    const details = meetingDetails({
      entry,
      conversation: conv,
      config,
      baseUrl,
      timezone,
      pageToken,
    });
    const event = {
      id: d.eventId,
      type: d.eventType,
      occurredAt: d.occurredAt,
      conversationId: d.conversationId,
    };
    const lead = buildHandoff(conv, event, config).packet.summary;
    const mail = meetingEmail({ to, news, details, lead });
    if (mail === null) return failed('no address to send to');
    const r = await mailer.send(mail);
    return r.ok
      ? { status: 202, snippet: r.response, error: null, retryAfter: null }
      : failed(r.error);
  }

  /** The confirmation email of a held meeting (`booking.confirmEmail`), with its signed link. */
  async function sendConfirm(conv: Conversation): Promise<PostResult> {
    const held = conv.heldMeeting;
    const email = getField(conv.lead, 'contact.email');
    // Confirmed or replaced meanwhile: there is nothing left to confirm.
    if (held === undefined || email === undefined)
      return {
        status: 204,
        snippet: 'not sent: no meeting is held any more',
        error: null,
        retryAfter: null,
      };
    const rep = config.booking.reps.find((r) => r.id === held.repId);
    const mail = confirmEmail({
      to: email,
      name: getField(conv.lead, 'contact.name') ?? null,
      when: `${slotLabel(held.start, conv.visitor.timezone, conv.visitor.locale)} (${conv.visitor.timezone})`,
      repName: rep?.name ?? config.company.name,
      title: config.booking.meetingTitle,
      minutes: config.booking.confirmMinutes,
      link: confirmUrl(baseUrl ?? '', secret, conv.id, held.id),
    });
    const r = await mailer.send(mail);
    return r.ok
      ? { status: 202, snippet: r.response, error: null, retryAfter: null }
      : failed(r.error);
  }

  const destination = (to: Recipient): Destination => ({
    id: EMAIL_DESTINATION_IDS[to],
    url: mailer.describe,
    secrets: [],
    events: to === 'visitor' ? ['meeting.*', CONFIRM_REQUESTED] : ['meeting.*'],
    headers: {},
    template: null,
    render: (packet) => {
      if (to === 'visitor' && !hasEmail(packet.lead))
        return { skip: 'the visitor has given no email' };
      // An invite sent late, after the meeting was canceled, would only repeat the cancellation.
      if (packet.meeting?.status === 'canceled' && packet.type !== 'meeting.canceled')
        return { skip: 'the meeting was canceled since' };
      return { body: '' };
    },
    // A calendar or template failure is a failed attempt, retried like an unreachable server.
    send: (d, conv) =>
      send(to, d, conv).catch((e: unknown) => failed(e instanceof Error ? e.message : String(e))),
  });
  return [destination('visitor'), destination('rep')];
}

function hasEmail(lead: Record<string, unknown>): boolean {
  const contact = lead.contact;
  return (
    typeof contact === 'object' &&
    contact !== null &&
    'email' in contact &&
    typeof contact.email === 'string'
  );
}
