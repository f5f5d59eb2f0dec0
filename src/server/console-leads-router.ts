import { randomUUID } from 'node:crypto';
import express, { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { consoleUserOf, requireConsoleUser } from '../console/console-auth.js';
import { renderConsoleNotice } from '../console/console-pages.js';
import {
  addNote,
  assignLead,
  correctField,
  reviewLead,
  type ActionContext,
} from '../console/lead/lead-actions.js';
import { cancelLeadMeeting, rescheduleLeadMeeting } from '../console/lead/lead-meeting.js';
import { leadPath } from '../console/lead/lead-page-model.js';
import { fieldTextOf } from '../console/lead/render-record.js';
import { renderLeadPage } from '../console/lead/render-lead-page.js';
import type { Conversation } from '../conversation/conversation-schema.js';
import { AppError, ERROR_CODES, isAppError } from '../errors/app-error.js';
import { isFieldPath } from '../lead/field-paths.js';
import { DELIVERY_ID_PATTERN } from '../handoff/delivery/delivery-schema.js';
import { updateConversation } from '../store/update-conversation.js';
import { loadLeadPage, type ConsoleLeadsRouterDeps } from './console-lead-deps.js';

export type { ConsoleLeadsRouterDeps } from './console-lead-deps.js';

const Id = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);
const AssignBody = z.object({ assignee: z.string().trim().toLowerCase().max(254) });
const CorrectBody = z.object({
  field: z.string().max(64),
  value: z.string().max(2000),
  seen: z.string().max(2000),
});
const ReviewBody = z.object({
  verdict: z.enum(['accepted', 'rejected']),
  reason: z.string().max(500).default(''),
});
const NoteBody = z.object({ text: z.string().max(2000) });
const RescheduleBody = z.object({ start: z.iso.datetime() });

/** What a redirect back to the page says (`?done=`): fixed texts, nothing from the request. */
const DONE = {
  assigned: 'Assignment saved.',
  corrected: 'Correction saved; the lead was re-scored.',
  unchanged: 'The field already had that value; nothing changed.',
  reviewed: 'Review saved.',
  noted: 'Note added.',
  canceled: 'Meeting canceled.',
  rescheduled: 'Meeting moved.',
  redelivered: 'Delivery queued for a new attempt.',
} as const;
type Done = keyof typeof DONE;
const isDone = (s: unknown): s is Done => typeof s === 'string' && Object.hasOwn(DONE, s);

/** Parses a form with `schema`; a missing or invalid field is a BAD_REQUEST that says which. */
function form<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new AppError(
    'BAD_REQUEST',
    `Check the form: ${issue?.path.join('.') || 'input'} ${issue?.message ?? 'is invalid'}.`,
  );
}

/**
 * The console's lead page and its actions: `GET /console/leads/<id>` (every signed-in role), and
 * the forms it posts (reps and admins; CSRF-checked by requireConsoleUser): `assign`, `correct`,
 * `review`, `notes`, `meeting/cancel`, `meeting/reschedule`, and `deliveries/<id>/redeliver`
 * (admins). Each change is saved compare-and-set in the conversation's queue with the rep's
 * action logged, then the browser is sent back to the page with a message; a refused one shows
 * the page again with the reason and changes nothing.
 *
 * @example app.use(createConsoleLeadsRouter({ auth: consoleUi.auth, store, calendar, deliveries, worker, config }));
 */
