import type { Config } from '../../config/config-schema.js';
import type { User } from './user.js';

type Rep = Config['booking']['reps'][number];

/**
 * The rep of `booking.reps` a console user is: the one with the same email (case aside), or
 * null for a user who takes no meetings.
 *
 * @example repOfUser(config, user)?.id // 'rep-1'
 */
export function repOfUser(config: Config, user: Pick<User, 'email'>): Rep | null {
  const email = user.email.trim().toLowerCase();
  return config.booking.reps.find((r) => r.email.trim().toLowerCase() === email) ?? null;
}
