import express, { Router, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { slotLabel } from '../booking/availability.js';
import { renderBookingNotice } from '../booking/booking-page.js';
import type { Calendar } from '../booking/calendar.js';
import type { Config } from '../config/config-schema.js';
import { confirmHeldMeeting } from '../email/confirm-held-meeting.js';
import { verifyConfirm } from '../email/confirm-link.js';
import { renderConfirmPage } from '../email/confirm-page.js';
import type { KeyedQueue } from '../lib/keyed-queue.js';
import type { ServerSecret } from '../lib/server-secret.js';
import type { Store } from '../store/store.js';
import { PAGE_HEADERS } from './booking-request.js';
import { isOwnPost } from './booking-access.js';
import { meetingLinks } from '../booking/meeting-links.js';

export type ConfirmRouterDeps = {
  store: Store;
  calendar: Calendar;
  config: Config;
  secret: ServerSecret;
  clock: () => Date;
  newId?: () => string;
  /** The chat service's per-conversation queue: a confirmation waits for a turn in progress. */
  queue?: KeyedQueue;
};

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,128}$/);
const Params = z.object({ conversationId: Id, meetingId: Id });
const Sig = z.object({ sig: z.string().min(1).max(128) });
const PATH = '/meetings/:conversationId/:meetingId/confirm';

/**
 * The confirm links of `booking.confirmEmail`: `GET /meetings/<conversation>/<meeting>/confirm?sig=`
 * shows what is held and a button, and only the button's POST books it (mail scanners open
 * links; a GET changes nothing). Both need the server's signature of that one meeting; a
 * wrong or missing one answers 404 like an unknown meeting, so the link cannot be guessed.
 *
 * @example routers: [createConfirmRouter({ store, calendar, config, secret, clock, queue })]
 */
export function createConfirmRouter(deps: ConfirmRouterDeps): Router {
  const { store, config, clock } = deps;
  const newId = deps.newId ?? randomUUID;
  const router = Router();
  router.use(
    '/meetings',
    express.urlencoded({ extended: false, limit: '4kb' }),
    (_req, res, next) => {
      res.set(PAGE_HEADERS);
      next();
    },
  );

  const notice = (res: Response, status: number, title: string, message: string): void =>
    void res.status(status).type('html').send(renderBookingNotice(title, message));

  /** The link's ids when its signature is the server's; null (answered 404) otherwise. */
  function signed(req: Request, res: Response, sigFrom: unknown) {
    const params = Params.safeParse(req.params);
    const sig = Sig.safeParse(sigFrom);
    if (params.success && sig.success) {
      const { conversationId, meetingId } = params.data;
      if (verifyConfirm(deps.secret, conversationId, meetingId, sig.data.sig))
        return { conversationId, meetingId, sig: sig.data.sig };
    }
    notice(res, 404, 'Link not valid', 'Please open the link exactly as it is in your email.');
    return null;
  }

  const managePage = (meetingId: string): string =>
    meetingLinks(config.server.publicUrl ?? '', deps.secret, meetingId).manageUrl;

  router.get(PATH, async (req, res) => {
    const link = signed(req, res, req.query);
    if (link === null) return;
    const conv = await store.getConversation(link.conversationId).catch(() => null);
    if (conv?.meeting?.id === link.meetingId)
      return notice(
        res,
        200,
        'Your meeting is booked',
        `It is confirmed. To change it: ${managePage(link.meetingId)}`,
      );
    const held = conv?.heldMeeting?.id === link.meetingId ? conv.heldMeeting : undefined;
    if (conv === null || held === undefined)
      return notice(res, 410, 'This hold has ended', 'You can book a new time from the chat.');
    const rep = config.booking.reps.find((r) => r.id === held.repId);
    res.type('html').send(
      renderConfirmPage({
        when: slotLabel(held.start, conv.visitor.timezone, conv.visitor.locale),
        repName: rep?.name ?? 'our team',
        action: req.path,
        sig: link.sig,
      }),
    );
  });

  router.post(PATH, async (req, res) => {
    const link = signed(req, res, req.body);
    if (link === null) return;
    // Only the confirm page's own form confirms: another site cannot post it for the visitor.
    if (!isOwnPost(req, config.server.publicUrl))
      return notice(res, 403, 'Not confirmed', 'Please confirm from the page the email links to.');
    const result = await confirmHeldMeeting({ ...deps, ...link, now: clock(), newId });
    switch (result.kind) {
      case 'booked':
      case 'already':
        return notice(
          res,
          200,
          'Your meeting is booked',
          `Thank you: your email is confirmed and the invite is on its way. To change the time: ${managePage(link.meetingId)}`,
        );
      case 'expired':
        return notice(
          res,
          410,
          'This hold has expired',
          'The time was freed. You can book a new one from the chat.',
        );
      case 'taken':
        return notice(
          res,
          409,
          'That time is no longer free',
          'You can book another time from the chat.',
        );
      case 'not_found':
        return notice(res, 410, 'This hold has ended', 'You can book a new time from the chat.');
    }
  });
  return router;
}
