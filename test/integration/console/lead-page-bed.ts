import { freeSlots } from '../../../src/booking/availability.js';
import type { Conversation } from '../../../src/conversation/conversation-schema.js';
import type { HandoffPacket } from '../../../src/handoff/webhook/build-handoff.js';
import { startCrmReceiver } from '../../fakes/crm-receiver.js';
import { closeAfterTest } from '../../helpers/close-after-test.js';
import { consoleUser } from '../../helpers/console-test-bed.js';
import { liveConsoleBed } from '../../helpers/live-console-bed.js';
import { qualifiedConversation, SECRET } from '../../unit/handoff/handoff-fixtures.js';

export const ANA = 'ana@beacon.example'; // rep
export const BEN = 'ben@beacon.example'; // rep
export const MIA = 'mia@beacon.example'; // marketer
export const ADA = 'ada@beacon.example'; // admin

/**
 * The real server with the console and its lead pages, four console users, a stored qualified
 * lead (`conv-q1`, its `lead.qualified` already delivered) and a real CRM receiver on
 * 127.0.0.1 verifying every webhook's signature.
 *
 * @example const bed = await leadPageBed(); const page = await bed.page(await bed.signIn(ANA));
 */
export async function leadPageBed(lead: Partial<Conversation> = {}) {
  const crm = closeAfterTest(await startCrmReceiver({ secrets: [SECRET] }));
  const bed = await liveConsoleBed(
    [
      await consoleUser(ANA, 'rep', 'Ana Lima'),
      await consoleUser(BEN, 'rep', 'Ben Okafor'),
      await consoleUser(MIA, 'marketer', 'Mia Chen'),
      await consoleUser(ADA, 'admin', 'Ada Park'),
    ],
    { crm: { destinations: [{ id: 'crm', url: crm.url, secret: SECRET }] } },
  );
  const { store } = bed.deps;
  await store.saveConversation(qualifiedConversation({ id: 'conv-q1', ...lead }));
  await bed.worker.runDue();
  const url = (id = 'conv-q1', action = '') =>
    `${bed.server.url}/console/leads/${id}${action === '' ? '' : `/${action}`}`;

  /** The lead page's HTML as `cookie` sees it. */
  const page = async (cookie: string | null, id = 'conv-q1') => {
    const res = await fetch(url(id), {
      redirect: 'manual',
      headers: cookie === null ? {} : { cookie },
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };

  /** The CSRF token the console's pages carry for this session. */
  const csrf = async (cookie: string): Promise<string> => {
    const { html } = await page(cookie);
    const m = /name="_csrf" value="([^"]+)"/.exec(html);
    if (m?.[1] === undefined) throw new Error('no CSRF token on the lead page');
    return m[1];
  };

  /**
   * Posts a lead page form as the browser would (the console's Origin and the session's token,
   * unless `origin` or `token` say otherwise: null leaves it out).
   */
  const post = async (
    cookie: string | null,
    action: string,
    fields: Record<string, string> = {},
    opts: { origin?: string | null; token?: string | null; id?: string } = {},
  ) => {
    const token = opts.token === undefined ? (cookie ? await csrf(cookie) : null) : opts.token;
    const origin = opts.origin === undefined ? bed.server.url : opts.origin;
    const res = await fetch(url(opts.id, action), {
      method: 'POST',
      redirect: 'manual',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(cookie === null ? {} : { cookie }),
        ...(origin === null ? {} : { origin }),
      },
      body: new URLSearchParams({ ...(token === null ? {} : { _csrf: token }), ...fields }),
    });
    return { status: res.status, location: res.headers.get('location'), html: await res.text() };
  };

  /** The stored conversation. */
  const stored = async (id = 'conv-q1'): Promise<Conversation> => {
    const conv = await store.getConversation(id);
    if (conv === null) throw new Error(`no conversation ${id}`);
    return conv;
  };

  /** Delivers what is due; every body the CRM accepted, in order. */
  const sent = async (): Promise<HandoffPacket[]> => {
    await bed.worker.runDue();
    return [...crm.processed.values()].map((b) => b as HandoffPacket);
  };

  /** Books the first free slot for the lead, as the chat would, and returns the meeting id. */
  const bookMeeting = async (id = 'conv-q1'): Promise<string> => {
    const [slot] = freeSlots(bed.config.booking, bed.deps.now(), [], 1);
    if (slot === undefined) throw new Error('no free slot');
    const entry = await bed.deps.calendar.claim(slot, { id: 'mtg-1', conversationId: id });
    if (entry === null) throw new Error('the slot was taken');
    const conv = await stored(id);
    const meeting = {
      id: entry.id,
      start: entry.start,
      end: entry.end,
      repId: entry.repId,
      status: 'booked' as const,
      bookedAt: bed.deps.now().toISOString(),
    };
    await store.saveConversation({ ...conv, meeting });
    return entry.id;
  };

  return { ...bed, crm, url, page, csrf, post, stored, sent, bookMeeting };
}
