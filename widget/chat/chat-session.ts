import type { ChatMessage, QuickReply } from '../../src/conversation/conversation-schema.js';
import type { PrivacyNotice, VisitorContext } from '../../src/server/socket-events.js';
import { graphemeCount } from '../../src/lib/grapheme-count.js';
import type { KeyValueStore } from '../shared/safe-storage.js';
import {
  isAgentMessage,
  isChatMessage,
  isDelta,
  isErrorAck,
  isHelloOk,
  isMessageOk,
  isTyping,
  privacyNoticeOf,
  repNameOf,
  statusOf,
  quickRepliesOf,
} from './payload-guards.js';
import type { WidgetSocket } from './widget-socket.js';

/** One bubble. `key` is the server id, or the clientId while a visitor message is unsent. */
export type ViewMessage = {
  key: string;
  /** `rep`: a person from the team who joined the chat; `system`: "Ana joined the chat". */
  role: 'visitor' | 'agent' | 'rep' | 'system';
  /** The rep's display name, shown above their message (role `rep`). */
  name?: string;
  text: string;
  /** pending: typed, not yet stored; failed: refused by the server; streaming: deltas arriving. */
  status: 'sent' | 'pending' | 'failed' | 'streaming';
  quickReplies: QuickReply[];
  final: boolean;
};

export type SessionState = {
  connection: 'connecting' | 'online' | 'reconnecting';
  messages: ViewMessage[];
  typing: boolean;
  /** Who is typing when a rep is (their name); null while the assistant is. */
  typingName: string | null;
  /** The last problem worth telling the visitor (a refused message), or null. */
  notice: string | null;
  /** The server's longest message, in characters (as the visitor sees them); from the hello ack. */
  maxChars: number;
  /** The privacy notice from the hello ack, shown until the visitor's first message. */
  privacyNotice: PrivacyNotice | null;
};

export type SessionListener = (state: SessionState, announce: string | null) => void;

export type ChatSession = {
  /** Connects and says hello (resuming the stored session). */
  start(): void;
  /**
   * Sends a message (`label` is what the bubble shows, for quick replies); queued while offline.
   * Returns false, with a notice, when the text is longer than the server accepts: nothing is sent.
   */
  send(text: string, label?: string): boolean;
  /** Forgets the stored session and starts a fresh conversation (after the final message). */
  restart(): void;
  /** The visitor is typing: tells the server (a rep sees it), at most every few seconds. */
  typing(): void;
  subscribe(listener: SessionListener): () => void;
  state(): SessionState;
  stop(): void;
};

export type ChatSessionDeps = {
  socket: WidgetSocket;
  /** localStorage: the session id, so a reload or another page resumes the conversation. */
  storage: KeyValueStore;
  sessionKey: string;
  visitor: () => VisitorContext;
  newId: () => string;
};

type Outgoing = { clientId: string; text: string };

/** The visitor's typing is sent at most this often, and ends after this long without a key. */
const TYPING_EVERY_MS = 2000;
const TYPING_IDLE_MS = 4000;

/** The server's default `server.maxMessageChars`, until its hello ack says otherwise. */
const DEFAULT_MAX_CHARS = 2000;

/**
 * How often a message is sent again after its ack never came (a dropped connection): a message
 * that keeps breaking the connection is shown as not sent instead of being retried forever.
 */
const MAX_ATTEMPTS = 4;

/**
 * Characters as the visitor sees them and the server counts them (grapheme clusters): a
 * family emoji or a flag is one.
 */
export function charCount(text: string): number {
  return graphemeCount(text);
}

/** The server's refusal at connect: socket.io's `connect_error` carrying `data: { code, message }`. */
function isRefusal(e: unknown): e is { data: { code: string; message: string } } {
  return isErrorAck({
    ok: false,
    error: typeof e === 'object' && e !== null && 'data' in e ? e.data : null,
  });
}

/** "Message too long: 2,345 characters, at most 2,000. Please shorten it." */
function tooLongNotice(length: number, max: number): string {
  return `Message too long: ${length.toLocaleString()} characters, at most ${max.toLocaleString()}. Please shorten it.`;
}

/**
 * The history from the server, with the messages it refused (never stored there) kept where
 * they were: after the message they followed. They stay "not sent" instead of vanishing.
 */
function keepFailed(before: ViewMessage[], history: ViewMessage[]): ViewMessage[] {
  const failedAfter = new Map<string | null, ViewMessage[]>();
  let anchor: string | null = null;
  const keys = new Set(history.map((m) => m.key));
  for (const m of before) {
    if (keys.has(m.key)) anchor = m.key;
    else if (m.status === 'failed')
      failedAfter.set(anchor, [...(failedAfter.get(anchor) ?? []), m]);
  }
  if (failedAfter.size === 0) return history;
  const merged = [...(failedAfter.get(null) ?? [])];
  for (const m of history) merged.push(m, ...(failedAfter.get(m.key) ?? []));
  return merged;
}

/**
 * What a stored visitor message shows: its quick reply's label when it was one. The server
 * stores the value; the label is in the quick replies of the agent message just before it
 * (chips show only under the last message, so a click always answers the message before).
 */
