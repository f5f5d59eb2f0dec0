import { silentLogger, type Logger } from '../lib/logger.js';

/**
 * Where LLM mode reports failures and rejected proposals: the project's Logger, of which only
 * `warn` is required here. `error` carries configuration errors (wrong key, base URL or model)
 * and falls back to `warn`; `debug` gets the one-line summary of each turn and is dropped when
 * absent.
 */
export type LlmLogger = Pick<Logger, 'warn'> & Partial<Pick<Logger, 'error' | 'debug'>>;

/** Drops everything; the default when no logger is injected. */
export const SILENT_LOGGER: LlmLogger = silentLogger;
