/** One email leadbot sends: plain text, with an iTIP invite when it is about a meeting. */
export type Mail = {
  to: string;
  subject: string;
  text: string;
  /** The RFC 5545 invite and its iTIP method (REQUEST for a new or moved meeting, CANCEL). */
  invite?: { method: 'REQUEST' | 'CANCEL'; ics: string } | undefined;
};

/** What the mail server said: accepted (its reply line), or why not. */
export type MailResult = { ok: true; response: string } | { ok: false; error: string };

/**
 * The Mailer port: hands one email to a mail server. It never throws: a refusal or a network
 * failure is a result, which the delivery that sent it records and retries.
 *
 * @example const r = await mailer.send({ to: 'dana@acme.example', subject: 'Hi', text: '...' });
 */
export type Mailer = {
  send(mail: Mail): Promise<MailResult>;
  /** Where mail goes, for logs and the delivery list ("smtp://smtp.example:587"). */
  describe: string;
  close(): void;
};
