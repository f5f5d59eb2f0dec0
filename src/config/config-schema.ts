import { z } from 'zod';
import { FREE_EMAIL_DOMAINS } from './free-email-domains.js';
import { EventPatternSchema } from '../handoff/webhook/event-types.js';
import { WebhookSecretSchema } from '../handoff/webhook/webhook-secret.js';
import { TIMELINE_BUCKETS } from '../lead/field-paths.js';
import { SLOTS } from '../lead/slots.js';
import { isTimeZone } from '../lead/visitor.js';
import { RetentionSchema, WidgetSchema } from './privacy-schema.js';
import { LimitsSchema } from './limits-schema.js';
import { ConsoleSchema } from './console-schema.js';
import { BOOKING_GUARD_FIELDS, EMAIL_DEFAULTS, EmailSchema } from './email-schema.js';

const points = z.number().int().min(-1000).max(1000);
const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM (24 h)');
const timeZone = z.string().refine(isTimeZone, 'unknown IANA time zone');
const currency = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code like "USD"');

export const ScoringPolicySchema = z.object({
  authority: z
    .object({ decision_maker: points, influencer: points, researcher: points })
    .default({ decision_maker: 25, influencer: 15, researcher: 0 }),
  companySize: z
    .array(z.object({ min: z.number().int().nonnegative(), points }))
    .default([
      { min: 200, points: 15 },
      { min: 50, points: 10 },
      { min: 10, points: 5 },
    ])
    .describe('tiers, checked from the largest min down; the first that fits scores'),
  budget: z
    .object({
      thresholdAnnual: z.number().nonnegative(),
      atOrAbove: points,
      below: points,
      none: points,
    })
    .default({ thresholdAnnual: 5000, atOrAbove: 20, below: -10, none: -15 }),
  timeline: z
    .record(z.enum(TIMELINE_BUCKETS), points)
    .default({ immediate: 20, quarter: 15, half: 10, year: 5, later: -5, none: -10 }),
  needStated: points.default(10),
  demo: points.default(15),
  pages: z
    .array(z.object({ pathContains: z.string().min(1), points }))
    .default([{ pathContains: '/pricing', points: 10 }]),
  email: z
    .object({ free: points, company: points, freeDomains: z.array(z.string().toLowerCase()) })
    .default({ free: -5, company: 5, freeDomains: FREE_EMAIL_DOMAINS }),
  grades: z.object({ hot: points, warm: points }).default({ hot: 60, warm: 35 }),
  stages: z.object({ mql: points, sql: points }).default({ mql: 35, sql: 60 }),
});
export type ScoringPolicy = z.output<typeof ScoringPolicySchema>;

export const CurrencySchema = z.object({
  base: currency.default('USD'),
  rates: z
    .record(currency, z.number().positive())
    .default({ USD: 1, EUR: 1.1, GBP: 1.3, CAD: 0.73, AUD: 0.66, INR: 0.012 }),
});

const RepSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().min(1),
  email: z.email(),
  timezone: timeZone.optional(),
  weekdays: z.array(z.number().int().min(1).max(7)).optional(),
  hours: z.object({ start: hhmm, end: hhmm }).optional(),
});

export const BookingSchema = z.object({
  timezone: timeZone.default('America/New_York'),
  weekdays: z
    .array(z.number().int().min(1).max(7))
    .min(1)
    .default([1, 2, 3, 4, 5])
    .describe('ISO weekdays, 1 = Monday'),
  hours: z.object({ start: hhmm, end: hhmm }).default({ start: '09:00', end: '17:00' }),
  slotMinutes: z.number().int().min(5).max(480).default(30),
  bufferMinutes: z.number().int().min(0).max(240).default(0),
  minNoticeHours: z
    .number()
    .min(0)
    .max(24 * 30)
    .default(4),
  horizonDays: z.number().int().min(1).max(365).default(14),
  offer: z.number().int().min(1).max(10).default(3),
  holdMinutes: z.number().int().min(1).max(120).default(10),
  holidays: z.array(z.iso.date()).default([]),
  reps: z
    .array(RepSchema)
    .min(1)
    .default([{ id: 'rep-1', name: 'the Beacon sales team', email: 'sales@beacon.example' }]),
  meetingTitle: z.string().default('Intro call'),
  ...BOOKING_GUARD_FIELDS,
});

const DestinationSchema = z.object({
  id: z.string().min(1).max(64),
  url: z.url(),
  secret: WebhookSecretSchema.optional(),
  events: z.array(EventPatternSchema).default(['*']),
  template: z.string().optional().describe('a handlebars body template in prompts/webhooks/'),
  previousSecrets: z
    .array(WebhookSecretSchema)
    .default([])
    .describe(
      'during a secret rotation: older secrets that still sign, removed once receivers use `secret`',
    ),
  headers: z
    .record(z.string().regex(/^[A-Za-z0-9-]+$/, 'expected an HTTP header name'), z.string())
    .default({})
    .describe(
      'extra request headers (e.g. Authorization); ${NAME} is replaced by the environment variable NAME',
    ),
});

