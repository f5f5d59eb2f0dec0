import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
  type ChartDataset,
} from 'chart.js';
import type { Report } from '../../../analytics/build-report.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

const COLORS = ['#1a5fd0', '#1a7f37', '#bf8700', '#a4161a', '#8250df', '#57606a'];

/** A light check of the server's own report: the parts every chart reads (no zod in the browser). */
function isReport(value: unknown): value is Report {
  return (
    typeof value === 'object' &&
    value !== null &&
    'funnel' in value &&
    typeof value.funnel === 'object' &&
    'questions' in value &&
    typeof value.questions === 'object' &&
    'sources' in value &&
    Array.isArray(value.sources)
  );
}

/** The report the server put in the page's JSON block, or null. */
function readReport(): Report | null {
  try {
    const value: unknown = JSON.parse(document.getElementById('analytics-data')?.textContent ?? '');
    return isReport(value) ? value : null;
  } catch {
    return null;
  }
}

function bar(id: string, labels: string[], datasets: ChartDataset<'bar'>[], stacked = false): void {
  const canvas = document.getElementById(id);
  if (!(canvas instanceof HTMLCanvasElement)) return;
  new Chart(canvas, {
    type: 'bar',
    data: { labels, datasets },
    options: {
      animation: false,
      maintainAspectRatio: false,
      responsive: true,
      scales: { x: { stacked }, y: { stacked, beginAtZero: true, ticks: { precision: 0 } } },
      plugins: { legend: { display: datasets.length > 1 } },
    },
  });
}

function draw(report: Report): void {
  const f = report.funnel;
  bar(
    'chart-funnel',
    ['Conversations', 'Engaged', 'Lead', 'MQL', 'SQL', 'Booked'],
    [
      {
        label: 'Conversations',
        data: [f.conversations, f.engaged, f.lead, f.mql, f.sql, f.booked],
        backgroundColor: COLORS[0],
      },
    ],
  );
  const slots = Object.keys(report.questions);
  const rows = Object.values(report.questions);
  bar('chart-questions', slots, [
    { label: 'Answered', data: rows.map((q) => q.answered), backgroundColor: COLORS[1] },
    {
      label: 'Re-asked (not understood)',
      data: rows.map((q) => q.reaskedNotUnderstood),
      backgroundColor: COLORS[2],
    },
    { label: 'Refused', data: rows.map((q) => q.refused), backgroundColor: COLORS[3] },
    { label: 'Abandoned', data: rows.map((q) => q.abandoned), backgroundColor: COLORS[4] },
  ]);
  const top = report.sources.slice(0, 10);
  const names = top.map(
    (s) =>
      [s.source, s.medium, s.campaign].filter((v) => v !== null).join(' / ') ||
      s.referrer ||
      s.landingPage ||
      '(direct)',
  );
  bar('chart-sources', names, [
    { label: 'Conversations', data: top.map((s) => s.conversations), backgroundColor: COLORS[0] },
    { label: 'Lead', data: top.map((s) => s.lead), backgroundColor: COLORS[1] },
    { label: 'SQL', data: top.map((s) => s.sql), backgroundColor: COLORS[2] },
    { label: 'Booked', data: top.map((s) => s.booked), backgroundColor: COLORS[4] },
  ]);
}

const report = readReport();
if (report !== null) draw(report);
