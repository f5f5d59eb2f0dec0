import { z } from 'zod';

/** The default retention: a year after a conversation was last active. */
export const DEFAULT_RETENTION_DAYS = 365;

/**
 * `retention`: how long personal data is kept. `days` after a conversation was last active it
 * is erased with its deliveries and meetings (see src/privacy/expire-old-data.ts); null or 0
 * keeps everything.
 */
export const RetentionSchema = z.object({
  days: z
    .number()
    .int()
    .min(0)
    .max(36_500)
    .nullable()
    .default(DEFAULT_RETENTION_DAYS)
    .transform((d) => (d === 0 ? null : d))
    .describe(
      'days after a conversation was last active before it is erased with its deliveries and meetings; null or 0 keeps everything',
    ),
});

const httpUrl = z
  .string()
  .refine(
    (u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol),
    'expected an http(s) URL, like https://example.com/privacy',
  );

/** The notice shown above the chat's input until the visitor's first message. */
export const PrivacyNoticeSchema = z
  .object({
    text: z.string().trim().min(1).max(300).describe('the notice, shown as plain text'),
    linkLabel: z.string().trim().min(1).max(80).default('Privacy policy'),
    linkUrl: httpUrl
      .nullable()
      .default(null)
      .describe('your privacy policy (http or https); no link when null'),
  })
  .nullable();

export const DEFAULT_PRIVACY_NOTICE = {
  text: 'This chat keeps what you write, to answer you and pass your request on to our team.',
  linkLabel: 'Privacy policy',
  linkUrl: null,
};

/** `widget`: what the server tells the chat widget at hello, beside the tag's `data-*`. */
export const WidgetSchema = z.object({
  privacyNotice: PrivacyNoticeSchema.default(DEFAULT_PRIVACY_NOTICE).describe(
    'shown before the first message; null shows none',
  ),
});
