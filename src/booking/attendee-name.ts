/**
 * The name an invite shows for the visitor (the ATTENDEE's CN): the name they gave, else the
 * part of their email before the "@" ("kosei" for kosei@northwind.example), so a visitor who
 * kept their name to themselves is still booked and the invite does not read as an address.
 * "Guest" when even that is empty.
 *
 * @example attendeeName(undefined, 'kosei@northwind.example') // 'kosei'
 */
export function attendeeName(name: string | undefined, email: string): string {
  const given = name?.trim();
  if (given) return given;
  const local = email.split('@')[0]?.trim() ?? '';
  return local !== '' && local !== email ? local : 'Guest';
}
