// TextFinder: a server-side search of a range's display text (Range.createTextFinder, Sheet.createTextFinder).
import { EmulatorError, loud, type ApiShape, type Runtime } from './core';
import { displayValue } from './spreadsheet-format';
import type { SheetModel } from './spreadsheet-model';
import { makeRange } from './spreadsheet-range';

type T = GoogleAppsScript.Spreadsheet.TextFinder;
type Methods = 'matchCase' | 'matchEntireCell' | 'findAll' | 'findNext' | 'getCurrentMatch';

/** The block searched, 1-based, as the range or sheet that created the finder. */
export interface SearchArea {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/**
 * Matches each cell's display text (what `getDisplayValue` gives), as Apps Script does: by default
 * case-insensitive and anywhere in the cell; `matchEntireCell(true)` and `matchCase(true)` narrow it.
 * Results are single cells in row-major order. `findNext` walks the same order and returns null after the last
 * match (no wrap-around). Regular expressions, formula text, `startFrom` and replacing are not emulated.
 */
export class FakeTextFinder implements ApiShape<T, Methods> {
  private caseSensitive = false;
  private entireCell = false;
  /** The last match of `findNext` as [row, col], 1-based. */
  private current: [number, number] | null = null;

  constructor(
    private readonly rt: Runtime,
    private readonly model: SheetModel,
    private readonly area: SearchArea,
    private readonly text: string,
  ) {
    if (text === '') throw new EmulatorError('not implemented: TextFinder with empty search text');
  }

  matchCase(matchCase: boolean): FakeTextFinder {
    this.rt.call('TextFinder.matchCase');
    this.caseSensitive = matchCase;
    return this;
  }
  matchEntireCell(matchEntireCell: boolean): FakeTextFinder {
    this.rt.call('TextFinder.matchEntireCell');
    this.entireCell = matchEntireCell;
    return this;
  }

  /** Rows and columns of the area that can hold content (cells past the last row or column are empty). */
  private bounds(): { r1: number; c1: number; r2: number; c2: number } {
    const { row, col, numRows, numCols } = this.area;
    return {
      r1: row,
      c1: col,
      r2: Math.min(row + numRows - 1, this.model.lastRow()),
      c2: Math.min(col + numCols - 1, this.model.lastColumn()),
    };
  }

  private cellsSearched(): number {
    const { r1, c1, r2, c2 } = this.bounds();
    return Math.max(0, r2 - r1 + 1) * Math.max(0, c2 - c1 + 1);
  }

  private matches(r: number, c: number): boolean {
    const m = this.model;
    const v = m.get(r - 1, c - 1);
    if (v === null || v === '') return false;
    let shown = displayValue(v, m.formats.get(r - 1, c - 1));
    let wanted = this.text;
    if (!this.caseSensitive) {
      shown = shown.toLowerCase();
      wanted = wanted.toLowerCase();
    }
    return this.entireCell ? shown === wanted : shown.includes(wanted);
  }

  /** Row-major scan from just after `after` (or from the start); stops at the first match unless `all`. */
  private scan(after: [number, number] | null, all: boolean): [number, number][] {
    const { r1, c1, r2, c2 } = this.bounds();
    const found: [number, number][] = [];
    for (let r = after ? after[0] : r1; r <= r2; r++) {
      for (let c = after && r === after[0] ? after[1] + 1 : c1; c <= c2; c++) {
        if (!this.matches(r, c)) continue;
        found.push([r, c]);
        if (!all) return found;
      }
    }
    return found;
  }

  findAll(): GoogleAppsScript.Spreadsheet.Range[] {
    this.rt.call('TextFinder.findAll', this.cellsSearched());
    return this.scan(null, true).map(([r, c]) => makeRange(this.rt, this.model, r, c));
  }
  findNext(): GoogleAppsScript.Spreadsheet.Range | null {
    this.rt.call('TextFinder.findNext', this.cellsSearched());
    const next = this.scan(this.current, false)[0];
    if (!next) return null;
    this.current = next;
    return makeRange(this.rt, this.model, next[0], next[1]);
  }
  getCurrentMatch(): GoogleAppsScript.Spreadsheet.Range | null {
    this.rt.call('TextFinder.getCurrentMatch');
    return this.current ? makeRange(this.rt, this.model, this.current[0], this.current[1]) : null;
  }
}

export function makeTextFinder(rt: Runtime, model: SheetModel, area: SearchArea, text: string): T {
  return loud(new FakeTextFinder(rt, model, area, String(text)), 'TextFinder') as unknown as T;
}
