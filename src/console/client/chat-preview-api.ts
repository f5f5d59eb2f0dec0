/** One message of a preview, as the server plays it (console-chat-preview-router.ts). */
export type PreviewLine = {
  role: 'visitor' | 'agent' | 'rep';
  text: string;
  quickReplies: { label: string; value: string }[];
  template: string | null;
  draft: boolean;
};

/**
 * What a preview request gave: the transcript, or why there is none (`refused`: the draft,
 * 422; the visitor messages, 400; anything else).
 */
export type PreviewAnswer =
  | { ok: true; transcript: PreviewLine[]; warnings: string[] }
  | { ok: false; refused: 'draft' | 'input' | 'other'; message: string };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

function lineOf(v: unknown): PreviewLine | null {
  if (!isObj(v) || typeof v.text !== 'string') return null;
  const role = v.role === 'visitor' || v.role === 'rep' ? v.role : 'agent';
  const replies = Array.isArray(v.quickReplies) ? v.quickReplies : [];
  return {
    role,
    text: v.text,
    quickReplies: replies.filter(isObj).map((r) => ({ label: str(r.label), value: str(r.value) })),
    template: typeof v.template === 'string' ? v.template : null,
    draft: v.draft === true,
  };
}

/** `line 3: unknown variable "x"` for each problem of an answer's `problems`. */
function problemsOf(body: Record<string, unknown>): string[] {
  const list = Array.isArray(body.problems) ? body.problems : [];
  return list.filter(isObj).map((p) => `line ${String(p.line)}: ${str(p.message)}`);
}

/**
 * Asks the server to play `messages` with the draft `source` of `template`. Never throws: a
 * refusal (bad draft, signed out, offline) comes back as a message to show.
 *
 * @example const answer = await playPreview('ask-budget', source, ['hi'], csrf);
 */
export async function playPreview(
  template: string,
  source: string,
  messages: readonly string[],
  csrf: string,
): Promise<PreviewAnswer> {
  let res: Response;
  let body: unknown;
  try {
    res = await fetch(`/console/api/templates/${encodeURIComponent(template)}/chat-preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({
        source,
        messages,
        timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      }),
    });
    body = await res.json().catch(() => null);
  } catch {
    return { ok: false, refused: 'other', message: 'The preview could not reach the server.' };
  }
  const data = isObj(body) ? body : {};
  if (res.ok && Array.isArray(data.transcript)) {
    const transcript = data.transcript.map(lineOf).filter((l) => l !== null);
    return { ok: true, transcript, warnings: problemsOf(data) };
  }
  const error = isObj(data.error) ? str(data.error.message) : '';
  const message = ((): string => {
    if (res.status === 422) return ['The draft does not render:', ...problemsOf(data)].join('\n');
    if (res.status === 401) return 'Your session has ended: sign in again.';
    if (res.status === 403) return error || 'The preview is not open to you here.';
    return error || `The preview failed (${res.status}).`;
  })();
  const refused = res.status === 422 ? 'draft' : res.status === 400 ? 'input' : 'other';
  return { ok: false, refused, message };
}
