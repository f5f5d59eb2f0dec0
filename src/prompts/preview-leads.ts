import { SAMPLE_VARS } from './sample-vars.js';
import { TEMPLATE_VARS, type TemplateName } from './template-vars.js';

/** The three kinds of lead the editor previews a draft for. */
export const PREVIEW_LEADS = ['qualified', 'nurture', 'researcher'] as const;
export type PreviewLead = (typeof PREVIEW_LEADS)[number];

/**
 * What each sample lead changes in a template's variables, by variable name: a qualified buyer
 * who gave a name, company and email; a nurture lead who gave a name but no company; a
 * researcher who gave nothing and declined a question. A template takes only the names it has.
 */
const LEAD_VALUES: { [L in PreviewLead]: Record<string, unknown> } = {
  qualified: {
    firstName: 'Dana',
    companyName: 'Northwind Logistics',
    missingName: false,
    missingSize: true,
    missingEmail: true,
    hasEmail: true,
    canBook: true,
    declined: false,
    learned: ['your team size', 'your budget'],
    stage: 'SQL',
  },
  nurture: {
    firstName: 'Sam',
    companyName: null,
    missingName: true,
    missingSize: true,
    missingEmail: true,
    hasEmail: true,
    canBook: false,
    declined: false,
    learned: ['your timeline'],
    stage: 'MQL',
  },
  researcher: {
    firstName: null,
    companyName: null,
    missingName: true,
    missingSize: true,
    missingEmail: true,
    hasEmail: false,
    canBook: false,
    declined: true,
    learned: [],
    stage: 'Lead',
  },
};

/**
 * The variables a template is previewed with for one sample lead: the template's samples
 * (sample-vars.ts) with the lead's values for the names the template declares, checked against
 * its zod variables (the samples alone if the lead's values would not fit).
 *
 * @example previewVars('ask-company', 'nurture') // { ..., firstName: 'Sam', companyName: null, missingName: true, ... }
 */
export function previewVars(name: TemplateName, lead: PreviewLead): Record<string, unknown> {
  const samples: Record<string, unknown> = SAMPLE_VARS[name];
  const merged: Record<string, unknown> = { ...samples };
  for (const [key, value] of Object.entries(LEAD_VALUES[lead]))
    if (Object.hasOwn(samples, key)) merged[key] = value;
  const parsed = TEMPLATE_VARS[name].safeParse(merged);
  if (parsed.success) return parsed.data;
  return TEMPLATE_VARS[name].parse(samples);
}
