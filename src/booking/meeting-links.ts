import type { ServerSecret } from '../lib/server-secret.js';

/**
 * The links of a meeting (DESIGN.md "Booking"), each carrying a signature of the meeting id
 * made with the server secret (`?t=`), so the meeting id alone opens nothing:
 * - the manage token (`meeting-link`) opens the booking page, the invite, and the confirmation
 *   steps that cancel or move the meeting; it goes to the visitor (chat, invite);
 * - the invite token (`meeting-invite`) opens the `.ics` only, without the page link in it; it
 *   goes where others read (the webhook, Slack), so a CRM user can add the meeting to a
 *   calendar but not change it.
 */
export type MeetingAccess = 'manage' | 'invite';

const PURPOSES: Record<MeetingAccess, string> = {
  manage: 'meeting-link',
  invite: 'meeting-invite',
};

/** The token of one kind of access to one meeting. */
export function meetingToken(
  secret: ServerSecret,
  access: MeetingAccess,
  meetingId: string,
): string {
  return secret.sign(PURPOSES[access], meetingId);
}

/**
 * What `token` grants on `meetingId`, or null (a missing or wrong token).
 *
 * @example meetingAccess(secret, id, req.query.t) // 'manage' | 'invite' | null
 */
export function meetingAccess(
  secret: ServerSecret,
  meetingId: string,
  token: unknown,
): MeetingAccess | null {
  if (typeof token !== 'string' || token === '' || token.length > 64) return null;
  if (secret.verify(PURPOSES.manage, meetingId, token)) return 'manage';
  if (secret.verify(PURPOSES.invite, meetingId, token)) return 'invite';
  return null;
}

/** The paths of a meeting's page, invite and change steps, with `token` in each. */
export function meetingPaths(meetingId: string, token: string) {
  const base = `/bookings/${encodeURIComponent(meetingId)}`;
  const t = `t=${encodeURIComponent(token)}`;
  return {
    page: `${base}?${t}`,
    ics: `${base}.ics?${t}`,
    cancel: `${base}/cancel?${t}`,
    reschedule: `${base}/reschedule?${t}`,
  };
}

/**
 * The visitor's links to a meeting (chat messages, the invite), absolute under `baseUrl`
 * (PUBLIC_URL; relative when it is empty).
 *
 * @example meetingLinks('https://chat.beacon.example', secret, id) // { icsUrl: 'https://chat.beacon.example/bookings/<id>.ics?t=...', manageUrl: '...' }
 */
export function meetingLinks(
  baseUrl: string,
  secret: ServerSecret,
  meetingId: string,
): { icsUrl: string; manageUrl: string } {
  const base = baseUrl.replace(/\/+$/, '');
  const paths = meetingPaths(meetingId, meetingToken(secret, 'manage', meetingId));
  return { icsUrl: `${base}${paths.ics}`, manageUrl: `${base}${paths.page}` };
}
