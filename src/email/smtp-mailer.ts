import nodemailer from 'nodemailer';
import type { EmailConfig } from '../config/email-schema.js';
import { AppError } from '../errors/app-error.js';
import type { Mailer } from './mailer.js';

/** Replaces ${NAME} with the environment variable NAME, like the webhook headers do. */
function expandEnv(value: string, env: Record<string, string | undefined>): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_, name: string) => {
    const v = env[name];
    if (v === undefined || v === '')
      throw new AppError(
        'BAD_REQUEST',
        `email.smtp.password: the environment variable ${name} is not set`,
      );
    return v;
  });
}

/**
 * A Mailer over SMTP (nodemailer), or null when `email.smtp` is not configured. The password is
 * `email.smtp.password` (with `${NAME}` from the environment) or `SMTP_PASSWORD`. A meeting's
 * invite goes as the iTIP part calendar apps read (`text/calendar; method=...`) and as an
 * `invite.ics` attachment for the others.
 *
 * @example const mailer = createSmtpMailer(config.email, process.env); // null without email.smtp
 */
export function createSmtpMailer(
  email: EmailConfig,
  env: Record<string, string | undefined> = {},
): Mailer | null {
  const smtp = email.smtp;
  if (smtp === undefined) return null;
  const password = smtp.password === undefined ? env.SMTP_PASSWORD : expandEnv(smtp.password, env);
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user === undefined ? {} : { auth: { user: smtp.user, pass: password ?? '' } }),
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 20_000,
  });
  return {
    describe: `smtp://${smtp.host}:${smtp.port}`,
    async send(mail) {
      const invite = mail.invite;
      try {
        const info = await transport.sendMail({
          from: email.from,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(invite === undefined
            ? {}
            : {
                icalEvent: { method: invite.method, content: invite.ics },
                attachments: [
                  {
                    filename: 'invite.ics',
                    content: invite.ics,
                    contentType: `text/calendar; charset=utf-8; method=${invite.method}`,
                  },
                ],
              }),
        });
        const response = typeof info.response === 'string' ? info.response : 'accepted';
        return info.rejected.length > 0
          ? { ok: false, error: `the server refused ${mail.to}: ${response}` }
          : { ok: true, response };
      } catch (e) {
        return { ok: false, error: e instanceof Error ? e.message : String(e) };
      }
    },
    close: () => transport.close(),
  };
}
