import { LlmError } from './llm-error.js';

/**
 * Runs `task` with an abort signal and gives up after `ms` milliseconds, whatever the task
 * does. The openai SDK's own `timeout` is per attempt and its retry sleep (which honours a
 * server's Retry-After) ignores the signal, so without this outer limit a 429 asking for
 * 30 s would hold the visitor's turn for 30 s. The task is aborted and its late outcome ignored.
 * @example await withDeadline(8000, (signal) => client.chat.completions.create(body, { signal }))
 */
export function withDeadline<T>(ms: number, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new LlmError('timeout', `the model did not answer within ${ms} ms`);
      controller.abort(error);
      reject(error);
    }, ms);
  });
  const running = task(controller.signal);
  // The loser of the race may still reject later (an aborted request); that is expected.
  running.catch(() => undefined);
  return Promise.race([running, expired]).finally(() => clearTimeout(timer));
}
