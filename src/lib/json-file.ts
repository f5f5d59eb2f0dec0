import { DataFile, TextFile } from 'lowdb/node';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';

/*
 * JSON files on disk, read through lowdb (steno writes a temp file, then renames it over the
 * old one, so a crash leaves one whole version) and validated on every read. A file that is not
 * JSON or not valid rejects with AppError('INTERNAL') naming it, so an operator can repair or
 * remove it.
 */

/**
 * The value of a JSON file's text; AppError('INTERNAL') naming the file when it is not JSON (an
 * empty or truncated file lands here).
 *
 * @example const json = parseJsonText(text, '/data/calendar/index.json');
 */
export function parseJsonText(text: string, filename: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError(
      'INTERNAL',
      `${filename} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/**
 * Reads a JSON file and validates it with `validate` (which throws on an invalid document);
 * null when the file does not exist.
 *
 * @example const conv = await readJsonFile(file, (json) => parseConversation(json, file));
 */
export async function readJsonFile<T>(
  filename: string,
  validate: (json: unknown) => T,
): Promise<T | null> {
  const text = await new TextFile(filename).read();
  return text === null ? null : validate(parseJsonText(text, filename));
}

export type JsonDataFileOptions = {
  /** What the file holds, for the error ("is not a valid calendar file"); default "is not valid". */
  what?: string;
};

/**
 * A lowdb DataFile whose every read is validated with `schema`, written indented so an operator
 * can read a record with any editor.
 *
 * @example const file = jsonDataFile('/data/outbox/deliveries/dlv_1.json', DeliverySchema);
 */
export function jsonDataFile<S extends z.ZodType>(
  filename: string,
  schema: S,
  options: JsonDataFileOptions = {},
): DataFile<z.output<S>> {
  return new DataFile<z.output<S>>(filename, {
    parse: (text) => {
      const parsed = schema.safeParse(parseJsonText(text, filename));
      if (!parsed.success) {
        const what = options.what === undefined ? 'valid' : `a valid ${options.what}`;
        const issue = parsed.error.issues[0]?.message ?? 'invalid';
        throw new AppError('INTERNAL', `${filename} is not ${what}: ${issue}`);
      }
      return parsed.data;
    },
    stringify: (data) => JSON.stringify(data, null, 2),
  });
}
