import { escapeHtml as h } from '../../booking/escape-html.js';
import { GOALS } from '../../experiments/experiment.js';
import { consoleNav, consolePage, logoutForm } from '../console-pages.js';
import type { Role } from '../users/user.js';

export type ExperimentPageModel = {
  template: string;
  /** Every version of the template (1 is the file), oldest first. */
  versions: { version: number; note: string }[];
  csrfToken: string;
  viewer: { name: string; role: Role };
};

const GOAL_LABELS: Record<(typeof GOALS)[number], string> = {
  answered: 'The question was answered',
  mql: 'Reached MQL',
  sql: 'Reached SQL',
  booked: 'Booked a meeting',
};
const ROWS = 4;

const STYLE = `<style>main{max-width:56rem}table{border-collapse:collapse;width:100%;margin-top:1rem}
th,td{border-bottom:1px solid #dde1e6;padding:.35rem .5rem;text-align:left}
fieldset{border:1px solid #dde1e6;border-radius:6px;margin-top:1rem}select,input[type=number]{font:inherit}
.notice{background:#fff6db;padding:.5rem .75rem;border-radius:6px}.muted{color:#5b6470}</style>`;

/** One variant row of the start form: a version (or none) and its weight. */
function variantRow(i: number, m: ExperimentPageModel): string {
  const label = i === 0 ? 'Control (A)' : `Variant ${String.fromCharCode(65 + i)}`;
  const pick = i < 2 ? (m.versions[m.versions.length - 1 - i]?.version ?? null) : null;
  const options = [
    ...(i < 2 ? [] : ['<option value="">(none)</option>']),
    ...m.versions.map(
      (v) =>
        `<option value="${v.version}"${v.version === pick ? ' selected' : ''}>version ${v.version}: ${h(v.note)}</option>`,
    ),
  ].join('');
  return `<tr><th scope="row">${label}</th>
<td><select name="version" aria-label="${label} version">${options}</select></td>
<td><input name="weight" type="number" min="1" max="1000" value="1" aria-label="${label} weight"></td></tr>`;
}

/**
 * The experiment page of one template: the start form (versions, weights, goal), the report of
 * the running or latest experiment, and promote and stop buttons; its script
 * (/console/assets/experiment.js) talks to the JSON API and writes every value as text.
 *
 * @example res.type('html').send(renderExperimentPage(model));
 */
export function renderExperimentPage(m: ExperimentPageModel): string {
  const goals = GOALS.map((g) => `<option value="${g}">${h(GOAL_LABELS[g])}</option>`).join('');
  const rows = Array.from({ length: Math.min(ROWS, Math.max(2, m.versions.length)) }, (_, i) =>
    variantRow(i, m),
  ).join('\n');
  return consolePage(
    `Experiment: ${m.template}`,
    `${STYLE}${consoleNav(m.viewer.role, '/console/templates')}
<p><a href="/console/templates/${h(m.template)}">Edit ${h(m.template)}</a></p>
<h1>Experiment on <code>${h(m.template)}</code></h1>
<section id="experiment" data-template="${h(m.template)}" data-csrf="${h(m.csrfToken)}">
<p id="status" class="muted" role="status">Loading…</p>
<p id="error" class="notice" role="alert" hidden></p>
<form id="start-form" hidden>
<fieldset><legend>Start an experiment</legend>
<table><thead><tr><th>Variant</th><th>Version</th><th>Weight</th></tr></thead><tbody>
${rows}
</tbody></table>
<label for="goal">Goal</label><select id="goal" name="goal">${goals}</select>
<button type="submit">Start the experiment</button>
</fieldset></form>
<div id="report" hidden>
<p id="report-message" class="notice" hidden></p>
<table id="report-table"><thead><tr><th>Variant</th><th>Version</th><th>Weight</th><th>Conversations</th>
<th>Goal reached</th><th>Rate</th><th>95% interval</th><th>P(beats control)</th><th></th></tr></thead><tbody></tbody></table>
<button id="stop" type="button" hidden>Stop without promoting</button>
</div>
</section>
<footer><p class="muted">Signed in as ${h(m.viewer.name)} (${h(m.viewer.role)}).</p>${logoutForm(m.csrfToken)}</footer>
<script type="module" src="/console/assets/experiment.js"></script>`,
  );
}
