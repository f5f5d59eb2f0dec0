import { addUsage, ZERO_USAGE, type LlmUsage, type UsageDelta } from './llm-usage.js';

/** One visitor turn as LLM mode sees it: its time budget and what it cost so far. */
export type Turn = {
  /** Milliseconds left before the turn's deadline (negative once it passed). */
  left(): number;
  /** Milliseconds since the turn began. */
  spent(): number;
  usage: LlmUsage;
};

/**
 * The per-turn time budget shared by extraction and phrasing (`llm.timeoutMs` for the whole
 * turn, not per call). The extractor begins a turn for its conversation; the phraser's calls of
 * the same turn draw on what is left. The shell handles one message per conversation at a time,
 * so a conversation has at most one turn running. Bounded: old turns are forgotten.
 */
export type TurnBudgets = {
  /** Starts the conversation's turn now (replacing any earlier one). */
  begin(conversationId: string | null): Turn;
  /** The conversation's running turn, or a new one when none is running (or the id is unknown). */
  current(conversationId: string | null): Turn;
  /** Adds to the running turn's usage, if any. */
  record(conversationId: string | null, delta: UsageDelta): void;
  /** Ends the conversation's turn and returns it, or null when none was running. */
  finish(conversationId: string | null): Turn | null;
};

const MAX_OPEN_TURNS = 10_000;

/**
 * @example
 *   const budgets = createTurnBudgets(8000);
 *   budgets.begin('conv-1').left() // 8000
 */
export function createTurnBudgets(
  budgetMs: number,
  elapsed: () => number = () => performance.now(),
): TurnBudgets {
  const open = new Map<string, Turn>();
  const start = (): Turn => {
    const startedAt = elapsed();
    return {
      left: () => startedAt + budgetMs - elapsed(),
      spent: () => elapsed() - startedAt,
      usage: ZERO_USAGE,
    };
  };
  return {
    begin(id) {
      const turn = start();
      if (id === null) return turn;
      open.delete(id);
      open.set(id, turn);
      for (const oldest of open.keys()) {
        if (open.size <= MAX_OPEN_TURNS) break;
        open.delete(oldest);
      }
      return turn;
    },
    current(id) {
      return (id === null ? undefined : open.get(id)) ?? this.begin(id);
    },
    record(id, delta) {
      const turn = id === null ? undefined : open.get(id);
      if (turn) turn.usage = addUsage(turn.usage, delta);
    },
    finish(id) {
      if (id === null) return null;
      const turn = open.get(id) ?? null;
      open.delete(id);
      return turn;
    },
  };
}
