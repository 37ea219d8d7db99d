// The workbook bench's workloads at one cost profile: the built add-on on a generated campus, and the naive tracker.
import { createEmulatorSync, type Emulator, type RunResult } from '../emulator/host/emulator';
import { FLUSH_METHOD } from '../emulator/runtime/core';
import { costOf, costsAt, type CostProfile } from '../emulator/runtime/costs';
import { campusSheets, type CampusSheets } from './campus-sheets';
import { naiveEmulator } from './naive-tracker';
import { seconds, type Measured } from './workbook-report';

export const AS_OF = '2027-03-05';

/** Runs `fn` (one or more executions) with fresh call counters; simulated time is the executions' own. */
export function measure(
  emu: Emulator,
  what: Omit<Measured, 'counts' | 'simulatedMs' | 'nodeMs' | 'error' | 'note'>,
  fn: () => RunResult[],
): Measured {
  emu.control.rt.resetCounters();
  const t = performance.now();
  const results = fn();
  const nodeMs = performance.now() - t;
  const error = results.find((r) => r.error)?.error;
  return {
    ...what,
    counts: emu.counts(),
    simulatedMs: results.reduce((ms, r) => ms + r.simulatedMs, 0),
    nodeMs,
    ...(error ? { error } : {}),
    note: '',
  };
}

/** A campus set up by the add-on, with the roster, Absences and staff Documentation typed in. */
function campus(sheets: CampusSheets, costProfile: CostProfile): Emulator {
  const emu = createEmulatorSync({ asOf: AS_OF, costProfile });
  emu.ui.queueAlertResponse('YES');
  const setUp = emu.run('setUpWorkbook', undefined, 'menu');
  if (setUp.error) throw new Error(`setUpWorkbook failed: ${setUp.error}`);
  emu.setValues('Students', 'A2', sheets.students);
  emu.setValues('Absences', 'A2', sheets.absences);
  emu.setValues('Documentation', 'A2', sheets.documentation);
  return emu;
}

const recalc = (emu: Emulator) => () => [emu.run('recalculateNow', undefined, 'menu')];
/** The nightly trigger: also sorts Absences by student and date. */
const nightly = (emu: Emulator) => () => [emu.run('nightlyRecalculation', undefined, 'time-trigger')];

/** a) and c): the first recalculation after the data is typed (step changes logged, letters listed), and again. */
export function fullRecalculation(
  students: number,
  rows: number,
  label: string,
  profile: CostProfile,
): { emu: Emulator; sheets: CampusSheets; runs: [Measured, Measured] } {
  const sheets = campusSheets(students, rows, AS_OF);
  const emu = campus(sheets, profile);
  const size = { students, rows };
  const first = measure(emu, { workload: `${label} recalculateNow, first run`, ...size }, recalc(emu));
  first.note = 'logs every step reached, lists letters, grows the grid';
  const again = measure(emu, { workload: `${label} nightly recalculation`, ...size }, nightly(emu));
  again.note = 'same data; sorts Absences by student and date';
  return { emu, sheets, runs: [first, again] };
}

/** The Status row of a student, without the Updated column (it changes with every run). */
export function statusOf(emu: Emulator, id: string): string {
  const [header, ...rows] = emu.values('Status');
  const updated = (header ?? []).indexOf('Updated');
  const row = rows.find((r) => String(r[0]) === id);
  return JSON.stringify(row?.filter((_, i) => i !== updated));
}

/** b): a person re-codes one day of a student, in the cells beside Student ID (the incremental path). */
export function editBeside(emu: Emulator, sheets: CampusSheets, id: string, label: string): Measured {
  // Where the student's first row is now (the nightly run sorted the tab).
  const index = emu.values('Absences').findIndex((r) => String(r[0]) === id);
  const [, day, code] = emu.values('Absences')[index]!;
  const date = new Date(day as Date).toLocaleDateString('en-CA', { timeZone: emu.timeZone });
  const row = index + 1;
  const recoded = code === 'E' ? 'U' : 'E';
  const m = measure(
    emu,
    { workload: `b) edit Absences B${row}:D${row} (${label})`, students: 3000, rows: 60_000 },
    () => emu.edit('Absences', `B${row}:D${row}`, [[date, recoded, 'typed']]),
  );
  m.note = `student with ${sheets.rowsPerStudent.get(id)} Absences rows`;
  return m;
}

/**
 * Simulated ms the naive tracker spends per student at `profile`: two getRange, a cell read that follows the
 * previous student's write (so it commits it first), and a queued cell write.
 */
