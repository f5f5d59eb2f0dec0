/** What the takeover panel needs from the console socket (a seam: the page passes socket.io's). */
export type PanelSocket = {
  emitWithAck(event: string, payload: unknown): Promise<unknown>;
  emit(event: string, payload: unknown): void;
};

const TYPING_EVERY_MS = 2000;
/** The visitor's typing is shown this long after their last keystroke event. */
const VISITOR_TYPING_MS = 6000;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, text = ''): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  // Text only: names and messages are never parsed as HTML.
  node.textContent = text;
  return node;
}

/** The refusal message of an ack `{ ok: false, error: { message } }`, or null when it was ok. */
function refusal(ack: unknown): string | null {
  if (typeof ack !== 'object' || ack === null || !('ok' in ack))
    return 'No answer from the server.';
  if (ack.ok === true) return null;
  const error =
    'error' in ack && typeof ack.error === 'object' && ack.error !== null ? ack.error : null;
  return error !== null && 'message' in error && typeof error.message === 'string'
    ? error.message
    : 'Refused.';
}

/**
 * The takeover panel inside `#takeover`: Join (the bot stops answering), a message box to the
 * visitor, Hand back (the bot resumes), and "The visitor is typing…". Every action is a socket
 * event with an ack; a refusal (another rep has the chat, a marketer) is shown as it is.
 *
 * @example const panel = mountTakeoverPanel(section, 'c-1', socket); socket.on('visitor:typing', panel.visitorTyping);
 */
export function mountTakeoverPanel(
  section: HTMLElement,
  conversationId: string,
  socket: PanelSocket,
) {
  const heading = el('h2', 'Live chat');
  const status = el('p', 'The bot is answering this visitor.');
  status.setAttribute('role', 'status');
  const join = el('button', 'Join');
  const handBack = el('button', 'Hand back');
  const typing = el('p', 'The visitor is typing\u2026');
  const form = el('form');
  const label = el('label', 'Message to the visitor');
  const input = el('textarea');
  const send = el('button', 'Send');
  const problem = el('p');
  problem.setAttribute('role', 'alert');
  input.id = 'takeover-message';
  label.htmlFor = input.id;
  input.rows = 2;
  join.type = handBack.type = 'button';
  send.type = 'submit';
  form.append(label, input, send);
  section.replaceChildren(heading, status, join, handBack, form, typing, problem);

  let joined = false;
  let typingSentAt = -Infinity;
  let typingTimer: ReturnType<typeof setTimeout> | undefined;
  const render = (): void => {
    join.hidden = joined;
    handBack.hidden = form.hidden = !joined;
    status.textContent = joined
      ? 'You are in this chat: the bot is silent.'
      : 'The bot is answering this visitor.';
  };
  const act = async (event: string, payload: Record<string, unknown> = {}): Promise<boolean> => {
    const why = refusal(
      await socket.emitWithAck(event, { conversationId, ...payload }).catch(() => null),
    );
    problem.textContent = why ?? '';
    return why === null;
  };
  join.addEventListener(
    'click',
    () => void act('join').then((ok) => ok && ((joined = true), render())),
  );
  handBack.addEventListener(
    'click',
    () => void act('handBack').then((ok) => ok && ((joined = false), render())),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = input.value.trim();
    if (text === '') return;
    void act('message', { text }).then((ok) => {
      if (ok) input.value = '';
    });
  });
  input.addEventListener('input', () => {
    const now = Date.now();
    if (!joined || now - typingSentAt < TYPING_EVERY_MS) return;
    typingSentAt = now;
    socket.emit('typing', { conversationId, on: true });
  });
  typing.hidden = true;
  render();

  return {
    /** `visitor:typing` from the server: shown for a few seconds, or until it stops. */
    visitorTyping(p: unknown): void {
      if (typeof p !== 'object' || p === null || !('conversationId' in p) || !('on' in p)) return;
      if (p.conversationId !== conversationId) return;
      clearTimeout(typingTimer);
      typing.hidden = p.on !== true;
      if (p.on === true) typingTimer = setTimeout(() => (typing.hidden = true), VISITOR_TYPING_MS);
    },
  };
}
