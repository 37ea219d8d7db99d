// What a letters run leans on: formatting runs (a placeholder split by formatting is visible), detached copies of a
// template's paragraphs and tables into a reused scratch document, page set-up, a crash after a mail was sent, and
// the host writing Drive files and sent mail to folders.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { createEmulatorSync } from '../../emulator/host/emulator';
import { createEmu } from './other-services-harness';
import { readPdf } from './pdf-text';

describe('formatting runs in paragraphs', () => {
  it('sets and reads bold, italic and underline by range; attribute indices mark every run start', () => {
    const emu = createEmu();
    const out = emu.run<unknown[]>(`
      const p = DocumentApp.create('t').getBody().appendParagraph('Dear {{Guardian}}, hello');
      const t = p.editAsText();
      t.setBold(5, 9, true);          // '{{Gua' bold, 'rdian}}' plain: a field split by formatting
      t.setItalic(19, 23, true);
      return [t.getTextAttributeIndices(), t.isBold(5), t.isBold(10), t.isBold(), t.isItalic(20), t.isUnderline()];
    `);
    expect(out).toEqual([[0, 5, 10, 19], true, false, null, true, false]);
  });

  it('keeps formatting through replaceText: the value takes the format of the first replaced character', () => {
    const emu = createEmu();
    const out = emu.run<unknown[]>(`
      const p = DocumentApp.create('t').getBody().appendParagraph('Hello {{Name}}!');
      const t = p.editAsText();
      t.setBold(6, 13, true);
      p.replaceText('\\\\{\\\\{Name\\\\}\\\\}', 'Øyvind');
      return [p.getText(), t.getTextAttributeIndices(), t.isBold(6), t.isBold(11), t.isBold(12)];
    `);
    expect(out).toEqual(['Hello Øyvind!', [0, 6, 12], true, true, false]);
  });

  it('refuses offsets outside the text, as Apps Script does', () => {
    const emu = createEmu();
    expect(() =>
      emu.run(`DocumentApp.create('t').getBody().appendParagraph('abc').editAsText().setBold(1, 5, true);`),
    ).toThrow('Index out of bounds.');
  });
});

