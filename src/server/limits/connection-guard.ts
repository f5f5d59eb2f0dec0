import type { Socket } from 'socket.io';
import type { ErrorBody } from '../socket-events.js';
import type { ClientLimits } from './client-limits.js';
import { clientIp } from './client-ip.js';

/** The error socket.io hands the client as `connect_error`, its `data` carrying the code. */
export class ConnectionRefused extends Error {
  readonly data: ErrorBody;
  constructor(body: ErrorBody) {
    super(body.message);
    this.data = body;
  }
}

/** The client IP of a socket, read as `server.trustProxy` says. */
export function socketIp(socket: Pick<Socket, 'handshake'>, trustProxy: boolean): string {
  const { address, headers } = socket.handshake;
  return clientIp({ address, forwardedFor: headers['x-forwarded-for'] }, trustProxy);
}

/**
 * socket.io middleware (`io.use`) that counts the open sockets of each client IP and refuses
 * one past `limits.connectionsPerIp` at connect, with `connect_error` whose `data` is
 * `{ code: 'RATE_LIMITED', message }`. The socket is counted until it or its connection closes.
 *
 * @example io.use(connectionGuard(limits, config.server.trustProxy, 200));
 */
export function connectionGuard(limits: ClientLimits, trustProxy: boolean, max: number) {
  return (socket: Socket, next: (err?: Error) => void): void => {
    const ip = socketIp(socket, trustProxy);
    limits
      .openConnection(ip)
      .then((verdict) => {
        if (!verdict.ok) {
          const message = `Too many connections from your network: at most ${max} at once. Close other chats and try again.`;
          return next(new ConnectionRefused({ code: 'RATE_LIMITED', message }));
        }
        let open = true;
        const close = (): void => {
          if (!open) return;
          open = false;
          limits.closeConnection(ip);
        };
        // Whichever comes first: a socket that never finished connecting has no disconnect.
        socket.once('disconnect', close);
        socket.conn.once('close', close);
        if (socket.conn.readyState !== 'open') close();
        next();
      })
      .catch((e: unknown) => next(e instanceof Error ? e : new Error(String(e))));
  };
}
