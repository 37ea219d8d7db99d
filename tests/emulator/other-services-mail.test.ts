// MailApp and GmailApp in the emulator: forms, recipient quota, invalid addresses, outbox and real .eml files.
import { toEml } from '../../emulator/host/eml';
import { createEmu } from './other-services-harness';

describe('MailApp and GmailApp', () => {
  it('sends in every MailApp form and records the messages in the outbox', () => {
    const emu = createEmu();
    emu.run(`
      MailApp.sendEmail('a@x.org', 'S1', 'B1');
      MailApp.sendEmail('b@x.org', 'S2', 'B2', { cc: 'c@x.org', name: 'Attendance Office', replyTo: 'office@x.org' });
      MailApp.sendEmail({ to: 'd@x.org, e@x.org', subject: 'S3', body: 'B3', htmlBody: '<p>B3</p>', bcc: 'f@x.org', noReply: true });
      MailApp.sendEmail('g@x.org', 'reply@x.org', 'S4', 'B4');
      GmailApp.sendEmail('h@x.org', 'S5', 'B5', { from: 'alias@district.example.org' });
    `);
    const outbox = emu.ctl.outbox;
    expect(outbox.map((m) => [m.via, m.to, m.subject])).toEqual([
      ['MailApp', 'a@x.org', 'S1'],
      ['MailApp', 'b@x.org', 'S2'],
      ['MailApp', 'd@x.org, e@x.org', 'S3'],
      ['MailApp', 'g@x.org', 'S4'],
      ['GmailApp', 'h@x.org', 'S5'],
    ]);
    expect(outbox[1]).toMatchObject({
      cc: 'c@x.org',
      name: 'Attendance Office',
      replyTo: 'office@x.org',
      from: 'clerk@district.example.org',
    });
    expect(outbox[2]).toMatchObject({
      bcc: 'f@x.org',
      htmlBody: '<p>B3</p>',
      from: 'noreply@district.example.org',
    });
    expect(outbox[3]?.replyTo).toBe('reply@x.org');
    expect(outbox[4]?.from).toBe('alias@district.example.org');
    expect(emu.run(`return MailApp.getRemainingDailyQuota();`)).toBe(1500 - 8);
  });

  it('counts every to/cc/bcc address against the daily recipients quota (consumer: 100) and fails whole messages', () => {
    const emu = createEmu({ account: 'consumer' });
    emu.run(
      `for (let i = 0; i < 49; i++) MailApp.sendEmail({ to: 'p' + i + '@x.org', cc: 'q' + i + '@x.org', subject: 's', body: 'b' });`,
    );
    expect(emu.run(`return MailApp.getRemainingDailyQuota();`)).toBe(2);
    expect(() =>
      emu.run(
        `MailApp.sendEmail({ to: 'a@x.org', cc: 'b@x.org', bcc: 'c@x.org', subject: 's', body: 'b' });`,
      ),
    ).toThrow('Service invoked too many times for one day: email.');
    expect(emu.ctl.outbox).toHaveLength(49);
    emu.run(`MailApp.sendEmail('a@x.org, b@x.org', 's', 'b');`);
    expect(() => emu.run(`GmailApp.sendEmail('z@x.org', 's', 'b');`)).toThrow(
      'Service invoked too many times for one day: email.',
    );
    emu.ctl.rt.newDay();
    expect(emu.run(`return MailApp.getRemainingDailyQuota();`)).toBe(100);
  });

  it('rejects invalid addresses with Apps Script message and sends nothing', () => {
    const emu = createEmu();
    expect(() => emu.run(`MailApp.sendEmail('parent at home', 's', 'b');`)).toThrow(
      'Invalid email: parent at home',
    );
    expect(() =>
      emu.run(`MailApp.sendEmail({ to: 'ok@x.org', cc: 'bad@', subject: 's', body: 'b' });`),
    ).toThrow('Invalid email: bad@');
    expect(() => emu.run(`MailApp.sendEmail({ subject: 's', body: 'b' });`)).toThrow(
      'Failed to send email: no recipient',
    );
    expect(emu.ctl.outbox).toHaveLength(0);
    expect(emu.run(`return MailApp.getRemainingDailyQuota();`)).toBe(1500);
  });

  it('builds a real .eml with headers, text, html and the PDF attachment in base64', async () => {
    const emu = createEmu();
    const pdfBytes = emu.run<number[]>(`
      const doc = DocumentApp.create('Letter 1 - 000123');
      doc.getBody().getParagraphs()[0].setText('Dear family');
      doc.saveAndClose();
      const pdf = DriveApp.getFileById(doc.getId()).getAs('application/pdf');
      MailApp.sendEmail({ to: 'guardian@home.example.com', subject: 'Attendance notice', body: 'Please read the letter.',
        htmlBody: '<p>Please read the letter.</p>', name: 'Attendance Office', bcc: 'records@district.example.org', attachments: [pdf] });
      return Array.from(pdf.getBytes());
    `);
    const message = emu.ctl.outbox[0]!;
    expect(message.attachments[0]).toMatchObject({
      name: 'Letter 1 - 000123.pdf',
      mimeType: 'application/pdf',
    });
    expect(message.attachments[0]?.bytes).toEqual(pdfBytes.map((b) => b & 255));
    const eml = (await toEml(message)).toString('latin1');
    const cut = eml.indexOf('\r\n\r\n');
    const head = eml.slice(0, cut);
    const rest = eml.slice(cut + 4);
    expect(head).toMatch(/^From: Attendance Office <clerk@district\.example\.org>$/m);
    expect(head).toMatch(/^To: guardian@home\.example\.com$/m);
    expect(head).toMatch(/^Bcc: records@district\.example\.org$/m);
    expect(head).toMatch(/^Subject: Attendance notice$/m);
    expect(head).toMatch(/^Date: .*2025/m);
    expect(head).toMatch(/^Content-Type: multipart\/mixed; boundary=/m);
    expect(rest).toContain('Please read the letter.');
    expect(rest).toContain('Content-Type: text/html');
    expect(rest).toMatch(/Content-Disposition: attachment;\s+filename="Letter 1 - 000123\.pdf"/);
    const part = rest.split(/Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n/)[1] ?? '';
    const decoded = Buffer.from(part.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64');
    expect(decoded.subarray(0, 8).toString('latin1')).toMatch(/^%PDF-1\.\d$/);
    expect([...decoded]).toEqual(pdfBytes.map((b) => b & 255));
  });
});

describe('host files', () => {
  it('exports Drive files (Docs as PDF) and the outbox as .eml files', async () => {
    const { mkdtemp, readFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { exportDrive, exportOutbox } = await import('../../emulator/host/files');
    const emu = createEmu();
    emu.run(`const d = DocumentApp.create('Letter: 1/2'); d.getBody().appendParagraph('Hi'); d.saveAndClose();
      MailApp.sendEmail('g@x.org', 'Notice', 'Body');`);
    const dir = await mkdtemp(join(tmpdir(), 'other-services-'));
    const files = await exportDrive(emu.ctl.drive, join(dir, 'drive'));
    const mails = await exportOutbox(emu.ctl.outbox, join(dir, 'mail'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/Letter_ 1_2\.pdf$/);
    expect((await readFile(files[0]!)).subarray(0, 8).toString()).toMatch(/^%PDF-1\.\d$/);
    expect((await readFile(mails[0]!)).toString()).toMatch(/^Subject: Notice\r$/m);
  });
});
