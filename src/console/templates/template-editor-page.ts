import { escapeHtml as h } from '../../booking/escape-html.js';
import { htmlPage } from '../../lib/html-page.js';
import { PREVIEW_LEADS } from '../../prompts/preview-leads.js';
import type { HistoryVersion } from '../../prompts/versions/template-history.js';
import { consoleNav, logoutForm } from '../console-pages.js';
import type { User } from '../users/user.js';
import { formatWhen } from './format-when.js';
import { TEMPLATES_STYLE } from './templates-style.js';

export type TemplateEditorView = {
  user: User;
  csrfToken: string;
  name: string;
  /** Every version, 1 (the file) first; the last one is live. */
  versions: readonly HistoryVersion[];
  timezone: string;
  /** A fixed message after a publish or rollback (`?published=<n>`), or null. */
  notice: string | null;
};

function versionRow(v: TemplateEditorView['versions'][number], live: number, tz: string): string {
  const isLive = v.version === live;
  const restored = v.restoredFrom === undefined ? '' : `restored from v${v.restoredFrom}`;
  const action = isLive
    ? '<span class="live">live</span>'
    : `<button type="button" class="rollback" data-version="${v.version}">Roll back to v${v.version}</button>`;
  return `<tr data-version="${v.version}"${isLive ? ' class="is-live"' : ''}>
<td>v${v.version}</td><td>${h(v.authorName ?? v.author ?? '')}</td>
<td>${h(formatWhen(v.publishedAt, tz))}</td><td>${h(v.note)}</td><td>${h(restored)}</td><td>${action}</td>
</tr>`;
}

function versionOptions(versions: TemplateEditorView['versions'], selected: number): string {
  return versions
    .map(
      (v) =>
        `<option value="${v.version}"${v.version === selected ? ' selected' : ''}>v${v.version}</option>`,
    )
    .join('');
}

/**
 * `GET /console/templates/<name>`: the editor. The live text is in a textarea (escaped) that
 * template-editor.js turns into a CodeMirror editor with problems marked as you type, the
 * preview for the sample leads, publish with a note, the versions with rollback, a diff between
 * any two versions, and the chat preview's section (`chat-preview.js`, the `leadbot:draft` events).
 *
 * @example res.type('html').send(renderTemplateEditor({ user, csrfToken, name, versions, timezone, notice: null }));
 */
export function renderTemplateEditor(v: TemplateEditorView): string {
  const live = v.versions.at(-1);
  const liveNumber = live?.version ?? 1;
  const previous = v.versions.at(-2)?.version ?? liveNumber;
  const name = h(v.name);
  const tabs = PREVIEW_LEADS.map(
    (lead, i) =>
      `<button type="button" role="tab" data-lead="${lead}" aria-selected="${i === 0}">${lead}</button>`,
  ).join('');
  const notice = v.notice === null ? '' : `<p class="notice" role="status">${h(v.notice)}</p>`;
  const body = `${consoleNav(v.user.role, '/console/templates')}
<p><a href="/console/templates">All templates</a></p>
<h1>${name} <span class="live">live v${liveNumber}</span></h1>
<p><a href="/console/templates/${encodeURIComponent(v.name)}/experiment">Experiment for this template</a></p>
${notice}
<div class="studio" id="template-editor" data-template="${name}" data-live="${liveNumber}" data-csrf="${h(v.csrfToken)}">
<section aria-labelledby="draft-title">
<h2 id="draft-title">Draft</h2>
<div id="editor-host"></div>
<textarea id="template-source" aria-label="Template text" spellcheck="false">${h(live?.source ?? '')}</textarea>
<div id="problems" role="status" aria-live="polite"></div>
<form class="publish" id="publish-form">
<label for="publish-note">Note <input id="publish-note" maxlength="500" placeholder="What changed and why"></label>
<button type="submit">Publish</button>
</form>
<div id="publish-result" role="alert"></div>
</section>
<section aria-labelledby="preview-title">
<h2 id="preview-title">Preview</h2>
<div class="tabs" role="tablist" aria-label="Sample lead">${tabs}</div>
<div id="preview-messages" role="tabpanel" aria-live="polite"></div>
</section>
</div>
<section id="chat-preview" data-template="${name}"></section>
<section aria-labelledby="versions-title">
<h2 id="versions-title">Versions</h2>
<table id="versions">
<thead><tr><th scope="col">Version</th><th scope="col">Author</th><th scope="col">Published</th><th scope="col">Note</th><th scope="col">Restored</th><th scope="col"></th></tr></thead>
<tbody>
${[...v.versions]
  .reverse()
  .map((x) => versionRow(x, liveNumber, v.timezone))
  .join('\n')}
</tbody>
</table>
</section>
<section aria-labelledby="diff-title">
<h2 id="diff-title">Compare versions</h2>
<form id="diff-form">
<label>From <select id="diff-from">${versionOptions(v.versions, previous)}</select></label>
<label>To <select id="diff-to">${versionOptions(v.versions, liveNumber)}</select></label>
<button type="submit">Show diff</button>
</form>
<p id="diff-summary" class="muted"></p>
<div id="diff-lines"></div>
</section>
<footer><p class="muted">Signed in as ${h(v.user.name)} (${h(v.user.role)}).</p>${logoutForm(v.csrfToken)}</footer>
<script type="module" src="/console/assets/template-editor.js"></script>
<script type="module" src="/console/assets/chat-preview.js"></script>`;
  return htmlPage(`${v.name} · Templates`, body, TEMPLATES_STYLE);
}
