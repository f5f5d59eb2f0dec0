import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config/config-schema.js';
import { sampleHandoffs } from './sample-handoffs.js';
import { compileWebhookTemplate } from './webhook-template.js';

/** What `npm run prompts:check` reports for one body template in `<promptsDir>/webhooks/`. */
export type WebhookTemplateReport = {
  file: string;
  /** Compile errors, and render errors per sample event (a misspelled variable, invalid JSON). */
  errors: string[];
  /** The samples the template skips (`{{skip}}`), with its reason. */
  skips: string[];
  /** The body for the `lead.qualified` sample, pretty-printed; null when it did not render. */
  preview: string | null;
};

/**
 * Compiles every body template and renders it for each sample event (every event type, and a
 * visitor with no email yet), checking that the result parses as JSON: what a destination would
 * otherwise find out at its first lead.
 *
 * @example checkWebhookTemplates('./prompts', config).filter((r) => r.errors.length > 0)
 */
export function checkWebhookTemplates(promptsDir: string, config: Config): WebhookTemplateReport[] {
  const dir = path.join(promptsDir, 'webhooks');
  if (!existsSync(dir)) return [];
  const samples = sampleHandoffs(config);
  return readdirSync(dir)
    .filter((n) => n.endsWith('.hbs'))
    .sort()
    .map((name) => {
      const file = path.join(dir, name);
      const report: WebhookTemplateReport = { file, errors: [], skips: [], preview: null };
      let render;
      try {
        render = compileWebhookTemplate(readFileSync(file, 'utf8'), file);
      } catch (e) {
        report.errors.push(withoutFile(e, file));
        return report;
      }
      for (const { label, context } of samples) {
        try {
          const out = render(context);
          if ('skip' in out) report.skips.push(`${label}: ${out.skip}`);
          else if (label === 'lead.qualified')
            report.preview = JSON.stringify(JSON.parse(out.body), null, 2);
        } catch (e) {
          report.errors.push(`${withoutFile(e, file)} (sample: ${label})`);
        }
      }
      return report;
    });
}

/** The template's messages start with its file name; the report names the file already. */
function withoutFile(e: unknown, file: string): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.startsWith(file) ? message.slice(file.length).replace(/^:?\s*/, '') : message;
}