/** "5s", "30s", "2m", "1h", "1d" or "500ms" -> milliseconds. */
const DURATION_UNITS_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
// A plain number is milliseconds, so the parsed config (numbers) can be written back and re-read.
const duration = z.preprocess(
  (v) => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? `${v}ms` : v),
  z
    .string()
    .regex(/^\d+(ms|s|m|h|d)$/, 'expected a duration like "5s", "2m", "1h" or "1d"')
    .transform((s) => {
      const unit = s.replace(/^\d+/, '') as keyof typeof DURATION_UNITS_MS; // the regex admits only these units
      return Number.parseInt(s, 10) * DURATION_UNITS_MS[unit];
    }),
);

/** Svix-style: quick retries for blips, then a tail covering a day-long CRM outage (~41 h in all). */
const DEFAULT_RETRY_SCHEDULE_MS = [
  5_000, 30_000, 120_000, 600_000, 3_600_000, 14_400_000, 43_200_000, 86_400_000,
];

const CrmSchema = z.object({
  destinations: z.array(DestinationSchema).default([]),
  retrySchedule: z
    .array(duration)
    .max(30)
    .default(DEFAULT_RETRY_SCHEDULE_MS)
    .describe(
      'the wait before each retry (first attempt immediately); after the last one the delivery is dead-lettered',
    ),
  attemptTimeoutMs: z.number().int().min(100).max(120_000).default(10_000),
  retryAfterMaxMs: z
    .number()
    .int()
    .min(0)
    .max(7 * 86_400_000)
    .default(86_400_000)
    .describe('the longest Retry-After honoured'),
});

export const ConfigSchema = z.object({
  company: z
    .object({
      name: z.string().min(1).default('Beacon'),
      agentName: z.string().min(1).default('Beacon assistant'),
      website: z.string().default('https://beacon.example'),
    })
    .default({ name: 'Beacon', agentName: 'Beacon assistant', website: 'https://beacon.example' }),
  slots: z
    .array(z.enum(SLOTS).exclude(['booking']))
    .min(1)
    .refine((s) => new Set(s).size === s.length, 'a slot may appear only once')
    .default(['need', 'authority', 'company', 'budget', 'timeline', 'contact'])
    .describe('the order of the qualifying questions; booking always comes last, for SQL leads'),
  maxAsksPerSlot: z.number().int().min(1).max(5).default(2),
  scoring: ScoringPolicySchema.default(ScoringPolicySchema.parse({})),
  currency: CurrencySchema.default(CurrencySchema.parse({})),
  fiscalYearEndMonth: z.number().int().min(1).max(12).default(12),
  booking: BookingSchema.default(BookingSchema.parse({})),
  nurture: z.object({ title: z.string().min(1), url: z.string().min(1) }).default({
    title: 'The 2026 guide to qualifying inbound leads',
    url: 'https://beacon.example/guides/lead-qualification',
  }),
  crm: CrmSchema.default(CrmSchema.parse({})),
  email: EmailSchema.default(EMAIL_DEFAULTS),
  llm: z
    .object({
      model: z.string().default('gpt-4o-mini'),
      timeoutMs: z.number().int().min(100).max(120_000).default(8000),
      maxRetries: z.number().int().min(0).max(5).default(1),
    })
    .default({ model: 'gpt-4o-mini', timeoutMs: 8000, maxRetries: 1 }),
  server: z
    .object({
      port: z.number().int().min(0).max(65535).default(3000),
      publicUrl: z
        .url()
        .optional()
        .describe(
          'the address visitors reach the server at, for links in messages (default http://localhost:<port>)',
        ),
      allowedOrigins: z.array(z.string()).default([]),
      maxMessageChars: z.number().int().min(1).max(20_000).default(2000),
      messagesPerMinute: z.number().int().min(1).max(10_000).default(30),
      trustProxy: z
        .boolean()
        .default(false)
        .describe('behind a reverse proxy: the client IP is the X-Forwarded-For entry it adds'),
    })
    .prefault({}),
  limits: LimitsSchema.default(LimitsSchema.parse({})),
  dataDir: z.string().default('./data'),
  promptsDir: z.string().default('./prompts'),
  retention: RetentionSchema.default(RetentionSchema.parse({})),
  widget: WidgetSchema.default(WidgetSchema.parse({})),
  console: ConsoleSchema.default(ConsoleSchema.parse({})),
});
export type Config = z.output<typeof ConfigSchema>;
export type BookingConfig = Config['booking'];
