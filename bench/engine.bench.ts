// Engine benchmark: evaluateCampus on two synthetic district sizes; the time ratio should track the size ratio.

import { loadavg } from 'node:os';
import { evaluateCampus } from '../src/domain/engine';
import { defaultPolicy } from '../src/domain/policy';
import { generateDistrict } from './generate';

export interface BenchRow {
  bench: string;
  size: string;
  rows: number;
  students: number;
  ms: number;
  note: string;
}

/** Median of a non-empty list of numbers. */
function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/**
 * Times evaluateCampus on a generated district: one warm-up run (JIT, caches), then `repeats` timed
 * runs. `ms` is the best run; the note gives the median and the 1-minute load average before timing,
 * since a busy 2-core machine inflates every number.
 */
export function timeEngine(students: number, absenceRows: number, repeats = 3): BenchRow {
  const d = generateDistrict(students, absenceRows);
  const input = {
    policy: defaultPolicy(),
    calendar: d.calendar,
    students: d.students,
    absences: d.absences,
    documentation: d.documentation,
    priorStatuses: {},
    lettersIssued: [],
    firstSeen: {}, // a campus's first recalculation
    asOf: d.asOf,
  };
  const warm = evaluateCampus(input);
  const bySteps = [0, 0, 0, 0, 0, 0];
  for (const s of warm.statuses) bySteps[s.step] = (bySteps[s.step] ?? 0) + 1;
  const load = loadavg()[0] ?? 0;
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    evaluateCampus(input);
    times.push(performance.now() - t);
  }
  return {
    bench: 'engine',
    size: `${students}/${absenceRows}`,
    rows: absenceRows + d.documentation.length,
    students,
    ms: Math.round(Math.min(...times)),
    note: `best of ${repeats}; median ${Math.round(median(times))} ms; load ${load.toFixed(2)}; steps 0-5: ${bySteps.join('/')}`,
  };
}

/** The engine bench: 10k students/200k absences and 20k/400k; the last row gives the time ratio. */
export function engineBench(): BenchRow[] {
  const small = timeEngine(10_000, 200_000);
  const large = timeEngine(20_000, 400_000);
  const ratio = large.ms / Math.max(1, small.ms);
  return [
    small,
    large,
    {
      bench: 'engine',
      size: 'ratio 20k/10k',
      rows: 2,
      students: 2,
      ms: Math.round(ratio * 100) / 100,
      note: `time ratio ${ratio.toFixed(2)} for a size ratio of 2 (linear ≈ 2); limit 2000 ms, target 1200 ms`,
    },
  ];
}
