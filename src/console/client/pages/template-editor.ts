/**
 * The template editor's script (GET /console/templates/<name>): turns the page's textarea into
 * a CodeMirror editor, checks the draft as the marketer types (problems listed and their lines
 * marked), previews it for the sample leads, publishes it with a note, rolls back an earlier
 * version and shows diffs. For the chat preview (chat-preview.js) it dispatches
 * `leadbot:draft { template, source }` on load, on every change, and on `leadbot:draft-request`.
 */
import { EditorView } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { mountDiffView } from '../templates/diff-view.js';
import {
  errorMessageOf,
  postJson,
  problemsOf,
  type DraftProblem,
} from '../templates/editor-api.js';
import { handlebarsTemplate } from '../templates/handlebars-language.js';
import { mountPreviewPanel } from '../templates/preview-panel.js';
import { problemMarks, setProblemLines } from '../templates/problem-marks.js';
import { showProblems } from '../templates/problems-list.js';

const CHECK_DELAY_MS = 300;
const byId = (id: string): HTMLElement | null => document.getElementById(id);

const root = byId('template-editor');
const textarea = byId('template-source');
const host = byId('editor-host');
const problemsBox = byId('problems');
const tablist = document.querySelector<HTMLElement>('#template-editor [role="tablist"]');
const previewBox = byId('preview-messages');
const result = byId('publish-result');
if (
  root !== null &&
  textarea instanceof HTMLTextAreaElement &&
  host !== null &&
  problemsBox !== null &&
  tablist !== null &&
  previewBox !== null &&
  result !== null
) {
  const template = root.dataset.template ?? '';
  const csrf = root.dataset.csrf ?? '';
  const api = `/console/api/templates/${encodeURIComponent(template)}`;
  const preview = mountPreviewPanel(tablist, previewBox);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let checked = 0;

  const announce = (): void => {
    const detail = { template, source: view.state.doc.toString() };
    window.dispatchEvent(new CustomEvent('leadbot:draft', { detail }));
  };
  const mark = (problems: readonly DraftProblem[]): void => {
    view.dispatch({ effects: setProblemLines.of(problems.map((p) => p.line)) });
    showProblems(problemsBox, problems);
  };
  /** Checks the draft, then previews it when it has no error; a later check wins. */
  const check = async (): Promise<void> => {
    const turn = ++checked;
    const source = view.state.doc.toString();
    const answer = await postJson(`${api}/check`, { source }, csrf);
    if (turn !== checked) return;
    if (answer.status !== 200) return void (problemsBox.textContent = errorMessageOf(answer));
    const problems = problemsOf(answer.body);
    mark(problems);
    const errors = problems.filter((p) => p.severity === 'error');
    if (errors.length > 0) return preview.blocked(errors);
    const shown = await postJson(`${api}/preview`, { source }, csrf);
    if (turn !== checked) return;
    if (shown.status === 200) preview.show(shown.body);
    else preview.blocked(problemsOf(shown.body));
  };
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => void check().catch(() => undefined), CHECK_DELAY_MS);
  };

  const view = new EditorView({
    doc: textarea.value,
    parent: host,
    extensions: [
      basicSetup,
      handlebarsTemplate,
      problemMarks,
      EditorView.lineWrapping,
      EditorView.contentAttributes.of({ 'aria-label': `Text of ${template}` }),
      EditorView.updateListener.of((update) => {
        if (!update.docChanged) return;
        announce();
        schedule();
      }),
    ],
  });
  textarea.hidden = true;

  const publishForm = byId('publish-form');
  const note = byId('publish-note');
  publishForm?.addEventListener('submit', (event) => {
    event.preventDefault();
    const body = {
      source: view.state.doc.toString(),
      note: note instanceof HTMLInputElement ? note.value : '',
    };
    result.textContent = 'Publishing…';
    void postJson(`${api}/versions`, body, csrf).then((a) => {
      const version = versionOf(a.body);
      if (a.status === 201 && version !== null) return location.assign(`?published=${version}`);
      const problems = problemsOf(a.body);
      if (problems.length > 0) mark(problems);
      result.textContent = `Not published. ${errorMessageOf(a)}`;
    });
  });

  for (const button of document.querySelectorAll<HTMLButtonElement>('button.rollback')) {
    button.addEventListener('click', () => {
      const version = Number(button.dataset.version);
      result.textContent = `Rolling back to v${version}…`;
      void postJson(`${api}/rollback`, { version }, csrf).then((a) => {
        const published = versionOf(a.body);
        if (a.status === 201 && published !== null)
          return location.assign(`?published=${published}`);
        result.textContent = `Not rolled back. ${errorMessageOf(a)}`;
      });
    });
  }

  const diffForm = byId('diff-form');
  const summary = byId('diff-summary');
  const lines = byId('diff-lines');
  if (diffForm instanceof HTMLFormElement && summary !== null && lines !== null)
    mountDiffView(diffForm, template, summary, lines);

  window.addEventListener('leadbot:draft-request', announce);
  announce();
  void check().catch(() => undefined);
}

/** The `version` of a publish or rollback answer. */
function versionOf(body: unknown): number | null {
  if (typeof body !== 'object' || body === null || !('version' in body)) return null;
  return typeof body.version === 'number' ? body.version : null;
}
