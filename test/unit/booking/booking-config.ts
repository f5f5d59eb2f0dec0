import { BookingSchema, type BookingConfig } from '../../../src/config/config-schema.js';

/** A booking config through the real schema (defaults applied), with fictional reps. */
export function bookingConfig(overrides: Record<string, unknown> = {}): BookingConfig {
  return BookingSchema.parse({
    reps: [
      { id: 'ana', name: 'Ana Lindqvist', email: 'ana@beacon.example' },
      { id: 'ben', name: 'Ben Okafor', email: 'ben@beacon.example' },
    ],
    ...overrides,
  });
}

/** A label with the narrow spaces some ICU versions put before AM/PM made plain. */
export const plain = (s: string): string => s.replace(/\s/g, ' ');
