import { AppError } from '../../errors/app-error.js';
import type { Delivery } from './delivery-schema.js';
import type { AttemptParts } from './run-attempt.js';

/**
 * An operator's redelivery: the record (whatever its status) is queued for an attempt now, in a
 * new round of retries, and saved. Refused with AppError('NOT_FOUND') for an unknown id, and
 * AppError('CONFLICT') when its destination is no longer configured or is disabled.
 *
 * @example const queued = await restartDelivery('dlv_1', parts);
 */
export async function restartDelivery(
  id: string,
  parts: Pick<AttemptParts, 'deliveries' | 'destinationOf' | 'disabled' | 'ctx' | 'save'>,
): Promise<Delivery> {
  const d = await parts.deliveries.get(id);
  if (d === null) throw new AppError('NOT_FOUND', `no delivery with id "${id}"`);
  const dest = parts.destinationOf(d.destinationId);
  if (dest === undefined)
    throw new AppError('CONFLICT', `destination "${d.destinationId}" is not configured any more`);
  const off = await parts.disabled.of(dest);
  if (off !== null)
    throw new AppError(
      'CONFLICT',
      `destination "${dest.id}" is disabled since ${off.at} (${off.reason}); enable it first`,
    );
  const now = parts.ctx.clock().toISOString();
  const next: Delivery = {
    ...d,
    status: 'pending',
    nextAttemptAt: now,
    roundStart: d.attempts.length,
    reason: null,
    updatedAt: now,
  };
  await parts.save(next);
  return next;
}
