import type { Report } from '../../analytics/build-report.js';
import { csvCell } from '../inbox/inbox-csv.js';

/** The report's tables, each downloadable as CSV. */
export const ANALYTICS_TABLES = ['funnel', 'questions', 'sources'] as const;
export type AnalyticsTable = (typeof ANALYTICS_TABLES)[number];

type Cell = string | number | null;

/** The header and rows of one of the report's tables, as the page and the CSV show them. */
export function tableOf(report: Report, table: AnalyticsTable): { head: string[]; rows: Cell[][] } {
  if (table === 'funnel') {
    const f = report.funnel;
    const steps: [string, number][] = [
      ['conversations', f.conversations],
      ['engaged', f.engaged],
      ['lead', f.lead],
      ['mql', f.mql],
      ['sql', f.sql],
      ['booked', f.booked],
    ];
    return {
      head: ['step', 'count', 'conversion_from_previous'],
      rows: [
        ...steps.map(([name, n], i): Cell[] => [
          name,
          n,
          i === 0 ? null : rate(n, steps[i - 1]?.[1] ?? 0),
        ]),
        ['canceled_after_booking', f.canceled, null],
      ],
    };
  }
  if (table === 'questions')
    return {
      head: [
        'question',
        'asked',
        'answered',
        'reasked_not_understood',
        'refused',
        'abandoned',
        'median_seconds_to_answer',
      ],
      rows: Object.entries(report.questions).map(([slot, q]) => [
        slot,
        q.asked,
        q.answered,
        q.reaskedNotUnderstood,
        q.refused,
        q.abandoned,
        q.medianSecondsToAnswer,
      ]),
    };
  return {
    head: [
      'source',
      'medium',
      'campaign',
      'referrer',
      'landing_page',
      'conversations',
      'engaged',
      'lead',
      'mql',
      'sql',
      'booked',
      'median_seconds_to_lead',
    ],
    rows: report.sources.map((s) => [
      s.source,
      s.medium,
      s.campaign,
      s.referrer,
      s.landingPage,
      s.conversations,
      s.engaged,
      s.lead,
      s.mql,
      s.sql,
      s.booked,
      s.medianSecondsToLead,
    ]),
  };
}

/** `part` of `whole` as a fraction rounded to 4 places; null when `whole` is 0. */
export function rate(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000;
}

/**
 * One of the report's tables as a CSV file: a header line, CRLF line ends, every text cell
 * quoted and made inert for spreadsheets (a UTM campaign `=HYPERLINK(...)` stays text).
 *
 * @example analyticsCsv(report, 'funnel') // 'step,count,conversion_from_previous\r\n"conversations",6,\r\n...'
 */
export function analyticsCsv(report: Report, table: AnalyticsTable): string {
  const { head, rows } = tableOf(report, table);
  return [head.join(','), ...rows.map((r) => r.map(csvCell).join(','))]
    .map((l) => `${l}\r\n`)
    .join('');
}
