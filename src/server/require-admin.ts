import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from '../errors/app-error.js';

/** Compares digests, so neither the length nor the content of the token leaks through timing. */
function sameToken(given: string, expected: string): boolean {
  const digest = (s: string): Buffer => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * Guards admin routes with `Authorization: Bearer <ADMIN_TOKEN>` (401 without it). With no
 * ADMIN_TOKEN configured the routes answer 404, as if they did not exist.
 */
export function requireAdmin(adminToken: string | null): RequestHandler {
  return (req, res, next) => {
    if (adminToken === null)
      return next(new AppError('NOT_FOUND', `No route for ${req.method} ${req.path}`));
    const match = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '');
    if (match?.[1] === undefined || !sameToken(match[1], adminToken)) {
      res.set('WWW-Authenticate', 'Bearer realm="leadbot admin"');
      return next(new AppError('UNAUTHORIZED', 'send Authorization: Bearer <ADMIN_TOKEN>'));
    }
    next();
  };
}
