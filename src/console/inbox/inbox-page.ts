import { escapeHtml } from '../../booking/escape-html.js';
import { htmlPage } from '../../lib/html-page.js';
import { GRADES, STAGES } from '../../scoring/score-lead.js';
import { consoleNav, logoutForm } from '../console-pages.js';
import type { User } from '../users/user.js';
import type { InboxPage, InboxQuery } from './inbox-query.js';
import type { InboxRow } from './inbox-row.js';
import { INBOX_STYLE } from './inbox-style.js';

export type InboxView = {
  user: User;
  csrfToken: string;
  query: InboxQuery;
  result: InboxPage;
  now: Date;
  /** `booking.timezone`: how times are shown and what the date filters mean. */
  timezone: string;
};

/** The query's filters as URL parameters (page excluded): kept by the paging and CSV links. */
export function filterParams(q: InboxQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(q)) {
    if (key === 'page' || value === undefined) continue;
    if (key === 'pageSize' && value === 50) continue;
    params.set(key, value === true ? '1' : value === false ? '0' : String(value));
  }
  return params;
}

const link = (path: string, params: URLSearchParams): string => {
  const search = params.toString();
  return escapeHtml(search === '' ? path : `${path}?${search}`);
};

/** "4 min", "2 h 5 min", "3 d": how long, for a rep at a glance. */
export function formatDuration(seconds: number): string {
  const minutes = Math.max(0, Math.floor(seconds / 60));
  if (minutes < 1) return `${Math.max(0, Math.round(seconds))} s`;
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 24 * 60) return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
  return `${Math.floor(minutes / (24 * 60))} d`;
}

function select(name: string, label: string, options: readonly string[], value?: string): string {
  const opts = ['', ...options]
    .map(
      (o) =>
        `<option value="${escapeHtml(o)}"${o === (value ?? '') ? ' selected' : ''}>${escapeHtml(o === '' ? 'any' : o)}</option>`,
    )
    .join('');
  return `<label>${label} <select name="${name}">${opts}</select></label>`;
}

const checkbox = (name: string, label: string, on: boolean | undefined): string =>
  `<label class="check"><input type="checkbox" name="${name}" value="1"${on === true ? ' checked' : ''}> ${label}</label>`;

const input = (name: string, label: string, type: string, value: string | undefined): string =>
  `<label>${label} <input type="${type}" name="${name}" value="${escapeHtml(value ?? '')}"></label>`;

function filterForm(q: InboxQuery): string {
  return `<form class="filters" method="get" action="/console" role="search">
${input('q', 'Search', 'search', q.q)}
${select('stage', 'Stage', STAGES, q.stage)}
${select('grade', 'Grade', GRADES, q.grade)}
${checkbox('person', 'Wants a person', q.person)}
${checkbox('booked', 'Booked', q.booked)}
${checkbox('mine', 'Assigned to me', q.mine)}
${input('from', 'From', 'date', q.from)}
${input('to', 'To', 'date', q.to)}
${input('source', 'Source', 'text', q.source)}
<button type="submit">Apply</button> <a href="/console">Clear</a>
</form>`;
}

