// The small campus every bad-input case starts from, and what a case may look at: every tab's values, what the
// person was told (alerts, toasts, a dialog's answer, Data Issues), formulas written.
import { createEmulatorSync, type Emulator, type RunResult } from '../../../emulator/host/emulator';
import { table } from '../harness';

export const PRINCIPAL = 'clerk@district.example.org'; // the emulator's default user, made Principal by Set up
export const TEACHER = 'teacher@district.example.org';
export const SPECIALIST = 'specialist@district.example.org';
export const TODAY = '2026-09-15';
export const DAYS = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08', '2026-09-09'];

export function student(id: string, last = `Last${id}`, first = 'Ana'): string[] {
  return [id, last, first, '7', '', '', '', 'Guardian', '', '', '', 'English'];
}

/** 1001 at step 2 (5 days), 1002 at step 1 (3 days), 1003 none, 0042 one day; a Teacher and a District Specialist. */
export function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: TODAY });
  emu.ui.queueAlertResponse('YES');
  clean([emu.run('setUpWorkbook', undefined, 'menu')]);
  emu.setValues('Students', 'A2', [
    student('1001', 'Garcia'),
    student('1002', 'Smith'),
    student('1003'),
    student('0042'),
  ]);
  for (const [email, name, role] of [
    [TEACHER, 'Tess Teacher', 'Teacher'],
    [SPECIALIST, 'Dana District', 'District Specialist'],
  ])
    expect(emu.run('submitStaffMember', { email, name, role }).value).toMatchObject({ ok: true });
  emu.setValues('Absences', 'A2', [
    ...DAYS.slice(0, 5).map((d) => ['1001', d, 'U', '']),
    ...DAYS.slice(0, 3).map((d) => ['1002', d, 'U', '']),
    ['1003', DAYS[1], 'E', ''],
    ['0042', DAYS[2], 'U', ''],
  ]);
  clean([emu.run('recalculateNow', undefined, 'menu')]);
  return emu;
}

export function clean(results: RunResult[]): void {
  for (const r of results)
    expect({ name: r.name, error: r.error }).toEqual({ name: r.name, error: undefined });
}

/**
 * Every tab's values (the hidden ids tab is the add-on's own bookkeeping, left out). Status's Updated column says
 * when a row was last calculated, so it is left out: a rerun that changes nothing else still stamps it.
 */
export function snapshot(emu: Emulator): Record<string, unknown[][]> {
  return Object.fromEntries(
    emu
      .sheetNames()
      .filter((t) => t !== 'Attendance Steps (ids)')
      .map((t) => {
        const rows = JSON.parse(JSON.stringify(emu.values(t))) as unknown[][];
        const stamp = t === 'Status' ? (rows[0] ?? []).indexOf('Updated') : -1;
        return [t, stamp < 0 ? rows : rows.map((r) => r.filter((_, i) => i !== stamp))];
      }),
  );
}

/** The first empty row of a tab (1-based). */
export function nextRow(emu: Emulator, tab: string): number {
  return emu.values(tab).filter((r) => r.some((v) => v !== '')).length + 1;
}

/** The row (1-based) whose first cell is `key`. */
export function rowOf(emu: Emulator, tab: string, key: string): number {
  const at = emu.displayValues(tab).findIndex((r) => r[0] === key);
  if (at < 0) throw new Error(`${key} is not on ${tab}`);
  return at + 1;
}

/** Everything the person was told since `mark`: alerts, toasts, run answers and errors, and Data Issues. */
export interface Mark {
  alerts: number;
  toasts: number;
}
export function mark(emu: Emulator): Mark {
  return { alerts: emu.ui.alerts.length, toasts: emu.ui.toasts.length };
}
export function told(emu: Emulator, m: Mark, results: RunResult[]): string {
  const lines = [
    ...emu.ui.alerts.slice(m.alerts).map((a) => `alert: ${a.title}: ${a.prompt}`),
    ...emu.ui.toasts.slice(m.toasts).map((t) => `toast: ${JSON.stringify(t)}`),
    ...results.map((r) => `${r.name}: ${JSON.stringify(r.value ?? null)} ${r.error ?? ''}`),
    ...table(emu, 'Data Issues').map(
      (i) => `issue: ${i['Tab']} row ${i['Row']} ${i['Column']}: ${i['Problem']}`,
    ),
  ];
  return lines.join('\n');
}

/** Cells the add-on or a person left as a formula, anywhere in the workbook. */
export function formulas(emu: Emulator): string[] {
  const book = (
    emu.control.sheets as unknown as {
      exportBook(): { sheets: { name: string; formulas: [number, number, string][] }[] };
    }
  ).exportBook();
  return book.sheets.flatMap((s) => s.formulas.map(([r, c, f]) => `${s.name}!R${r + 1}C${c + 1}: ${f}`));
}

export function locks(emu: Emulator): { holdBy(kind: string): void; release(kind: string): void } {
  return emu.control['locks'] as { holdBy(kind: string): void; release(kind: string): void };
}

export function addCsv(emu: Emulator, name: string, lines: string[][]): string {
  const drive = emu.control['drive'] as { addTextFile(name: string, content: string, type: string): string };
  return drive.addTextFile(name, lines.map((l) => l.join(',')).join('\n'), 'text/csv');
}