describe('template copied into a reused scratch document', () => {
  it('copies paragraphs and tables (with formatting) from a template, clears and reuses one document', async () => {
    const emu = createEmu();
    const templateId = emu.ctl.drive.addDocument('Letter 1 (es)', [
      'Estimada familia de {{Student}}:',
      'Atentamente,',
    ]);
    const created = emu.ctl.rt.quotas.get('documents created a day')?.used ?? 0;
    const result = emu.run<{ texts: string[]; pdf: number[] }>(`
      const tpl = DocumentApp.openById('${templateId}');
      const tb = tpl.getBody();
      tb.getChild(0).asParagraph().editAsText().setBold(0, 7, true);
      tb.appendTable([['Fecha', 'Estado'], ['2 de diciembre de 2026', 'Injustificada']]);
      const source = tb.copy();
      const scratch = DocumentApp.create('scratch');
      const id = scratch.getId();
      const texts = [];
      let pdf;
      for (const name of ['Nguyễn Thị Hương', 'عائشة']) {
        const doc = DocumentApp.openById(id);
        const body = doc.getBody();
        body.clear();
        for (let i = 0; i < source.getNumChildren(); i++) {
          const child = source.getChild(i);
          if (child.getType() == DocumentApp.ElementType.TABLE) body.appendTable(child.asTable().copy());
          else body.appendParagraph(child.asParagraph().copy());
        }
        body.replaceText('\\\\{\\\\{Student\\\\}\\\\}', name);
        doc.saveAndClose();
        texts.push(DocumentApp.openById(id).getBody().getText());
        pdf = Array.from(DriveApp.getFileById(id).getAs('application/pdf').getBytes());
      }
      return { texts, pdf };
    `);
    // Body.clear() leaves one empty paragraph; the template's children follow it.
    expect(result.texts[0]).toBe(
      '\nEstimada familia de Nguyễn Thị Hương:\nAtentamente,\nFecha\tEstado\n2 de diciembre de 2026\tInjustificada',
    );
    expect(result.texts[1]).toContain('Estimada familia de عائشة:');
    expect(emu.ctl.documents.text(templateId)).toContain('{{Student}}'); // the template is untouched
    expect((emu.ctl.rt.quotas.get('documents created a day')?.used ?? 0) - created).toBe(1);
    const [page] = await readPdf(result.pdf);
    expect(page?.pieces.find((p) => p.text.startsWith('Estimada'))?.font).toMatch(/Bold/);
    expect(page?.lines).toContain('Fecha Estado'.replace(' ', ''));
  });

  it('refuses to append a paragraph or table that still has a parent: copy() it first', () => {
    const emu = createEmu();
    const id = emu.ctl.drive.addDocument('tpl', ['Hello {{Name}}']);
    const open = `const src = DocumentApp.openById('${id}').getBody(); const dst = DocumentApp.create('d').getBody();`;
    expect(() => emu.run(`${open} dst.appendParagraph(src.getChild(0).asParagraph());`)).toThrow(
      'Element must be detached.',
    );
    expect(() => emu.run(`${open} dst.appendParagraph(src.copy().getChild(0).asParagraph());`)).toThrow(
      'Element must be detached.',
    );
    expect(() =>
      emu.run(`${open} src.appendTable([['a']]); dst.appendTable(src.getChild(1).asTable());`),
    ).toThrow('Element must be detached.');
    expect(
      emu.run(`${open} dst.appendParagraph(src.getChild(0).asParagraph().copy()); return dst.getText();`),
    ).toBe('\nHello {{Name}}');
  });

  it('keeps page size and margins per document, saved with the body and copied with the file', () => {
    const emu = createEmu();
    const out = emu.run<number[]>(`
      const doc = DocumentApp.create('a4');
      doc.getBody().setPageWidth(595.3).setPageHeight(841.9).setMarginLeft(50);
      doc.saveAndClose();
      const copy = DriveApp.getFileById(doc.getId()).makeCopy('a4 copy');
      const b = DocumentApp.openById(copy.getId()).getBody();
      return [b.getPageWidth(), b.getPageHeight(), b.getMarginLeft(), b.getMarginTop()];
    `);
    expect(out).toEqual([595.3, 841.9, 50, 72]);
  });
});

describe('crash points after an effect', () => {
  it('a crash after sendEmail leaves the message sent and the script never reaching its next statement', () => {
    const emu = createEmu();
    emu.ctl.rt.injectFault('MailApp.sendEmail', 2, 'Exceeded maximum execution time', {
      after: true,
      kill: true,
    });
    const record = emu.exec(`
      for (const to of ['a@x.org', 'b@x.org', 'c@x.org']) {
        MailApp.sendEmail(to, 'Notice', 'Body');
        PropertiesService.getScriptProperties().setProperty('sent:' + to, 'yes');
      }
    `);
    expect(record.error).toBe('Exceeded maximum execution time');
    expect(emu.ctl.outbox.map((m) => m.to)).toEqual(['a@x.org', 'b@x.org']);
    expect(emu.ctl.properties.stores.script.get('sent:a@x.org')).toBe('yes');
    expect(emu.ctl.properties.stores.script.get('sent:b@x.org')).toBeUndefined();
    expect(emu.ctl.rt.effects.get('MailApp.sendEmail')).toBe(2);
  });

  it('a fault before the call sends nothing; Drive and Docs effects are crash points too', () => {
    const emu = createEmu();
    emu.ctl.rt.injectFault('MailApp.sendEmail', 1, 'Service error');
    expect(emu.exec(`MailApp.sendEmail('a@x.org', 'S', 'B');`).error).toBe('Service error');
    expect(emu.ctl.outbox).toHaveLength(0);
    emu.ctl.rt.injectFault('Folder.createFile', 1, 'Exceeded maximum execution time', {
      after: true,
      kill: true,
    });
    const record = emu.exec(`
      const folder = DriveApp.createFolder('Letters');
      folder.createFile('a.pdf', 'x', 'application/pdf');
      folder.createFile('b.pdf', 'y', 'application/pdf');
    `);
    expect(record.error).toBe('Exceeded maximum execution time');
    expect([...emu.ctl.drive.files.values()].map((f) => f.name)).toEqual(['a.pdf']);
    expect(Object.fromEntries(emu.ctl.rt.effects)).toMatchObject({
      'DriveApp.createFolder': 1,
      'Folder.createFile': 1,
    });
  });
});

