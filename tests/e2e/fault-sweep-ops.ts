// The runs the fault sweep interrupts, on a five-student campus: Set up, Import, Recalculate, an edit, the nightly
// run and the daily call list.
import type { Emulator, RunResult } from '../../emulator/host/emulator';
import type { Operation } from './sweep';

const ROSTER = ['1001', '1002', '1003', '1004', '1005'].map((id) => [id, `Last${id}`, `First${id}`, '7']);
/** 1001 and 1002 two days short of step 1 … 1003 at step 1 already. */
const ABSENCES = [
  ['1001', '2026-09-01', 'U', ''],
  ['1001', '2026-09-02', 'U', ''],
  ['1002', '2026-09-01', 'U', ''],
  ['1002', '2026-09-02', 'U', ''],
  ['1003', '2026-09-01', 'U', ''],
  ['1003', '2026-09-02', 'U', ''],
  ['1003', '2026-09-03', 'U', ''],
  ['1004', '2026-09-03', 'E', ''],
];

/** A menu item, with Set up's question (add you as the first administrator?) answered yes. */
function menu(emu: Emulator, fn: string): RunResult[] {
  const ui = emu.control.ui as unknown as { alertAnswers: string[] };
  ui.alertAnswers.length = 0;
  if (fn === 'setUpWorkbook') emu.ui.queueAlertResponse('YES');
  return [emu.run(fn, undefined, 'menu')];
}

function setUp(emu: Emulator): void {
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Absences', 'A2', ABSENCES);
}

function recalculated(emu: Emulator): void {
  setUp(emu);
  menu(emu, 'recalculateNow');
}

export const OPERATIONS: Operation[] = [
  {
    name: 'Set up',
    prepare: () => undefined,
    act: (emu) => menu(emu, 'setUpWorkbook'),
    rerun: (emu) => {
      const out = menu(emu, 'setUpWorkbook');
      emu.setValues('Students', 'A2', ROSTER);
      emu.setValues('Absences', 'A2', ABSENCES);
      return [...out, ...menu(emu, 'recalculateNow')];
    },
  },
  {
    name: 'Import',
    prepare: (emu) => {
      recalculated(emu);
      emu.setValues('Import', 'A1', [
        ['Student ID', 'Date', 'Code'],
        ['1001', '2026-09-03', 'U'],
        ['1005', '2026-09-04', 'U'],
      ]);
    },
    act: (emu) => menu(emu, 'importAttendance'),
    // As a person would after a failure: import again (a successful import leaves only its rejected rows on the
    // Import tab, so a second import finds nothing new), then Recalculate now, which also repays what is owed.
    rerun: (emu) => [...menu(emu, 'importAttendance'), ...menu(emu, 'recalculateNow')],
  },
  {
    name: 'Recalculate',
    prepare: setUp,
    act: (emu) => menu(emu, 'recalculateNow'),
    rerun: (emu) => menu(emu, 'recalculateNow'),
  },
  {
    name: 'the edit trigger',
    prepare: recalculated,
    act: (emu) => emu.edit('Absences', 'A10', [['1001', '2026-09-03', 'U', '']]),
    // The next run that gets the lock: another person's edit of an unrelated cell.
    rerun: (emu) => emu.edit('Students', 'C6', [['Renamed']]),
  },
  {
    name: 'the nightly run',
    prepare: (emu) => {
      recalculated(emu);
      emu.setValues('Absences', 'A10', [['1002', '2026-09-03', 'U', '']]);
    },
    act: (emu) => [emu.run('nightlyRecalculation', undefined, 'time-trigger')],
    rerun: (emu) => [emu.run('nightlyRecalculation', undefined, 'time-trigger')],
  },
  {
    name: 'the daily call list',
    prepare: (emu) => {
      recalculated(emu);
      // 1003 (step 1) and 1001 are absent today; 1003 has a phone, so the list holds one call.
      emu.setValues('Students', 'J4', [['5125550103']]);
      emu.setValues('Absences', 'A10', [
        ['1003', '2026-10-15', 'U', ''],
        ['1001', '2026-10-15', 'U', ''],
      ]);
    },
    act: (emu) => [emu.run('dailyCallList', undefined, 'time-trigger')],
    rerun: (emu) => [emu.run('dailyCallList', undefined, 'time-trigger')],
  },
];
