// Workbook bench: the built add-on (build/Code.js) in the emulator on generated campuses, beside a naive
// cell-by-cell tracker: service calls, simulated Apps Script seconds and Node milliseconds per workload.
import * as fs from 'node:fs';
import { createEmulatorSync, type Emulator, type RunResult } from '../emulator/host/emulator';
import { COSTS } from '../emulator/runtime/costs';
import { build } from '../scripts/build';
import { campusSheets, type CampusSheets } from './campus-sheets';
import { naiveEmulator } from './naive-tracker';
import {
  callsOf,
  DATA_CALLS,
  dataCalls,
  otherCalls,
  seconds,
  table,
  total,
  type Measured,
} from './workbook-report';

const AS_OF = '2027-03-05';
/** One execution's limit (Apps Script quotas: 6 min) and a simple trigger's (30 s). */
const SIX_MINUTES_MS = 360_000;

/** Runs `fn` (one or more executions) with fresh call counters; simulated time is the executions' own. */
function measure(
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
function campus(sheets: CampusSheets): Emulator {
  const emu = createEmulatorSync({ asOf: AS_OF });
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
function fullRecalculation(
  students: number,
  rows: number,
  label: string,
): { emu: Emulator; sheets: CampusSheets; runs: Measured[] } {
  const sheets = campusSheets(students, rows, AS_OF);
  const emu = campus(sheets);
  const size = { students, rows };
  const first = measure(emu, { workload: `${label} recalculateNow, first run`, ...size }, recalc(emu));
  first.note = 'logs every step reached, lists letters, grows the grid';
  const again = measure(emu, { workload: `${label} nightly recalculation`, ...size }, nightly(emu));
  again.note = 'same data; sorts Absences by student and date';
  return { emu, sheets, runs: [first, again] };
}

/** The Status row of a student, without the Updated column (it changes with every run). */
function statusOf(emu: Emulator, id: string): string {
  const [header, ...rows] = emu.values('Status');
  const updated = (header ?? []).indexOf('Updated');
  const row = rows.find((r) => String(r[0]) === id);
  return JSON.stringify(row?.filter((_, i) => i !== updated));
}

/** b): a person re-codes one day of a student, in the cells beside Student ID (the incremental path). */
function editBeside(emu: Emulator, sheets: CampusSheets, id: string, label: string): Measured {
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

/** Simulated ms of one call of `method` on `units` cells (emulator/runtime/costs.ts). */
function cost(method: string, units = 0): number {
  const c = COSTS[method] ?? COSTS['*']!;
  return c.base + (c.perUnit ?? 0) * units;
}

/** Simulated ms the naive tracker spends per student: a cell read and a cell write, two getRange. */
const NAIVE_PER_STUDENT_MS = 2 * cost('Sheet.getRange') + cost('Range.getValue') + cost('Range.setValue', 1);
/** Per roster row its onEdit scans: a getRange and a getValue. */
const NAIVE_PER_SCANNED_ROW_MS = cost('Sheet.getRange') + cost('Range.getValue');

/** What a stopped naive run would have taken to finish, at its own pace (for the ratio). */
function projection(m: Measured, projectedMs: number, ours: Measured): string {
  const ratio = (ms: number) => `${Math.round(ms / ours.simulatedMs)}×`;
  if (!m.error) return `${ratio(m.simulatedMs)} ours`;
  return `≥ ${ratio(m.simulatedMs)} ours; all of it ≈ ${seconds(projectedMs)} s, ${ratio(projectedMs)}`;
}

/** d): the naive tracker on the same roster and Absences. */
function naive(students: number, rows: number, label: string, editId?: string): Measured[] {
  const sheets = campusSheets(students, rows, AS_OF);
  const emu = naiveEmulator(AS_OF);
  emu.setValues('Students', 'A1', [['Student ID', 'Last Name'], ...sheets.students]);
  emu.setValues('Absences', 'A1', [['Student ID', 'Date', 'Code', 'Source'], ...sheets.absences]);
  const size = { students, rows };
  const full = measure(emu, { workload: `d) naive ${label}: recalculation`, ...size }, recalc(emu));
  const written = full.counts['Range.setValue'] ?? 0;
  full.note = `${written} of ${students} students written`;
  full.projectedMs = full.simulatedMs + (students - written) * NAIVE_PER_STUDENT_MS;
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
    edit.projectedMs =
      edit.simulatedMs + (studentRow - 1 - scanned) * NAIVE_PER_SCANNED_ROW_MS + cost('Range.setValue', 1);
    out.push(edit);
  }
  return out;
}

/** Whether two runs made the same calls, method by method (Utilities.formatDate aside: one per distinct date). */
function sameCalls(a: Measured, b: Measured): boolean {
  const strip = (c: Record<string, number>) =>
    JSON.stringify(
      Object.entries(c)
        .filter(([m]) => m !== 'Utilities.formatDate')
        .sort(),
    );
  return strip(a.counts) === strip(b.counts);
}

const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');

/** Runs every workload; returns the table and the requirement checks, as printed by `npm run bench`. */
export function workbookBench(): string {
  if (!fs.existsSync('build/Code.js')) build();
  const rows: Measured[] = [];

  const half = fullRecalculation(1500, 30_000, 'a)');
  rows.push(...half.runs);
  const [a1First, a1Again] = half.runs as [Measured, Measured];

  const full = fullRecalculation(3000, 60_000, 'a)');
  rows.push(...full.runs);
  const [a2First, a2Again] = full.runs as [Measured, Measured];
  const { sheets } = full;
  const byRows = [...sheets.rowsPerStudent].sort((x, y) => x[1] - y[1]);
  const median = byRows[Math.floor(byRows.length / 2)]![0];
  const busiest = byRows[byRows.length - 1]![0];
  const bMedian = editBeside(full.emu, sheets, median, 'median student');
  const bBusiest = editBeside(full.emu, sheets, busiest, 'busiest student');
  rows.push(bMedian, bBusiest);
  // A paste over Student ID recalculates everyone by design; it also checks the incremental results.
  const edited = [median, busiest].map((id) => statusOf(full.emu, id));
  const other = byRows[10]![0];
  const current = full.emu.values('Absences');
  const otherIndex = current.findIndex((r) => String(r[0]) === other);
  const otherDate = new Date(current[otherIndex]![1] as Date).toLocaleDateString('en-CA', {
    timeZone: full.emu.timeZone,
  });
  const covering = measure(
    full.emu,
    { workload: `b) edit Absences A${otherIndex + 1}:D${otherIndex + 1}`, students: 3000, rows: 60_000 },
    () =>
      full.emu.edit('Absences', `A${otherIndex + 1}:D${otherIndex + 1}`, [[other, otherDate, 'E', 'typed']]),
  );
  covering.note = 'covers Student ID: everyone recalculated, by design';
  rows.push(covering);
  const agrees = [median, busiest].every((id, i) => statusOf(full.emu, id) === edited[i]);

  const district = fullRecalculation(20_000, 400_000, 'c)');
  rows.push(...district.runs);
  const [cFirst, cAgain] = district.runs as [Measured, Measured];

  const [dHalf] = naive(1500, 30_000, '1,500');
  const [dFull, dEdit] = naive(3000, 60_000, '3,000', median);
  const [dDistrict] = naive(20_000, 400_000, '20,000');
  const ratio = (n: Measured, ours: Measured) =>
    (n.note += `; ${projection(n, n.projectedMs ?? n.simulatedMs, ours)}`);
  ratio(dHalf!, a1Again);
  ratio(dFull!, a2Again);
  ratio(dEdit!, bMedian);
  ratio(dDistrict!, cAgain);
  rows.push(dHalf!, dFull!, dEdit!, dDistrict!);

  const aOk = (m: Measured) => !m.error && m.simulatedMs <= 20_000;
  const cOk = (m: Measured) => !m.error && m.simulatedMs < SIX_MINUTES_MS;
  const bOk = (m: Measured) => !m.error && m.simulatedMs <= 3000;
  const lines = [
    table(rows),
    '',
    `calls: every counted service call; data calls: ${[...DATA_CALLS].join(', ')}.`,
    'simulated s: the emulator clock (service calls only, emulator/runtime/costs.ts); Node ms: the same run on this ' +
      'machine (script CPU time, not in the simulated figure).',
    '',
    `a) 3,000 again, data calls: ${callsOf(a2Again)}`,
    `a) 3,000 again, other calls: ${otherCalls(a2Again)}`,
    `a) 3,000 first run, data calls: ${callsOf(a2First)}`,
    `b) median edit, data calls: ${callsOf(bMedian)}`,
    '',
    `a) full recalculation of 3,000 students / 60,000 rows ≤ 20 s: first run ${seconds(a2First.simulatedMs)} s ` +
      `${verdict(aOk(a2First))}, again ${seconds(a2Again.simulatedMs)} s ${verdict(aOk(a2Again))}`,
    `a) ≤ 10 service calls: data calls ${dataCalls(a2Again.counts)} (again) ${verdict(dataCalls(a2Again.counts) <= 10)}, ` +
      `${dataCalls(a2First.counts)} (first run) ${verdict(dataCalls(a2First.counts) <= 10)}; all counted calls ` +
      `${total(a2Again.counts)} ${verdict(total(a2Again.counts) <= 10)}`,
    `a) same calls at 1,500, 3,000 and 20,000 students: again ${verdict(sameCalls(a1Again, a2Again) && sameCalls(a2Again, cAgain))}, ` +
      `first run ${verdict(sameCalls(a1First, a2First) && sameCalls(a2First, cFirst))} (Utilities.formatDate aside: one per distinct date)`,
    `b) one edited row ≤ 3 s: median student ${seconds(bMedian.simulatedMs)} s ${verdict(bOk(bMedian))}, ` +
      `busiest ${seconds(bBusiest.simulatedMs)} s ${verdict(bOk(bBusiest))}; ` +
      `incremental results equal a full recalculation: ${agrees ? 'yes' : 'NO'}`,
    `c) 20,000 students / 400,000 rows in one 6-minute execution: first run ${seconds(cFirst.simulatedMs)} s ` +
      `${verdict(cOk(cFirst))}, again ${seconds(cAgain.simulatedMs)} s ${verdict(cOk(cAgain))}`,
  ];
  return lines.join('\n');
}
