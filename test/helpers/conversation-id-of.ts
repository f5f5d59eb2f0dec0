/**
 * The conversation id inside a resume token (`<conversationId>.<verifier>`), for tests that read
 * the token from the widget's storage and look the conversation up by its id.
 *
 * @example conversationIdOf('c-1.Xq3...') // 'c-1'
 */
export function conversationIdOf(token: string | null | undefined): string {
  if (!token) return '';
  const dot = token.lastIndexOf('.');
  return dot > 0 ? token.slice(0, dot) : token;
}
