// Host side: turns a message from the emulator's outbox into a real RFC 5322 / MIME .eml (nodemailer's MailComposer).
import { writeFile } from 'node:fs/promises';
import MailComposer from 'nodemailer/lib/mail-composer';
import type { OutboxMessage } from '../runtime/control';

/** Builds the message as it would leave Gmail: headers, text and HTML alternatives, attachments in base64. */
export async function toEml(message: OutboxMessage): Promise<Buffer> {
  const composer = new MailComposer({
    from: message.name ? { name: message.name, address: message.from } : message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    replyTo: message.replyTo,
    subject: message.subject,
    text: message.body,
    html: message.htmlBody,
    date: new Date(message.sentAtMs),
    // Deterministic id so the same run gives the same file.
    messageId: `<${message.sentAtMs}.${message.to.replace(/[^\w.@-]/g, '_')}@attendance-steps.emulator>`,
    headers: { 'X-Emulator-Via': message.via },
    attachments: message.attachments.map((a) => ({
      filename: a.name,
      contentType: a.mimeType,
      content: Buffer.from(a.bytes.map((b) => b & 255)),
    })),
  });
  const node = composer.compile();
  // Keep Bcc in the saved copy: the .eml records who the message went to.
  node.keepBcc = true;
  return node.build();
}

/** Writes the message to `path` as an .eml file. */
export async function writeEml(message: OutboxMessage, path: string): Promise<void> {
  await writeFile(path, await toEml(message));
}
