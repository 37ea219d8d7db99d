// The workbook bench's table: which calls move data, and one line per measured workload.
import { FLUSH_METHOD } from '../emulator/runtime/core';

/**
 * Calls that move cell data or formats between the script and the sheet (one server round trip each, priced per
 * cell). Every other counted call is a lookup (sheet by name, data range, last row), a lock, the UI, or local
 * (Utilities.formatDate).
 */
export const DATA_CALLS = new Set([
  'Range.getValue',
  'Range.getValues',
  'Range.getDisplayValue',
  'Range.getDisplayValues',
  'Range.setValue',
  'Range.setValues',
  'Range.clearContent',
  'Range.clear',
  'Range.getNumberFormats',
  'Range.setNumberFormat',
  'Range.setNumberFormats',
  'Sheet.appendRow',
  'Sheet.insertRows',
  'Sheet.deleteRows',
  'TextFinder.findAll',
  'TextFinder.findNext',
  'Range.sort',
]);

export interface Measured {
  workload: string;
  students: number;
  rows: number;
  counts: Record<string, number>;
  simulatedMs: number;
  nodeMs: number;
  error?: string;
  note: string;
  /** For a naive run stopped by the time limit: the simulated ms it needed in all, at its pace. */
  projectedMs?: number;
}

/** Calls the script made (a flush forced by a read after a write is charged, but it is not a call). */
export const total = (counts: Record<string, number>) =>
  Object.entries(counts).reduce((n, [m, c]) => n + (m === FLUSH_METHOD ? 0 : c), 0);
export const dataCalls = (counts: Record<string, number>) =>
  Object.entries(counts).reduce((n, [m, c]) => n + (DATA_CALLS.has(m) ? c : 0), 0);
export const seconds = (ms: number) => (ms / 1000).toFixed(1);

function outcome(m: Measured): string {
  if (!m.error) return 'ok';
  const limit = m.workload.includes('edit') && m.workload.includes('naive') ? '30 s' : '6 min';
  return /Exceeded maximum execution time/.test(m.error)
    ? `exceeded ${limit} at ${seconds(m.simulatedMs)} s`
    : `error: ${m.error}`;
}

export function table(rows: Measured[]): string {
  const head = [
    'workload',
    'students',
    'rows',
    'calls',
    'data calls',
    'simulated s',
    'Node ms',
    'result',
    'note',
  ];
  const cells = rows.map((m) => [
    m.workload,
    m.students.toLocaleString('en-US'),
    m.rows.toLocaleString('en-US'),
    String(total(m.counts)),
    String(dataCalls(m.counts)),
    seconds(m.simulatedMs),
    String(Math.round(m.nodeMs)),
    outcome(m),
    m.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const right = new Set([1, 2, 3, 4, 5, 6]);
  const line = (c: string[]) =>
    c.map((v, i) => (right.has(i) ? v.padStart(widths[i]!) : v.padEnd(widths[i]!))).join(' | ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('-|-'), ...cells.map(line)].join('\n');
}

/** Calls other than data calls, most frequent first: why the total is above the data calls. */
export function otherCalls(m: Measured): string {
  return Object.entries(m.counts)
    .filter(([method]) => !DATA_CALLS.has(method))
    .sort((a, b) => b[1] - a[1])
    .map(([method, n]) => `${method} ×${n}`)
    .join(', ');
}

export function callsOf(m: Measured): string {
  return Object.entries(m.counts)
    .filter(([method]) => DATA_CALLS.has(method))
    .map(([method, n]) => `${method} ×${n}`)
    .join(', ');
}
