// Names in any script, through the built bundle: Vietnamese, Norwegian, Chinese and Arabic names of students and
// guardians, emailed and printed, read back from the letters' PDFs and the print batch as the family reads them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Emulator } from '../../../emulator/host/emulator';
import type { OutboxMessage } from '../../../emulator/runtime/control';
import type { DriveStore } from '../../../emulator/runtime/drive-store';
import { pdftotext, readPdf, type PdfPageText } from '../../emulator/pdf-text';
import { table, useBuiltBundle } from '../harness';
import { DAYS, letterCampus, sendAll } from './campus';

useBuiltBundle();

const blank = (n: number) => new Array<string>(n).fill('');
/** id, last, first, grade, birth, enroll, withdraw, guardian, email, phone, address, language, … */
const ROSTER = [
  [
    '3001',
    'Nguyễn',
    'Hương',
    '7',
    ...blank(3),
    'Nguyễn Thị Lan',
    'lan.nguyen@example.org',
    '',
    '',
    'English',
    ...blank(3),
  ],
  [
    '3002',
    'Ødegård',
    'Øyvind',
    '8',
    ...blank(3),
    'Kari Ødegård',
    '',
    '',
    '5 Elm St, Austin, TX 78701',
    'English',
    ...blank(3),
  ],
  ['3003', '王', '小明', '6', ...blank(3), '王芳', 'wang.fang@example.org', '', '', 'Spanish', ...blank(3)],
  [
    '3004',
    'Haddad',
    'Omar',
    '7',
    ...blank(3),
    'عائشة',
    '',
    '',
    '9 Pine Rd, Austin, TX 78702',
    'English',
    ...blank(3),
  ],
];
const ABSENCES = ROSTER.flatMap(([id]) => DAYS.slice(0, 3).map((d) => [id!, d, 'U', '']));

const outbox = (emu: Emulator) => (emu.control as unknown as { outbox: OutboxMessage[] }).outbox;
const drive = (emu: Emulator) => (emu.control as unknown as { drive: DriveStore }).drive;

/** A right-to-left run is drawn in visual order: its glyphs read backwards give the text as written. */
const rtl = (pages: PdfPageText[]): string[] =>
  pages.flatMap((p) =>
    p.pieces.filter((x) => /[\u0600-\u06ff]/.test(x.text)).map((x) => [...x.text].reverse().join('')),
  );
const lines = (pages: PdfPageText[]): string => pages.flatMap((p) => p.lines).join('\n');

describe('names in any script', () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = letterCampus({ roster: ROSTER, absences: ABSENCES });
    const runs = sendAll(emu);
    expect(runs.at(-1)!.error).toBeUndefined();
  });

  it('every letter went out: two by email, two printed', () => {
    const rows = table(emu, 'Letters');
    expect(rows.map((r) => [r['Student ID'], r['State']]).sort()).toEqual([
      ['3001', 'SENT'],
      ['3002', 'PRINTED'],
      ['3003', 'SENT'],
      ['3004', 'PRINTED'],
    ]);
  });

  it('the emailed PDFs show the Vietnamese and Chinese names in their own characters', async () => {
    const nguyen = outbox(emu).find((m) => m.to === 'lan.nguyen@example.org')!;
    const wang = outbox(emu).find((m) => m.to === 'wang.fang@example.org')!;
    const nguyenText = lines(await readPdf(nguyen.attachments[0]!.bytes));
    expect(nguyenText).toContain('Dear Nguyễn Thị Lan,');
    expect(nguyenText).toContain("About: Hương Nguyễn's attendance");
    const wangText = lines(await readPdf(wang.attachments[0]!.bytes));
    expect(wangText).toContain('Estimado(a) 王芳:');
    expect(wangText).toContain('Asunto: asistencia de 小明 王');
    expect(wangText).not.toContain('\ufffd');
    const viewer = pdftotext(nguyen.attachments[0]!.bytes);
    if (viewer !== null) expect(viewer).toContain('Dear Nguyễn Thị Lan,');
  });

  it('the print batch shows the Norwegian and Arabic names, each letter on its own page', async () => {
    const batch = [...drive(emu).files.values()].find((f) => f.name.startsWith('Print batch') && !f.trashed)!;
    const pages = await readPdf(batch.bytes);
    const text = lines(pages);
    expect(text).toContain('Dear Kari Ødegård,');
    expect(text).toContain("About: Øyvind Ødegård's attendance");
    expect(rtl(pages)).toContain('عائشة');
    expect(text).not.toContain('\ufffd');
    // A page break between letters: the two greetings are on different pages.
    const pageOf = (s: string) => pages.findIndex((p) => p.lines.some((l) => l.includes(s)));
    expect(pageOf('Kari Ødegård')).toBeGreaterThanOrEqual(0);
    expect(pageOf('Omar Haddad')).toBeGreaterThan(pageOf('Kari Ødegård'));
    const viewer = pdftotext(batch.bytes);
    if (viewer !== null) {
      expect(viewer).toContain('Øyvind Ødegård');
      expect(viewer).toContain('عائشة');
    }
  });

  it("each letter's own PDF in Drive reads the same names", async () => {
    // LETTER_PDF_DIR=<folder> keeps the PDFs to look at (pdftoppm -png -r 60).
    const keep = process.env['LETTER_PDF_DIR'];
    if (keep)
      for (const f of drive(emu).files.values())
        if (f.name.endsWith('.pdf')) writeFileSync(join(keep, f.name), Buffer.from(f.bytes));
    const kept = [...drive(emu).files.values()].filter((f) => /^Letter 300[24] /.test(f.name));
    expect(kept).toHaveLength(2);
    const all = await Promise.all(kept.map((f) => readPdf(f.bytes)));
    expect(all.map(lines).join('\n')).toContain('Kari Ødegård');
    expect(all.flatMap(rtl)).toContain('عائشة');
  });
});
