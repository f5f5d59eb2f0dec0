/** Details of a log line, written beside its message. */
export type LogMeta = Record<string, unknown>;

/**
 * The one Logger of the project: where a part reports what no caller is waiting for (a
 * background write that failed, a delivery dead-lettered, a model that fell back). Every part
 * takes it as a dependency; `main.ts` passes {@link stderrLogger}.
 *
 * @example logger.warn('delivery dead-lettered', { deliveryId });
 */
export type Logger = {
  warn(message: string, meta?: LogMeta): void;
  error(message: string, meta?: LogMeta): void;
  /** Detail an operator asked for (LOG_LEVEL=debug); absent, nothing is written. */
  debug?(message: string, meta?: LogMeta): void;
};

const line = (level: string, message: string, meta?: LogMeta): void =>
  void process.stderr.write(`${JSON.stringify({ level, message, ...meta })}\n`);

/** The default logger: one JSON line per event on stderr (stdout stays free for the CLI). */
export const stderrLogger: Logger = {
  warn: (message, meta) => line('warn', message, meta),
  error: (message, meta) => line('error', message, meta),
};

/** The same, with debug lines. */
export const stderrDebugLogger: Logger = {
  ...stderrLogger,
  debug: (message, meta) => line('debug', message, meta),
};

/** Drops everything: the default of the parts whose reports are optional. */
export const silentLogger: Logger = { warn: () => undefined, error: () => undefined };
