// Workbook bench: the built add-on (build/Code.js) in the emulator on generated campuses, beside a naive
// cell-by-cell tracker: service calls, simulated Apps Script seconds and Node milliseconds per workload.
import * as fs from 'node:fs';
import type { Emulator } from '../emulator/host/emulator';
import { FLUSH_METHOD } from '../emulator/runtime/core';
import type { CostProfile } from '../emulator/runtime/costs';
import { build } from '../scripts/build';
import type { CampusSheets } from './campus-sheets';
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
import {
  editBeside,
  editsAtDistrict,
  fullRecalculation,
  measure,
  naive,
  ratio,
  ratioNote,
  statusOf,
  times,
} from './workbook-runs';

/** One execution's limit (Apps Script quotas: 6 min) and a simple trigger's (30 s). */
const SIX_MINUTES_MS = 360_000;

/** Our runs and the naive tracker's on the same data, at one cost profile: what each ratio compares. */
interface Comparison {
  half: { first: Measured; again: Measured };
  full: {
    first: Measured;
    again: Measured;
    emu: Emulator;
    sheets: CampusSheets;
    median: string;
    busiest: string;
  };
  edit: Measured;
  district: { first: Measured; again: Measured; edits: Measured[] };
  naive: { half: Measured; full: Measured; edit: Measured; district: Measured };
}

/** Every workload a ratio to the naive tracker rests on, with the clock at `profile`. */
function compare(profile: CostProfile): Comparison {
  const half = fullRecalculation(1500, 30_000, 'a)', profile);
  const full = fullRecalculation(3000, 60_000, 'a)', profile);
  const byRows = [...full.sheets.rowsPerStudent].sort((x, y) => x[1] - y[1]);
  const median = byRows[Math.floor(byRows.length / 2)]![0];
  const busiest = byRows[byRows.length - 1]![0];
  const edit = editBeside(full.emu, full.sheets, median, 'median student');
  const district = fullRecalculation(20_000, 400_000, 'c)', profile);
  const [dHalf] = naive(1500, 30_000, '1,500', profile);
  const [dFull, dEdit] = naive(3000, 60_000, '3,000', profile, median);
  const [dDistrict] = naive(20_000, 400_000, '20,000', profile);
  const pair = (r: { runs: [Measured, Measured] }) => ({ first: r.runs[0], again: r.runs[1] });
  return {
    half: pair(half),
    full: { ...pair(full), emu: full.emu, sheets: full.sheets, median, busiest },
    edit,
    district: { ...pair(district), edits: editsAtDistrict(district.emu, 20_000, 400_000) },
    naive: { half: dHalf!, full: dFull!, edit: dEdit!, district: dDistrict! },
  };
}

/** The four ratios to the naive tracker: nightly at 1,500, 3,000 and 20,000 students, and one edit. */
function ratios(c: Comparison): [Measured, Measured][] {
  return [
    [c.naive.half, c.half.again],
    [c.naive.full, c.full.again],
    [c.naive.edit, c.edit],
    [c.naive.district, c.district.again],
  ];
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
  const mid = compare('mid');
  const ends = { low: compare('low'), high: compare('high') };
  const { full } = mid;
  const [a1First, a1Again, a2First, a2Again] = [mid.half.first, mid.half.again, full.first, full.again];
  const [bMedian, cFirst, cAgain] = [mid.edit, mid.district.first, mid.district.again];
  const bBusiest = editBeside(full.emu, full.sheets, full.busiest, 'busiest student');
  // A paste over Student ID recalculates everyone by design; it also checks the incremental results.
  const edited = [full.median, full.busiest].map((id) => statusOf(full.emu, id));
  const other = [...full.sheets.rowsPerStudent].sort((x, y) => x[1] - y[1])[10]![0];
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
  covering.note = 'covers Student ID: the ids before (snapshot) and after';
  const agrees = [full.median, full.busiest].every((id, i) => statusOf(full.emu, id) === edited[i]);

  const [lowPairs, midPairs, highPairs] = [ends.low, mid, ends.high].map(ratios) as [
    [Measured, Measured][],
    [Measured, Measured][],
    [Measured, Measured][],
  ];
  midPairs.forEach(([n, ours], i) => {
    const [lowN, lowOurs] = lowPairs[i]!;
    const [highN, highOurs] = highPairs[i]!;
    n.note += `; ${ratioNote(n, ours, ratio(lowN, lowOurs), ratio(highN, highOurs))}`;
  });
  const rows = [a1First, a1Again, a2First, a2Again, bMedian, bBusiest, covering, cFirst, cAgain];
  rows.push(...mid.district.edits);
  rows.push(...midPairs.map(([n]) => n));
  const endsLine = (label: string, i: number) =>
    `  ${label}: ` +
    (['low', 'mid', 'high'] as const)
      .map((p, j) => {
        const [n, ours] = [lowPairs, midPairs, highPairs][j]![i]!;
        const theirs = seconds(n.projectedMs ?? n.simulatedMs);
        return `${p} ${seconds(ours.simulatedMs)} s vs ${theirs} s = ${times(ratio(n, ours))}`;
      })
      .join('; ');

  const aOk = (m: Measured) => !m.error && m.simulatedMs <= 20_000;
  const cOk = (m: Measured) => !m.error && m.simulatedMs < SIX_MINUTES_MS;
  const bOk = (m: Measured) => !m.error && m.simulatedMs <= 3000;
  const lines = [
    table(rows),
    '',
    `calls: every service call the script made (a forced flush is charged but not counted); data calls: ${[...DATA_CALLS].join(', ')}.`,
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
    `e) the edit trigger at 20,000 students, well under 30 s: ` +
      mid.district.edits
        .map(
          (m) =>
            `${m.workload.slice(3)} ${seconds(m.simulatedMs)} s ${verdict(!m.error && m.simulatedMs < 15_000)}`,
        )
        .join('; '),
    '',
    'd) the hand-made tracker against ours, every cost at the low, mid (default) and high end of its measured range ' +
      '(simulated s, ours vs the naive run to its end):',
    endsLine('nightly, 1,500 students', 0),
    endsLine('nightly, 3,000 students', 1),
    endsLine('one edit, 3,000 students (median student)', 2),
    endsLine('nightly, 20,000 students', 3),
    `  forced flushes in the naive 3,000 run (mid): ${mid.naive.full.counts[FLUSH_METHOD] ?? 0}; ` +
      `in ours: ${mid.full.again.counts[FLUSH_METHOD] ?? 0} (nightly), ${mid.edit.counts[FLUSH_METHOD] ?? 0} (edit)`,
  ];
  return lines.join('\n');
}

/**
 * The edit workloads only, at mid costs (`BENCH_ONLY=edits npm run bench`): b) one edited row at 3,000 students
 * (median student) and e) the edit trigger at 20,000 students, each after the full runs that set its campus up.
 */
export function editsBench(): string {
  if (!fs.existsSync('build/Code.js')) build();
  const full = fullRecalculation(3000, 60_000, 'a)', 'mid');
  const byRows = [...full.sheets.rowsPerStudent].sort((x, y) => x[1] - y[1]);
  const median = byRows[Math.floor(byRows.length / 2)]![0];
  const edit = editBeside(full.emu, full.sheets, median, 'median student');
  const district = fullRecalculation(20_000, 400_000, 'c)', 'mid');
  return table([edit, ...editsAtDistrict(district.emu, 20_000, 400_000)]);
}
