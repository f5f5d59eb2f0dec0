/** A run of an agent message: plain text, or a link with its visible text. */
export type TextRun = { text: string; href?: string };

/**
 * Splits an agent message into text and links: `http(s)://` URLs and server paths
 * (`/bookings/…`), which are resolved against the leadbot server, not the host page. Only
 * http(s) links come out; the view renders every run with textContent, never as HTML.
 *
 * @example
 *   linkify('Add it: /bookings/b-1.ics.', 'https://chat.beacon.example')
 *   // [{ text: 'Add it: ' }, { text: '/bookings/b-1.ics', href: 'https://chat.beacon.example/bookings/b-1.ics' }, { text: '.' }]
 */
export function linkify(text: string, origin: string): TextRun[] {
  const runs: TextRun[] = [];
  // A URL or a path at the start of a word. A capture group, not a lookbehind: older Safari lacks those.
  const pattern = /(^|[\s(])(https?:\/\/[^\s<>"]+|\/[A-Za-z0-9][^\s<>"]*)/g;
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    const prefix = match[1] ?? '';
    // Trailing punctuation ends a sentence, not the link.
    const raw = (match[2] ?? '').replace(/[.,;:!?)\]]+$/, '');
    const start = match.index + prefix.length;
    let url: URL;
    try {
      url = new URL(raw, origin);
    } catch {
      continue;
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') continue;
    if (start > last) runs.push({ text: text.slice(last, start) });
    runs.push({ text: raw, href: url.href });
    last = start + raw.length;
  }
  if (last < text.length) runs.push({ text: text.slice(last) });
  return runs;
}
