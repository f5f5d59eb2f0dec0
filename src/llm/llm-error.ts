import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** Why a model call did not give a usable answer. */
export const LLM_FAILURES = [
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
  'bad_request',
  'refusal',
  'malformed',
  'schema',
  'empty',
  'breaker_open',
  'unexpected',
] as const;
export type LlmFailure = (typeof LLM_FAILURES)[number];

/**
 * Failures of the model service itself (it did not answer in time, or answered with an error
 * status). Only these open the circuit breaker: a refusal or a malformed answer depends on the
 * visitor's message, and counting them would let one visitor switch LLM mode off for everyone.
 */
const SERVICE_FAILURES: ReadonlySet<LlmFailure> = new Set(['timeout', 'rate_limited', 'server_error', 'connection']);

/** A model call that failed; the shell falls back to rules and template wording for the turn. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmFailure,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'LlmError';
  }

  /** True when the failure says the service is unhealthy (see SERVICE_FAILURES). */
  get isServiceFailure(): boolean {
    return SERVICE_FAILURES.has(this.kind);
  }
}

/**
 * Maps whatever a model call threw (openai SDK errors, aborts, parse errors) to an LlmError
 * with a kind, keeping the original as `cause`.
 * @example toLlmError(new RateLimitError(429, undefined, 'slow down', new Headers())).kind // 'rate_limited'
 */
export function toLlmError(e: unknown): LlmError {
  if (e instanceof LlmError) return e;
  const text = e instanceof Error ? e.message : String(e);
  // Order matters: the timeout and abort classes extend APIConnectionError / APIError.
  if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError) return new LlmError('timeout', text, { cause: e });
  if (e instanceof APIConnectionError) return new LlmError('connection', text, { cause: e });
  if (e instanceof APIError) {
    const status = e.status ?? 0;
    if (status === 429) return new LlmError('rate_limited', text, { cause: e });
    if (status >= 500 || status === 408 || status === 409) return new LlmError('server_error', text, { cause: e });
    return new LlmError('bad_request', text, { cause: e });
  }
  if (e instanceof SyntaxError) return new LlmError('malformed', text, { cause: e });
  return new LlmError('unexpected', text, { cause: e });
}
