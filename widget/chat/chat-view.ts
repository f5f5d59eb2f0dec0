import type { EmbedConfig } from '../shared/embed-config.js';
import { charCount, type SessionState, type ViewMessage } from './chat-session.js';
import { linkify, type TextRun } from './linkify.js';
import { createPrivacyNoticeView } from './privacy-notice-view.js';

export type ChatView = {
  panel: HTMLElement;
  render(state: SessionState, announce: string | null): void;
  show(focus: boolean): void;
  hide(): void;
};

type ViewHandlers = {
  /** False when the message was not sent (too long): the text stays in the input. */
  send(text: string, label?: string): boolean;
  /** Starts a fresh conversation after the final message. */
  restart(): void;
  close(): void;
  /** The visitor typed in the input (a rep who joined sees it). */
  typing?(): void;
};

/** The counter shows from this share of the limit on. */
const COUNT_FROM = 0.8;

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  node.className = className;
  // Text only, ever: visitor and agent words are never parsed as HTML.
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A text run as a DOM node: a text node, or a link opening in a new tab. */
function runNode(run: TextRun): Node {
  if (run.href === undefined) return document.createTextNode(run.text);
  const a = el('a', 'lb-link', run.text);
  a.href = run.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/**
 * Builds the chat panel (a non-modal dialog) inside the widget's shadow root and renders the
 * session state into it: bubbles keyed by message, quick replies under the last agent message,
 * "Start a new chat" after the final one, the typing indicator, the reconnecting banner, a
 * character counter near the length limit, and a live region that announces each new agent
 * message to screen readers.
 */
export function createChatView(
  root: HTMLElement,
  config: EmbedConfig,
  handlers: ViewHandlers,
): ChatView {
  const panel = el('section', 'lb-panel');
  panel.id = 'lb-panel';
  panel.hidden = true;
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-labelledby', 'lb-title');

  const header = el('header', 'lb-header');
  const title = el('h2', 'lb-title', config.title);
  title.id = 'lb-title';
  const close = el('button', 'lb-close', '\u00d7');
  close.type = 'button';
  close.setAttribute('aria-label', 'Close chat');
  close.addEventListener('click', () => handlers.close());
  header.append(title, close);

  const banner = el(
    'p',
    'lb-banner',
    'Reconnecting\u2026 messages you write now are sent when the connection is back.',
  );
  banner.setAttribute('role', 'status');
  banner.hidden = true;
  const list = el('ol', 'lb-messages');
  list.setAttribute('aria-label', 'Conversation');
  list.tabIndex = 0; // scrollable with the keyboard
  const typing = el('div', 'lb-typing');
  typing.hidden = true;
  const typingWho = el('span', 'lb-typing-who');
  const typingSr = el('span', 'lb-sr', 'The assistant is typing');
  typing.append(
    typingWho,
    typingSr,
    el('span', 'lb-dot'),
    el('span', 'lb-dot'),
    el('span', 'lb-dot'),
  );
  const quick = el('div', 'lb-quick');
  quick.setAttribute('role', 'group');
  quick.setAttribute('aria-label', 'Suggested replies');
  const restart = el('button', 'lb-restart', 'Start a new chat');
  restart.type = 'button';
  restart.hidden = true;
  restart.addEventListener('click', () => {
    handlers.restart();
    input.focus();
  });
  const notice = el('p', 'lb-notice');
  notice.setAttribute('role', 'alert');
  notice.hidden = true;

  const form = el('form', 'lb-form');
  const label = el('label', 'lb-sr', 'Your message');
  label.htmlFor = 'lb-input';
  const input = el('textarea', 'lb-input');
  input.id = 'lb-input';
  input.rows = 1;
  input.placeholder = 'Type your message\u2026';
  input.autocomplete = 'off';
  const send = el('button', 'lb-send', '\u27a4');
  send.type = 'submit';
  send.setAttribute('aria-label', 'Send message');
  const count = el('span', 'lb-count');
  count.id = 'lb-count';
  count.hidden = true;
  form.append(label, input, count, send);
  const live = el('div', 'lb-sr');
  live.setAttribute('aria-live', 'polite');

  const privacy = createPrivacyNoticeView();
  input.setAttribute('aria-describedby', count.id);
  panel.append(header, banner, list, typing, quick, restart, notice, privacy.el, form, live);
  root.append(panel);

  let maxChars = Infinity;
  /** "1,950 / 2,000" once the text nears the server's limit; marked when over it. */
  const showCount = (): void => {
    const n = charCount(input.value.trim());
    count.hidden = n < maxChars * COUNT_FROM;
    count.textContent = count.hidden ? '' : `${n.toLocaleString()} / ${maxChars.toLocaleString()}`;
    count.classList.toggle('lb-over', n > maxChars);
  };
  // The input grows with its text up to its max-height (CSS), then scrolls.
  const fit = (): void => {
    input.style.height = 'auto';
    input.style.height = `${input.scrollHeight + 2}px`;
    showCount();
  };
  input.addEventListener('input', fit);
  input.addEventListener('input', () => {
    if (input.value.trim() !== '') handlers.typing?.();
  });
  const submit = (): void => {
    // Too long: nothing is sent, the text stays to be shortened, the notice says why.
    if (!handlers.send(input.value)) return;
    input.value = '';
    fit();
  };
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit();
  });
  input.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter makes a new line; an IME composing a word keeps its Enter.
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      submit();
    }
  });
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') handlers.close();
  });

  const bubbles = new Map<string, { li: HTMLLIElement; text: string; cls: string }>();
  let quickFor: string | null = null;

  const renderMessages = (messages: ViewMessage[]): void => {
    const keys = new Set(messages.map((m) => m.key));
    for (const [key, b] of bubbles) {
      if (!keys.has(key)) {
        b.li.remove();
        bubbles.delete(key);
      }
    }
    messages.forEach((m, i) => {
      const cls = `lb-msg lb-${m.role} lb-${m.status}`;
      let b = bubbles.get(m.key);
      if (!b) {
        b = { li: el('li', cls), text: '', cls };
        bubbles.set(m.key, b);
      }
      if (b.text !== m.text) {
        // Agent messages may carry links (a calendar invite); visitor text stays plain text.
        if (m.role === 'agent')
          b.li.replaceChildren(...linkify(m.text, config.origin).map(runNode));
        else if (m.role === 'rep')
          // A person from the team: their name above their words, both as text.
          b.li.replaceChildren(
            el('span', 'lb-name', m.name ?? 'Our team'),
            el('span', 'lb-body', m.text),
          );
        else b.li.textContent = m.text;
        b.text = m.text;
      }
      if (b.cls !== cls) {
        b.li.className = cls;
        b.cls = cls;
      }
      if (m.status === 'failed') b.li.title = 'Not sent';
      if (list.children[i] !== b.li) list.insertBefore(b.li, list.children[i] ?? null);
    });
  };

  const renderQuickReplies = (messages: ViewMessage[]): void => {
    const last = messages.at(-1);
    const offer =
      last?.role === 'agent' && last.status === 'sent' && last.quickReplies.length > 0
        ? last
        : null;
    if ((offer?.key ?? null) === quickFor) return;
    quickFor = offer?.key ?? null;
    quick.replaceChildren(
      ...(offer?.quickReplies ?? []).map((r) => {
        const b = el('button', 'lb-chip', r.label);
        b.type = 'button';
        b.addEventListener('click', () => {
          handlers.send(r.value, r.label);
          input.focus();
        });
        return b;
      }),
    );
  };

  return {
    panel,
    render(state, announce) {
      const nearBottom = list.scrollHeight - list.scrollTop - list.clientHeight < 80;
      renderMessages(state.messages);
      renderQuickReplies(state.messages);
      const lastAgent = state.messages.findLast((m) => m.role === 'agent');
      restart.hidden = !(lastAgent?.final === true && lastAgent.status === 'sent');
      typing.hidden = !state.typing;
      typingWho.textContent = state.typingName === null ? '' : `${state.typingName} is typing`;
      typingSr.textContent = state.typingName === null ? 'The assistant is typing' : '';
      banner.hidden = state.connection !== 'reconnecting';
      notice.hidden = state.notice === null;
      notice.textContent = state.notice ?? '';
      privacy.render(state);
      // Read with the input while shown; a hidden element would still be read if referenced.
      const describedBy = privacy.el.hidden ? count.id : `${privacy.el.id} ${count.id}`;
      if (input.getAttribute('aria-describedby') !== describedBy)
        input.setAttribute('aria-describedby', describedBy);
      if (maxChars !== state.maxChars) {
        maxChars = state.maxChars;
        showCount();
      }
      if (announce !== null) live.textContent = announce;
      // Last: quick replies, the restart button and the banners take room from the list, so
      // scrolling before they render would leave the newest message partly hidden.
      if (nearBottom) list.scrollTop = list.scrollHeight;
    },
    show(focus) {
      panel.hidden = false;
      list.scrollTop = list.scrollHeight;
      if (focus) input.focus({ preventScroll: true });
    },
    hide() {
      panel.hidden = true;
    },
  };
}
