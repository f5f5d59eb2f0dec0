import { z } from 'zod';
import { formatIssues } from '../config/load-config.js';
import type { VisitorCaps } from '../config/limits-schema.js';
import { DEFAULT_VISITOR, cappedVisitorSchema, type Visitor } from '../lead/visitor.js';

/**
 * `session:hello`: a resume token (`sessionId`, from an earlier ack) resumes its conversation;
 * anything else starts a new one. A missing visitor context falls back to defaults; a visitor
 * over the caps (config `limits.visitor`) is refused, naming the field.
 *
 * @example parsePayload(helloPayloadSchema(config.limits.visitor), raw, 'session:hello')
 */
export function helloPayloadSchema(caps: VisitorCaps) {
  return z.object({
    sessionId: z.string().min(1).max(128).optional(),
    // A fresh copy each time: the service keeps the object in the conversation it stores.
    visitor: cappedVisitorSchema(caps).default(() => ({ ...DEFAULT_VISITOR })),
  });
}
export type HelloInput = { sessionId?: string | undefined; visitor: Visitor };

/**
 * `visitor:message`. The length cap lives in the gateway (it depends on config and answers
 * with its own code, PAYLOAD_TOO_LARGE); here only the shape.
 */
export const VisitorMessagePayloadSchema = z.object({
  clientId: z.string().min(1).max(128),
  text: z.string().refine((t) => t.trim().length > 0, 'must not be empty'),
});
export type VisitorMessageInput = z.infer<typeof VisitorMessagePayloadSchema>;

/** `visitor:typing` (no ack): whether the visitor is typing. */
export const VisitorTypingPayloadSchema = z.object({ on: z.boolean() });

/** A parse result whose error message names every bad field ("visitor.timezone: unknown IANA time zone"). */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * Parses an untrusted socket payload with a schema, turning zod issues into one readable
 * message prefixed with the event name.
 *
 * @example parsePayload(HelloPayloadSchema, raw, 'session:hello')
 */
export function parsePayload<S extends z.ZodType>(
  schema: S,
  raw: unknown,
  event: string,
): Parsed<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    message: `Invalid ${event} payload: ${formatIssues(parsed.error).replace(/\n/g, '; ')}`,
  };
}
