import type { VisitorContext } from '../../src/server/socket-events.js';
import type { KeyValueStore } from '../shared/safe-storage.js';

type FirstTouch = { referrer: string | null; utm: Record<string, string> | null };

/** What the page looks like to the widget; `window` in the browser, a plain object in tests. */
export type PageContext = {
  href: string;
  referrer: string;
  language: string | undefined;
  timeZone: string | undefined;
};

const clip = (s: string, max: number): string => s.slice(0, max);

/**
 * The visitor context sent at `session:hello`: time zone, locale, page, and the first touch of
 * the session (the referrer and the UTM parameters of the landing URL), kept in
 * `sessionStorage` so a later page of the same visit still reports where the visitor came from.
 * Values are clipped to the server's limits so an odd URL never gets the hello refused.
 *
 * @example collectVisitorContext(pageContext(), safeStorage(() => sessionStorage), 'leadbot:...:first-touch')
 */
export function collectVisitorContext(page: PageContext, session: KeyValueStore, key: string): VisitorContext {
  let touch = parseFirstTouch(session.get(key));
  if (touch === null) {
    touch = { referrer: page.referrer ? clip(page.referrer, 2048) : null, utm: utmOf(page.href) };
    session.set(key, JSON.stringify(touch));
  }
  return {
    timezone: page.timeZone || 'UTC',
    locale: clip(page.language || 'en-US', 35),
    page: clip(page.href, 2048),
    referrer: touch.referrer,
    utm: touch.utm,
  };
}

/** The browser's page context. */
export function browserPageContext(): PageContext {
  return {
    href: location.href,
    referrer: document.referrer,
    language: navigator.language,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
  };
}

function utmOf(href: string): Record<string, string> | null {
  const utm: Record<string, string> = {};
  for (const [k, v] of new URL(href).searchParams) {
    if (k.startsWith('utm_') && k.length <= 64 && Object.keys(utm).length < 10) utm[k] = clip(v, 256);
  }
  return Object.keys(utm).length > 0 ? utm : null;
}

function parseFirstTouch(raw: string | null): FirstTouch | null {
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('referrer' in v) || !('utm' in v)) return null;
    const referrer = typeof v.referrer === 'string' ? v.referrer : null;
    const utm = typeof v.utm === 'object' && v.utm !== null ? Object.fromEntries(Object.entries(v.utm).filter((e): e is [string, string] => typeof e[1] === 'string')) : null;
    return { referrer, utm };
  } catch {
    return null;
  }
}
