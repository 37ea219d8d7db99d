// `npm run bench`: runs every bench in the list and prints one table.

import type { BenchRow } from './engine.bench';
import { engineBench } from './engine.bench';
import { workbookBench } from './workbook.bench';

/** Benches to run, in order. Add new ones here; each returns rows for the table. */
export const BENCHES: { name: string; run: () => BenchRow[] }[] = [{ name: 'engine', run: engineBench }];

/** Benches that print a table of their own columns, after the table above. */
export const TABLES: { name: string; run: () => string }[] = [{ name: 'workbook', run: workbookBench }];

function table(rows: BenchRow[]): string {
  const head = ['bench', 'size', 'rows', 'students', 'ms', 'note'];
  const cells = rows.map((r) => [r.bench, r.size, String(r.rows), String(r.students), String(r.ms), r.note]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

const rows: BenchRow[] = [];
for (const b of BENCHES) rows.push(...b.run());
console.log(table(rows));
for (const t of TABLES) console.log(`\n${t.name}\n${t.run()}`);
