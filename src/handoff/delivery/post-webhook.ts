/** What one POST came back with. */
export type PostResult = {
  /** The HTTP status, or null when no response came. */
  status: number | null;
  /** The first characters of the response body (null without a response). */
  snippet: string | null;
  /** Why no response came (network error, time-out), else null. */
  error: string | null;
  /** The Retry-After header, when sent. */
  retryAfter: string | null;
};

/** The response body kept in the attempt log. */
export const SNIPPET_CHARS = 500;

export type PostRequest = {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  fetch: typeof fetch;
};

/**
 * POSTs one webhook attempt within a time limit (the whole exchange: connect, headers and the
 * snippet of the body). Never throws: a network error or time-out is a result with a null
 * status. Redirects are not followed: a webhook URL that moved is a failure the operator sees.
 *
 * @example const r = await postWebhook({ url, headers, body, timeoutMs: 10_000, fetch }); // { status: 204, ... }
 */
export async function postWebhook(req: PostRequest): Promise<PostResult> {
  const signal = AbortSignal.timeout(req.timeoutMs);
  let res: Response;
  try {
    res = await req.fetch(req.url, {
      method: 'POST',
      headers: req.headers,
      body: req.body,
      redirect: 'manual',
      signal,
    });
  } catch (e) {
    return {
      status: null,
      snippet: null,
      error: describeError(e, req.timeoutMs),
      retryAfter: null,
    };
  }
  let snippet = '';
  try {
    snippet = await readSnippet(res);
  } catch {
    // The status has arrived and decides the outcome; a body cut short only shortens the log.
  }
  return { status: res.status, snippet, error: null, retryAfter: res.headers.get('retry-after') };
}

/** Reads at most SNIPPET_CHARS characters, then drops the rest of the body unread. */
async function readSnippet(res: Response): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  while (text.length < SNIPPET_CHARS) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  await reader.cancel().catch(() => undefined);
  return text.slice(0, SNIPPET_CHARS);
}

function describeError(e: unknown, timeoutMs: number): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError'))
    return `timed out after ${timeoutMs} ms`;
  if (e instanceof Error) {
    // undici reports "fetch failed" and puts the reason (ECONNREFUSED, ...) in `cause`.
    const cause = e.cause instanceof Error ? e.cause : null;
    const code =
      cause !== null && 'code' in cause && typeof cause.code === 'string' ? cause.code : null;
    return cause === null ? e.message : `${e.message}: ${code ?? cause.message}`;
  }
  return String(e);
}
