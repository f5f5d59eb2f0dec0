import { isIP } from 'node:net';

/** What the IP of a request is read from: its socket address and its forwarding header. */
export type RequestAddress = {
  address: string | undefined;
  forwardedFor: string | string[] | undefined;
};

/**
 * The client's IP address. Without a proxy (`trustProxy` false) it is the socket's address:
 * anyone can write an X-Forwarded-For header, so it is ignored. Behind one reverse proxy
 * (`trustProxy` true) it is the last X-Forwarded-For entry, the one the proxy added (entries
 * before it came from the client and prove nothing), as express's `trust proxy: 1` reads it.
 * An IPv4 address written as IPv6 ("::ffff:10.0.0.7") is the IPv4 one, so both count together.
 *
 * @example clientIp({ address: '127.0.0.1', forwardedFor: '6.6.6.6, 203.0.113.9' }, true) // '203.0.113.9'
 */
export function clientIp(request: RequestAddress, trustProxy: boolean): string {
  const own = normalize(request.address ?? '') || 'unknown';
  if (!trustProxy) return own;
  const header = Array.isArray(request.forwardedFor)
    ? request.forwardedFor.join(',')
    : (request.forwardedFor ?? '');
  const last = normalize(header.split(',').at(-1)?.trim() ?? '');
  return isIP(last) === 0 ? own : last;
}

function normalize(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  return mapped?.[1] ?? ip;
}

/** The express setting that reads `req.ip` the same way. */
export const expressTrustProxy = (trustProxy: boolean): number | false => (trustProxy ? 1 : false);
