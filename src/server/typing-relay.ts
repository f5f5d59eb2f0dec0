/**
 * The visitor's typing, from the widget's gateway to whoever listens (the console's reps
 * watching the conversation). A tiny in-process relay, so the gateway knows nothing of the
 * console, and a server without a console simply has no listener.
 */
export type TypingRelay = {
  /** The visitor of `conversationId` started (`on`) or stopped typing. */
  typing(conversationId: string, on: boolean): void;
  onTyping(listener: (conversationId: string, on: boolean) => void): void;
};

/** @example const relay = createTypingRelay(); relay.onTyping((id, on) => ...); relay.typing(id, true); */
export function createTypingRelay(): TypingRelay {
  const listeners: ((conversationId: string, on: boolean) => void)[] = [];
  return {
    typing(conversationId, on) {
      for (const listener of listeners) listener(conversationId, on);
    },
    onTyping: (listener) => void listeners.push(listener),
  };
}
