import { createHash } from 'node:crypto';

/**
 * The version tag of a built bundle: a short content hash. The loader asks for
 * `/widget/chat.js?v=<tag>`, so the chat bundle can be cached for good and a new build is
 * fetched at once. Build-time code (Node), never shipped to the browser.
 */
export function bundleVersion(code: string): string {
  return createHash('sha256').update(code).digest('hex').slice(0, 12);
}
