// Engine benchmark: evaluateCampus on two synthetic district sizes; the time ratio should track the size ratio.

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

/** Times one evaluation of a generated district (best of `repeats`, after one warm-up run). */
export function timeEngine(students: number, absenceRows: number, repeats = 3): BenchRow {
  const d = generateDistrict(students, absenceRows);
  const policy = defaultPolicy();
  const input = {
    policy,
    calendar: d.calendar,
    students: d.students,
    absences: d.absences,
    documentation: d.documentation,
    priorStatuses: {},
    lettersIssued: [],
    asOf: d.asOf,
  };
  let best = Infinity;
  let steps = '';
  for (let i = 0; i <= repeats; i++) {
    const t = performance.now();
    const result = evaluateCampus(input);
    const ms = performance.now() - t;
    if (i > 0) best = Math.min(best, ms);
    const bySteps = [0, 0, 0, 0, 0, 0];
    for (const s of result.statuses) bySteps[s.step] = (bySteps[s.step] ?? 0) + 1;
    steps = `steps 0-5: ${bySteps.join('/')}`;
  }
  return {
    bench: 'engine',
    size: `${students}/${absenceRows}`,
    rows: absenceRows + d.documentation.length,
    students,
    ms: Math.round(best),
    note: steps,
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
      note: `time ratio ${ratio.toFixed(2)} for a size ratio of 2 (linear ≈ 2)`,
    },
  ];
}
