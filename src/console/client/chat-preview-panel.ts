import { playPreview, type PreviewAnswer, type PreviewLine } from './chat-preview-api.js';

/** How long the draft must rest before the conversation is replayed with it. */
export const DRAFT_DEBOUNCE_MS = 400;

const NOT_USED_YET =
  'Your draft has not come up in this conversation yet: answer on until it does.';

const STYLE = `#chat-preview .cp-log{list-style:none;margin:0;padding:.5rem;max-height:28rem;overflow:auto;background:#f6f7f9;border-radius:6px}
#chat-preview .cp-log li{margin:.4rem 0;padding:.4rem .6rem;border-radius:8px;white-space:pre-wrap;max-width:85%}
#chat-preview .cp-agent{background:#fff;border:1px solid #d5d9de}
#chat-preview .cp-visitor{background:#1a5fd0;color:#fff;margin-left:auto!important}
#chat-preview .cp-draft{border:2px solid #b35c00;background:#fff7ec}
#chat-preview .cp-badge{display:block;font-size:.75rem;font-weight:700;color:#8a4600;text-transform:uppercase}
#chat-preview .cp-replies button{margin:.25rem .25rem 0 0}
#chat-preview .cp-problem{color:#a40e26;white-space:pre-wrap}`;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Text only: the visitor's words and the draft's are never parsed as HTML.
  node.textContent = text;
  return node;
}

/** What a visitor line shows: the label of the quick reply it was, when it was one. */
function shown(lines: readonly PreviewLine[], i: number): string {
  const line = lines[i];
  if (line === undefined) return '';
  const before = lines[i - 1];
  if (line.role !== 'visitor' || before === undefined) return line.text;
  return before.quickReplies.find((r) => r.value === line.text)?.label ?? line.text;
}

export type PreviewPanelOptions = {
  /** The template the page edits (the section's `data-template`). */
  template: string;
  /** The session's CSRF token (the page's `_csrf` field). */
  csrf: string;
  /** The request; the server's by default (a seam for tests). */
  play?: typeof playPreview;
};

/**
 * The chat preview inside `section`: a chat log, quick replies, a message box and Restart. Every
 * visitor message replays the whole conversation with the latest draft (the server keeps no
 * state); a new draft replays it after {@link DRAFT_DEBOUNCE_MS}. Only the latest answer is shown.
 *
 * @example const panel = mountChatPreview(section, { template: 'ask-budget', csrf }); panel.draft(source);
 */
export function mountChatPreview(section: HTMLElement, options: PreviewPanelOptions) {
  const play = options.play ?? playPreview;
  const heading = el('h2', 'Chat preview');
  const hint = el(
    'p',
    'Talk to the bot as a visitor: it answers with your draft. Nothing is saved or sent.',
  );
  const log = el('ol');
  log.className = 'cp-log';
  log.setAttribute('aria-label', 'Preview conversation');
  log.setAttribute('aria-live', 'polite');
  const replies = el('div');
  replies.className = 'cp-replies';
  const form = el('form');
  const label = el('label', 'Your message, as a visitor');
  const input = el('input');
  input.id = 'chat-preview-message';
  input.autocomplete = 'off';
  label.htmlFor = input.id;
  const send = el('button', 'Send');
  send.type = 'submit';
  const restart = el('button', 'Restart');
  restart.type = 'button';
  const status = el('p', 'Waiting for the draft\u2026');
  status.setAttribute('role', 'status');
  status.className = 'cp-problem';
  form.append(label, input, send);
  const style = el('style', STYLE);
  section.replaceChildren(style, heading, hint, log, replies, form, restart, status);

  let source: string | null = null;
  let messages: string[] = [];
  let playing = false;
  let again = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const render = (lines: readonly PreviewLine[]): void => {
    log.replaceChildren(
      ...lines.map((line, i) => {
        const item = el('li');
        item.className = line.role === 'visitor' ? 'cp-visitor' : 'cp-agent';
        item.dataset.role = line.role;
        if (line.draft) {
          item.classList.add('cp-draft');
          item.dataset.draft = 'true';
          const badge = el('span', 'Your draft');
          badge.className = 'cp-badge';
          item.append(badge);
        }
        item.append(document.createTextNode(shown(lines, i)));
        return item;
      }),
    );
    const last = lines.at(-1);
    const offered = last?.role === 'agent' ? last.quickReplies : [];
    replies.replaceChildren(
      ...offered.map((r) => {
        const button = el('button', r.label);
        button.type = 'button';
        button.addEventListener('click', () => say(r.value));
        return button;
      }),
    );
    log.scrollTop = log.scrollHeight;
  };
  const show = (answer: PreviewAnswer, tried: readonly string[]): void => {
    if (answer.ok) {
      render(answer.transcript);
      const unused = answer.transcript.some((l) => l.draft) ? [] : [NOT_USED_YET];
      status.textContent = [...unused, ...answer.warnings].join('\n');
      return;
    }
    // A refused message is taken back, so the marketer can change it and send it again.
    if (answer.refused === 'input' && tried === messages && tried.length > 0)
      messages = messages.slice(0, -1);
    status.textContent = answer.message;
  };
  /** One request at a time: what changed meanwhile is played once it answers (the latest). */
  const replay = async (): Promise<void> => {
    if (source === null) return;
    if (playing) return void (again = true);
    playing = true;
    try {
      do {
        again = false;
        const tried = messages;
        status.textContent = 'The bot is answering\u2026';
        const answer = await play(options.template, source, tried, options.csrf);
        if (!again) show(answer, tried);
      } while (again);
    } finally {
      playing = false;
    }
  };
  const say = (text: string): void => {
    const trimmed = text.trim();
    if (trimmed === '') return;
    messages = [...messages, trimmed];
    void replay();
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    say(input.value);
    input.value = '';
  });
  restart.addEventListener('click', () => {
    messages = [];
    void replay();
  });
  return {
    /** A new draft: replayed at once the first time, then once the typing rests. */
    draft(next: string): void {
      const first = source === null;
      source = next;
      clearTimeout(timer);
      if (first) void replay();
      else timer = setTimeout(() => void replay(), DRAFT_DEBOUNCE_MS);
    },
  };
}
