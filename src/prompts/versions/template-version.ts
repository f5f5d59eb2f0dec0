import { z } from 'zod';
import { isTemplateName, type TemplateName } from '../template-vars.js';

/** The longest template text a marketer may publish (the shipped ones are under 1,000). */
export const MAX_TEMPLATE_CHARS = 16_000;

/** A template the code renders (a request names one of these). */
export const TemplateNameSchema = z.custom<TemplateName>(
  (v) => typeof v === 'string' && isTemplateName(v),
  'not a known template',
);

/**
 * One published version of a template, immutable once stored. Version 1 is the template's file
 * in `prompts/` and is never stored; published versions are numbered 2, 3, ... per template.
 */
export const TemplateVersionSchema = z.object({
  /** A plain string when stored: a template the code dropped must not make the file unreadable. */
  template: z.string().min(1),
  version: z.number().int().min(2),
  source: z.string().max(MAX_TEMPLATE_CHARS),
  /** The console user who published it (email) and their display name then. */
  author: z.string().min(1),
  authorName: z.string(),
  note: z.string().max(500),
  publishedAt: z.iso.datetime(),
  /** Set on a rollback: the earlier version whose text this one publishes again. */
  restoredFrom: z.number().int().min(1).optional(),
});
export type TemplateVersion = z.output<typeof TemplateVersionSchema>;

/** What a publish gives: everything but the number, which the store assigns. */
export type VersionDraft = Omit<TemplateVersion, 'version'>;
