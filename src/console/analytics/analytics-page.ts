import type { Report } from '../../analytics/build-report.js';
import { escapeHtml } from '../../booking/escape-html.js';
import { htmlPage } from '../../lib/html-page.js';
import { consoleNav, logoutForm } from '../console-pages.js';
import type { User } from '../users/user.js';
import { tableOf, type AnalyticsTable } from './analytics-csv.js';

const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f7f9}
main{max-width:80rem;margin:1rem auto;padding:1rem 1.5rem;background:#fff;border-radius:8px}
.top{display:flex;gap:1rem;align-items:center;flex-wrap:wrap}.top h1{margin:0;font-size:1.4rem}
.top form{margin-left:auto}.console-nav a{margin-right:.25rem}
.range{display:flex;gap:1rem;align-items:end;margin:1rem 0;padding:.75rem;background:#f0f2f5;border-radius:6px}
.range label{display:flex;flex-direction:column;font-size:.85rem;font-weight:600}
input,button{font:inherit;padding:.3rem .4rem}button{cursor:pointer}
section{margin:1.5rem 0}h2{font-size:1.15rem;margin:0 0 .5rem}.chart{position:relative;height:260px;max-width:56rem}
table{width:100%;border-collapse:collapse;margin-top:.5rem}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e3e6ea}
th{font-size:.8rem;text-transform:uppercase;color:#57606a}td.n{text-align:right;font-variant-numeric:tabular-nums}
.summary{color:#3d444d}:focus-visible{outline:3px solid #1a5fd0;outline-offset:2px}`;

export type AnalyticsView = { user: User; csrfToken: string; report: Report };

const LABELS: Record<AnalyticsTable, string> = {
  funnel: 'Funnel',
  questions: 'Questions',
  sources: 'By source',
};

/** A number cell as text: a fraction as a percentage, null as a dash. */
function show(head: string, value: string | number | null): string {
  if (value === null) return '–';
  if (typeof value === 'number' && head.startsWith('conversion'))
    return `${Math.round(value * 100)}%`;
  return String(value);
}

function tableHtml(report: Report, table: AnalyticsTable, q: string): string {
  const { head, rows } = tableOf(report, table);
  const body = rows
    .map(
      (r) =>
        `<tr>${r.map((v, i) => `<td${typeof v === 'number' || v === null ? ' class="n"' : ''}>${escapeHtml(show(head[i] ?? '', v))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<section id="${table}">
<h2>${LABELS[table]}</h2>
<div class="chart"><canvas id="chart-${table}" role="img" aria-label="${LABELS[table]} chart"></canvas></div>
<p><a class="csv" href="/console/api/analytics.csv?table=${table}&amp;${q}" download>Download CSV</a></p>
<table><thead><tr>${head.map((h) => `<th>${escapeHtml(h.replaceAll('_', ' '))}</th>`).join('')}</tr></thead>
<tbody>
${body}
</tbody></table>
</section>`;
}

/** JSON in a `<script type="application/json">` block: no `<` can close the element. */
const jsonBlock = (value: unknown): string => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * `/console/analytics`: the date range form, the funnel with the conversion between steps, the
 * per-question table, the table by source, speed to lead and LLM fallbacks, a chart above each
 * table (drawn by analytics.js from the JSON block) and a CSV link per table.
 *
 * @example res.type('html').send(renderAnalyticsPage({ user, csrfToken, report }));
 */
export function renderAnalyticsPage(v: AnalyticsView): string {
  const { report } = v;
  const q = `from=${encodeURIComponent(report.from)}&amp;to=${encodeURIComponent(report.to)}`;
  const speed = report.speedToLead;
  const body = `<header class="top">
<h1>Analytics</h1>
${consoleNav(v.user.role, '/console/analytics')}
<p>Signed in as <strong>${escapeHtml(v.user.name)}</strong> (${escapeHtml(v.user.role)})</p>
${logoutForm(v.csrfToken)}
</header>
<form class="range" method="get" action="/console/analytics">
<label>From <input type="date" name="from" value="${escapeHtml(report.from)}" required></label>
<label>To <input type="date" name="to" value="${escapeHtml(report.to)}" required></label>
<button type="submit">Show</button>
<span>Conversations by the day they started, in ${escapeHtml(report.timezone)}</span>
</form>
<p class="summary" id="summary">Speed to lead: <strong id="speed-to-lead">${speed.medianSeconds === null ? '–' : `${speed.medianSeconds} s`}</strong> median over ${speed.count} leads touched ·
LLM fallbacks: <strong id="llm-fallbacks">${report.llmFallbacks.turns}</strong> messages read by the rules, in ${report.llmFallbacks.conversations} conversations</p>
${(['funnel', 'questions', 'sources'] as const).map((t) => tableHtml(report, t, q)).join('\n')}
<script type="application/json" id="analytics-data">${jsonBlock(report)}</script>
<script type="module" src="/console/assets/analytics.js"></script>`;
  return htmlPage(`Analytics ${report.from} to ${report.to}`, body, STYLE);
}
