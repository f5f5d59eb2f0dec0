import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import type { BenchServer } from './rules-server.js';

type Ack = (response: unknown) => void;

/** The slots in the default order, so the driver sends the same answers as to the real server. */
const ORDER = ['authority', 'company', 'budget', 'timeline', 'contact'] as const;

/**
 * The floor: a bare socket.io server (the same socket.io as the real one) that speaks the
 * protocol's shape and nothing more. `session:hello` acks a new session id; `visitor:message`
 * acks at once and replies with the same three events the real gateway sends (typing on, the
 * agent message, typing off). It stores, parses and validates nothing.
 */
export async function startEchoServer(): Promise<BenchServer> {
  const http = createServer();
  const io = new Server(http);
  let sessions = 0;
  let ids = 0;
  io.on('connection', (socket) => {
    let turns = 0;
    socket.on('session:hello', (_payload: unknown, ack: unknown) => {
      if (typeof ack !== 'function') return;
      sessions += 1;
      // socket.io passes the client's ack callback as a function; the floor trusts its client.
      (ack as Ack)({
        ok: true,
        sessionId: `echo-${sessions}`,
        messages: [
          {
            id: 'greeting',
            role: 'agent',
            text: 'Hello',
            at: new Date().toISOString(),
            expecting: null,
          },
        ],
      });
    });
    socket.on('visitor:message', (payload: { text?: unknown }, ack: unknown) => {
      if (typeof ack !== 'function') return;
      ids += 1;
      turns += 1;
      (ack as Ack)({ ok: true, id: `m-${ids}` });
      socket.emit('agent:typing', { on: true });
      const expecting = ORDER[turns - 1] ?? null;
      socket.emit('agent:message', {
        id: `a-${ids}`,
        text: String(payload.text ?? ''),
        expecting,
        quickReplies: [],
        final: expecting === null,
      });
      socket.emit('agent:typing', { on: false });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  // listen() on a TCP host and port always yields an AddressInfo (a string only for pipes).
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        io.close((err) => (err ? reject(err) : resolve()));
        http.closeAllConnections();
      }),
  };
}
