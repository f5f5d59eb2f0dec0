import type { Socket } from 'socket.io-client';
import { consoleUser } from './console-test-bed.js';
import { liveConsoleBed } from './live-console-bed.js';
import { connectClient } from './socket-client.js';
import { testVisitor } from './test-visitor.js';

export const ANA = 'ana@beacon.example';
export const BEN = 'ben@beacon.example';
export const MIA = 'mia@beacon.example';

/** Resolves with the next payload of `event` on `socket` that passes `accept`. */
export const nextEvent = <T>(
  socket: Socket,
  event: string,
  accept: (p: T) => boolean = () => true,
): Promise<T> =>
  new Promise<T>((resolve) => {
    const on = (p: T): void => {
      if (!accept(p)) return;
      socket.off(event, on);
      resolve(p);
    };
    socket.on(event, on);
  });

/**
 * A console team (reps Ana and Ben, marketer Mia) on a live console bed, and one visitor who
 * said hello: `say(text)` sends a visitor message and waits for its ack.
 *
 * @example const { bed, visitor, say, id } = await consoleTeam({ console: { joinTimeoutSeconds: 1 } });
 */
export async function consoleTeam(raw: Record<string, unknown> = {}) {
  const bed = await liveConsoleBed(
    [
      await consoleUser(ANA, 'rep', 'Ana Lima'),
      await consoleUser(BEN, 'rep', 'Ben Okafor'),
      await consoleUser(MIA, 'marketer', 'Mia Chen'),
    ],
    raw,
  );
  const visitor = await connectClient(bed.server.url);
  const hello = await visitor.emitWithAck('session:hello', { visitor: testVisitor() });
  if (!hello.ok) throw new Error(hello.error.message);
  let sent = 0;
  const say = async (text: string) => {
    const ack = await visitor.emitWithAck('visitor:message', { clientId: `c${++sent}`, text });
    if (!ack.ok) throw new Error(ack.error.message);
  };
  return { bed, visitor, say, id: hello.conversationId, sessionId: hello.sessionId };
}
