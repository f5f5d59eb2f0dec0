import { io } from 'socket.io-client';

/**
 * The seam between the widget and socket.io: what the chat session needs from a connection.
 * The real one wraps socket.io-client; tests drive the session with a fake.
 */
export type WidgetSocket = {
  /** Lifecycle (`connect`, `disconnect`, `connect_error`) and server events (`agent:*`). */
  on(event: string, listener: (payload: unknown) => void): void;
  /** Emits with an acknowledgement; rejects on timeout or when the connection drops. */
  request(event: 'session:hello' | 'visitor:message', payload: unknown): Promise<unknown>;
  /** Emits without waiting for anything (the visitor's typing). */
  notify(event: 'visitor:typing', payload: unknown): void;
  connect(): void;
  close(): void;
};

const ACK_TIMEOUT_MS = 10_000;
const REFUSED_RETRY_MS = 30_000;

/**
 * Opens (lazily, on `connect()`) a socket.io connection to the leadbot server. socket.io
 * reconnects by itself after a dropped transport; when the server ends the connection on
 * purpose, it does not, so this adapter asks again.
 *
 * @example const socket = createWidgetSocket('https://chat.beacon.example');
 */
export function createWidgetSocket(origin: string): WidgetSocket {
  const socket = io(origin, { autoConnect: false, reconnectionDelayMax: 10_000 });
  socket.on('disconnect', (reason) => {
    if (reason === 'io server disconnect') socket.connect();
  });
  // Refused at connect (too many connections from this network): socket.io does not retry
  // that by itself, so ask again later, when other tabs may have closed.
  socket.on('connect_error', () => {
    if (!socket.active) setTimeout(() => socket.connect(), REFUSED_RETRY_MS);
  });
  return {
    on(event, listener) {
      socket.on(event, listener);
    },
    request(event, payload) {
      return socket.timeout(ACK_TIMEOUT_MS).emitWithAck(event, payload);
    },
    notify(event, payload) {
      socket.emit(event, payload);
    },
    connect() {
      socket.connect();
    },
    close() {
      socket.close();
    },
  };
}
