import { z } from 'zod';
import { SLOTS } from '../lead/slots.js';
import type { Phase } from './conversation-schema.js';

/** Where a conversation stood in schema version 1: six fields, some combinations meaningless. */
const PositionV1Schema = z.object({
  expecting: z.enum(SLOTS).nullable().default(null),
  status: z.enum(['active', 'ended']).default('active'),
  offeredSlots: z.array(z.string()).default([]),
  rescheduling: z.boolean().default(false),
  confirmingCancel: z.boolean().optional(),
  consentAsked: z.boolean().default(false),
});
type PositionV1 = z.output<typeof PositionV1Schema>;

/** The phase a version-1 position meant (the engine of that version read them in this order). */
export function phaseOfV1(p: PositionV1): Phase {
  if (p.status === 'ended')
    return p.confirmingCancel === true ? { kind: 'confirmingCancel' } : { kind: 'ended' };
  if (p.consentAsked) return { kind: 'askingConsent' };
  if (p.expecting === 'booking')
    return { kind: 'offering', purpose: p.rescheduling ? 'move' : 'book', slots: p.offeredSlots };
  return { kind: 'qualifying', asked: p.expecting };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored conversation brought to the current schema version, before it is validated: a
 * document of version 1 (or of no version) gets its `phase` from the fields it replaces, which
 * the schema then drops. Anything else is returned as it is, for the schema to judge.
 *
 * @example migrateConversation({ schemaVersion: 1, expecting: 'budget', ... }) // { schemaVersion: 2, phase: { kind: 'qualifying', asked: 'budget' }, ... }
 */
export function migrateConversation(value: unknown): unknown {
  if (!isRecord(value) || value.schemaVersion === 2) return value;
  if (value.schemaVersion !== undefined && value.schemaVersion !== 1) return value;
  const position = PositionV1Schema.safeParse(value);
  if (!position.success) return value;
  return { ...value, schemaVersion: 2, phase: phaseOfV1(position.data) };
}
