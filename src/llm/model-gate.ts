import type { CircuitBreaker } from './circuit-breaker.js';
import { LlmError, toLlmError, type LlmFailure } from './llm-error.js';
import { SILENT_LOGGER, type LlmLogger } from './llm-logger.js';
import type { UsageDelta, UsageLedger } from './llm-usage.js';
import { createTurnBudgets } from './turn-budget.js';
import { withDeadline } from './with-deadline.js';

/** What a call is for: it decides what a failure falls back to, and how it is counted. */
export type Purpose = 'extraction' | 'phrasing';
export type Tokens = {
  promptTokens: number;
  cachedPromptTokens?: number;
  completionTokens: number;
};

/**
 * The tokens of a chat completion's `usage` (absent: zeros); cached input from
 * `prompt_tokens_details.cached_tokens`, which not every server reports.
 * @example tokensOf(completion.usage) // { promptTokens: 812, cachedPromptTokens: 768, completionTokens: 64 }
 */
export function tokensOf(
  usage:
    | {
        prompt_tokens: number;
        completion_tokens: number;
        prompt_tokens_details?: { cached_tokens?: number } | null;
      }
    | null
    | undefined,
): Tokens {
  return {
    promptTokens: usage?.prompt_tokens ?? 0,
    cachedPromptTokens: usage?.prompt_tokens_details?.cached_tokens ?? 0,
    completionTokens: usage?.completion_tokens ?? 0,
  };
}

/** One model request let through the gate; it must end in `succeed` or `fail`. */
export type ModelCall = {
  /** Runs the request with an abort signal that fires at the turn's deadline. */
  run<T>(task: (signal: AbortSignal) => Promise<T>): Promise<T>;
  /** The model gave a usable answer. */
  succeed(tokens?: Tokens): void;
  /**
   * The call failed: settles the breaker, counts it, logs it once, and returns the LlmError to
   * throw. `answered`: the service did answer (a stream that broke midway). `fallback: false`:
   * the caller retries another way, so this is no fallback (and it logs the reason itself).
   */
  fail(e: unknown, opts?: { tokens?: Tokens; answered?: boolean; fallback?: boolean }): LlmError;
};

/** The last failure, for reports ("why did every turn fall back?"). */
export type FailureNote = { kind: LlmFailure; message: string; hint: string | null };

/**
 * The one door to the model for extraction and phrasing. It owns the turn's time budget
 * (`llm.timeoutMs` shared by every call of a visitor turn), the circuit breaker's bookkeeping
 * (every call let through settles it exactly once), usage accounting and the failure log lines:
 * each failure is logged once; skipped calls (breaker open, no time left) are counted, not
 * logged, so an open breaker writes one line per cool-down (when it opens); a configuration
 * error is logged once, with its hint, until a call succeeds again.
 */
export type ModelGate = {
  /** Starts a visitor turn: its time budget runs from now. */
  beginTurn(conversationId: string | null): void;
  /** Lets a call through, or throws a counted LlmError (`breaker_open`, `no_time_left`). */
  open(conversationId: string | null, purpose: Purpose): ModelCall;
  /** Counts usage that is not a call (a screened message, rejected proposals). */
  record(conversationId: string | null, delta: UsageDelta): void;
  /** Ends the turn and logs its one-line summary at debug level. */
  endTurn(conversationId: string | null): void;
  lastFailure(): FailureNote | null;
  /** The last call that settled was answered well (false before the first one). */
  answering(): boolean;
};

export type ModelGateDeps = {
  /** The whole turn's budget, `llm.timeoutMs`. */
  budgetMs: number;
  breaker: CircuitBreaker;
  /** How long the breaker stays open, for log lines. */
  cooldownMs: number;
  usage: UsageLedger;
  logger?: LlmLogger;
  /** For configuration error lines: where the requests go. */
  setup?: { baseUrl: string; model: string };
  /** A monotonic milliseconds clock; defaults to performance.now. */
  elapsed?: () => number;
};

const FAILED: Record<Purpose, string> = {
  extraction: 'LLM extraction failed; rules handle this turn',
  phrasing: 'LLM phrasing failed; the template wording is sent',
};

