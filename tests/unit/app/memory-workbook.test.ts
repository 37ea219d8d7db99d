// The in-memory workbook keeps the adapter's contract, so that use-case tests can trust it.
import { readRules } from '../../../src/app/campus';
import { ABSENCES, CALENDAR, DATA_ISSUES, STATUS } from '../../../src/ports/tabs';
import { WorkbookError } from '../../../src/ports/workbook';
import { MemoryWorkbook } from '../../fakes/memory-workbook';

const LISTS = { codes: ['U', 'E'], documentationTypes: [], outcomes: [], roles: [] };

function absencesTab() {
  return new MemoryWorkbook().setTab(
    'Absences',
    ['Code', 'Student ID', 'Note', 'Date', 'Source'],
    [
      ['U', '00123', 'x', '2026-09-01', ''],
      ['', '', '', '', ''],
      ['E', '00456', '', '2026-09-02', ''],
    ],
  );
}

describe('MemoryWorkbook', () => {
  it('reads a yes/no as true or false, blank as null, and anything else as the text typed', () => {
    const wb = new MemoryWorkbook().setTab(
      'Calendar',
      ['Date', 'Instructional', 'Note'],
      [
        ['2026-09-01', 'Yes ', ''],
        ['2026-09-02', 'no', ''],
        ['2026-09-03', 'maybe', ''],
        ['2026-09-04', '', 'x'],
      ],
    );
    expect(wb.read(CALENDAR).map((r) => r.values.instructional)).toEqual([true, false, 'maybe', null]);
    const rules = readRules(wb.setTab('Settings', ['Setting', 'Value', 'Help']), '2026-09-15');
    expect(rules.problems.map((p) => [p.tab, p.row, p.column])).toEqual([
      ['Settings', undefined, undefined],
      ['Calendar', 4, 'Instructional'],
      ['Calendar', 5, 'Instructional'],
    ]);
    expect(rules.calendar).toMatchObject({ firstDay: '2026-09-01', lastDay: '2026-09-01' });
  });

  it('reads columns by header, numbers rows from 2 and skips empty rows', () => {
    expect(absencesTab().read(ABSENCES)).toEqual([
      { row: 2, values: { studentId: '00123', date: '2026-09-01', code: 'U', source: '' } },
      { row: 4, values: { studentId: '00456', date: '2026-09-02', code: 'E', source: '' } },
    ]);
    expect(
      absencesTab()
        .rowsAt(ABSENCES, 3, 5)
        .map((r) => r.row),
    ).toEqual([3, 4]);
    expect(absencesTab().columnOf(ABSENCES, 'date')).toBe(4);
  });

  it('names the tab and the column that are missing', () => {
    const wb = new MemoryWorkbook().setTab('Absences', ['Student ID', 'Date']);
    expect(() => wb.read(ABSENCES)).toThrow(
      expect.objectContaining({
        tab: 'Absences',
        column: 'Code',
        message: expect.stringContaining('"Code"'),
      }),
    );
    expect(() => wb.append(STATUS, [])).not.toThrow();
    expect(() => wb.deleteRows(STATUS, [2])).toThrow(WorkbookError);
  });

  it('finds rows by exact cell value', () => {
    const wb = absencesTab();
    expect(wb.find(ABSENCES, 'studentId', ['00456', '456', '00123 ']).map((r) => r.row)).toEqual([4]);
  });

  it("rejects a row without exactly the tab's columns and writes nothing of it", () => {
    const wb = absencesTab();
    const before = wb.snapshot();
    const short = { studentId: '1', date: '2026-09-03', code: 'U' } as never;
    expect(() => wb.append(ABSENCES, [short])).toThrow(/missing: source/);
    expect(() =>
      wb.append(ABSENCES, [{ studentId: '1', date: '', code: 'U', source: '', extra: 1 } as never]),
    ).toThrow(/unknown: extra/);
    expect(wb.snapshot()).toEqual(before);
    expect(wb.totalWrites()).toBe(0);
  });

  it('appends after the last row, keeps text as text and records what would have become a formula', () => {
    const wb = absencesTab();
    wb.append(ABSENCES, [{ studentId: '007', date: '2026-09-03', code: '=1+1', source: '+x' }]);
    expect(wb.table('Absences')[2]).toEqual({
      Code: '=1+1',
      'Student ID': '007',
      Note: '',
      Date: '2026-09-03',
      Source: '+x',
    });
    expect(wb.snapshot()['Absences']).toHaveLength(5);
    expect(wb.formulas).toEqual([]);
  });

  it('replaces a script tab and clears the rows left over', () => {
    const wb = new MemoryWorkbook();
    wb.ensureTab(DATA_ISSUES, LISTS);
    const issue = {
      tab: 'Absences',
      row: 2,
      column: 'Code',
      studentId: 'S1',
      severity: 'error',
      problem: 'p',
    };
    wb.replace(DATA_ISSUES, [issue, { ...issue, row: 3 }, { ...issue, row: 4 }]);
    wb.replace(DATA_ISSUES, [{ ...issue, row: 9 }]);
    expect(wb.table('Data Issues').map((r) => r['Row'])).toEqual([9]);
    wb.replace(DATA_ISSUES, []);
    expect(wb.table('Data Issues')).toEqual([]);
  });

  it('updates and deletes rows by sheet row number', () => {
    const wb = absencesTab();
    wb.update(ABSENCES, [
      { row: 4, values: { studentId: '00456', date: '2026-09-02', code: 'M', source: 's' } },
    ]);
    expect(wb.table('Absences')[1]).toMatchObject({ Code: 'M', Source: 's' });
    wb.deleteRows(ABSENCES, [2, 3]);
    expect(wb.read(ABSENCES)).toEqual([
      { row: 2, values: { studentId: '00456', date: '2026-09-02', code: 'M', source: 's' } },
    ]);
    expect(() => wb.deleteRows(ABSENCES, [1])).toThrow(/not a data row/);
  });

  it('reads any tab as text and writes a column by header, adding it at the end', () => {
    const wb = new MemoryWorkbook().setTab(
      'Import',
      ['ID', 'Day'],
      [
        [123, '2026-09-01'],
        ['', ''],
        [true, ''],
      ],
    );
    expect(wb.readRaw('Import')).toEqual({
      header: ['ID', 'Day'],
      rows: [
        { row: 2, cells: ['123', '2026-09-01'] },
        { row: 4, cells: ['true', ''] },
      ],
    });
    wb.writeColumn('Import', 'Result', ['a', '', '=b']);
    wb.writeColumn('Import', 'Result', ['c']);
    expect(wb.header('Import')).toEqual(['ID', 'Day', 'Result']);
    expect(wb.snapshot()['Import']!.map((r) => r[2])).toEqual(['Result', 'c', '', '=b']);
    expect(wb.formulas).toEqual([]);
    expect(wb.readRaw('Nope')).toBeNull();
  });

  it('lays a tab out once, adding missing columns at the end', () => {
    const wb = new MemoryWorkbook().setTab('Absences', ['Student ID', 'Extra'], [['1', 'kept']]);
    expect(wb.ensureTab(ABSENCES, LISTS)).toEqual(['added "Date", "Code", "Source" to Absences']);
    expect(wb.ensureTab(ABSENCES, LISTS)).toEqual([]);
    expect(wb.header('Absences')).toEqual(['Student ID', 'Extra', 'Date', 'Code', 'Source']);
    expect(wb.table('Absences')).toEqual([
      { 'Student ID': '1', Extra: 'kept', Date: '', Code: '', Source: '' },
    ]);
    expect(wb.dropdowns.get('Absences!Code')).toEqual(['U', 'E']);
    expect(wb.ensureTab(STATUS, LISTS)).toEqual(['created the Status tab', 'protected the Status tab']);
    expect(wb.ensureTab(STATUS, LISTS)).toEqual([]);
  });
});