export function createConsoleLeadsRouter(deps: ConsoleLeadsRouterDeps): Router {
  const { auth, store, config } = deps;
  const clock = deps.clock ?? ((): Date => new Date());
  const newId = deps.newId ?? randomUUID;
  const run = <T>(id: string, task: () => Promise<T>): Promise<T> =>
    deps.queue ? deps.queue.run(id, task) : task();
  const router = Router();
  router.use('/console/leads', express.urlencoded({ extended: false, limit: '8kb' }));
  const anyone = requireConsoleUser(auth, ['rep', 'marketer', 'admin']);
  const workers = requireConsoleUser(auth, ['rep', 'admin']);
  const admins = requireConsoleUser(auth, ['admin']);

  /** The conversation of the request's `:id`, or null after answering 404. */
  async function find(req: Request, res: Response): Promise<Conversation | null> {
    const id = Id.safeParse(req.params.id);
    const conv = id.success ? await store.getConversation(id.data).catch(() => null) : null;
    if (conv === null)
      res
        .status(404)
        .type('html')
        .send(renderConsoleNotice('Lead not found', 'There is no lead with this id.'));
    return conv;
  }

  const contextOf = (req: Request): ActionContext => {
    const { user } = consoleUserOf(req);
    return { actor: { email: user.email, name: user.name }, now: clock(), newId, config };
  };

  /** Runs one action; success redirects back with `done`, a refusal shows the page with the reason. */
  async function act(req: Request, res: Response, task: (conv: Conversation) => Promise<Done>) {
    const conv = await find(req, res);
    if (conv === null) return;
    try {
      const done = await task(conv);
      res.redirect(303, `${leadPath(conv.id)}?done=${done}`);
    } catch (e) {
      if (!isAppError(e)) throw e;
      const fresh = (await store.getConversation(conv.id)) ?? conv;
      const model = await loadLeadPage(deps, req, fresh, { kind: 'error', text: e.message });
      res.status(ERROR_CODES[e.code]).type('html').send(renderLeadPage(model));
    }
  }

  /** Applies `change` to the stored conversation, compare-and-set, in the conversation's queue. */
  const save = (id: string, change: (c: Conversation) => Conversation | null) =>
    run(id, () => updateConversation(store, id, change));

  router.get('/console/leads/:id', anyone, async (req, res) => {
    const conv = await find(req, res);
    if (conv === null) return;
    const done = isDone(req.query.done)
      ? { kind: 'done' as const, text: DONE[req.query.done] }
      : null;
    res.type('html').send(renderLeadPage(await loadLeadPage(deps, req, conv, done)));
  });

  router.post('/console/leads/:id/assign', workers, (req, res) =>
    act(req, res, async (conv) => {
      const { assignee } = form(AssignBody, req.body);
      const user = assignee === '' ? null : await auth.users.get(assignee);
      if (user !== null && (user.disabled || user.role === 'marketer'))
        throw new AppError(
          'BAD_REQUEST',
          `${user.name} cannot take leads (${user.disabled ? 'disabled' : user.role}).`,
        );
      if (assignee !== '' && user === null)
        throw new AppError('BAD_REQUEST', 'There is no such user.');
      const ctx = contextOf(req);
      const to = user === null ? null : { email: user.email, name: user.name };
      await save(conv.id, (c) => assignLead(c, to, ctx));
      return 'assigned';
    }),
  );

  router.post('/console/leads/:id/correct', workers, (req, res) =>
    act(req, res, async (conv) => {
      const body = form(CorrectBody, req.body);
      const path = body.field;
      if (!isFieldPath(path)) throw new AppError('BAD_REQUEST', `There is no field “${path}”.`);
      const ctx = contextOf(req);
      let changed = true;
      await save(conv.id, (c) => {
        const now = fieldTextOf(c, path);
        if (now !== body.seen)
          throw new AppError(
            'CONFLICT',
            `${path} changed to “${now || 'unknown'}” since the page was opened; nothing was changed. Check it and correct it again.`,
          );
        const next = correctField(c, path, body.value, ctx);
        changed = next !== null;
        return next;
      });
      return changed ? 'corrected' : 'unchanged';
    }),
  );

  router.post('/console/leads/:id/review', workers, (req, res) =>
    act(req, res, async (conv) => {
      const { verdict, reason } = form(ReviewBody, req.body);
      const ctx = contextOf(req);
      await save(conv.id, (c) => reviewLead(c, verdict, reason, ctx));
      return 'reviewed';
    }),
  );

  router.post('/console/leads/:id/notes', workers, (req, res) =>
    act(req, res, async (conv) => {
      const { text } = form(NoteBody, req.body);
      const ctx = contextOf(req);
      await save(conv.id, (c) => addNote(c, text, ctx));
      return 'noted';
    }),
  );

  router.post('/console/leads/:id/meeting/cancel', workers, (req, res) =>
    act(req, res, async (conv) => {
      await cancelLeadMeeting(deps, conv, contextOf(req));
      return 'canceled';
    }),
  );

  router.post('/console/leads/:id/meeting/reschedule', workers, (req, res) =>
    act(req, res, async (conv) => {
      const { start } = form(RescheduleBody, req.body);
      await rescheduleLeadMeeting(deps, conv, start, contextOf(req));
      return 'rescheduled';
    }),
  );

  router.post('/console/leads/:id/deliveries/:deliveryId/redeliver', admins, (req, res) =>
    act(req, res, async (conv) => {
      const id = String(req.params.deliveryId);
      const delivery = DELIVERY_ID_PATTERN.test(id) ? await deps.deliveries.get(id) : null;
      if (delivery === null || delivery.conversationId !== conv.id)
        throw new AppError('NOT_FOUND', 'This lead has no such delivery.');
      await deps.worker.redeliver(id);
      return 'redelivered';
    }),
  );
  return router;
}