/** @example const gate = createModelGate({ budgetMs: 8000, breaker, cooldownMs: 30_000, usage, logger }); */
export function createModelGate(deps: ModelGateDeps): ModelGate {
  const logger = deps.logger ?? SILENT_LOGGER;
  const elapsed = deps.elapsed ?? (() => performance.now());
  const budgets = createTurnBudgets(deps.budgetMs, elapsed);
  const { breaker, usage } = deps;
  // A call with less time than this would only time out: the template wording is used at once.
  const minCallMs = Math.min(200, deps.budgetMs * 0.1);
  /** Configuration errors already logged (by status and hint), forgotten after a success. */
  const configLogged = new Set<string>();
  let last: FailureNote | null = null;
  let answering = false;

  const record = (id: string | null, delta: UsageDelta): void => {
    usage.record(id, delta);
    budgets.record(id, delta);
  };
  const fallbackOf = (purpose: Purpose): UsageDelta =>
    purpose === 'extraction'
      ? { fallbacks: 1, extractFallbacks: 1 }
      : { fallbacks: 1, phraseFallbacks: 1 };

  /** A call that was not made: counted as a fallback, not logged (the cause was). */
  const skip = (id: string | null, purpose: Purpose, error: LlmError): LlmError => {
    record(id, { failures: 1, kind: error.kind, ...fallbackOf(purpose) });
    return error;
  };

  function logFailure(id: string | null, purpose: Purpose, error: LlmError, opened: boolean): void {
    if (error.kind === 'config') {
      const key = `${error.status ?? ''} ${error.hint ?? error.message}`;
      if (configLogged.has(key)) return;
      configLogged.add(key);
      const pause = `${Math.round(deps.cooldownMs / 1000)} s at a time`;
      const line =
        `LLM configuration error: ${error.hint ?? error.message}. LLM calls are paused (${pause}) ` +
        'and rules and template wording serve the chat until it is fixed';
      (logger.error ?? logger.warn).call(logger, line, {
        status: error.status,
        ...deps.setup,
        error: error.message.slice(0, 300),
      });
      return;
    }
    const suffix = opened
      ? `; circuit breaker open: the LLM is skipped for ${Math.round(deps.cooldownMs / 1000)} s`
      : '';
    logger.warn(`${FAILED[purpose]}${suffix}`, {
      conversationId: id,
      kind: error.kind,
      error: error.message.slice(0, 300),
      ...(opened ? { breaker: 'open', failuresInARow: breaker.failures() } : {}),
    });
  }

  return {
    beginTurn(id) {
      budgets.begin(id);
      record(id, { turns: 1 });
    },
    record,
    endTurn(id) {
      const turn = budgets.finish(id);
      if (!turn || !logger.debug) return;
      const u = turn.usage;
      logger.debug('LLM turn', {
        conversationId: id,
        ms: Math.round(turn.spent()),
        calls: u.calls,
        promptTokens: u.promptTokens,
        cachedPromptTokens: u.cachedPromptTokens,
        completionTokens: u.completionTokens,
        modelMs: Math.round(u.latencyMs),
        fallbacks: u.fallbacks,
        failures: u.failureKinds,
        screened: u.screened,
        rejected: u.rejected,
        breaker: breaker.state(),
      });
    },
    lastFailure: () => last,
    answering: () => answering && breaker.state() === 'closed',

    open(id, purpose) {
      const turn = budgets.current(id);
      if (turn.left() < minCallMs)
        throw skip(
          id,
          purpose,
          new LlmError('no_time_left', `the turn's ${deps.budgetMs} ms for the model are spent`),
        );
      const before = breaker.state();
      if (!breaker.allow())
        throw skip(
          id,
          purpose,
          new LlmError('breaker_open', 'the circuit breaker is open after repeated LLM failures'),
        );
      const started = elapsed();
      let settled = false;
      const settle = (): number => {
        settled = true;
        return elapsed() - started;
      };
      return {
        run: (task) => withDeadline(Math.max(1, turn.left()), task),
        succeed(tokens) {
          if (settled) return;
          const latencyMs = settle();
          answering = true;
          breaker.success();
          configLogged.clear();
          if (before !== 'closed')
            logger.warn('LLM service answering again; circuit breaker closed', {
              conversationId: id,
            });
          record(id, { calls: 1, latencyMs, ...tokens });
        },
        fail(e, opts = {}) {
          const error = toLlmError(e);
          if (settled) return error;
          const latencyMs = settle();
          answering = false;
          const wasOpen = breaker.state() === 'open';
          if (error.kind === 'config') breaker.trip();
          else if (error.isServiceFailure && !opts.answered) breaker.failure();
          else breaker.success();
          const opened = !wasOpen && breaker.state() === 'open';
          const fallback = opts.fallback !== false;
          record(id, {
            calls: 1,
            latencyMs,
            ...opts.tokens,
            failures: 1,
            kind: error.kind,
            ...(fallback ? fallbackOf(purpose) : {}),
          });
          last = { kind: error.kind, message: error.message.slice(0, 300), hint: error.hint };
          if (fallback) logFailure(id, purpose, error, opened);
          return error;
        },
      };
    },
  };
}
