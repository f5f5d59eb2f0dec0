/**
 * Decides whether a browser origin may open a socket or post a booking form (DESIGN.md
 * `ALLOWED_ORIGINS`, `PUBLIC_URL`).
 *
 * - No Origin header: allowed. Browsers always send one on cross-site socket requests, so a
 *   missing header means a non-browser client (tests, the bench, a server-side integration),
 *   which the Origin check could not stop anyway.
 * - The server's own origin (`own`, see {@link ownOrigins}): allowed, so the demo pages work
 *   with an empty list. Never "whatever the Host header says": a site whose name an attacker
 *   rebinds to this server's address (DNS rebinding) sends its own name as Host and Origin.
 * - Otherwise the origin must be in `allowed` (exact `scheme://host[:port]`), or the list must
 *   contain `*`.
 *
 * @example isOriginAllowed('https://www.acme.example', ['https://www.acme.example'], ownOrigins('https://chat.beacon.example', 443)) // true
 */
export function isOriginAllowed(
  origin: string | undefined,
  allowed: readonly string[],
  own: readonly string[],
): boolean {
  if (origin === undefined || origin === '') return true;
  if (allowed.includes('*')) return true;
  const parsed = normalizeOrigin(origin);
  if (parsed === null) return false;
  return isOwnOrigin(parsed, own) || allowed.some((a) => normalizeOrigin(a) === parsed);
}

/** True when `origin` is one of the server's own origins (compared normalized). */
export function isOwnOrigin(origin: string, own: readonly string[]): boolean {
  const parsed = normalizeOrigin(origin);
  return parsed !== null && own.some((o) => normalizeOrigin(o) === parsed);
}

const LOOPBACK = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins the server's own pages are served from: the origin of `publicUrl` (PUBLIC_URL,
 * `server.publicUrl`), plus, when that is a loopback address, the other loopback names on the
 * same scheme and port (a developer opens http://127.0.0.1:3000 as often as localhost). Without
 * a public URL (tests), the loopback names on the port the server listens on.
 *
 * @example ownOrigins('http://localhost:3000', 3000) // ['http://localhost:3000', 'http://127.0.0.1:3000', 'http://[::1]:3000']
 */
export function ownOrigins(publicUrl: string | undefined, port: number): string[] {
  let url: URL;
  try {
    url = new URL(publicUrl ?? `http://localhost:${port}`);
  } catch {
    return [];
  }
  if (!LOOPBACK.includes(url.hostname)) return [url.origin];
  const suffix = url.port === '' ? '' : `:${url.port}`;
  return LOOPBACK.map((host) => `${url.protocol}//${host}${suffix}`);
}

/** "https://Acme.example/" -> "https://acme.example"; unparsable entries never match. */
function normalizeOrigin(origin: string): string | null {
  try {
    const { origin: o } = new URL(origin);
    return o === 'null' ? null : o;
  } catch {
    return null;
  }
}
