import type { Logger } from '../lib/logger.js';
import { LlmError } from './llm-error.js';

/**
 * The chat service's `onError` for the server: logs what failed in a turn, except model
 * failures, which LLM mode has already logged once (and counted) when it fell back. Without
 * this, every fallback would be logged twice and an open breaker would write lines every turn.
 * @example createChatService({ ..., onError: reportChatError(stderrLogger) })
 */
export function reportChatError(
  logger: Pick<Logger, 'error'>,
): (error: unknown, where: string) => void {
  return (error, where) => {
    if (error instanceof LlmError) return;
    logger.error(`chat ${where} failed`, {
      error: error instanceof Error ? error.message : String(error),
    });
  };
}
