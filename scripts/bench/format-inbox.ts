import type { InboxRow, Percentiles } from './measure-inbox.js';

const ms = (v: number): string => (Number.isNaN(v) ? 'n/a' : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
const line = (what: string, p: Percentiles): string =>
  `| ${what} | ${p.n} | ${ms(p.p50)} | ${ms(p.p95)} | ${ms(p.max)} |`;

/**
 * The inbox part's results as markdown, with the targets of issue 12: the first page p95 under
 * 100 ms with 100,000 stored, and a new SQL lead on an open console within 1 s.
 *
 * @example process.stdout.write(formatInbox(await measureInbox(opts)));
 */
export function formatInbox(r: InboxRow): string {
  const stored = r.stored.toLocaleString('en-US');
  const pageMet = r.firstPageJson.p95 < 100 && r.firstPageHtml.p95 < 100;
  const alertMet = r.sqlAlertMissed === 0 && r.sqlAlert.max < 1000;
  return [
    `### The inbox with ${stored} stored conversations`,
    '',
    `Seeded in ${r.seedS.toFixed(1)} s (files written directly). Server start with no inbox index (built from every conversation): ${r.rebuildStartS.toFixed(1)} s; with the index file: ${r.indexedStartS.toFixed(1)} s.`,
    '',
    '| request | n | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    line('first page, `GET /console/api/inbox`', r.firstPageJson),
    line('first page, `GET /console` (HTML)', r.firstPageHtml),
    line('filtered search, `?stage=SQL&q=harborline&person=0`', r.filtered),
    line('visitor message that makes the lead SQL -> `inbox:alert`', r.sqlAlert),
    '',
    `| target | measured | met |`,
    `| --- | --- | --- |`,
    `| inbox first page p95 < 100 ms with ${stored} stored | ${ms(r.firstPageJson.p95)} (JSON), ${ms(r.firstPageHtml.p95)} (HTML) | ${pageMet ? 'yes' : 'no'} |`,
    `| a new SQL lead reaches an open console within 1 s | max ${ms(r.sqlAlert.max)} over ${r.sqlAlert.n}${r.sqlAlertMissed > 0 ? `, ${r.sqlAlertMissed} never came` : ''} | ${alertMet ? 'yes' : 'no'} |`,
  ].join('\n');
}
