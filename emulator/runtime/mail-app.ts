// Emulated MailApp and GmailApp: recipients checked and counted against the daily quota, messages kept in
// `ctl.outbox` with their attachments as bytes. Runs inside the vm context: no Node APIs.
import { gasError } from './core';
import type { Control, OutboxMessage } from './control';
import { readBlob } from './drive-blob';
import { parseRecipients } from './mail-address';

/** Quota name in `rt.quotas` (Apps Script quotas page: email recipients 100 a day consumer, 1,500 Workspace). */
export const EMAIL_QUOTA = 'email recipients a day';
export const EMAIL_QUOTA_MESSAGE = 'Service invoked too many times for one day: email.';

type Options = GoogleAppsScript.Mail.MailAdvancedParameters & GoogleAppsScript.Gmail.GmailAdvancedOptions;

function send(ctl: Control, via: OutboxMessage['via'], msg: Options): void {
  const to = parseRecipients(msg.to);
  const cc = parseRecipients(msg.cc);
  const bcc = parseRecipients(msg.bcc);
  const count = to.length + cc.length + bcc.length;
  if (count === 0) throw gasError('Failed to send email: no recipient');
  if (msg.replyTo) parseRecipients(msg.replyTo);
  const attachments = (msg.attachments ?? []).map((a) => {
    const blob = readBlob(a);
    return { name: blob.name, mimeType: blob.contentType, bytes: blob.bytes };
  });
  const size = attachments.reduce((n, a) => n + a.bytes.length, 0);
  ctl.rt.call(`${via}.sendEmail.recipients`, count);
  ctl.rt.call(`${via}.sendEmail.bytes`, size);
  // The whole message fails when its recipients do not fit in what is left of the day's quota.
  if (ctl.rt.quotas.has(EMAIL_QUOTA)) ctl.rt.useQuota(EMAIL_QUOTA, count);
  const domain = ctl.session.effectiveUserEmail.split('@')[1] ?? 'example.org';
  const message: OutboxMessage = {
    via,
    from: msg.noReply ? `noreply@${domain}` : String(msg.from ?? ctl.session.effectiveUserEmail),
    to: to.join(', '),
    subject: String(msg.subject ?? ''),
    body: String(msg.body ?? ''),
    attachments,
    sentAtMs: ctl.rt.wallNow(),
  };
  if (cc.length) message.cc = cc.join(', ');
  if (bcc.length) message.bcc = bcc.join(', ');
  if (msg.replyTo) message.replyTo = String(msg.replyTo);
  if (msg.name) message.name = String(msg.name);
  if (msg.htmlBody) message.htmlBody = String(msg.htmlBody);
  if (msg.noReply) message.noReply = true;
  ctl.outbox.push(message);
  // The message has left: a crash injected here is one the script never learns about.
  ctl.rt.effect(`${via}.sendEmail`);
}

export class EmuMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  'sendEmail' | 'getRemainingDailyQuota'
> {
  constructor(private readonly ctl: Control) {}

  sendEmail(message: GoogleAppsScript.Mail.MailAdvancedParameters): void;
  sendEmail(recipient: string, subject: string, body: string): void;
  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options: GoogleAppsScript.Mail.MailAdvancedParameters,
  ): void;
  sendEmail(to: string, replyTo: string, subject: string, body: string): void;
  sendEmail(
    a: string | GoogleAppsScript.Mail.MailAdvancedParameters,
    b?: string,
    c?: string,
    d?: string | GoogleAppsScript.Mail.MailAdvancedParameters,
  ): void {
    this.ctl.rt.call('MailApp.sendEmail');
    if (typeof a === 'object' && a !== null) return send(this.ctl, 'MailApp', a);
    if (typeof d === 'string') return send(this.ctl, 'MailApp', { to: a, replyTo: b, subject: c, body: d });
    send(this.ctl, 'MailApp', { ...(d ?? {}), to: a, subject: b, body: c });
  }

  getRemainingDailyQuota(): number {
    this.ctl.rt.call('MailApp.getRemainingDailyQuota');
    return this.ctl.rt.quotas.has(EMAIL_QUOTA) ? this.ctl.rt.remainingQuota(EMAIL_QUOTA) : 0;
  }
}

export class EmuGmailApp implements Pick<GoogleAppsScript.Gmail.GmailApp, 'sendEmail'> {
  constructor(private readonly ctl: Control) {}

  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options?: GoogleAppsScript.Gmail.GmailAdvancedOptions,
  ): GoogleAppsScript.Gmail.GmailApp {
    this.ctl.rt.call('GmailApp.sendEmail');
    send(this.ctl, 'GmailApp', { ...(options ?? {}), to: recipient, subject, body });
    return this as unknown as GoogleAppsScript.Gmail.GmailApp;
  }
}
