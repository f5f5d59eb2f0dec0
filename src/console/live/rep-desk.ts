import type { RepDesk } from '../../conversation/chat-shell.js';
import type { Role } from '../users/user.js';

/** The roles that answer a visitor who asks for a person (marketers read leads, they do not chat). */
export const ANSWERING_ROLES: readonly Role[] = ['rep', 'admin'];

export type RepDeskDeps = {
  /** `console.joinTimeoutSeconds`: how long a visitor told "someone is coming" waits for a join. */
  joinTimeoutSeconds: number;
  /** Called when nobody joined in time (the bot then says so); its failure is the caller's to log. */
  onTimeout?: (conversationId: string) => void;
};

/**
 * Who is there to answer a request for a person, and the wait for them. Presence counts the
 * console sockets of users whose role is rep or admin (several tabs of one rep count once each;
 * the rep is online while any is open). The wait is one timer per conversation, in memory:
 * it never keeps the process alive (`unref`), `stop()` clears them all at shutdown, and a
 * restart forgets them (the visitor then hears nothing more from that wait; their request is
 * still in the inbox and in the `lead.handoff_requested` webhook).
 *
 * @example
 *   const desk = createRepDesk({ joinTimeoutSeconds: 120, onTimeout: (id) => fallback(id) });
 *   const leave = desk.connected('rep'); ... leave();
 */
export function createRepDesk(deps: RepDeskDeps): RepDesk & {
  /** A console socket of a user with `role` connected; returns what to call when it goes. */
  connected(role: Role): () => void;
  /** A rep joined the conversation: its wait ends. */
  joined(conversationId: string): void;
  /** Whether a wait is running for the conversation. */
  waiting(conversationId: string): boolean;
  /** Sets the timeout handler (the takeover events, built after the chat service). */
  onTimeout(handler: (conversationId: string) => void): void;
  stop(): void;
} {
  let answering = 0;
  let timeout = deps.onTimeout;
  const waits = new Map<string, NodeJS.Timeout>();
  const clear = (id: string): void => {
    const timer = waits.get(id);
    if (timer !== undefined) clearTimeout(timer);
    waits.delete(id);
  };
  return {
    online: () => answering > 0,
    awaited(id) {
      clear(id);
      const timer = setTimeout(() => {
        waits.delete(id);
        timeout?.(id);
      }, deps.joinTimeoutSeconds * 1000);
      // A wait alone never holds a stopping process open.
      timer.unref();
      waits.set(id, timer);
    },
    connected(role) {
      if (!ANSWERING_ROLES.includes(role)) return () => undefined;
      answering++;
      let gone = false;
      return () => {
        if (!gone) answering--;
        gone = true;
      };
    },
    joined: clear,
    waiting: (id) => waits.has(id),
    onTimeout: (handler) => void (timeout = handler),
    stop() {
      for (const id of [...waits.keys()]) clear(id);
    },
  };
}

export type RepDeskHandle = ReturnType<typeof createRepDesk>;
