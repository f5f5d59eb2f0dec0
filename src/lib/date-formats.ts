import { createBoundedMemo } from './bounded-memo.js';

/**
 * Cached Intl.DateTimeFormat instances. Building one costs tens of microseconds and the same
 * few zones and locales come back on every message, so each distinct set of options is built
 * once per process (the cache is bounded by the zones and locales visitors actually use).
 */
const formats = createBoundedMemo<string, Intl.DateTimeFormat>(10_000);

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return formats.get(
    `${locale}|${JSON.stringify(options)}`,
    () => new Intl.DateTimeFormat(locale, options),
  );
}
