import { z } from 'zod';

/** `console`: the rep console's sessions and login limits (see src/console/). */
export const ConsoleSchema = z.object({
  sessionIdleMinutes: z
    .number()
    .int()
    .min(1)
    .max(30 * 24 * 60)
    .default(480)
    .describe('a console session unused for this long ends; the user signs in again'),
  loginFailuresPerAccount: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(10)
    .describe('wrong passwords for one email in loginWindowMinutes before it is locked'),
  loginFailuresPerIp: z
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(30)
    .describe('failed logins from one IP in loginWindowMinutes before it is refused'),
  loginWindowMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15)
    .describe('the window the login failures are counted in'),
  joinTimeoutSeconds: z
    .number()
    .min(1)
    .max(3600)
    .default(120)
    .describe(
      'after a visitor asks for a person and is told someone is coming: if no rep joins within this, the bot says nobody is free and offers the next step',
    ),
  templatePollMs: z
    .number()
    .int()
    .min(50)
    .max(60_000)
    .default(500)
    .describe(
      'how often the published template versions are checked for a publish by another server process sharing the data folder',
    ),
});
export type ConsoleConfig = z.output<typeof ConsoleSchema>;
