import { getJson } from './editor-api.js';

type Line = { op: string; text: string };
const SIGN: Record<string, string> = { added: '+ ', removed: '- ', same: '  ' };

function linesOf(body: unknown): Line[] {
  if (typeof body !== 'object' || body === null || !('lines' in body)) return [];
  if (!Array.isArray(body.lines)) return [];
  return body.lines.flatMap((l: unknown) =>
    typeof l === 'object' &&
    l !== null &&
    'op' in l &&
    typeof l.op === 'string' &&
    'text' in l &&
    typeof l.text === 'string'
      ? [{ op: l.op, text: l.text }]
      : [],
  );
}

/**
 * The diff between two versions chosen in `from` and `to`: fetched from
 * `/console/api/templates/<name>/diff` and shown line by line (added, removed, kept).
 *
 * @example mountDiffView(form, 'ask-budget', summary, out);
 */
export function mountDiffView(
  form: HTMLFormElement,
  name: string,
  summary: HTMLElement,
  out: HTMLElement,
): void {
  const from = form.querySelector<HTMLSelectElement>('#diff-from');
  const to = form.querySelector<HTMLSelectElement>('#diff-to');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const query = new URLSearchParams({ from: from?.value ?? '1', to: to?.value ?? '1' });
    void getJson(`/console/api/templates/${encodeURIComponent(name)}/diff?${query}`).then((a) => {
      const lines = linesOf(a.body);
      const count = (op: string): number => lines.filter((l) => l.op === op).length;
      summary.textContent =
        a.status === 200
          ? `v${query.get('from')} → v${query.get('to')}: ${count('added')} added, ${count('removed')} removed`
          : `No diff (the server answered ${a.status}).`;
      out.replaceChildren(
        ...lines.map((l) => {
          const row = document.createElement('div');
          row.className = `diff-${l.op}`;
          row.textContent = `${SIGN[l.op] ?? '  '}${l.text}`;
          return row;
        }),
      );
    });
  });
}
