import { consoleUser } from './console-test-bed.js';
import { liveConsoleBed } from './live-console-bed.js';

export const MIA = 'mia@beacon.example';
export const ROOT = 'root@beacon.example';
export const ANA = 'ana@beacon.example';

type Who = { cookie: string; csrf: string } | null;

/**
 * The live console bed with template versions and experiments, a marketer (Mia), an admin and a
 * rep (Ana), and JSON helpers that sign in and send the session's CSRF token as the page would.
 *
 * @example const { bed, session, post } = await experimentBed();
 */
export async function experimentBed(raw: Record<string, unknown> = {}) {
  const bed = await liveConsoleBed(
    [
      await consoleUser(MIA, 'marketer', 'Mia Marketer'),
      await consoleUser(ROOT, 'admin', 'Ria Admin'),
      await consoleUser(ANA, 'rep'),
    ],
    raw,
    { templates: {}, experiments: {} },
  );
  const url = bed.server.url;
  const session = async (email: string) => {
    const cookie = await bed.signIn(email);
    const page = await (await fetch(`${url}/console`, { headers: { cookie } })).text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
    return { cookie, csrf };
  };
  const get = async (who: Who, path: string) => {
    const res = await fetch(`${url}${path}`, {
      headers: who ? { cookie: who.cookie } : {},
      redirect: 'manual',
    });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
  };
  const post = async (who: Who, path: string, body: unknown, opts: { csrf?: boolean } = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        origin: url,
        'content-type': 'application/json',
        ...(who ? { cookie: who.cookie } : {}),
        ...(who && opts.csrf !== false ? { 'x-csrf-token': who.csrf } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
  };
  return { bed, url, session, get, post };
}
