// The workbook's storage: rows of plain cell values (dates as serials), sparse formats, formulas and rules.
import { DATE_FORMAT, DATETIME_FORMAT, isDateFormat, isTextFormat, type Cell } from './spreadsheet-format';
import { evaluateFormula } from './spreadsheet-formula';
import { RealDate, epochToSerial, isDate, serialToEpoch, wallToSerial } from './utilities-time';

/** Per-cell data that most cells do not have, stored by row (0-based) then column. */
export class Sparse<T> {
  rows: ((T | undefined)[] | undefined)[] = [];
  get(r: number, c: number): T | undefined {
    return this.rows[r]?.[c];
  }
  set(r: number, c: number, v: T | undefined): void {
    let row = this.rows[r];
    if (!row) {
      if (v === undefined) return;
      row = this.rows[r] = [] as (T | undefined)[];
    }
    row[c] = v;
  }
  insertRows(at: number, n: number): void {
    if (at < this.rows.length) this.rows.splice(at, 0, ...new Array<undefined>(n));
  }
  deleteRows(at: number, n: number): void {
    this.rows.splice(at, n);
  }
  clear(r0: number, c0: number, h: number, w: number): void {
    for (let r = r0; r < Math.min(r0 + h, this.rows.length); r++) {
      const row = this.rows[r];
      if (row) for (let c = c0; c < c0 + w && c < row.length; c++) row[c] = undefined;
    }
  }
  /** Every set entry as [row, col, value], 0-based. */
  entries(): [number, number, T][] {
    const out: [number, number, T][] = [];
    this.rows.forEach((row, r) => row?.forEach((v, c) => v !== undefined && out.push([r, c, v])));
    return out;
  }
}

export interface ValidationSpec {
  criteria: string;
  args: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface CellStyle {
  background?: string;
  fontWeight?: string;
  fontColor?: string;
  wrap?: boolean;
}

export interface ProtectionModel {
  type: 'SHEET' | 'RANGE';
  sheet: SheetModel;
  range?: { row: number; col: number; numRows: number; numCols: number };
  description: string;
  warningOnly: boolean;
  editors: string[];
  removed: boolean;
}

export class SheetModel {
  values: Cell[][] = [];
  maxRows = 1000;
  maxCols = 26;
  readonly formats = new Sparse<string>();
  readonly formulas = new Sparse<string>();
  readonly validations = new Sparse<ValidationSpec>();
  readonly styles = new Sparse<CellStyle>();
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  hidden = false;
  tabColor: string | null = null;
  conditionalRules: unknown[] = [];
  developerMetadata: { key: string; value: string | null }[] = [];
  filter: { row: number; col: number; numRows: number; numCols: number } | null = null;
  fake: unknown = null;

  constructor(
    public readonly book: BookModel,
    public name: string,
    public readonly id: number,
  ) {}

  get(r: number, c: number): Cell {
    return this.values[r]?.[c] ?? null;
  }

  /** Stores a cell value as it is (no parsing): for moving cells, as a sort does. */
  setRaw(r: number, c: number, v: Cell): void {
    while (this.values.length <= r) this.values.push([]);
    (this.values[r] as Cell[])[c] = v;
  }

  /** 1-based last row with content (0 when empty); trims trailing empty rows. */
  lastRow(): number {
    const v = this.values;
    while (v.length > 0 && !(v[v.length - 1] ?? []).some((x) => x !== null && x !== '' && x !== undefined))
      v.pop();
    return v.length;
  }

  lastColumn(): number {
    let last = 0;
    for (const row of this.values) {
      for (let c = row.length - 1; c >= last; c--) {
        const x = row[c];
        if (x !== null && x !== '' && x !== undefined) {
          last = c + 1;
          break;
        }
      }
    }
    return last;
  }

  /** Stores one value as Sheets does for `setValues` (user-entered parsing unless the cell is plain text). */
  write(r: number, c: number, v: unknown): void {
    if (r >= this.values.length) for (let i = this.values.length; i <= r; i++) this.values.push([]);
    const row = this.values[r] as Cell[];
    if (this.formulas.rows[r]) this.formulas.set(r, c, undefined);
    if (v === null || v === undefined || v === '') {
      row[c] = null;
      return;
    }
    if (typeof v === 'number' || typeof v === 'boolean') {
      row[c] = v;
      return;
    }
    const fmt = this.formats.get(r, c);
    if (isDate(v)) {
      const t = v.getTime();
      if (Number.isNaN(t)) {
        row[c] = null;
        return;
      }
      const serial = epochToSerial(t, this.book.timeZone);
      row[c] = serial;
      if (!isDateFormat(fmt)) this.formats.set(r, c, serial % 1 === 0 ? DATE_FORMAT : DATETIME_FORMAT);
      return;
    }
    const s = typeof v === 'string' ? v : String(v);
    if (isTextFormat(fmt)) {
      row[c] = s;
      return;
    }
    if (s.startsWith("'")) {
      row[c] = s.slice(1);
      return;
    }
    if (s.startsWith('=') && s.length > 1) {
      this.formulas.set(r, c, s);
      row[c] = evaluateFormula(s, (rr, cc) => this.get(rr - 1, cc - 1));
      return;
    }
    const parsed = parseEntered(s);
    row[c] = parsed.value;
    if (parsed.format && (fmt === undefined || (isDateFormat(parsed.format) && !isDateFormat(fmt)))) {
      this.formats.set(r, c, parsed.format);
    }
  }

