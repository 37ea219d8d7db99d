// `npm run bench`: runs every bench in the list and prints one table. `BENCH_ONLY=edits npm run bench` runs only
// the edit workloads (b and e of the workbook bench, at mid costs).

import type { BenchRow } from './engine.bench';
import { engineBench } from './engine.bench';
import { editsBench, workbookBench } from './workbook.bench';
import { lettersBench } from './letters.bench';

/** Benches to run, in order. Add new ones here; each returns rows for the table. */
export const BENCHES: { name: string; run: () => BenchRow[] }[] = [{ name: 'engine', run: engineBench }];

/** Benches that print a table of their own columns, after the table above. */
export const TABLES: { name: string; run: () => string }[] = [
  { name: 'workbook', run: workbookBench },
  { name: 'letters', run: () => lettersBench(500) },
];

function table(rows: BenchRow[]): string {
  const head = ['bench', 'size', 'rows', 'students', 'ms', 'note'];
  const cells = rows.map((r) => [r.bench, r.size, String(r.rows), String(r.students), String(r.ms), r.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

/** Subsets of the benches, by the value of BENCH_ONLY. */
const ONLY: Record<string, () => string> = { edits: editsBench, letters: () => lettersBench(500) };

const only = process.env['BENCH_ONLY'];
if (only) {
  const run = ONLY[only];
  if (!run) throw new Error(`BENCH_ONLY=${only}: expected one of ${Object.keys(ONLY).join(', ')}`);
  console.log(run());
} else {
  const rows: BenchRow[] = [];
  for (const b of BENCHES) rows.push(...b.run());
  console.log(table(rows));
  for (const t of TABLES) console.log(`\n${t.name}\n${t.run()}`);
}
