import { z } from 'zod';

/** What a console user may do: a rep works leads, a marketer reads them, an admin does all. */
export const ROLES = ['rep', 'marketer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const RoleSchema = z.enum(ROLES);

/** An email as the console keys it: trimmed and lower-cased. */
export const UserEmailSchema = z.string().trim().toLowerCase().pipe(z.email().max(254));

/** One console user as stored; `passwordHash` is the self-describing scrypt string of password.ts. */
export const UserSchema = z.object({
  email: UserEmailSchema,
  name: z.string().trim().min(1).max(120),
  role: RoleSchema,
  passwordHash: z.string().min(1),
  disabled: z.boolean().default(false),
  createdAt: z.iso.datetime(),
});
export type User = z.output<typeof UserSchema>;
