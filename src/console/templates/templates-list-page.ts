import { escapeHtml as h } from '../../booking/escape-html.js';
import { htmlPage } from '../../lib/html-page.js';
import type { TemplateSummary } from '../../prompts/versions/template-history.js';
import { consoleNav, logoutForm } from '../console-pages.js';
import type { User } from '../users/user.js';
import { formatWhen } from './format-when.js';
import { TEMPLATES_STYLE } from './templates-style.js';

/** A template's experiment as `GET /console/api/templates` gives it (when experiments exist). */
export type ListedExperiment = {
  id: string;
  goal: string;
  variants: readonly { version: number; weight: number }[];
};
export type ListedTemplate = TemplateSummary & { experiment?: ListedExperiment | null };

export type TemplatesListView = {
  user: User;
  csrfToken: string;
  templates: readonly ListedTemplate[];
  /** `booking.timezone`: how publish times are shown. */
  timezone: string;
};

function experimentText(e: ListedExperiment | null | undefined): string {
  if (e === null || e === undefined) return 'none';
  const variants = e.variants.map((v) => `v${v.version} ${v.weight}`).join(' / ');
  return `${e.goal}: ${variants}`;
}

/**
 * `GET /console/templates`: every template with its live version, who published it and when,
 * and its experiment ("none" when it runs none), each linking to its editor.
 *
 * @example res.type('html').send(renderTemplatesList({ user, csrfToken, templates, timezone }));
 */
export function renderTemplatesList(v: TemplatesListView): string {
  const rows = v.templates.map((t) => {
    const by = t.author === null ? '' : ` by ${h(t.author)}`;
    return `<tr data-template="${h(t.name)}">
<td><a href="/console/templates/${encodeURIComponent(t.name)}">${h(t.name)}</a></td>
<td>v${t.live}</td>
<td>${h(formatWhen(t.publishedAt, v.timezone))}${by}</td>
<td class="experiment">${h(experimentText(t.experiment))}</td>
</tr>`;
  });
  const body = `${consoleNav(v.user.role, '/console/templates')}
<h1>Templates</h1>
<p class="muted">The agent's wording. Version 1 is the shipped file; each publish makes a new live version.</p>
<table>
<thead><tr><th scope="col">Template</th><th scope="col">Live version</th><th scope="col">Published</th><th scope="col">Experiment</th></tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
<footer><p class="muted">Signed in as ${h(v.user.name)} (${h(v.user.role)}).</p>${logoutForm(v.csrfToken)}</footer>`;
  return htmlPage('Templates', body, TEMPLATES_STYLE);
}
