import { DataFile } from 'lowdb/node';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/**
 * A lowdb DataFile (written through steno: a temp file, then an atomic rename) whose every read
 * is validated with `schema`. A file that is not JSON or does not match rejects with
 * AppError('INTERNAL') naming the file, so an operator can repair or remove it.
 *
 * @example const file = jsonDataFile('/data/outbox/deliveries/dlv_1.json', DeliverySchema);
 */
export function jsonDataFile<S extends z.ZodType>(
  filename: string,
  schema: S,
): DataFile<z.output<S>> {
  return new DataFile<z.output<S>>(filename, {
    parse: (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (e) {
        throw new AppError(
          'INTERNAL',
          `${filename} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success)
        throw new AppError(
          'INTERNAL',
          `${filename} is not valid: ${parsed.error.issues[0]?.message ?? 'invalid'}`,
        );
      return parsed.data;
    },
    // Indented, so an operator can read a record with any editor.
    stringify: (data) => JSON.stringify(data, null, 2),
  });
}
