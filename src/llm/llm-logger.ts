/**
 * Where LLM mode reports failures and rejected proposals (the server's logger fits). `error`
 * carries configuration errors (wrong key, base URL or model) and falls back to `warn`;
 * `debug` gets the one-line summary of each turn and is dropped when absent.
 */
export type LlmLogger = {
  warn(message: string, meta?: Record<string, unknown>): void;
  error?(message: string, meta?: Record<string, unknown>): void;
  debug?(message: string, meta?: Record<string, unknown>): void;
};

/** Drops everything; the default when no logger is injected. */
export const SILENT_LOGGER: LlmLogger = { warn: () => undefined };
