import { z } from 'zod';
import {
  FIELD_PATHS,
  FIELD_SCHEMAS,
  isFieldPath,
  type Candidate,
  type FieldPath,
  type FieldValue,
} from './field-paths.js';
import { visibleText } from '../lib/visible-text.js';
import { retractedBy } from './retracted-fields.js';

/** Where a value came from: an extractor (`rules`, `llm`) or a rep's correction in the console. */
export const SOURCES = ['rules', 'llm', 'rep'] as const;
export type Source = (typeof SOURCES)[number];

const provenance = {
  source: z.enum(SOURCES),
  messageId: z.string(),
  at: z.iso.datetime(),
  evidence: z.string(),
};

const scalar = z.union([z.string(), z.number(), z.boolean()]);

/** A field's value with where it came from; `history` keeps what it replaced, oldest first. */
export const FieldEntrySchema = z.object({
  value: scalar,
  ...provenance,
  history: z.array(z.object({ value: scalar, ...provenance })).default([]),
});
export type FieldEntry = z.infer<typeof FieldEntrySchema>;

/**
 * A value stored before values were cleaned (`FIELD_SCHEMAS`) that was nothing but invisible
 * characters ("\u202e") is no value: its entry is dropped when read, so the file still loads.
 */
function withoutInvisibleOnly(rec: unknown): unknown {
  if (typeof rec !== 'object' || rec === null) return rec;
  const invisibleOnly = (e: unknown) =>
    typeof e === 'object' &&
    e !== null &&
    'value' in e &&
    typeof e.value === 'string' &&
    e.value.trim() !== '' &&
    visibleText(e.value).trim() === '';
  return Object.fromEntries(Object.entries(rec).filter(([, e]) => !invisibleOnly(e)));
}

/** The lead record: field path -> entry. A path that is absent was never said. */
const LeadRecordSchema = z.record(z.string(), FieldEntrySchema).superRefine((rec, ctx) => {
  for (const [path, entry] of Object.entries(rec)) {
    if (!isFieldPath(path)) {
      ctx.addIssue({ code: 'custom', path: [path], message: `unknown field path "${path}"` });
      continue;
    }
    const ok = FIELD_SCHEMAS[path].safeParse(entry.value);
    if (!ok.success)
      ctx.addIssue({
        code: 'custom',
        path: [path],
        message: ok.error.issues[0]?.message ?? 'invalid value',
      });
  }
});
export const LeadSchema = z.preprocess(withoutInvisibleOnly, LeadRecordSchema);
export type Lead = Partial<Record<FieldPath, FieldEntry>>;

export const EMPTY_LEAD: Lead = Object.freeze({});

/** Reads a field's value, typed by its path. */
export function getField<P extends FieldPath>(lead: Lead, path: P): FieldValue<P> | undefined {
  const entry = lead[path];
  if (entry === undefined) return undefined;
  const parsed = FIELD_SCHEMAS[path].safeParse(entry.value);
  return parsed.success ? (parsed.data as FieldValue<P>) : undefined;
}

export function hasField(lead: Lead, path: FieldPath): boolean {
  return lead[path] !== undefined;
}

export type Provenance = { source: Source; messageId: string; at: string };

/**
 * Applies candidates to the lead. A new value for a known field overrides it (the visitor
 * corrected themselves) and the old value moves to the entry's history; the same value again
 * changes nothing. A statement that there is none withdraws the details said before it
 * (`retractedBy`: "no budget for this" after "$30k a year" leaves no amount). Returns the new
 * lead and the paths that changed.
 */
export function applyCandidates(
  lead: Lead,
  candidates: readonly Candidate[],
  from: Provenance,
): { lead: Lead; changed: FieldPath[] } {
  const next: Lead = { ...lead };
  const changed: FieldPath[] = [];
  for (const c of candidates) {
    const prev = next[c.path];
    if (prev !== undefined && prev.value === c.value) continue;
    const history =
      prev === undefined
        ? []
        : [
            ...prev.history,
            {
              value: prev.value,
              source: prev.source,
              messageId: prev.messageId,
              at: prev.at,
              evidence: prev.evidence,
            },
          ];
    next[c.path] = {
      value: c.value,
      source: c.source ?? from.source,
      messageId: from.messageId,
      at: from.at,
      evidence: c.evidence,
      history,
    };
    if (!changed.includes(c.path)) changed.push(c.path);
  }
  for (const path of retractedBy(candidates)) {
    if (next[path] === undefined) continue;
    delete next[path];
    if (!changed.includes(path)) changed.push(path);
  }
  return { lead: next, changed };
}

/** Removes fields (used when a correction retracts a value without replacing it). */
export function clearFields(lead: Lead, paths: readonly FieldPath[]): Lead {
  const next: Lead = { ...lead };
  for (const p of paths) delete next[p];
  return next;
}

/**
 * A field's value as the outside world reads it. `intent.demo` is a flag: a visitor who never
 * asked for a demo did not ask for one, so it reads false rather than unknown. Every other
 * field the visitor never gave reads null.
 */
export function readField(lead: Lead, path: FieldPath): FieldValue<FieldPath> | null {
  const value = lead[path]?.value;
  if (value !== undefined) return value;
  return path === 'intent.demo' ? false : null;
}

/** The nested plain record the webhook and the eval use: `{ contact: { name, ... }, ... }`. */
export function leadValues(
  lead: Lead,
): Record<string, Record<string, FieldValue<FieldPath> | null>> {
  const out: Record<string, Record<string, FieldValue<FieldPath> | null>> = {};
  for (const path of FIELD_PATHS) {
    const [group, key] = path.split('.') as [string, string];
    const bucket = (out[group] ??= {});
    bucket[key] = readField(lead, path);
  }
  return out;
}
