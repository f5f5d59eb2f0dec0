/**
 * A publish time for the console, in the company's time zone; "shipped file" for version 1.
 *
 * @example formatWhen('2026-03-03T16:00:00.000Z', 'America/Chicago') // 'Mar 3, 2026, 10:00 AM'
 */
export function formatWhen(iso: string | null, timezone: string): string {
  if (iso === null) return 'shipped file';
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return format.format(new Date(iso));
}
