import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** What the receiver answers to one request. */
export type ScriptedResponse =
  | { status: number; headers?: Record<string, string>; body?: string }
  /** Never answers (the sender's time limit must end the attempt). */
  | { hang: true }
  /** Drops the connection without an answer (a network error for the sender). */
  | { drop: true };

/** One request as received, with the outcome of verifying its signature. */
export type ReceivedRequest = {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  webhookId: string | null;
  /** The secrets (by index in `secrets`) whose `Webhook.verify` accepted the request. */
  verifiedWith: number[];
  /** Why verification failed with each secret that refused it. */
  verifyErrors: string[];
  answered: number | 'hang' | 'drop';
};

export type CrmReceiver = {
  url: string;
  requests: ReceivedRequest[];
  /** Bodies processed once per webhook-id (an idempotent receiver): id -> parsed body. */
  processed: Map<string, unknown>;
  /** Queues answers for the next requests; when the queue is empty, the default answer applies. */
  respond(...responses: ScriptedResponse[]): void;
  /** How many requests carried this webhook-id. */
  countOf(webhookId: string): number;
  close(): Promise<void>;
};

/**
 * A real CRM endpoint on 127.0.0.1, port 0, for tests: it verifies every request with the
 * `standardwebhooks` library (`Webhook.verify`, against each secret given), records it, and
 * answers from a script. Without a script it answers like an idempotent receiver should: 204
 * and the body processed once per webhook-id when a signature verifies, 401 when none does
 * (200 for any request when no secret is given, as for a Slack URL).
 *
 * @example
 *   const crm = await startCrmReceiver({ secrets: ['whsec_...'] });
 *   crm.respond({ status: 503 }, { status: 503 }); // then 204
 */
export async function startCrmReceiver(options: { secrets?: string[] } = {}): Promise<CrmReceiver> {
  const secrets = options.secrets ?? [];
  const verifiers = secrets.map((s) => new Webhook(s));
  const requests: ReceivedRequest[] = [];
  const processed = new Map<string, unknown>();
  const script: ScriptedResponse[] = [];
  const hanging = new Set<ServerResponse>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const verifiedWith: number[] = [];
      const verifyErrors: string[] = [];
      verifiers.forEach((wh, i) => {
        try {
          wh.verify(body, headers);
          verifiedWith.push(i);
        } catch (e) {
          verifyErrors.push(e instanceof Error ? e.message : String(e));
        }
      });
      const webhookId = headers['webhook-id'] ?? null;
      const verified = secrets.length === 0 || verifiedWith.length > 0;
      const next =
        script.shift() ??
        (verified ? { status: 204 } : { status: 401, body: 'signature did not verify' });
      const entry: ReceivedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers,
        body,
        webhookId,
        verifiedWith,
        verifyErrors,
        answered: 0,
      };
      requests.push(entry);
      if ('hang' in next) {
        entry.answered = 'hang';
        hanging.add(res);
        return;
      }
      if ('drop' in next) {
        entry.answered = 'drop';
        req.socket.destroy();
        return;
      }
      entry.answered = next.status;
      // Processing is idempotent: only a verified, accepted request counts, once per webhook-id.
      if (
        verified &&
        next.status >= 200 &&
        next.status < 300 &&
        webhookId !== null &&
        !processed.has(webhookId)
      ) {
        processed.set(webhookId, JSON.parse(body));
      }
      res.writeHead(next.status, { 'content-type': 'text/plain', ...next.headers });
      res.end(next.body ?? '');
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/leads`,
    requests,
    processed,
    respond: (...responses) => void script.push(...responses),
    countOf: (id) => requests.filter((r) => r.webhookId === id).length,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
