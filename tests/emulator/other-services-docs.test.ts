// DocumentApp and DriveApp in the emulator: templates, replaceText, quotas, sharing and real PDF export.
import { createEmu, type Emu } from './other-services-harness';
import { readPdf } from './pdf-text';

function seedTemplate(emu: Emu): string {
  return emu.ctl.drive.addDocument('Letter 1 template', [
    'Dear {{guardian}},',
    '{{student}} has {{days}} unexcused absences (price $5).',
    'Sincerely,',
  ]);
}

async function pdfPages(bytes: number[]): Promise<{ count: number; texts: string[][] }> {
  const pages = await readPdf(bytes);
  return { count: pages.length, texts: pages.map((p) => p.lines) };
}

describe('DocumentApp and DriveApp', () => {
  it('copies a template into a new document with the same body and replaces fields with RE2 patterns', () => {
    const emu = createEmu();
    const templateId = seedTemplate(emu);
    const result = emu.run<{ id: string; url: string; text: string; name: string }>(`
      const copy = DriveApp.getFileById('${templateId}').makeCopy('Letter 1 - 000123');
      const doc = DocumentApp.openById(copy.getId());
      const body = doc.getBody();
      body.replaceText('\\\\{\\\\{guardian\\\\}\\\\}', 'Ana Núñez');
      body.replaceText('{{student}}', 'Luis');
      body.replaceText('\\\\{\\\\{days\\\\}\\\\}', '5');
      body.replaceText('price \\\\$(\\\\d)', 'cost \\\\$$1');
      doc.saveAndClose();
      return { id: copy.getId(), url: doc.getUrl(), text: DocumentApp.openById(copy.getId()).getBody().getText(), name: copy.getName() };
    `);
    expect(result.name).toBe('Letter 1 - 000123');
    expect(result.url).toBe(`https://docs.google.com/document/d/${result.id}/edit`);
    expect(result.text).toBe('Dear Ana Núñez,\nLuis has 5 unexcused absences (cost $5).\nSincerely,');
    expect(emu.ctl.documents.text(templateId)).toContain('{{guardian}}');
  });

  it('refuses RE2-unsupported syntax and Java-invalid replacements, matching within one paragraph only', () => {
    const emu = createEmu();
    const id = seedTemplate(emu);
    const open = `const body = DocumentApp.openById('${id}').getBody();`;
    expect(() => emu.run(`${open} body.replaceText('(?=Dear)', 'x');`)).toThrow('RE2 does not support');
    expect(() => emu.run(`${open} body.replaceText('Dear', 'costs $');`)).toThrow('Illegal group reference');
    expect(emu.run(`${open} body.replaceText('(?i)dear', 'Hello'); return body.getText();`)).toMatch(
      /^Hello \{\{guardian/,
    );
    expect(
      emu.run(`${open} body.replaceText('Sincerely,\\\\nDear', 'x'); return body.getNumChildren();`),
    ).toBe(3);
  });

  it('keeps Drive on the saved content until saveAndClose, and refuses edits after it', async () => {
    const emu = createEmu();
    const id = seedTemplate(emu);
    const before = emu.run<number[]>(`
      const doc = DocumentApp.openById('${id}');
      doc.getBody().appendParagraph('P.S. unsaved');
      return Array.from(DriveApp.getFileById('${id}').getBlob().getBytes());
    `);
    const text = (await pdfPages(before)).texts.flat().join('\n');
    expect(text).toContain('Dear {{guardian}},');
    expect(text).not.toContain('unsaved');
    expect(() =>
      emu.run(`const doc = DocumentApp.openById('${id}'); doc.saveAndClose(); doc.getBody();`),
    ).toThrow('Document is closed, its contents cannot be updated.');
    emu.ctl.endExecutionOther();
    expect(emu.ctl.documents.text(id)).toContain('P.S. unsaved');
  });

  it('counts DocumentApp.create against the daily quota with Apps Script message (consumer: 250)', () => {
    const emu = createEmu({ account: 'consumer' });
    expect(emu.run(`for (let i = 0; i < 250; i++) DocumentApp.create('d' + i); return 'ok';`)).toBe('ok');
    expect(() => emu.run(`DocumentApp.create('one too many');`)).toThrow(
      'Service invoked too many times for one day: docs create.',
    );
    emu.ctl.rt.newDay();
    expect(emu.run(`return DocumentApp.create('next day').getName();`)).toBe('next day');
    expect(() => emu.run(`DocumentApp.openById('nope');`)).toThrow('Document is missing');
  });

  it('builds bodies with paragraphs, headings, tables and page breaks', () => {
    const emu = createEmu();
    const info = emu.run<string>(`
      const doc = DocumentApp.create('Report');
      const body = doc.getBody();
      body.getParagraphs()[0].setText('Weekly report');
      body.getParagraphs()[0].setHeading(DocumentApp.ParagraphHeading.HEADING1).setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      body.appendTable([['Student', 'Days'], ['Luis', '5']]);
      body.appendPageBreak();
      body.appendParagraph('Page two').editAsText().appendText('!');
      const kinds = [];
      for (let i = 0; i < body.getNumChildren(); i++) kinds.push(String(body.getChild(i).getType()));
      return kinds.join(',') + '|' + body.getChild(1).asTable().getCell(1, 0).getText() + '|' + String(body.getParagraphs()[0].getHeading());
    `);
    expect(info).toBe('PARAGRAPH,TABLE,PARAGRAPH,PARAGRAPH|Luis|HEADING1');
    expect(() => emu.run(`DocumentApp.create('x').getBody().getHeaders();`)).toThrow(
      'not implemented: Body.getHeaders',
    );
  });

  it('exports a real PDF: pdf-lib parses it, pages break on appendPageBreak and overflow, text in Unicode fonts', async () => {
    const emu = createEmu();
    const bytes = emu.run<number[]>(`
      const doc = DocumentApp.create('Carta ¿Sí? (1)');
      const body = doc.getBody();
      body.getParagraphs()[0].setText('Estimada familia de José Ñúñez (ID 7) \\\\ año: ¡Atención! ü');
      body.appendPageBreak();
      for (let i = 0; i < 80; i++) body.appendParagraph('Line ' + i + ' of a long notice that wraps over the page width because it keeps going and going, past the right margin of a US Letter page.');
      doc.saveAndClose();
      return Array.from(DriveApp.getFileById(doc.getId()).getAs('application/pdf').getBytes());
    `);
    expect(Math.min(...bytes)).toBeLessThan(0); // Apps Script bytes are signed
    const header = Buffer.from(bytes.slice(0, 8).map((b) => b & 255)).toString('latin1');
    expect(header).toMatch(/^%PDF-1\.\d$/);
    const { count, texts } = await pdfPages(bytes);
    expect(count).toBeGreaterThanOrEqual(4); // first page, page break, 80 wrapped lines overflow
    expect(texts[0]?.join(' ')).toBe('Estimada familia de José Ñúñez (ID 7) \\ año: ¡Atención! ü');
    const full = (i: number): string =>
      `Line ${i} of a long notice that wraps over the page width because it keeps going and going, past the right margin of a US Letter page.`;
    expect(texts[1]?.[0]).not.toBe(full(0)); // wrapped
    expect(`${texts[1]?.[0]} ${texts[1]?.[1]}`).toBe(full(0));
    const all = texts.flat().join(' ');
    expect(all).toContain(full(79));
  });

  it('converts text and HTML blobs to PDF through the shared Blob', async () => {
    const emu = createEmu();
    const bytes = emu.run<number[]>(`
      const html = DriveApp.createFile('notice.html', '<h1>Aviso</h1><p>Niño &amp; familia</p>', 'text/html');
      const pdf = html.getBlob().getAs('application/pdf');
      if (pdf.getName() !== 'notice.pdf') throw new Error(pdf.getName());
      return Array.from(pdf.getBytes());
    `);
    expect((await pdfPages(bytes)).texts[0]).toEqual(['Aviso', 'Niño & familia']);
  });

  it('reads an HTML page as a browser would: numeric references decoded, white space collapsed, empty blocks gone', async () => {
    const emu = createEmu();
    const bytes = emu.run<number[]>(`
      const html = '<html><head><style>p{margin:0}</style></head><body><h2>Carta\\n de aviso</h2>' +
        '<p>O&#39;Brien &#38; Nguy&#7877;n</p><p></p>\\n<p>  Mar&#xED;a\\n  López  </p></body></html>';
      return Array.from(DriveApp.createFile('a.html', html, 'text/html').getBlob().getAs('application/pdf').getBytes());
    `);
    expect((await pdfPages(bytes)).texts[0]).toEqual(['Carta de aviso', "O'Brien & Nguyễn", 'María López']);
  });

  it("leaves a browser's margin after an HTML paragraph, none between divs; setSpacingAfter sets a Doc paragraph's", async () => {
    const emu = createEmu();
    const [html = [], doc = []] = emu.run<number[][]>(`
      const page = '<p>One</p><p>Two</p><div>Three</div><div>Four</div>';
      const html = DriveApp.createFile('a.html', page, 'text/html').getBlob().getAs('application/pdf');
      const d = DocumentApp.create('Spaced');
      const body = d.getBody();
      body.getChild(0).asParagraph().setText('Five');
      const six = body.appendParagraph('Six');
      if (six.setSpacingAfter(20) !== six) throw new Error('not chained');
      body.appendParagraph('Seven');
      let refused = '';
      try { six.setSpacingAfter('a lot'); } catch (e) { refused = e.message; }
      if (!/Invalid argument/.test(refused)) throw new Error('accepted ' + refused);
      d.saveAndClose();
      return [Array.from(html.getBytes()), Array.from(DriveApp.getFileById(d.getId()).getAs('application/pdf').getBytes())];
    `);
    const ys = async (bytes: number[]) => {
      const [page] = await readPdf(bytes);
      return new Map((page?.pieces ?? []).map((p) => [p.text, p.y]));
    };
    const h = await ys(html);
    const line = 11 * 1.2;
    expect(h.get('One')! - h.get('Two')!).toBeCloseTo(line + 11, 1);
    expect(h.get('Two')! - h.get('Three')!).toBeCloseTo(line + 11, 1);
    expect(h.get('Three')! - h.get('Four')!).toBeCloseTo(line, 1);
    const d = await ys(doc);
    expect(d.get('Six')! - d.get('Seven')!).toBeCloseTo(line + 20, 1);
    // A paragraph without a spacing of its own keeps Docs' default, smaller gap.
    expect(d.get('Five')! - d.get('Six')!).toBeLessThan(line + 11);
    expect(d.get('Five')! - d.get('Six')!).toBeGreaterThan(line);
  });

  it('lays out a table column at the width Table.setColumnWidth sets; the others share the rest', async () => {
    const emu = createEmu();
    const out = emu.run<{ widths: (number | null)[]; bytes: number[]; error: string }>(`
      const doc = DocumentApp.create('Widths');
      const body = doc.getBody();
      const table = body.appendTable([['Wide', 'B', 'C'], ['x', 'y', 'z']]);
      const same = table.setColumnWidth(0, 300);
      let error = '';
      try { table.setColumnWidth(3, 50); } catch (e) { error = e.message; }
      const widths = [same.getColumnWidth(0), table.getColumnWidth(1)];
      doc.saveAndClose();
      return { widths, error, bytes: Array.from(doc.getAs('application/pdf').getBytes()) };
    `);
    expect(out.widths).toEqual([300, null]);
    expect(out.error).toBe('Child index out of bounds.');
    const [page] = await readPdf(out.bytes);
    const x = (text: string) => page!.pieces.find((p) => p.text === text)!.x;
    // Letter width 612 pt, margins 72: 468 pt of content, 300 for the first column, 84 for each of the others.
    expect(x('B') - x('Wide')).toBeCloseTo(300, 0);
    expect(x('C') - x('B')).toBeCloseTo(84, 0);
  });

  it('keeps Drive files: createFile from blobs and strings, folders, sharing, editors, trash and iterators', () => {
    const emu = createEmu();
    const out = emu.run<string[]>(`
      const folder = DriveApp.createFolder('Letters 2025-26');
      const pdf = DocumentApp.create('L').getAs('application/pdf').setName('L.pdf');
      const file = folder.createFile(pdf);
      const note = DriveApp.createFile('note.txt', 'héllo', 'text/plain');
      note.moveTo(folder);
      file.setSharing(DriveApp.Access.PRIVATE, DriveApp.Permission.NONE);
      file.addEditor('ap@district.example.org');
      const names = [];
      const it = folder.getFiles();
      while (it.hasNext()) names.push(it.next().getName());
      note.setTrashed(true);
      const left = [];
      const it2 = DriveApp.getFolderById(folder.getId()).getFiles();
      while (it2.hasNext()) left.push(it2.next().getName());
      return [names.join('+'), left.join('+'), String(file.getSharingAccess()), String(file.getSharingPermission()),
        file.getEditors().map(u => u.getEmail()).join(), file.getMimeType(), String(note.isTrashed()),
        DriveApp.getFileById(note.getId()).getBlob().getDataAsString(), note.getParents().next().getName(),
        String(DriveApp.getFilesByName('note.txt').hasNext())];
    `);
    expect(out).toEqual([
      'L.pdf+note.txt',
      'L.pdf',
      'PRIVATE',
      'NONE',
      'ap@district.example.org',
      'application/pdf',
      'true',
      'héllo',
      'Letters 2025-26',
      'false',
    ]);
    expect(() => emu.run(`DriveApp.getFileById('missing');`)).toThrow(
      'No item with the given ID could be found',
    );
    expect(() =>
      emu.run(`DriveApp.getFileById('${emu.ctl.drive.addTextFile('a', 'b')}').addEditor('not an email');`),
    ).toThrow('Invalid email: not an email');
  });
});
