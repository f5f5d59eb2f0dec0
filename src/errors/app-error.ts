/** Error codes the edges translate (socket acks, HTTP statuses). */
export const ERROR_CODES = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  SESSION_NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_WRITE: 409,
  PAYLOAD_TOO_LARGE: 413,
  CONVERSATION_FULL: 413,
  /** A template draft with errors (prompt checks): the body lists them. */
  TEMPLATE_INVALID: 422,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** An unexpected or refused operation; only the edges catch it and turn it into a response. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}
