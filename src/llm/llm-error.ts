import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';

/** Why a model call did not give a usable answer, or why none was made. */
export const LLM_FAILURES = [
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
  /** 401, 403, 404 (wrong key, base URL or model): the setup is wrong, not the visitor's message. */
  'config',
  /** A 400 about response_format: the server cannot do this JSON mode (another one is tried). */
  'unsupported_format',
  'bad_request',
  'refusal',
  'content_filter',
  /** The answer was cut off (finish_reason "length"). */
  'truncated',
  'malformed',
  'schema',
  'empty',
  /** A rephrased reply lost what the draft must keep (its question, a time, a link). */
  'unfaithful',
  'breaker_open',
  /** The turn's time budget (llm.timeoutMs) was spent before this call could start. */
  'no_time_left',
  'unexpected',
] as const;
export type LlmFailure = (typeof LLM_FAILURES)[number];

/**
 * Failures of the model service itself (it did not answer in time, or answered with an error
 * status). These count toward opening the circuit breaker: a refusal or a malformed answer
 * depends on the visitor's message, and counting them would let one visitor switch LLM mode off
 * for everyone.
 */
const SERVICE_FAILURES: ReadonlySet<LlmFailure> = new Set([
  'timeout',
  'rate_limited',
  'server_error',
  'connection',
]);

/** A model call that failed; the shell falls back to rules or template wording. */
export class LlmError extends Error {
  /** For `config` errors: what to change ("set LLM_MODEL to a model your server serves"). */
  readonly hint: string | null;
  /** The HTTP status the server answered with, when it answered. */
  readonly status: number | null;

  constructor(
    readonly kind: LlmFailure,
    message: string,
    options?: { cause?: unknown; hint?: string | null; status?: number | null },
  ) {
    super(message, options);
    this.name = 'LlmError';
    this.hint = options?.hint ?? null;
    this.status = options?.status ?? null;
  }

  /** True when the failure says the service is unhealthy (see SERVICE_FAILURES). */
  get isServiceFailure(): boolean {
    return SERVICE_FAILURES.has(this.kind);
  }
}

/** Servers name the missing model in many ways: "model 'x' not found", "The model `x` does not exist". */
const MODEL_MISSING = new RegExp(
  [
    String.raw`\bmodel\b.{0,80}\b(?:not found|does not exist|not exist|unknown|no such|not available|try pulling)`,
    String.raw`\b(?:unknown|invalid)\s+model\b`,
    'model_not_found',
  ].join('|'),
  'i',
);
/** A 400 that blames the JSON mode rather than the conversation. */
const FORMAT_UNSUPPORTED =
  /response_format|json_schema|json_object|structured output|guided_json|grammar/i;

/** The hint of a configuration error, from its status and message. */
function configHint(status: number, text: string, code: string | null): string | null {
  if (status === 401 || status === 403)
    return 'the server refused the API key: check OPENAI_API_KEY (or the key your server expects)';
  if (MODEL_MISSING.test(text) || code === 'model_not_found')
    return 'the server does not serve this model: set LLM_MODEL to a model your server serves';
  if (status === 404)
    return 'nothing answers at this address: check LLM_BASE_URL (OpenAI-compatible servers usually end in /v1)';
  return null;
}

/**
 * Maps whatever a model call threw (openai SDK errors, aborts, parse errors) to an LlmError
 * with a kind, keeping the original as `cause`. 401, 403, 404 and "model not found" are
 * configuration errors with a hint; a 400 about response_format is `unsupported_format`.
 * @example toLlmError(new RateLimitError(429, undefined, 'slow down', new Headers())).kind // 'rate_limited'
 */
export function toLlmError(e: unknown): LlmError {
  if (e instanceof LlmError) return e;
  const text = e instanceof Error ? e.message : String(e);
  // Order matters: the timeout and abort classes extend APIConnectionError / APIError.
  if (e instanceof APIConnectionTimeoutError || e instanceof APIUserAbortError)
    return new LlmError('timeout', text, { cause: e });
  if (e instanceof APIConnectionError) return new LlmError('connection', text, { cause: e });
  if (e instanceof APIError) {
    const status = e.status ?? 0;
    const options = { cause: e, status };
    const code = typeof e.code === 'string' ? e.code : null;
    if (status === 429) return new LlmError('rate_limited', text, options);
    if (status >= 500 || status === 408 || status === 409)
      return new LlmError('server_error', text, options);
    const hint = configHint(status, text, code);
    if (status === 401 || status === 403 || status === 404 || hint !== null)
      return new LlmError('config', text, { ...options, hint });
    if (status === 400 && FORMAT_UNSUPPORTED.test(text))
      return new LlmError('unsupported_format', text, options);
    return new LlmError('bad_request', text, options);
  }
  if (e instanceof SyntaxError) return new LlmError('malformed', text, { cause: e });
  return new LlmError('unexpected', text, { cause: e });
}
