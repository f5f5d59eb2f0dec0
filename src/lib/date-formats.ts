/**
 * Cached Intl.DateTimeFormat instances. Building one costs tens of microseconds and the same
 * few zones and locales come back on every message, so each distinct set of options is built
 * once per process (the cache is bounded by the zones and locales visitors actually use).
 */
const cache = new Map<string, Intl.DateTimeFormat>();

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (format === undefined) {
    format = new Intl.DateTimeFormat(locale, options);
    if (cache.size < 10_000) cache.set(key, format);
  }
  return format;
}
