import type { WidgetSocket } from '../../widget/chat/widget-socket.js';

type Request = { event: 'session:hello' | 'visitor:message'; payload: unknown };
/** Answers a request like the server would; return `'no-ack'` to simulate an ack lost in a drop. */
export type Responder = (req: Request) => unknown;

/**
 * A scripted stand-in for the widget's socket seam. Requests go to `respond`; `serverEmits`
 * plays server events; `drop()` and `reconnect()` play the connection's life. A request with
 * no responder fails the test loudly.
 */
export function createFakeWidgetSocket(respond: Responder) {
  const listeners = new Map<string, ((payload: unknown) => void)[]>();
  const requests: Request[] = [];
  /** Events emitted without an ack (the visitor's typing), in order. */
  const notified: { event: string; payload: unknown }[] = [];
  let connected = false;
  let closed = false;
  const fire = (event: string, payload?: unknown): void => {
    for (const l of listeners.get(event) ?? []) l(payload);
  };
  const socket: WidgetSocket = {
    on(event, listener) {
      listeners.set(event, [...(listeners.get(event) ?? []), listener]);
    },
    async request(event, payload) {
      if (!connected)
        throw new Error(
          'fake socket: request while disconnected (the widget should queue instead)',
        );
      requests.push({ event, payload });
      const res = respond({ event, payload });
      if (res === 'no-ack') throw new Error('operation has timed out');
      return res;
    },
    notify(event, payload) {
      notified.push({ event, payload });
    },
    connect() {
      connected = true;
      fire('connect');
    },
    close() {
      closed = true;
      connected = false;
    },
  };
  return {
    socket,
    requests,
    notified,
    isClosed: () => closed,
    serverEmits: fire,
    drop() {
      connected = false;
      fire('disconnect', 'transport close');
    },
    reconnect() {
      connected = true;
      fire('connect');
    },
  };
}

/** Lets pending promise callbacks (acks, the send queue) run. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** A Web Storage stand-in. */
export function memoryStore(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (k: string) => data.get(k) ?? null,
    set: (k: string, v: string) => void data.set(k, v),
    remove: (k: string) => void data.delete(k),
  };
}
