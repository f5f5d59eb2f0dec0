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
 * which are configured with `noEscape`).
 *
 * @example escapeHtml('<b>"Ana"</b>') // '&lt;b&gt;&quot;Ana&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c] ?? c);
}
