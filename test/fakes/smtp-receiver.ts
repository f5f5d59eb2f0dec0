import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One part of a received email, decoded. */
export type MailPart = { headers: Record<string, string>; body: string; parts: MailPart[] };
/** One email as the receiver got it: the envelope and the parsed message. */
export type ReceivedMail = { from: string; to: string[]; raw: string; message: MailPart };

export type SmtpReceiver = {
  host: string;
  port: number;
  mails: ReceivedMail[];
  /** Resolves once `count` emails have arrived. */
  waitFor(count: number): Promise<ReceivedMail[]>;
  /** From now on every message is refused (a 451), until `refuse(false)`. */
  refuse(on: boolean): void;
  close(): Promise<void>;
};

function parseHeaders(block: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of block.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return headers;
}

function decode(body: string, encoding: string | undefined): string {
  switch ((encoding ?? '').toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return Buffer.from(
        body
          .replace(/=\r?\n/g, '')
          .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(parseInt(h, 16))),
        'latin1',
      ).toString('utf8');
    default:
      return body;
  }
}

/** A small MIME reader for the tests: headers, multipart bodies, base64 and quoted-printable. */
export function parseMime(raw: string): MailPart {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = parseHeaders(split < 0 ? raw : raw.slice(0, split));
  const body = split < 0 ? '' : raw.slice(split).replace(/^\r?\n\r?\n/, '');
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (boundary === undefined)
    return { headers, body: decode(body, headers['content-transfer-encoding']), parts: [] };
  const parts = body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith('--'))
    .map((p) => parseMime(p.replace(/^\r?\n/, '')));
  return { headers, body: '', parts };
}

/** Every leaf part of a message, depth first. */
export function leafParts(part: MailPart): MailPart[] {
  return part.parts.length === 0 ? [part] : part.parts.flatMap(leafParts);
}

/**
 * A real SMTP server (the `smtp-server` package) on a free port of 127.0.0.1 that keeps every
 * email it accepts; no TLS and no login needed, like a local relay.
 *
 * @example const smtp = closeAfterTest(await startSmtpReceiver()); ... await smtp.waitFor(2);
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const waiters: { count: number; resolve: () => void }[] = [];
  let refusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refusing) {
          const e = Object.assign(new Error('try again later'), { responseCode: 451 });
          callback(e);
          return;
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        mails.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          message: parseMime(raw),
        });
        for (const w of waiters.filter((w) => mails.length >= w.count)) w.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    host: '127.0.0.1',
    port,
    mails,
    waitFor: (count) =>
      mails.length >= count
        ? Promise.resolve(mails.slice())
        : new Promise((resolve) => waiters.push({ count, resolve: () => resolve(mails.slice()) })),
    refuse: (on) => void (refusing = on),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
