/** Where LLM mode reports failures and rejected proposals (the server's logger fits). */
export type LlmLogger = {
  warn(message: string, meta?: Record<string, unknown>): void;
};

/** Drops everything; the default when no logger is injected. */
export const SILENT_LOGGER: LlmLogger = { warn: () => undefined };
