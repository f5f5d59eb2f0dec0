import { visibleText } from '../lib/visible-text.js';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Text made safe for HTML element content and quoted attribute values. Hand-written because
 * the page has five characters to escape and no template engine (handlebars is for prompts,
 * which are configured with `noEscape`). NUL, other controls and bidirectional overrides are
 * dropped (`visibleText`): HTML forbids the controls, and an override would make a visitor's
 * name read as something else on the page.
 *
 * @example escapeHtml('<b>"Ana"</b>\u202E') // '&lt;b&gt;&quot;Ana&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return visibleText(text).replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