function shownText(history: ChatMessage[], i: number, labels: Map<string, string>): string {
  const m = history[i];
  if (m === undefined) return '';
  const known = m.clientId === undefined ? undefined : labels.get(m.clientId);
  if (known !== undefined || m.role !== 'visitor') return known ?? m.text;
  const prev = history[i - 1];
  const picked =
    prev?.role === 'agent'
      ? quickRepliesOf(prev.quickReplies).find((r) => r.value === m.text)
      : undefined;
  return picked?.label ?? m.text;
}

/**
 * The widget's conversation logic, free of DOM: hello and resume, the offline queue, streamed
 * deltas, acks. The view renders its state; tests drive it with a fake socket.
 *
 * Every message gets a clientId when typed and keeps it until the server acks it, through
 * any number of reconnects: the server dedupes by clientId, so a retry never duplicates.
 *
 * @example
 *   const session = createChatSession({ socket, storage, sessionKey, visitor, newId });
 *   session.subscribe((state) => view.render(state));
 *   session.start();
 */
export function createChatSession(deps: ChatSessionDeps): ChatSession {
  const { socket, storage, sessionKey } = deps;
  let state: SessionState = {
    connection: 'connecting',
    messages: [],
    typing: false,
    typingName: null,
    notice: null,
    maxChars: DEFAULT_MAX_CHARS,
    privacyNotice: null,
  };
  const listeners = new Set<SessionListener>();
  const queue: Outgoing[] = [];
  /** Quick-reply labels by clientId: the bubble shows the label, the server stores the value. */
  const labels = new Map<string, string>();
  /** Sends of a message that got no ack, by clientId. */
  const attempts = new Map<string, number>();
  let flushing = false;
  let helloRound = 0;
  let statusCount = 0;
  let typingSentAt = -Infinity;
  let typingIdle: ReturnType<typeof setTimeout> | null = null;
  const stopTyping = (): void => {
    if (typingIdle === null) return;
    clearTimeout(typingIdle);
    typingIdle = null;
    typingSentAt = -Infinity;
    if (state.connection === 'online') socket.notify('visitor:typing', { on: false });
  };

  const update = (patch: Partial<SessionState>, announce: string | null = null): void => {
    state = { ...state, ...patch };
    for (const l of listeners) l(state, announce);
  };
  const patchMessage = (key: string, patch: Partial<ViewMessage>): void => {
    update({ messages: state.messages.map((m) => (m.key === key ? { ...m, ...patch } : m)) });
  };
  const upsertMessage = (msg: ViewMessage, announce: string | null = null): void => {
    const exists = state.messages.some((m) => m.key === msg.key);
    const messages = exists
      ? state.messages.map((m) => (m.key === msg.key ? msg : m))
      : [...state.messages, msg];
    update({ messages, typing: false }, announce);
  };

  const hello = async (): Promise<void> => {
    const round = ++helloRound;
    let res: unknown;
    try {
      res = await socket.request('session:hello', {
        sessionId: storage.get(sessionKey) ?? undefined,
        visitor: deps.visitor(),
      });
    } catch {
      return; // timed out or dropped: the next connect says hello again
    }
    if (round !== helloRound) return; // a newer connection already said hello
    if (!isHelloOk(res)) {
      update({
        notice: isErrorAck(res)
          ? res.error.message
          : 'The chat could not start. Please reload the page.',
      });
      return;
    }
    // The resume token (a secret): the server may hand out a new one (a conversation stored
    // before tokens is given one on its first resume), so the latest ack's is always kept.
    storage.set(sessionKey, res.sessionId);
    const maxChars =
      typeof res.maxMessageChars === 'number' && res.maxMessageChars > 0
        ? res.maxMessageChars
        : state.maxChars;
    const history = res.messages.filter(isChatMessage);
    const stored = new Set(history.map((m) => m.clientId).filter((id) => id !== undefined));
    // A message whose ack was lost is in the history already: it must not be sent again.
    for (let i = queue.length - 1; i >= 0; i--)
      if (stored.has(queue[i]?.clientId ?? '')) queue.splice(i, 1);
    const messages: ViewMessage[] = history.map((m, i) => ({
      key: m.id,
      role: m.role,
      ...(m.role === 'rep' && m.name !== undefined ? { name: m.name } : {}),
      text: shownText(history, i, labels),
      status: 'sent',
      quickReplies: quickRepliesOf(m.quickReplies),
      final: m.final === true,
    }));
    const unsent = state.messages.filter(
      (m) => m.status === 'pending' && queue.some((q) => q.clientId === m.key),
    );
    update({
      connection: 'online',
      messages: [...keepFailed(state.messages, messages), ...unsent],
      maxChars,
      privacyNotice: privacyNoticeOf(res.privacyNotice),
    });
    void flush();
  };

  /** Sends queued messages one at a time, in order; stops (keeping the rest) when offline. */
  const flush = async (): Promise<void> => {
    if (flushing) return;
    flushing = true;
    try {
      while (state.connection === 'online' && queue.length > 0) {
        const item = queue[0];
        if (item === undefined) break;
        let res: unknown;
        try {
          res = await socket.request('visitor:message', item);
        } catch {
          const tries = (attempts.get(item.clientId) ?? 0) + 1;
          attempts.set(item.clientId, tries);
          if (tries < MAX_ATTEMPTS) break; // no ack: kept, and sent again with the same clientId after reconnecting
          queue.shift();
          patchMessage(item.clientId, { status: 'failed' });
          update({ notice: 'Your message could not be sent.' });
          continue;
        }
        queue.shift();
        if (isMessageOk(res)) {
          patchMessage(item.clientId, { status: 'sent' });
        } else if (isErrorAck(res) && res.error.code === 'SESSION_NOT_FOUND') {
          // The server no longer knows this session (its store was reset): start a new one,
          // then send the message there.
          queue.unshift(item);
          storage.remove(sessionKey);
          update({ connection: 'connecting' });
          void hello();
          break;
        } else {
          // Refused (too long, rate limited, invalid): shown as not sent, never sent again.
          patchMessage(item.clientId, { status: 'failed' });
          update({
            notice: isErrorAck(res) ? res.error.message : 'Your message could not be sent.',
          });
        }
      }
    } finally {
      flushing = false;
    }
  };

  const onDelta = (p: unknown): void => {
    if (!isDelta(p)) return;
    const current = state.messages.find((m) => m.key === p.id);
    const text = (current?.text ?? '') + p.text;
    upsertMessage({
      key: p.id,
      role: 'agent',
      text,
      status: 'streaming',
      quickReplies: [],
      final: false,
    });
  };

  const onAgentMessage = (p: unknown): void => {
    if (!isAgentMessage(p)) return;
    // The final text replaces whatever the deltas streamed.
    const repName = repNameOf(p);
    upsertMessage(
      {
        key: p.id,
        role: repName === null ? 'agent' : 'rep',
        ...(repName === null ? {} : { name: repName }),
        text: p.text,
        status: 'sent',
        quickReplies: quickRepliesOf(p.quickReplies),
        final: p.final === true,
      },
      repName === null ? p.text : `${repName}: ${p.text}`,
    );
  };

  /** A rep joined or handed back: a line in the chat says so. */
  const onStatus = (p: unknown): void => {
    const status = statusOf(p);
    if (status === null) return;
    const text = `${status.name} ${status.mode === 'human' ? 'joined' : 'left'} the chat`;
    const line: ViewMessage = {
      key: `status-${++statusCount}`,
      role: 'system',
      text,
      status: 'sent',
      quickReplies: [],
      final: false,
    };
    update({ messages: [...state.messages, line], typing: false, typingName: null }, text);
  };

  return {
    start() {
      socket.on('connect', () => {
        update({ connection: state.messages.length > 0 ? 'reconnecting' : 'connecting' });
        void hello();
      });
      socket.on('disconnect', () => update({ connection: 'reconnecting', typing: false }));
      // A refusal at connect (too many connections from the visitor's network) says why.
      socket.on('connect_error', (e) =>
        update({ connection: 'reconnecting', ...(isRefusal(e) ? { notice: e.data.message } : {}) }),
      );
      socket.on('agent:typing', (p) => {
        if (isTyping(p)) update({ typing: p.on, typingName: p.on ? repNameOf(p) : null });
      });
      socket.on('agent:status', onStatus);
      socket.on('agent:delta', onDelta);
      socket.on('agent:message', onAgentMessage);
      socket.connect();
    },
    send(text, label) {
      const trimmed = text.trim();
      if (trimmed === '') return true;
      const length = charCount(trimmed);
      if (length > state.maxChars) {
        update({ notice: tooLongNotice(length, state.maxChars) });
        return false;
      }
      stopTyping();
      const clientId = deps.newId();
      if (label !== undefined) labels.set(clientId, label);
      queue.push({ clientId, text: trimmed });
      update({
        notice: null,
        messages: [
          ...state.messages,
          {
            key: clientId,
            role: 'visitor',
            text: label ?? trimmed,
            status: 'pending',
            quickReplies: [],
            final: false,
          },
        ],
      });
      void flush();
      return true;
    },
    restart() {
      storage.remove(sessionKey);
      queue.length = 0;
      labels.clear();
      attempts.clear();
      const online = state.connection === 'online';
      update(
        {
          messages: [],
          typing: false,
          notice: null,
          connection: online ? 'connecting' : state.connection,
        },
        'Starting a new chat',
      );
      // Offline, the next connect says hello, now without a session id.
      if (online) void hello();
    },
    typing() {
      if (state.connection !== 'online') return;
      const now = Date.now();
      if (now - typingSentAt >= TYPING_EVERY_MS) {
        typingSentAt = now;
        socket.notify('visitor:typing', { on: true });
      }
      if (typingIdle !== null) clearTimeout(typingIdle);
      typingIdle = setTimeout(stopTyping, TYPING_IDLE_MS);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    state: () => state,
    stop() {
      listeners.clear();
      socket.close();
    },
  };
}
