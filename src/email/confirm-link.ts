import type { ServerSecret } from '../lib/server-secret.js';

/**
 * The outbox event that sends the confirmation email of a held meeting. It is internal: no
 * webhook gets it (a destination's `*` means the webhook event types only).
 */
export const CONFIRM_REQUESTED = 'email.confirm_requested';

const PURPOSE = 'meeting-confirm';

/**
 * The signed link that confirms a held meeting: `/meetings/<conversation>/<meeting>/confirm?sig=`.
 * Only the server can make the signature, and it is good for that one meeting only.
 *
 * @example confirmUrl('https://chat.beacon.example', secret, 'c1', 'm1') // 'https://chat.beacon.example/meetings/c1/m1/confirm?sig=...'
 */
export function confirmUrl(
  base: string,
  secret: ServerSecret,
  conversationId: string,
  meetingId: string,
): string {
  const sig = secret.sign(PURPOSE, `${conversationId}:${meetingId}`);
  const path = `/meetings/${encodeURIComponent(conversationId)}/${encodeURIComponent(meetingId)}/confirm`;
  return `${base.replace(/\/+$/, '')}${path}?sig=${encodeURIComponent(sig)}`;
}

/** Whether `sig` is the server's signature of this meeting's confirm link. */
export function verifyConfirm(
  secret: ServerSecret,
  conversationId: string,
  meetingId: string,
  sig: string,
): boolean {
  return secret.verify(PURPOSE, `${conversationId}:${meetingId}`, sig);
}
