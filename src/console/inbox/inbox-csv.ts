import type { InboxRow } from './inbox-row.js';

const COLUMNS: [string, (r: InboxRow) => string | number | boolean | null][] = [
  ['id', (r) => r.id],
  ['name', (r) => r.name],
  ['email', (r) => r.email],
  ['company', (r) => r.company],
  ['stage', (r) => r.stage],
  ['grade', (r) => r.grade],
  ['score', (r) => r.score],
  ['wants_person', (r) => r.wantsPerson],
  ['meeting_start', (r) => r.meeting?.start ?? null],
  ['meeting_status', (r) => r.meeting?.status ?? null],
  ['source', (r) => r.source],
  ['assigned_to', (r) => r.assignedTo],
  ['review', (r) => r.review],
  ['status', (r) => r.status],
  ['created_at', (r) => r.createdAt],
  ['updated_at', (r) => r.updatedAt],
  ['last_visitor_message_at', (r) => r.lastVisitorMessageAt],
  ['waiting_since', (r) => r.waitingSince],
];

/**
 * One CSV cell (RFC 4180): text is quoted, with quotes doubled; text a spreadsheet would read
 * as a formula (starting with = + - @, a tab or a carriage return) gets a leading apostrophe,
 * so a visitor named `=HYPERLINK(...)` stays text. Numbers and booleans are written as they are.
 *
 * @example csvCell('=1+1') // '"\'=1+1"'
 */
export function csvCell(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const inert = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return `"${inert.replace(/"/g, '""')}"`;
}

/**
 * The inbox rows as a CSV file: a header line, one line per row, CRLF line ends, and the lead
 * page's address (`leadUrlBase` + id) last.
 *
 * @example inboxCsv(rows, 'https://leads.example.com/console/leads/')
 */
export function inboxCsv(rows: readonly InboxRow[], leadUrlBase: string): string {
  const header = [...COLUMNS.map(([name]) => name), 'lead_url'].join(',');
  const lines = rows.map((r) =>
    [...COLUMNS.map(([, get]) => csvCell(get(r))), csvCell(`${leadUrlBase}${r.id}`)].join(','),
  );
  return `${[header, ...lines].join('\r\n')}\r\n`;
}