  /** The value `getValues()` returns: Date for date-formatted numbers, '' for empty. */
  read(r: number, c: number): unknown {
    const v = this.values[r]?.[c];
    if (v === null || v === undefined) return '';
    if (typeof v === 'number') {
      const fmt = this.formats.rows[r]?.[c];
      if (fmt !== undefined && isDateFormat(fmt)) return new RealDate(serialToEpoch(v, this.book.timeZone));
    }
    return v;
  }

  insertRows(at: number, n: number): void {
    if (at < this.values.length) {
      const blank: Cell[][] = [];
      for (let i = 0; i < n; i++) blank.push([]);
      this.values.splice(at, 0, ...blank);
    }
    for (const s of [this.formats, this.formulas, this.validations, this.styles] as Sparse<unknown>[])
      s.insertRows(at, n);
    this.maxRows += n;
  }

  deleteRows(at: number, n: number): void {
    this.values.splice(at, n);
    for (const s of [this.formats, this.formulas, this.validations, this.styles] as Sparse<unknown>[])
      s.deleteRows(at, n);
    this.maxRows -= n;
  }
}

export class BookModel {
  readonly sheets: SheetModel[] = [];
  readonly namedRanges = new Map<
    string,
    { sheet: SheetModel; row: number; col: number; numRows: number; numCols: number }
  >();
  readonly protections: ProtectionModel[] = [];
  activeSheet = 0;
  private nextSheetId = 0;
  locale = 'en_US';

  constructor(
    public readonly id: string,
    public name: string,
    public timeZone: string,
    public owner: string,
  ) {}

  addSheet(name: string, index = this.sheets.length): SheetModel {
    const id = this.nextSheetId === 0 ? 0 : 100_000_000 + this.nextSheetId * 7_919;
    this.nextSheetId++;
    const sheet = new SheetModel(this, name, id);
    this.sheets.splice(index, 0, sheet);
    return sheet;
  }

  sheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;

function dateSerial(y: number, m: number, d: number, hh: number, mm: number, ss: number): number | null {
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d || hh > 23 || mm > 59 || ss > 59) return null;
  return wallToSerial(y, m, d, hh, mm, ss);
}

const parsedCache = new Map<string, { value: Cell; format?: string }>();
/** Characters a string must start with (after spaces) to be read as anything but text. */
const MAY_PARSE = /^\s*[-+.$\dtTfF]/;

/** How Sheets reads a typed string in the en_US locale: numbers, percents, currency, booleans, dates, times. */
export function parseEntered(raw: string): { value: Cell; format?: string } {
  if (!MAY_PARSE.test(raw)) return { value: raw };
  let hit = parsedCache.get(raw);
  if (!hit) {
    if (parsedCache.size > 50_000) parsedCache.clear();
    hit = parseUncached(raw);
    parsedCache.set(raw, hit);
  }
  return hit;
}

function parseUncached(raw: string): { value: Cell; format?: string } {
  const s = raw.trim();
  if (s === '') return { value: raw };
  if (/^(true|false)$/i.test(s)) return { value: s.toUpperCase() === 'TRUE' };
  if (/\d/.test(s) && NUMBER.test(s)) return { value: Number(s.replace(/,/g, '')) };
  const pct = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+))\s*%$/.exec(s);
  if (pct?.[1]) return { value: Number(pct[1]) / 100, format: pct[1].includes('.') ? '0.00%' : '0%' };
  const cur = /^(-?)\$\s?((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)$/.exec(s);
  if (cur?.[2]) return { value: Number(cur[1] + cur[2].replace(/,/g, '')), format: '"$"#,##0.00' };
  let m = ISO_DATE.exec(s);
  const n = (x: string | undefined): number => Number(x ?? 0);
  if (m) {
    const serial = dateSerial(n(m[1]), n(m[2]), n(m[3]), n(m[4]), n(m[5]), n(m[6]));
    if (serial !== null) return { value: serial, format: m[4] ? 'yyyy-mm-dd H:mm:ss' : 'yyyy-mm-dd' };
  }
  m = US_DATE.exec(s);
  if (m) {
    const serial = dateSerial(n(m[3]), n(m[1]), n(m[2]), n(m[4]), n(m[5]), n(m[6]));
    if (serial !== null) return { value: serial, format: m[4] ? DATETIME_FORMAT : DATE_FORMAT };
  }
  m = TIME.exec(s);
  if (m) {
    let h = n(m[1]);
    const pm = m[4]?.toLowerCase() === 'pm';
    if (m[4]) h = (h % 12) + (pm ? 12 : 0);
    if (h < 24 && n(m[2]) < 60 && n(m[3]) < 60) {
      return {
        value: (h * 3600 + n(m[2]) * 60 + n(m[3])) / 86400,
        format: m[4] ? 'h:mm:ss am/pm' : 'H:mm:ss',
      };
    }
  }
  return { value: raw };
}
