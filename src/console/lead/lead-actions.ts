import type { Config } from '../../config/config-schema.js';
import type { Conversation } from '../../conversation/conversation-schema.js';
import { withEvent } from '../../conversation/engine-support.js';
import { withLeadUpdated } from '../../conversation/lead-updated.js';
import { qualifyIfReady } from '../../conversation/proceed.js';
import { AppError } from '../../errors/app-error.js';
import { candidate, FIELD_SCHEMAS, type FieldPath } from '../../lead/field-paths.js';
import { applyCandidates } from '../../lead/lead-record.js';
import type { RepActionKind } from '../console-state.js';

/** The console user who acts: their email and name, as the action log keeps them. */
export type Actor = { email: string; name: string };
/** What every action needs besides its own input. */
export type ActionContext = { actor: Actor; now: Date; newId: () => string; config: Config };

/**
 * Appends one rep action (who, what, when) to the conversation's console log.
 *
 * @example withAction(conv, 'note', ctx, 'added a note')
 */
export function withAction(
  conv: Conversation,
  kind: RepActionKind,
  { actor, now }: Pick<ActionContext, 'actor' | 'now'>,
  detail?: string,
): Conversation {
  const at = now.toISOString();
  const action = { kind, by: actor.email, byName: actor.name, at, ...(detail ? { detail } : {}) };
  return {
    ...conv,
    updatedAt: at,
    console: { ...conv.console, actions: [...conv.console.actions, action] },
  };
}

/**
 * Assigns the lead to a console user (`assignee`: email and name), or unassigns it (null).
 *
 * @example assignLead(conv, { email: 'ben@beacon.example', name: 'Ben' }, ctx)
 */
export function assignLead(
  conv: Conversation,
  assignee: Actor | null,
  ctx: ActionContext,
): Conversation {
  const detail = assignee === null ? 'unassigned the lead' : `assigned to ${assignee.name}`;
  const next = { ...conv, console: { ...conv.console, assignedTo: assignee?.email ?? null } };
  return withAction(next, 'assign', ctx, detail);
}

/**
 * A form's text as the value a field takes: the text itself, else a number, else a yes/no,
 * whichever the field's schema accepts first. Throws AppError('BAD_REQUEST') with the schema's
 * reason when none does.
 *
 * @example parseFieldValue('company.size', '250') // 250
 */
export function parseFieldValue(path: FieldPath, text: string): string | number | boolean {
  const trimmed = text.trim();
  const flags: Record<string, boolean> = { true: true, yes: true, false: false, no: false };
  const tries: unknown[] = [trimmed];
  if (trimmed !== '' && Number.isFinite(Number(trimmed))) tries.push(Number(trimmed));
  const flag = flags[trimmed.toLowerCase()];
  if (flag !== undefined) tries.push(flag);
  let reason = 'invalid value';
  for (const value of tries) {
    const parsed = FIELD_SCHEMAS[path].safeParse(value);
    if (parsed.success) return parsed.data;
    reason = parsed.error.issues[0]?.message ?? reason;
  }
  throw new AppError('BAD_REQUEST', `“${trimmed}” is not a valid ${path}: ${reason}.`);
}

/**
 * A rep's correction of one field: stored with source `rep` and the evidence "corrected by
 * <name>", the old value kept in the field's history; what the engine would do on the same
 * change follows: `lead.qualified` when the lead now reaches SQL for the first time, and
 * `lead.updated` for a lead the CRM already follows up. Null when the value is already that.
 *
 * @example correctField(conv, 'budget.amount', '80000', ctx)
 */
export function correctField(
  conv: Conversation,
  path: FieldPath,
  text: string,
  ctx: ActionContext,
): Conversation | null {
  const value = parseFieldValue(path, text);
  const evidence = `corrected by ${ctx.actor.name}`;
  const c = candidate(path, value, evidence);
  if (c === null) throw new AppError('BAD_REQUEST', `“${text}” is not a valid ${path}.`);
  const at = ctx.now.toISOString();
  const from = { source: 'rep' as const, messageId: `rep-${ctx.newId()}`, at };
  const { lead, changed } = applyCandidates(conv.lead, [c], from);
  if (changed.length === 0) return null;
  const corrected = qualifyIfReady({ ...conv, lead }, ctx.now, ctx);
  const { conversation } = withLeadUpdated(
    conv,
    { conversation: corrected, outputs: [] },
    ctx.now,
    ctx,
  );
  return withAction(conversation, 'correct', ctx, `${path}: ${String(value)}`);
}

/**
 * A rep accepts or rejects the lead with a reason (required to reject); `lead.reviewed` carries
 * the verdict, the reason and the reviewer to the CRM.
 *
 * @example reviewLead(conv, 'rejected', 'a student project', ctx)
 */
export function reviewLead(
  conv: Conversation,
  verdict: 'accepted' | 'rejected',
  reason: string,
  ctx: ActionContext,
): Conversation {
  if (verdict === 'rejected' && reason.trim() === '')
    throw new AppError('BAD_REQUEST', 'Say why the lead is rejected.');
  const review = {
    verdict,
    reason: reason.trim(),
    by: ctx.actor.email,
    byName: ctx.actor.name,
    at: ctx.now.toISOString(),
  };
  const reviewed = withEvent(
    { ...conv, console: { ...conv.console, review } },
    'lead.reviewed',
    ctx.now,
    ctx,
    {
      review,
    },
  );
  return withAction(
    reviewed,
    'review',
    ctx,
    review.reason === '' ? verdict : `${verdict}: ${review.reason}`,
  );
}

/**
 * Adds a rep's note to the lead.
 *
 * @example addNote(conv, 'Called, left a voicemail', ctx)
 */
export function addNote(conv: Conversation, text: string, ctx: ActionContext): Conversation {
  const note = {
    id: ctx.newId(),
    text: text.trim(),
    by: ctx.actor.email,
    byName: ctx.actor.name,
    at: ctx.now.toISOString(),
  };
  if (note.text === '') throw new AppError('BAD_REQUEST', 'The note is empty.');
  const next = { ...conv, console: { ...conv.console, notes: [...conv.console.notes, note] } };
  return withAction(next, 'note', ctx, 'added a note');
}
