import type { Config } from '../config/config-schema.js';

/**
 * The origins that are the site's own: the company website, the server's public address and
 * every explicit entry of `server.allowedOrigins` (a `*` there lets any site embed the widget,
 * but does not make another site's pages count as ours). Unparsable entries are left out. A
 * string is one origin (the one a browser connected from) in the same form.
 *
 * @example siteOrigins(config) // ['https://beacon.example', 'https://chat.beacon.example']
 */
export function siteOrigins(config: Pick<Config, 'company' | 'server'> | string): string[] {
  const candidates =
    typeof config === 'string'
      ? [config]
      : [config.company.website, config.server.publicUrl, ...config.server.allowedOrigins];
  const out: string[] = [];
  for (const c of candidates) {
    const origin = httpOrigin(c);
    if (origin !== null && !out.includes(origin)) out.push(origin);
  }
  return out;
}

/** The `scheme://host[:port]` of an http(s) URL, or null for anything else. */
function httpOrigin(value: string | null | undefined): string | null {
  if (value === undefined || value === null || value === '*') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : null;
  } catch {
    return null;
  }
}

/**
 * The page the widget reports, kept only when it is an http(s) URL on one of the site's own
 * `origins`; anything else (`javascript:`, `data:`, another site, a relative path, garbage) is
 * null, so it is neither stored as the attribution page nor scored (the /pricing signal).
 *
 * @example siteOnlyPage('https://beacon.example/pricing', ['https://beacon.example']) // 'https://beacon.example/pricing'
 * @example siteOnlyPage('javascript:alert(1)//pricing', ['https://beacon.example']) // null
 */
export function siteOnlyPage(page: string | null, origins: readonly string[]): string | null {
  if (page === null) return null;
  const origin = httpOrigin(page);
  return origin !== null && origins.includes(origin) ? page : null;
}