describe('host: letters, print batches and mail written to folders', () => {
  it('writes a folder’s PDFs under their names and each sent message as an .eml with its PDF attached', async () => {
    const emu = createEmulatorSync({ codePath: 'build/Code.js', asOf: '2026-12-02' });
    const rt = emu.control.rt;
    const ctl = emu.control as unknown as { drive: { addFolder(n: string): string } };
    const folderId = ctl.drive.addFolder('Attendance letters');
    // A script-shaped sequence, run as the script would (inside the context, through the emulated services).
    const start = rt.wallNow();
    vm.runInContext(
      `(() => {
        const folder = DriveApp.getFolderById('${folderId}');
        const doc = DocumentApp.create('scratch');
        doc.getBody().appendParagraph('Dear family of 王芳,');
        doc.saveAndClose();
        const pdf = DriveApp.getFileById(doc.getId()).getAs('application/pdf').setName('Letter 1 - 王芳.pdf');
        folder.createFile(pdf);
        folder.createFile(pdf.copyBlob());
        DriveApp.createFile(Utilities.newBlob('elsewhere', 'text/plain', 'other.txt'));
        MailApp.sendEmail('family@example.org', 'Attendance notice from Lincoln Elementary', 'Please see the letter.', {
          attachments: [pdf], replyTo: 'office@lincoln.example.org', name: 'Lincoln Elementary',
        });
      })()`,
      emu.context,
    );
    const dir = await mkdtemp(join(tmpdir(), 'letters-'));
    const letters = await emu.writeDriveFiles(join(dir, 'letters'), {
      folderName: 'Attendance letters',
      mimeType: 'application/pdf',
      createdSince: start,
    });
    expect(letters.map((p) => p.slice(dir.length + 9))).toEqual([
      'Letter 1 - 王芳.pdf',
      'Letter 1 - 王芳 (2).pdf',
    ]);
    expect((await readPdf(await readFile(letters[0]!)))[0]?.lines).toEqual(['Dear family of 王芳,']);
    const mails = await emu.writeOutbox(join(dir, 'outbox'));
    expect(await readdir(join(dir, 'outbox'))).toEqual(['001-Attendance notice from Lincoln Elementary.eml']);
    const eml = (await readFile(mails[0]!)).toString('latin1');
    expect(eml).toMatch(/^Reply-To: office@lincoln\.example\.org\r$/m);
    expect(eml).toMatch(/^From: Lincoln Elementary <clerk@district\.example\.org>\r$/m);
    expect(eml).toMatch(
      /Content-Disposition: attachment;\s+filename\*0\*=utf-8''Letter%201%20-%20%E7%8E%8B%E8%8A%B3\.pdf/,
    );
    const b64 = eml.split(/Content-Transfer-Encoding: base64\r\n(?:[^\r\n]+\r\n)*\r\n/)[1] ?? '';
    const attached = Buffer.from(b64.split('\r\n--')[0]!.replace(/\r\n/g, ''), 'base64');
    expect(attached.equals(await readFile(letters[0]!))).toBe(true);
  });

  it('a template trashed stays openable; deleted for good, it is missing', () => {
    const emu = createEmulatorSync({ codePath: 'build/Code.js', asOf: '2026-12-02' });
    const drive = (emu.control as unknown as { drive: { addDocument(n: string, p: string[]): string } })
      .drive;
    const id = drive.addDocument('Letter 1 template (en)', ['Dear {{Guardian}},']);
    const open = (code: string): unknown => vm.runInContext(`(() => { ${code} })()`, emu.context);
    open(`DriveApp.getFileById('${id}').setTrashed(true);`);
    expect(open(`return DocumentApp.openById('${id}').getBody().getText();`)).toBe('Dear {{Guardian}},');
    emu.deleteDriveFile(id);
    expect(() => open(`DocumentApp.openById('${id}');`)).toThrow(
      "Document is missing (perhaps it was deleted, or you don't have read access?)",
    );
    expect(() => open(`DriveApp.getFileById('${id}');`)).toThrow(
      'No item with the given ID could be found, or you do not have permission to access it.',
    );
  });
});
