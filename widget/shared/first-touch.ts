import type { KeyValueStore } from './safe-storage.js';

/** Where the visit came from: the external referrer and the UTM parameters of the landing URL. */
export type FirstTouch = { referrer: string | null; utm: Record<string, string> | null };

const clip = (s: string, max: number): string => s.slice(0, max);

/**
 * Records the first touch of the visit, on the first page view the loader sees (it runs on
 * every page): a later page of the same visit (an internal link, a reload) never overwrites it,
 * so the landing page's campaign survives until the visitor opens the chat. The referrer counts
 * only when it is another site: a link from the site's own pages says nothing about how the
 * visitor arrived. Values are clipped to the server's limits so an odd URL never gets the hello
 * refused.
 *
 * @example recordFirstTouch({ href: location.href, referrer: document.referrer }, safeStorage(() => sessionStorage), keys.firstTouch)
 */
export function recordFirstTouch(
  page: { href: string; referrer: string },
  session: KeyValueStore,
  key: string,
): void {
  if (session.get(key) === null) write(page, session, key);
}

/**
 * The recorded first touch (the chat's side). If none was recorded, or it is unreadable, this
 * page is taken as the landing page and recorded.
 *
 * @example readFirstTouch(browserPageContext(), safeStorage(() => sessionStorage), keys.firstTouch) // { referrer, utm }
 */
export function readFirstTouch(
  page: { href: string; referrer: string },
  session: KeyValueStore,
  key: string,
): FirstTouch {
  return parseFirstTouch(session.get(key)) ?? write(page, session, key);
}

function write(
  page: { href: string; referrer: string },
  session: KeyValueStore,
  key: string,
): FirstTouch {
  const touch: FirstTouch = { referrer: externalReferrer(page), utm: utmOf(page.href) };
  session.set(key, JSON.stringify(touch));
  return touch;
}

function externalReferrer({ href, referrer }: { href: string; referrer: string }): string | null {
  if (!referrer) return null;
  try {
    return new URL(referrer).origin === new URL(href).origin ? null : clip(referrer, 2048);
  } catch {
    return null;
  }
}

function utmOf(href: string): Record<string, string> | null {
  const utm: Record<string, string> = {};
  let n = 0;
  try {
    for (const [k, v] of new URL(href).searchParams) {
      if (k.startsWith('utm_') && k.length <= 64 && n < 10) {
        utm[k] = clip(v, 256);
        n++;
      }
    }
  } catch {
    return null;
  }
  return n > 0 ? utm : null;
}

function parseFirstTouch(raw: string | null): FirstTouch | null {
  if (raw === null) return null;
  try {
    const v: unknown = JSON.parse(raw);
    if (typeof v !== 'object' || v === null || !('referrer' in v) || !('utm' in v)) return null;
    const referrer = typeof v.referrer === 'string' ? v.referrer : null;
    const utm =
      typeof v.utm === 'object' && v.utm !== null
        ? Object.fromEntries(
            Object.entries(v.utm).filter((e): e is [string, string] => typeof e[1] === 'string'),
          )
        : null;
    return { referrer, utm };
  } catch {
    return null;
  }
}
