/** A JSON answer of the console's API: its status and parsed body (null when not JSON). */
export type ApiAnswer = { status: number; body: unknown };

/** Reads a JSON answer without trusting it: callers narrow `body` with their own checks. */
async function answer(res: Response): Promise<ApiAnswer> {
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) };
  } catch {
    return { status: res.status, body: null };
  }
}

/**
 * POSTs JSON to the console's own API with the session's CSRF token.
 *
 * @example await postJson('/console/api/templates/ask-budget/check', { source }, csrf)
 */
export async function postJson(url: string, body: unknown, csrf: string): Promise<ApiAnswer> {
  const res = await fetch(url, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
    body: JSON.stringify(body),
  });
  return answer(res);
}

/** GETs JSON from the console's own API. */
export async function getJson(url: string): Promise<ApiAnswer> {
  return answer(await fetch(url, { credentials: 'same-origin' }));
}

/** A problem of a draft as the API reports it. */
export type DraftProblem = { line: number; message: string; severity: 'error' | 'warning' };

const isProblem = (p: unknown): p is DraftProblem =>
  typeof p === 'object' &&
  p !== null &&
  'line' in p &&
  typeof p.line === 'number' &&
  'message' in p &&
  typeof p.message === 'string' &&
  'severity' in p &&
  (p.severity === 'error' || p.severity === 'warning');

/** The `problems` of an answer (check, preview 422, publish 422); [] when it has none. */
export function problemsOf(body: unknown): DraftProblem[] {
  if (typeof body !== 'object' || body === null || !('problems' in body)) return [];
  return Array.isArray(body.problems) ? body.problems.filter(isProblem) : [];
}

/** The `error.message` of a refused request, or a generic text. */
export function errorMessageOf(a: ApiAnswer): string {
  const b = a.body;
  if (typeof b === 'object' && b !== null && 'error' in b) {
    const e = b.error;
    if (typeof e === 'object' && e !== null && 'message' in e && typeof e.message === 'string')
      return e.message;
  }
  return `The server answered ${a.status}.`;
}
