// PDF export through pdf-lib with Unicode fonts: names in any script, bold, alignment, tables, page set-up,
// page breaks and overflow, exact page counts, and the same bytes for the same document.
import { resolveFontDirs } from '../../emulator/host/pdf-fonts';
import { renderPdfRequest } from '../../emulator/host/pdf-render';
import { pdfRenderStats, renderPdfSync } from '../../emulator/host/pdf-sync';
import type { PdfRequest } from '../../emulator/runtime/pdf';
import { createEmu, type Emu } from './other-services-harness';
import { pdftotext, readPdf } from './pdf-text';

const NAMES = ['Nguyễn Thị Hương', 'Øyvind Ødegård', '王芳', 'عائشة'];

function pdfOf(emu: Emu, script: string): number[] {
  return emu.run<number[]>(`
    const doc = DocumentApp.create('Letter');
    const body = doc.getBody();
    ${script}
    doc.saveAndClose();
    return Array.from(DriveApp.getFileById(doc.getId()).getAs('application/pdf').getBytes());
  `);
}

/** Reverses what a right-to-left run draws (glyphs in visual order) back to reading order. */
const reading = (visual: string): string => [...visual].reverse().join('');

describe('PDF export with Unicode fonts', () => {
  it('prints Vietnamese, Norwegian, Chinese and Arabic names as their characters', async () => {
    const emu = createEmu();
    const bytes = pdfOf(emu, NAMES.map((n) => `body.appendParagraph('Student: ${n}.');`).join('\n'));
    const [page] = await readPdf(bytes);
    const lines = page?.lines ?? [];
    expect(lines).toContain('Student: Nguyễn Thị Hương.');
    expect(lines).toContain('Student: Øyvind Ødegård.');
    expect(lines).toContain('Student: 王芳.');
    // Arabic is drawn shaped, right to left: the run's glyphs read backwards give the name.
    const arabic = page?.pieces.find((p) => /[\u0600-\u06ff]/.test(p.text));
    expect(reading(arabic?.text ?? '')).toBe('عائشة');
    expect(arabic?.font).toMatch(/DejaVuSans/);
    expect(page?.pieces.find((p) => p.text.includes('王'))?.font).toMatch(/NotoSansSC/);
    const text = pdftotext(bytes);
    if (text !== null) for (const n of NAMES) expect(text).toContain(n);
  });

  it('shapes Arabic and orders a mixed line by the bidirectional algorithm', async () => {
    const emu = createEmu();
    const bytes = pdfOf(emu, `body.appendParagraph('Guardian: عائشة بنت أحمد, mother');`);
    const [page] = await readPdf(bytes);
    const pieces = page?.pieces ?? [];
    const latin = pieces.filter((p) => !/[\u0600-\u06ff]/.test(p.text)).map((p) => p.text);
    expect(latin[0]).toBe('Guardian: ');
    const arabic = pieces.filter((p) => /[\u0600-\u06ff]/.test(p.text));
    expect(arabic).toHaveLength(1);
    expect(reading(arabic[0]?.text ?? '')).toBe('عائشة بنت أحمد');
    // Shaped: the drawn glyphs are not the isolated letters one by one (ع in its initial form, ة final, …);
    // ToUnicode maps each back, so only the order is checked here; the glyph choice is pdf-lib/fontkit's.
    const after = pieces.find((p) => p.text.startsWith(','));
    expect((after?.x ?? 0) > (arabic[0]?.x ?? 0)).toBe(true);
    const text = pdftotext(bytes);
    if (text !== null) expect(text).toContain('عائشة بنت أحمد');
  });

  it('draws bold runs in the bold face, headings larger, centered and right-aligned lines', async () => {
    const emu = createEmu();
    const bytes = pdfOf(
      emu,
      `
      body.appendParagraph('Warning notice').setHeading(DocumentApp.ParagraphHeading.HEADING1);
      const p = body.appendParagraph('Dear Ana, please read this.');
      p.editAsText().setBold(5, 7, true);
      body.appendParagraph('centered').setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      body.appendParagraph('right').setAlignment(DocumentApp.HorizontalAlignment.RIGHT);
    `,
    );
    const [page] = await readPdf(bytes);
    const pieces = page?.pieces ?? [];
    const heading = pieces.find((p) => p.text === 'Warning notice');
    expect(heading?.size).toBe(20);
    const bold = pieces.find((p) => p.text === 'Ana');
    expect(bold?.font).toMatch(/NotoSans-Bold/);
    expect(pieces.find((p) => p.text.startsWith('Dear'))?.font).toMatch(/NotoSans-Regular/);
    const centered = pieces.find((p) => p.text === 'centered');
    const right = pieces.find((p) => p.text === 'right');
    expect(centered?.x).toBeGreaterThan(250);
    expect(centered?.x).toBeLessThan(300);
    expect(right?.x).toBeGreaterThan(500);
  });

  it('renders tables cell by cell with Unicode text and wraps long cells', async () => {
    const emu = createEmu();
    const bytes = pdfOf(
      emu,
      `body.appendTable([['Date', 'Student', 'Note'], ['2026-12-02', '王芳', 'A note long enough that it has to wrap inside its column of the table']]);`,
    );
    const [page] = await readPdf(bytes);
    expect(page?.lines[0]).toBe('DateStudentNote');
    expect(page?.lines[1]).toBe('2026-12-02王芳A note long enough that it has');
    const note = (page?.pieces ?? []).filter((p) => p.x > 350 && p.size === 10);
    expect(note.length).toBeGreaterThan(2); // header cell plus at least two wrapped lines
  });

  it('counts pages exactly: one per page break, overflow adds pages, page size and margins apply', async () => {
    const emu = createEmu();
    const hundred = await readPdf(
      pdfOf(
        emu,
        `body.getParagraphs()[0].setText('Letter 1');
         for (let i = 2; i <= 100; i++) { body.appendPageBreak(); body.appendParagraph('Letter ' + i); }`,
      ),
    );
    expect(hundred).toHaveLength(100);
    expect(hundred[99]?.lines).toEqual(['Letter 100']);
    const overflow = await readPdf(
      pdfOf(emu, `for (let i = 0; i < 60; i++) body.appendParagraph('Line ' + i);`),
    );
    // 61 paragraphs of 11 pt (13.2 pt line + 3.85 pt after) on 648 pt of a Letter page: 38 a page.
    expect(overflow).toHaveLength(2);
    expect(overflow[1]?.lines[0]).toBe('Line 37');
    const a4 = await readPdf(
      pdfOf(
        emu,
        `body.setPageWidth(595).setPageHeight(842).setMarginLeft(36).setMarginTop(36);
         body.getParagraphs()[0].setText('A4');`,
      ),
    );
    expect(a4[0]?.width).toBe(595);
    expect(a4[0]?.height).toBe(842);
    expect(a4[0]?.pieces[0]?.x).toBe(36);
  });

  it('gives the same bytes for the same document at the same moment, rendering it once', async () => {
    const request = (text: string): string =>
      JSON.stringify({
        title: 'Same',
        page: { width: 612, height: 792, marginTop: 72, marginBottom: 72, marginLeft: 72, marginRight: 72 },
        blocks: [{ kind: 'paragraph', text, heading: 'NORMAL', alignment: 'LEFT' }],
        createdMs: Date.UTC(2026, 11, 2),
      });
    // Deterministic: two fresh renders (no cache) of one request are byte for byte equal.
    const dirs = resolveFontDirs();
    const fresh = async (): Promise<Buffer> =>
      Buffer.from(await renderPdfRequest(JSON.parse(request('Nguyễn 王芳 عائشة')) as PdfRequest, dirs));
    expect((await fresh()).equals(await fresh())).toBe(true);
    const before = pdfRenderStats();
    const a = renderPdfSync(request('Nguyễn 王芳 عائشة'));
    const b = renderPdfSync(request('Nguyễn 王芳 عائشة'));
    const c = renderPdfSync(request('Øyvind'));
    const after = pdfRenderStats();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(Buffer.from(a).equals(await fresh())).toBe(true);
    expect(Buffer.from(a).equals(Buffer.from(c))).toBe(false);
    expect(after.rendered - before.rendered).toBe(2);
    expect(after.fromCache - before.fromCache).toBe(1);
    const p = pdfOf(createEmu(), `body.appendParagraph('Nguyễn 王芳 عائشة');`);
    const q = pdfOf(createEmu(), `body.appendParagraph('Nguyễn 王芳 عائشة');`);
    expect(Buffer.from(p).equals(Buffer.from(q))).toBe(true);
  });
});
