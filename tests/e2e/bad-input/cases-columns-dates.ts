// Missing and renamed columns, empty tabs, and dates that are not real, not typed as dates, or out of range.
import type { Emulator } from '../../../emulator/host/emulator';
import { table } from '../harness';
import { DAYS, rowOf } from './campus';
import {
  absence,
  all,
  effort,
  exported,
  importTab,
  issues,
  onlyCell,
  recalc,
  statusOf1003,
  type,
  type Case,
} from './case';

const NOTHING_CHANGED = (what: string, tab: string, column: string) =>
  new RegExp(
    `alert: ${what}: nothing was changed: .*${tab}.*${column}|alert: ${what}: nothing was changed: .*${column}.*${tab}`,
    's',
  );

/** A renamed header: Recalculate now stops with one message naming the tab and column, and writes nothing. */
const renamed = (tab: string, cell: string, to: string, column: string): Case => ({
  name: `${tab} "${column}" renamed to "${to}"`,
  kind: 'missing or renamed column',
  setup: type(tab, cell, [[to]]),
  act: recalc,
  message: NOTHING_CHANGED('Recalculate', tab, column),
});

/** A Calendar cell edited by hand: listed at once, a toast says the change waits for an administrator, nobody moves. */
const calendarEdit = (name: string, col: 'A' | 'B', value: string, re: RegExp): Case => ({
  name,
  kind: 'date or yes/no in Calendar',
  act: (emu) => emu.edit('Calendar', `${col}${rowOf(emu, 'Calendar', '2026-09-02')}`, [[value]]),
  message: re,
  changes: ['Calendar', 'Data Issues'],
  then: (emu, before, after) => {
    const at = rowOf(emu, 'Calendar', col === 'A' ? value : '2026-09-02');
    onlyCell(
      'Calendar',
      at,
      col === 'A' ? 1 : 2,
      emu.values('Calendar')[at - 1]![col === 'A' ? 0 : 1],
    )(emu, before, after);
    expect(table(emu, 'Data Issues').filter((i) => i['Tab'] === 'Calendar')).toHaveLength(1);
    expect(emu.ui.toasts.at(-1)).toMatchObject({ title: 'Settings or Calendar changed' });
  },
});

/** A typed absence with a bad date: listed with its row and what was typed; 1003's count unchanged. */
const badAbsenceDate = (date: unknown, re: RegExp): Case => ({
  name: `Absences date ${JSON.stringify(date)}`,
  kind: 'date in Absences',
  setup: absence(date),
  act: recalc,
  message: re,
  changes: ['Data Issues', 'Status'],
  then: all(issues(1, /^Absences row 12/), statusOf1003(0)),
});

const badEffortDate = (date: unknown, re: RegExp): Case => ({
  name: `Documentation date ${JSON.stringify(date)}`,
  kind: 'date in Documentation',
  setup: effort({ date }),
  act: recalc,
  message: re,
  changes: ['Data Issues', 'Status', 'To Do', 'Documentation'],
  then: (emu, before, after) => {
    issues(1, /^Documentation row \d+/)(emu);
    // Only the typed row's Entry ID is filled in.
    const docs = after['Documentation']!;
    expect(docs.slice(0, -1)).toEqual(before['Documentation']!.slice(0, -1));
    expect(String(docs.at(-1)![9])).toMatch(/^T\d+$/);
  },
});

/** An export row with a bad date: rejected with the reason; only the Import tab's Import Result is written. */
const badImportDate = (date: string, re: RegExp): Case => ({
  name: `imported date "${date}"`,
  kind: 'date in an import',
  setup: exported(['1003', date, 'U']),
  act: importTab,
  message: re,
  changes: ['Import'],
  then: (emu) =>
    expect(table(emu, 'Import')).toEqual([
      { 'Student ID': '1003', Date: date, Code: 'U', 'Import Result': expect.stringMatching(/^rejected: /) },
    ]),
});

