import type { ErrorRequestHandler } from 'express';
import { ERROR_CODES, isAppError, type ErrorCode } from '../errors/app-error.js';
import type { Logger } from '../lib/logger.js';

/** The JSON error body of every HTTP error: `{ error: { code, message } }`. */
export type HttpErrorBody = { error: { code: ErrorCode; message: string } };

/** http-errors (body-parser, send) carry a status and say whether their message is safe to show. */
type ExposedHttpError = { status: number; expose: true; message: string };

function isExposedHttpError(e: unknown): e is ExposedHttpError {
  return (
    typeof e === 'object' &&
    e !== null &&
    'status' in e &&
    typeof e.status === 'number' &&
    'expose' in e &&
    e.expose === true
  );
}

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  404: 'NOT_FOUND',
  413: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  401: 'UNAUTHORIZED',
  409: 'CONFLICT',
};

/**
 * The last express middleware: an AppError gets the status of its code (ERROR_CODES), a client
 * error from express's own parsers keeps its status, anything else is a 500. The body never
 * carries a stack trace or an internal message; unexpected errors are logged instead.
 *
 * @example app.use(errorMiddleware(logger));
 */
export function errorMiddleware(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    // Too late for a clean answer: let express close the connection.
    if (res.headersSent) return next(err);
    let status: number;
    let body: HttpErrorBody;
    if (isAppError(err)) {
      status = ERROR_CODES[err.code];
      body = { error: { code: err.code, message: err.message } };
    } else if (isExposedHttpError(err) && err.status >= 400 && err.status < 500) {
      status = err.status;
      body = { error: { code: CODE_BY_STATUS[err.status] ?? 'BAD_REQUEST', message: err.message } };
    } else {
      status = 500;
      body = { error: { code: 'INTERNAL', message: 'Internal server error' } };
      logger.error('http request failed', {
        method: req.method,
        path: req.path,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      });
    }
    res.status(status).json(body);
  };
}
