import { visibleLine } from '../lib/visible-text.js';

/**
 * The name an invite shows for the visitor (the ATTENDEE's CN): the name they gave, else the
 * part of their email before the "@" ("kosei" for kosei@northwind.example), so a visitor who
 * kept their name to themselves is still booked and the invite does not read as an address.
 * "Guest" when even that is empty. The name is shown without NUL, other controls and
 * bidirectional overrides (`visibleLine`).
 *
 * @example attendeeName(undefined, 'kosei@northwind.example') // 'kosei'
 */
export function attendeeName(name: string | undefined, email: string): string {
  // A name that was only invisible characters (NUL, a right-to-left override) is no name.
  const given = name === undefined ? undefined : visibleLine(name).trim();
  if (given) return given;
  const local = email.split('@')[0]?.trim() ?? '';
  return local !== '' && local !== email ? local : 'Guest';
}
