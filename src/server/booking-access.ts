import type { Request } from 'express';
import { meetingAccess, type MeetingAccess } from '../booking/meeting-links.js';
import type { ServerSecret } from '../lib/server-secret.js';
import { BookingFailure } from './booking-request.js';
import { isOwnOrigin, ownOrigins } from './origin-policy.js';

/**
 * The access a booking request's `?t=` token grants on meeting `id`, when it is one of `want`.
 * A missing or wrong token is answered exactly as an unknown meeting is (404, the same words),
 * so nothing tells a caller whether the meeting exists.
 *
 * @example const { access, token } = requireMeetingToken(secret, req, id, ['manage', 'invite']);
 */
export function requireMeetingToken(
  secret: ServerSecret,
  req: Request,
  id: string,
  want: readonly MeetingAccess[],
): { access: MeetingAccess; token: string } {
  const token = req.query.t;
  const access = meetingAccess(secret, id, token);
  if (access === null || !want.includes(access) || typeof token !== 'string')
    throw new BookingFailure('NOT_FOUND', `no meeting with id "${id}"`, 'Meeting not found');
  return { access, token };
}

/**
 * Refuses (403 FORBIDDEN) a change posted from anywhere but the server's own pages:
 * - an `Origin` header must be the server's own origin (PUBLIC_URL, see `ownOrigins`), never
 *   another site's or whatever the Host header says;
 * - without a usable `Origin` (none, or `null`, which a browser sends from a sandboxed frame or
 *   under a no-referrer policy), a browser still says where the request came from in
 *   `Sec-Fetch-Site`, which must then be `same-origin`;
 * - with neither header, the client is not a browser (a script or an integration holding the
 *   signed link, which a cross-site form cannot be): allowed. `Origin: null` alone is refused.
 *
 * @example requireOwnOrigin(req, config.server.publicUrl);
 */
export function requireOwnOrigin(req: Request, publicUrl: string | undefined): void {
  if (!isOwnPost(req, publicUrl))
    throw new BookingFailure(
      'FORBIDDEN',
      'This change can only be made from the meeting’s own page. Open the link from your chat or invite, and confirm there.',
      'Not changed',
    );
}

/**
 * The rule of {@link requireOwnOrigin} as a yes or no, for routes that answer with a page of
 * their own (the email confirmation).
 *
 * @example if (!isOwnPost(req, config.server.publicUrl)) return refuse();
 */
export function isOwnPost(req: Request, publicUrl: string | undefined): boolean {
  const origin = req.get('origin');
  const site = req.get('sec-fetch-site');
  const own = ownOrigins(publicUrl, req.socket.localPort ?? 0);
  return origin !== undefined && origin !== 'null'
    ? isOwnOrigin(origin, own)
    : site !== undefined
      ? site === 'same-origin'
      : origin === undefined;
}
