/**
 * Decides whether a browser origin may open a socket (DESIGN.md `ALLOWED_ORIGINS`).
 *
 * - No Origin header: allowed. Browsers always send one on cross-site socket requests, so a
 *   missing header means a non-browser client (tests, the bench, a server-side integration),
 *   which the Origin check could not stop anyway.
 * - The server's own origin (Origin host equals the request's Host): allowed, so the demo
 *   pages work with an empty list.
 * - Otherwise the origin must be in `allowed` (exact `scheme://host[:port]`), or the list must
 *   contain `*`.
 *
 * @example isOriginAllowed('https://www.acme.example', 'chat.beacon.example', ['https://www.acme.example']) // true
 */
export function isOriginAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined || origin === '') return true;
  if (allowed.includes('*')) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  if (host !== undefined && parsed.host === host.toLowerCase()) return true;
  return allowed.some((a) => normalizeOrigin(a) === parsed.origin);
}

/** "https://Acme.example/" -> "https://acme.example"; unparsable entries never match. */
function normalizeOrigin(origin: string): string | null {
  try {
    return new URL(origin).origin;
  } catch {
    return null;
  }
}
