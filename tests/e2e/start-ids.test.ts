// npm start at 3,000 students: ids past the rows Set up formatted stay text, so no data issue names an unknown student.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runStart } from '../../scripts/start';
import { useBuiltBundle } from './harness';

useBuiltBundle();

describe('npm start -- --students 3000', () => {
  it('lists 0 "Unknown student ID" issues and writes every Student ID as text', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'attendance-3000-'));
    const text = await runStart({ asOf: '2026-11-20', out, seed: 2026, students: 3000 });
    expect(text).toMatch(/Students per step \(3000 students\)/);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path.join(out, 'workbook.xlsx'));
    const issues = workbook.getWorksheet('Data Issues')!;
    const problems: string[] = [];
    issues.eachRow((row, i) => {
      if (i > 1) problems.push(String(row.getCell(6).value));
    });
    expect(problems.filter((p) => /Unknown student ID/.test(p))).toEqual([]);
    expect(
      problems.filter((p) => /changed after it was written|missing from the Documentation/.test(p)),
    ).toEqual([]);

    const doc = workbook.getWorksheet('Documentation')!;
    expect(doc.getRow(1).getCell(10).value).toBe('Entry ID');
    const status = workbook.getWorksheet('Status')!;
    expect(status.actualRowCount).toBe(3001);
    const nonText: unknown[] = [];
    for (const tab of ['Status', 'Absences', 'Documentation']) {
      workbook.getWorksheet(tab)!.eachRow((row, i) => {
        // On Documentation, the add-on's own (sealed) rows; staff typed theirs, some as numbers.
        if (tab === 'Documentation' && !String(row.getCell(10).value).startsWith('S')) return;
        const v = row.getCell(tab === 'Documentation' ? 2 : 1).value;
        if (i > 1 && typeof v !== 'string') nonText.push({ tab, row: i, v });
      });
    }
    expect(nonText.slice(0, 5)).toEqual([]);
  }, 360_000);
});
