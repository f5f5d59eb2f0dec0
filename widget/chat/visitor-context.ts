import type { VisitorContext } from '../../src/server/socket-events.js';
import { readFirstTouch } from '../shared/first-touch.js';
import type { KeyValueStore } from '../shared/safe-storage.js';

/** What the page looks like to the widget; `window` in the browser, a plain object in tests. */
export type PageContext = {
  href: string;
  referrer: string;
  language: string | undefined;
  timeZone: string | undefined;
};

const clip = (s: string, max: number): string => s.slice(0, max);

/**
 * The visitor context sent at `session:hello`: time zone, locale, the current page, and the
 * first touch of the visit (the external referrer and the UTM parameters of the landing URL),
 * which the loader records in `sessionStorage` on the first page view (recordFirstTouch); if
 * it has not, this page is the landing page. Values are clipped to the server's limits.
 *
 * @example collectVisitorContext(browserPageContext(), safeStorage(() => sessionStorage), 'leadbot:...:first-touch')
 */
export function collectVisitorContext(
  page: PageContext,
  session: KeyValueStore,
  key: string,
): VisitorContext {
  const touch = readFirstTouch(page, session, key);
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
