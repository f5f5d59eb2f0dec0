import type { DraftProblem } from './editor-api.js';

/**
 * Lists a draft's problems ("Line 4: quick reply ... ") in `box`, or says the draft is clean.
 *
 * @example showProblems(document.getElementById('problems'), problems);
 */
export function showProblems(box: HTMLElement, problems: readonly DraftProblem[]): void {
  if (problems.length === 0) {
    const ok = document.createElement('p');
    ok.className = 'ok';
    ok.textContent = 'No problems found.';
    box.replaceChildren(ok);
    return;
  }
  const list = document.createElement('ul');
  for (const p of problems) {
    const item = document.createElement('li');
    item.className = `problem-${p.severity}`;
    const where = p.line > 0 ? `Line ${p.line}` : 'Template';
    item.textContent = `${where}: ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}`;
    list.append(item);
  }
  box.replaceChildren(list);
}
