// npm start's job: a demo campus through the add-on's own menu items, saved as a workbook that opens again.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runStart } from '../../scripts/start';
import { useBuiltBundle } from './harness';

useBuiltBundle();

describe('npm start', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-start-'));

  it('sets up, imports and recalculates a demo campus and writes the workbook', async () => {
    const text = await runStart({ asOf: '2026-11-20', out, seed: 7, students: 120 });
    expect(text).toMatch(/Students per step \(120 students\)/);
    const perStep = [...text.matchAll(/step (\d): (\d+)/g)].map((m) => Number(m[2]));
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(120);
    expect(perStep[0]).toBeLessThan(120);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
    const status = workbook.getWorksheet('Status')!;
    expect(status.getRow(1).getCell(1).value).toBe('Student ID');
    expect(status.actualRowCount).toBe(121);
    expect(workbook.getWorksheet('Absences')!.actualRowCount).toBeGreaterThan(100);

    // The demo campus's letters: each one's PDF and the print batch in letters/, the emails in outbox/.
    const sent = /wrote (\d+) letter PDFs and (\d+) print batch PDFs/.exec(text)!;
    const pdfs = fs.readdirSync(path.join(out, 'letters'));
    expect(pdfs.filter((f) => f.startsWith('Letter '))).toHaveLength(Number(sent[1]));
    expect(Number(sent[1])).toBeGreaterThan(10);
    expect(pdfs.filter((f) => f.startsWith('Print batch')).length).toBeGreaterThan(0);
    const emails = Number(/wrote (\d+) emails/.exec(text)![1]);
    expect(fs.readdirSync(path.join(out, 'outbox')).filter((f) => f.endsWith('.eml'))).toHaveLength(emails);
    expect(text).toMatch(/Letters on the Letters tab: \d+ \((SENT|PRINTED) \d+/);
    expect(text).not.toMatch(/DUE \d+/);
  });

  it('loads that workbook again with --workbook and gives the same steps', async () => {
    const first = await runStart({ asOf: '2026-11-20', out, seed: 7, students: 120 });
    const again = await runStart({
      asOf: '2026-11-20',
      workbook: path.join(out, 'workbook.xlsx'),
      out: path.join(out, 'again'),
      seed: 7,
      students: 120,
    });
    const steps = (s: string) => s.slice(s.indexOf('Students per step'), s.indexOf('Next action'));
    expect(steps(again)).toBe(steps(first));
  });
});
