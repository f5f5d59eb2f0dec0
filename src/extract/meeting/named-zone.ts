/**
 * Zone abbreviations and words people type after a time, read as the wall clock of a place
 * rather than as a fixed offset: "2pm EST" in July means 2 PM in New York, as most people who
 * write it intend, and "10am CET" in summer means 10 AM in Berlin.
 */
const ABBREVIATIONS: Record<string, string> = {
  et: 'America/New_York',
  est: 'America/New_York',
  edt: 'America/New_York',
  eastern: 'America/New_York',
  ct: 'America/Chicago',
  cst: 'America/Chicago',
  cdt: 'America/Chicago',
  central: 'America/Chicago',
  mt: 'America/Denver',
  mst: 'America/Denver',
  mdt: 'America/Denver',
  mountain: 'America/Denver',
  pt: 'America/Los_Angeles',
  pst: 'America/Los_Angeles',
  pdt: 'America/Los_Angeles',
  pacific: 'America/Los_Angeles',
  gmt: 'UTC',
  utc: 'UTC',
  bst: 'Europe/London',
  wet: 'Europe/Lisbon',
  west: 'Europe/Lisbon',
  cet: 'Europe/Berlin',
  cest: 'Europe/Berlin',
  eet: 'Europe/Helsinki',
  eest: 'Europe/Helsinki',
  ist: 'Asia/Kolkata',
  sgt: 'Asia/Singapore',
  hkt: 'Asia/Hong_Kong',
  jst: 'Asia/Tokyo',
  kst: 'Asia/Seoul',
  aest: 'Australia/Sydney',
  aedt: 'Australia/Sydney',
  nzst: 'Pacific/Auckland',
  nzdt: 'Pacific/Auckland',
};

/** Places people name with "time" ("Berlin time", "my time" is the visitor's own and not here). */
const PLACES: Record<string, string> = {
  'new york': 'America/New_York',
  nyc: 'America/New_York',
  ny: 'America/New_York',
  boston: 'America/New_York',
  toronto: 'America/Toronto',
  chicago: 'America/Chicago',
  texas: 'America/Chicago',
  denver: 'America/Denver',
  'los angeles': 'America/Los_Angeles',
  la: 'America/Los_Angeles',
  'san francisco': 'America/Los_Angeles',
  sf: 'America/Los_Angeles',
  seattle: 'America/Los_Angeles',
  vancouver: 'America/Vancouver',
  london: 'Europe/London',
  uk: 'Europe/London',
  dublin: 'Europe/Dublin',
  lisbon: 'Europe/Lisbon',
  berlin: 'Europe/Berlin',
  germany: 'Europe/Berlin',
  munich: 'Europe/Berlin',
  paris: 'Europe/Paris',
  france: 'Europe/Paris',
  madrid: 'Europe/Madrid',
  spain: 'Europe/Madrid',
  rome: 'Europe/Rome',
  amsterdam: 'Europe/Amsterdam',
  brussels: 'Europe/Brussels',
  zurich: 'Europe/Zurich',
  vienna: 'Europe/Vienna',
  stockholm: 'Europe/Stockholm',
  warsaw: 'Europe/Warsaw',
  helsinki: 'Europe/Helsinki',
  athens: 'Europe/Athens',
  istanbul: 'Europe/Istanbul',
  dubai: 'Asia/Dubai',
  india: 'Asia/Kolkata',
  mumbai: 'Asia/Kolkata',
  delhi: 'Asia/Kolkata',
  bangalore: 'Asia/Kolkata',
  bengaluru: 'Asia/Kolkata',
  kolkata: 'Asia/Kolkata',
  singapore: 'Asia/Singapore',
  'hong kong': 'Asia/Hong_Kong',
  tokyo: 'Asia/Tokyo',
  japan: 'Asia/Tokyo',
  seoul: 'Asia/Seoul',
  sydney: 'Australia/Sydney',
  melbourne: 'Australia/Melbourne',
  auckland: 'Pacific/Auckland',
};

const alternation = (words: string[]): string =>
  words
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/ /g, '\\s+'))
    .join('|');
// An abbreviation counts only right after a time ("2pm EST", "14:00 (CET)"): "et" or "pt" elsewhere are words.
const AFTER_TIME = new RegExp(
  String.raw`(?:\d\s*(?:[ap]\.?m\.?)?|\bnoon)\s*\(?\b(${alternation(Object.keys(ABBREVIATIONS))})\b(?:\s+time)?`,
  'i',
);
const PLACE_TIME = new RegExp(
  String.raw`\b(${alternation(Object.keys(PLACES))})\s+time\b|(?:\d\s*(?:[ap]\.?m\.?)?|\bnoon)\s+(?:in\s+)?(${alternation(Object.keys(PLACES).filter((p) => p.length > 3))})\b`,
  'i',
);

const key = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ');

/**
 * The IANA zone a visitor named for the time they typed, or null when they named none (their
 * own zone applies then).
 *
 * @example namedZone('Thursday at 2pm Berlin time') // 'Europe/Berlin'
 * @example namedZone('10am CET') // 'Europe/Berlin'
 */
export function namedZone(text: string): string | null {
  const abbr = AFTER_TIME.exec(text)?.[1];
  if (abbr !== undefined) return ABBREVIATIONS[key(abbr)] ?? null;
  const place = PLACE_TIME.exec(text);
  const name = place?.[1] ?? place?.[2];
  return name === undefined ? null : (PLACES[key(name)] ?? null);
}
