// Range.sort: rows of a range reordered by one or more columns, as Sheets sorts (numbers and dates before text,
// text without regard to case, empty cells last, equal rows keep their order). Values, formats and formulas move.
import { gasError } from './core';
import type { Cell } from './spreadsheet-format';
import type { SheetModel } from './spreadsheet-model';

export interface SortKey {
  /** 1-based sheet column. */
  column: number;
  ascending: boolean;
}

/** Reads Apps Script's sort spec: a column number, {column, ascending}, or an array of them. */
export function sortKeys(spec: unknown, firstCol: number, numCols: number): SortKey[] {
  const list = Array.isArray(spec) ? spec : [spec];
  if (list.length === 0) throw gasError('The sort specification is empty.');
  return list.map((s) => {
    const key =
      typeof s === 'number'
        ? { column: s, ascending: true }
        : s && typeof s === 'object' && typeof (s as { column?: unknown }).column === 'number'
          ? {
              column: (s as { column: number }).column,
              ascending: (s as { ascending?: boolean }).ascending !== false,
            }
          : null;
    if (!key) throw gasError(`Invalid sort specification: ${JSON.stringify(s)}`);
    if (key.column < firstCol || key.column >= firstCol + numCols) {
      throw gasError(`Sort column ${key.column} is out of range.`);
    }
    return key;
  });
}

function rank(v: Cell): number {
  if (v === null || v === undefined || v === '') return 3;
  if (typeof v === 'number') return 0;
  if (typeof v === 'boolean') return 2;
  return 1;
}

function compare(a: Cell, b: Cell): number {
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  if (ra === 0) return (a as number) - (b as number);
  if (ra === 1) return String(a).localeCompare(String(b), 'en', { sensitivity: 'base', numeric: false });
  if (ra === 2) return Number(a) - Number(b);
  return 0;
}

/** Sorts rows r0..r0+h-1 (0-based) in columns c0..c0+w-1 of the model. */
export function sortRows(
  model: SheetModel,
  r0: number,
  c0: number,
  h: number,
  w: number,
  keys: SortKey[],
): void {
  const order = Array.from({ length: h }, (_, i) => r0 + i);
  order.sort((x, y) => {
    for (const k of keys) {
      const c = k.column - 1;
      // Empty cells stay last whatever the direction, as in Sheets.
      const [a, b] = [model.get(x, c), model.get(y, c)];
      const cmp = compare(a, b);
      if (cmp !== 0) return k.ascending || rank(a) === 3 || rank(b) === 3 ? cmp : -cmp;
    }
    return x - y;
  });
  const sparse = [model.formats, model.formulas, model.validations, model.styles] as {
    get(r: number, c: number): unknown;
    set(r: number, c: number, v: unknown): void;
  }[];
  const take = (r: number) => {
    const cells: Cell[] = [];
    const extra: unknown[][] = sparse.map(() => []);
    for (let j = 0; j < w; j++) {
      cells.push(model.get(r, c0 + j));
      sparse.forEach((s, k) => extra[k]!.push(s.get(r, c0 + j)));
    }
    return { cells, extra };
  };
  const rows = order.map(take);
  rows.forEach(({ cells, extra }, i) => {
    const r = r0 + i;
    for (let j = 0; j < w; j++) {
      model.setRaw(r, c0 + j, cells[j] ?? null);
      sparse.forEach((s, k) => s.set(r, c0 + j, extra[k]![j]));
    }
  });
}