function naivePerStudentMs(profile: CostProfile): number {
  const t = costsAt(profile);
  const c = (m: string, units = 0) => costOf(t, m, units);
  return 2 * c('Sheet.getRange') + c(FLUSH_METHOD) + c('Range.getValue', 1) + c('Range.setValue', 1);
}

/** d): the naive tracker on the same roster and Absences; a run stopped by a time limit is projected at its pace. */
export function naive(
  students: number,
  rows: number,
  label: string,
  profile: CostProfile,
  editId?: string,
): Measured[] {
  const t = costsAt(profile);
  const sheets = campusSheets(students, rows, AS_OF);
  const emu = naiveEmulator(AS_OF, profile);
  emu.setValues('Students', 'A1', [['Student ID', 'Last Name'], ...sheets.students]);
  emu.setValues('Absences', 'A1', [['Student ID', 'Date', 'Code', 'Source'], ...sheets.absences]);
  const size = { students, rows };
  const full = measure(emu, { workload: `d) naive ${label}: recalculation`, ...size }, recalc(emu));
  const written = full.counts['Range.setValue'] ?? 0;
  full.note = `${written} of ${students} students written`;
  full.projectedMs = full.simulatedMs + (students - written) * naivePerStudentMs(profile);
  const out = [full];
  if (editId) {
    const index = sheets.absences.findIndex((r) => r[0] === editId);
    const row = index + 2;
    const [, date] = sheets.absences[index]!;
    const edit = measure(emu, { workload: `d) naive ${label}: edit B${row}:D${row}`, ...size }, () =>
      emu.edit('Absences', `B${row}:D${row}`, [[date, 'E', 'typed']]),
    );
    const studentRow = sheets.students.findIndex((s) => s[0] === editId) + 2;
    const scanned = (edit.counts['Range.getValue'] ?? 1) - 1;
    edit.note = `simple onEdit scans Students cell by cell to row ${studentRow}`;
    // Rows it did not reach: a getRange and a getValue each (no write pending while it scans), then one write.
    const perRow = costOf(t, 'Sheet.getRange') + costOf(t, 'Range.getValue', 1);
    edit.projectedMs = edit.error
      ? edit.simulatedMs + (studentRow - 1 - scanned) * perRow + costOf(t, 'Range.setValue', 1)
      : edit.simulatedMs;
    out.push(edit);
  }
  return out;
}

/** The naive run's time (projected to the end when a limit stopped it) over ours. */
export const ratio = (n: Measured, ours: Measured) => (n.projectedMs ?? n.simulatedMs) / ours.simulatedMs;
const times = (r: number) => `${r < 10 ? r.toFixed(1) : Math.round(r)}×`;

/** The note of a naive run beside ours: the ratio at mid, and at the low and high ends of the measured costs. */
export function ratioNote(n: Measured, ours: Measured, low: number, high: number): string {
  const ends = `at low-end costs ${times(low)}, high-end ${times(high)}`;
  if (!n.error) return `${times(ratio(n, ours))} ours (${ends})`;
  const reached = times(n.simulatedMs / ours.simulatedMs);
  return `≥ ${reached} ours; all of it ≈ ${seconds(n.projectedMs ?? n.simulatedMs)} s, ${times(ratio(n, ours))} (${ends})`;
}

export { times };

/** e): the edit trigger at 20,000 students: one re-coded row beside Student ID, and 50 rows pasted over it. */
export function editsAtDistrict(emu: Emulator, students: number, rows: number): Measured[] {
  const values = emu.values('Absences');
  const date = (v: unknown) => new Date(v as Date).toLocaleDateString('en-CA', { timeZone: emu.timeZone });
  const size = { students, rows };
  const one = Math.floor(values.length / 2);
  const single = measure(emu, { workload: `e) edit Absences B${one + 1}:D${one + 1}`, ...size }, () =>
    emu.edit('Absences', `B${one + 1}:D${one + 1}`, [[date(values[one]![1]), 'E', 'typed']]),
  );
  single.note = 'one row beside Student ID';
  const at = Math.floor(values.length / 3);
  // 50 rows of other students pasted over Student ID: the ids before (from the snapshot) and after are recalculated.
  const block = values.slice(at + 5_000, at + 5_050).map((r) => [String(r[0]), date(r[1]), 'U', 'pasted']);
  const paste = measure(emu, { workload: `e) paste Absences A${at + 1}:D${at + 50}`, ...size }, () =>
    emu.edit('Absences', `A${at + 1}:D${at + 50}`, block),
  );
  const ids = new Set([...block.map((r) => r[0]), ...values.slice(at, at + 50).map((r) => String(r[0]))]);
  paste.note = `50 rows over Student ID: ${ids.size} students (before and after) recalculated`;
  return [single, paste];
}