function rowHtml(r: InboxRow, v: InboxView): string {
  const when = new Intl.DateTimeFormat('en-US', {
    timeZone: v.timezone,
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  const time = (iso: string | null): string =>
    iso === null
      ? ''
      : `<time datetime="${escapeHtml(iso)}">${escapeHtml(when.format(new Date(iso)))}</time>`;
  const who = r.name ?? r.email ?? 'Anonymous visitor';
  const waiting =
    r.waitingSince === null
      ? ''
      : `<span class="waiting">${escapeHtml(formatDuration((v.now.getTime() - Date.parse(r.waitingSince)) / 1000))}</span>`;
  const meeting =
    r.meeting === null
      ? ''
      : `${r.meeting.status === 'canceled' ? 'canceled ' : ''}${time(r.meeting.start)}`;
  return `<tr data-id="${escapeHtml(r.id)}" class="grade-${r.grade}">
<td><a href="/console/leads/${encodeURIComponent(r.id)}">${escapeHtml(who)}</a>${r.email !== null && r.name !== null ? `<br><small>${escapeHtml(r.email)}</small>` : ''}</td>
<td>${escapeHtml(r.company ?? '')}</td>
<td>${escapeHtml(r.stage)}</td>
<td><span class="grade">${escapeHtml(r.grade)}</span> ${r.score}</td>
<td>${r.wantsPerson ? '<strong>yes</strong>' : ''}</td>
<td>${meeting}</td>
<td>${escapeHtml(r.source)}</td>
<td>${escapeHtml(r.assignedTo ?? '')}</td>
<td>${waiting}</td>
<td>${time(r.lastVisitorMessageAt)}${r.status === 'active' ? ' <span class="live">live</span>' : ''}</td>
</tr>`;
}

function speedLine(result: InboxPage): string {
  const { count, medianSeconds } = result.speedToLead;
  if (medianSeconds === null) return 'Speed to lead (7 days): no lead touched yet';
  return `Speed to lead (7 days): median <strong>${escapeHtml(formatDuration(medianSeconds))}</strong> over ${count} lead${count === 1 ? '' : 's'}`;
}

function pager(v: InboxView): string {
  const { page, pageSize, total } = v.result;
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const to = (n: number): string => {
    const params = filterParams(v.query);
    if (n > 1) params.set('page', String(n));
    return link('/console', params);
  };
  const prev = page > 1 ? `<a rel="prev" href="${to(page - 1)}">Previous</a>` : '';
  const next = page < pages ? `<a rel="next" href="${to(page + 1)}">Next</a>` : '';
  return `<nav class="pager" aria-label="Pages">${prev} <span>Page ${page} of ${pages}</span> ${next}</nav>`;
}

/**
 * The inbox at `/console`, rendered on the server (it works without JavaScript): header with
 * the speed-to-lead median, the filters as a GET form, the rows (each linking to its lead page),
 * paging and the CSV link, both keeping the filters. `inbox.js` refreshes `#inbox-results` live.
 *
 * @example res.type('html').send(renderInboxPage({ user, csrfToken, query, result, now, timezone }));
 */
export function renderInboxPage(v: InboxView): string {
  const { result } = v;
  const c = result.counts;
  const rows = result.rows.map((r) => rowHtml(r, v)).join('\n');
  const empty = result.rows.length === 0 ? '<p class="empty">No conversation matches.</p>' : '';
  const body = `${consoleNav(v.user.role, '/console')}
<header class="top">
<h1>Inbox</h1>
<p>Signed in as <strong>${escapeHtml(v.user.name)}</strong> (${escapeHtml(v.user.role)})</p>
<button type="button" id="enable-notifications" hidden>Enable notifications</button>
${logoutForm(v.csrfToken)}
</header>
${filterForm(v.query)}
<section id="inbox-results">
<p class="summary"><span id="speed-to-lead">${speedLine(result)}</span> · ${c.all} conversations · ${c.stage.SQL} SQL
 · ${c.wantsPerson} want a person · ${c.waiting} waiting · ${c.booked} booked</p>
<p><a id="csv-link" href="${link('/console/api/inbox.csv', filterParams(v.query))}" download>Export CSV</a> · ${result.total} matching</p>
<table>
<thead><tr><th>Name</th><th>Company</th><th>Stage</th><th>Grade</th><th>Wants a person</th><th>Meeting</th><th>Source</th><th>Assigned</th><th>Waiting</th><th>Last message</th></tr></thead>
<tbody id="inbox-rows">
${rows}
</tbody>
</table>
${empty}
${pager(v)}
</section>
<p id="inbox-alert" role="status" aria-live="assertive"></p>
<script type="module" src="/console/assets/inbox.js"></script>`;
  return htmlPage('Inbox', body, INBOX_STYLE);
}