export const COLUMN_AND_DATE_CASES: Case[] = [
  renamed('Students', 'A1', 'ID', 'Student ID'),
  renamed('Students', 'B1', 'Surname', 'Last Name'),
  renamed('Absences', 'B1', 'When', 'Date'),
  renamed('Absences', 'C1', 'Attendance', 'Code'),
  renamed('Documentation', 'D1', 'Kind', 'Type'),
  renamed('Documentation', 'B1', '', 'Student ID'),
  renamed('Staff', 'A1', 'E-mail', 'Email'),
  renamed('Calendar', 'B1', 'School day', 'Instructional'),
  {
    name: 'export without a Code column',
    kind: 'missing or renamed column',
    setup: type('Import', 'A1', [
      ['Student ID', 'Date', 'Reason'],
      ['1003', '2026-09-04', 'U'],
    ]),
    act: importTab,
    message: /alert: Import: nothing was changed: .*Code/s,
  },
  {
    name: 'empty Import tab',
    kind: 'empty tab',
    act: importTab,
    message: /alert: Import: nothing was changed: .*(empty|nothing to import|no rows)/is,
  },
  {
    name: 'Import tab with a header and no rows',
    kind: 'empty tab',
    setup: exported(),
    act: importTab,
    message: /alert: Import: nothing was changed: .*(empty|nothing to import|no rows)/is,
  },
  {
    name: 'Absences tab emptied: every count drops to 0, kept steps stay',
    kind: 'empty tab',
    setup: (emu: Emulator) =>
      emu.setValues(
        'Absences',
        'A2',
        Array.from({ length: 10 }, () => ['', '', '', '']),
      ),
    act: recalc,
    message: /toast: .*Recalculated/,
    changes: ['Status', 'To Do'],
    then: (emu) => {
      expect(table(emu, 'Status').map((r) => [r['Student ID'], r['Unexcused Days'], r['Step']])).toEqual([
        ['1001', 0, 2],
        ['1002', 0, 1],
        ['1003', 0, 0],
        ['0042', 0, 0],
      ]);
    },
  },
  badAbsenceDate('2026-02-30', /"2026-02-30" is not a real date/),
  badAbsenceDate('2026-13-01', /"2026-13-01" is not a real date/),
  badAbsenceDate('31/04/2026', /"31\/04\/2026"/),
  badAbsenceDate('last Tuesday', /"last Tuesday"/),
  badAbsenceDate('2099-01-01', /2099-01-01.*(school year|after today)/),
  badAbsenceDate('2025-08-01', /2025-08-01.*(school year|before)/),
  badAbsenceDate('2026-09-30', /2026-09-30.*after today/),
  badEffortDate('2026-02-30', /"2026-02-30" is not a real date/),
  badEffortDate('tomorrow', /"tomorrow"/),
  badEffortDate('2026-10-01', /2026-10-01 is in the future/),
  {
    name: 'Step Set To typed as a word ("three")',
    kind: 'number typed as a word',
    setup: (emu) => {
      const at = emu.values('Documentation').filter((r) => r.some((v) => v !== '')).length + 1;
      emu.setValues('Documentation', `A${at}`, [
        ['', '1003', DAYS[3], 'Step adjustment', 'Completed', 'Assistant Principal', 'Ann', 'typed', 'three'],
      ]);
    },
    act: recalc,
    message: /got "three"/,
    changes: ['Data Issues', 'Status', 'To Do', 'Documentation'],
    then: (emu) => {
      const listed = table(emu, 'Data Issues').map((r) => `${r['Tab']} row ${r['Row']}: ${r['Problem']}`);
      expect(listed).toContainEqual(
        expect.stringMatching(
          /^Documentation row \d+: A step adjustment needs a step from 0 to 5; got "three"/,
        ),
      );
      expect(listed.join('\n')).not.toContain('NaN');
    },
  },
  calendarEdit('Calendar date 2026-02-30', 'A', '2026-02-30', /"2026-02-30" is not a real date/),
  calendarEdit('Calendar date 2026-13-01', 'A', '2026-13-01', /"2026-13-01" is not a real date/),
  calendarEdit('Calendar date 31/04/2026', 'A', '31/04/2026', /"31\/04\/2026"/),
  calendarEdit('Calendar Instructional "maybe"', 'B', 'maybe', /Instructional "maybe" is not Yes or No/),
  calendarEdit('Calendar Instructional "TBD"', 'B', 'TBD', /Instructional "TBD" is not Yes or No/),
  badImportDate('2026-02-30', /row 2: .*2026-02-30.* not a real date/),
  badImportDate('13/13/2026', /row 2: .*13\/13\/2026/),
  badImportDate('2025-06-01', /row 2: .*2025-06-01.*(school year|before)/),
  badImportDate('2026-09-16', /row 2: 2026-09-16 is after today \(2026-09-15\)/),
];
