/**
 * The console's page for a lead (DESIGN.md "Handoff webhook": the body carries `leadUrl`):
 * `PUBLIC_URL` + `/console/leads/<conversationId>`, relative to the base with a trailing slash so
 * a base with a path ("https://x.example/chat") keeps it. Null without a public URL: a link to
 * this machine's localhost would open nothing for a rep reading Slack or the CRM. The page asks
 * for a login; the id alone grants nothing.
 *
 * @example leadUrl('https://chat.beacon.example', 'c1') // 'https://chat.beacon.example/console/leads/c1'
 */
export function leadUrl(publicUrl: string | undefined, conversationId: string): string | null {
  if (publicUrl === undefined) return null;
  const base = publicUrl.endsWith('/') ? publicUrl : `${publicUrl}/`;
  return new URL(`console/leads/${encodeURIComponent(conversationId)}`, base).href;
}
