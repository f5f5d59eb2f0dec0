import type { DraftProblem } from './editor-api.js';

type Message = { kind: string; text: string; quickReplies: { label: string }[] };
type LeadPreview = { lead: string; messages: Message[] };

const isReply = (r: unknown): r is { label: string } =>
  typeof r === 'object' && r !== null && 'label' in r && typeof r.label === 'string';

function messageOf(m: unknown): Message | null {
  if (typeof m !== 'object' || m === null) return null;
  if (!('kind' in m) || typeof m.kind !== 'string' || !('text' in m) || typeof m.text !== 'string')
    return null;
  const replies = 'quickReplies' in m && Array.isArray(m.quickReplies) ? m.quickReplies : [];
  return { kind: m.kind, text: m.text, quickReplies: replies.filter(isReply) };
}

/** The leads of a preview answer, checked piece by piece (no zod in the browser). */
export function leadsOf(body: unknown): LeadPreview[] {
  if (typeof body !== 'object' || body === null || !('leads' in body)) return [];
  if (!Array.isArray(body.leads)) return [];
  return body.leads.flatMap((l: unknown) => {
    if (typeof l !== 'object' || l === null || !('lead' in l) || typeof l.lead !== 'string')
      return [];
    const messages = 'messages' in l && Array.isArray(l.messages) ? l.messages : [];
    return [{ lead: l.lead, messages: messages.map(messageOf).filter((m) => m !== null) }];
  });
}

const el = (tag: string, className: string, text: string): HTMLElement => {
  const node = document.createElement(tag);
  node.className = className;
  node.textContent = text;
  return node;
};

/**
 * The preview panel: one tab per sample lead, showing that lead's messages (first ask and
 * re-ask for a question) with their quick replies. Every text goes in with textContent.
 *
 * @example const panel = mountPreviewPanel(tablist, messagesBox); panel.show(body);
 */
export function mountPreviewPanel(tablist: HTMLElement, box: HTMLElement) {
  let leads: LeadPreview[] = [];
  let selected = tablist.querySelector('[aria-selected="true"]')?.getAttribute('data-lead') ?? '';
  const render = (): void => {
    const lead = leads.find((l) => l.lead === selected) ?? leads[0];
    box.replaceChildren();
    for (const m of lead?.messages ?? []) {
      box.append(el('div', 'kind', m.kind), el('div', 'bubble', m.text));
      if (m.quickReplies.length === 0) continue;
      const replies = el('div', 'replies', '');
      replies.append(...m.quickReplies.map((r) => el('span', '', r.label)));
      box.append(replies);
    }
  };
  for (const tab of tablist.querySelectorAll<HTMLButtonElement>('button[data-lead]')) {
    tab.addEventListener('click', () => {
      selected = tab.dataset.lead ?? '';
      for (const t of tablist.querySelectorAll('button[data-lead]'))
        t.setAttribute('aria-selected', String(t === tab));
      render();
    });
  }
  return {
    /** Shows a preview answer's leads. */
    show(body: unknown): void {
      leads = leadsOf(body);
      render();
    },
    /** Says why there is no preview (the draft has errors). */
    blocked(problems: readonly DraftProblem[]): void {
      leads = [];
      const n = problems.length;
      box.replaceChildren(
        el('p', 'muted', `No preview: the draft has ${n} problem${n === 1 ? '' : 's'} to fix.`),
      );
    },
  };
}
