import { z } from 'zod';

/** The SMTP server invites and confirmations go through. */
const SmtpSchema = z.object({
  host: z.string().min(1).describe('the SMTP server, e.g. "smtp.sendgrid.net"'),
  port: z.number().int().min(1).max(65535).default(587),
  secure: z
    .boolean()
    .default(false)
    .describe('TLS from the first byte (port 465); false upgrades with STARTTLS when offered'),
  user: z.string().optional().describe('the login; none for a relay that needs no login'),
  password: z
    .string()
    .optional()
    .describe(
      'the password; ${NAME} is replaced by the environment variable NAME; absent, SMTP_PASSWORD is used',
    ),
});

/**
 * `email`: meeting invites by email. Without `smtp` no email is sent (the server says so once
 * at start); everything else works as before.
 */
export const EmailSchema = z.object({
  from: z
    .string()
    .min(3)
    .default('Beacon <sales@beacon.example>')
    .describe('the From of every email, "Name <address>"'),
  smtp: SmtpSchema.optional(),
});
export type EmailConfig = z.output<typeof EmailSchema>;
export const EMAIL_DEFAULTS: EmailConfig = EmailSchema.parse({});

/** Limits that keep one client from draining the calendar (issue: fake leads). */
const BookingLimitsSchema = z.object({
  perIpPerDay: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(10)
    .describe('meetings booked from one IP address in 24 hours (a small office shares one)'),
  perConversationPerDay: z
    .number()
    .int()
    .min(1)
    .max(1000)
    .default(3)
    .describe('meetings booked from one conversation in 24 hours (cancel and book again counts)'),
  heldConversationsPerIp: z
    .number()
    .int()
    .min(1)
    .max(100_000)
    .default(5)
    .describe(
      'conversations of one IP whose offered times are held at once; more are offered times unheld',
    ),
});

/** The booking settings of this part, spread into `booking` (config-schema.ts). */
export const BOOKING_GUARD_FIELDS = {
  confirmEmail: z
    .boolean()
    .default(false)
    .describe('hold the chosen slot until the visitor confirms from an email (needs email.smtp)'),
  confirmMinutes: z
    .number()
    .int()
    .min(5)
    .max(7 * 24 * 60)
    .default(60)
    .describe('how long an unconfirmed hold keeps the slot before it is freed'),
  limits: BookingLimitsSchema.default(BookingLimitsSchema.parse({})),
};
