// A1 notation: column letters, cell and range references ('Sheet 1'!A1:B2, A:A, 2:5, A2:C) as Sheets reads them.

/** A rectangle in 1-based rows and columns; `null` bounds are open (whole column or row). */
export interface A1Ref {
  sheet?: string;
  row: number;
  col: number;
  /** Last row and column, inclusive; null when the reference runs to the sheet's end. */
  lastRow: number | null;
  lastCol: number | null;
}

export function columnToLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const PART = /^\$?([A-Za-z]{0,3})\$?(\d*)$/;

function parsePart(part: string): { col: number | null; row: number | null } | null {
  const m = PART.exec(part);
  if (!m || (!m[1] && !m[2])) return null;
  const row = m[2] ? Number(m[2]) : null;
  if (row === 0) return null;
  return { col: m[1] ? lettersToColumn(m[1]) : null, row };
}

/** Splits `'My sheet'!A1:B2` into the sheet name and the range part. */
export function splitSheet(a1: string): { sheet?: string; range: string } {
  const bang = a1.lastIndexOf('!');
  if (bang < 0) return { range: a1 };
  let sheet = a1.slice(0, bang);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, range: a1.slice(bang + 1) };
}

/** Parses A1 notation, or returns null (the caller throws Apps Script's "Range not found"). */
export function parseA1(a1: string): A1Ref | null {
  const { sheet, range } = splitSheet(a1.trim());
  const [p1, p2, extra] = range.split(':');
  if (p1 === undefined || extra !== undefined) return null;
  const a = parsePart(p1);
  if (!a) return null;
  const b = p2 === undefined ? a : parsePart(p2);
  if (!b) return null;
  // A single part must be a cell; a pair may be A:B, 2:5 or A2:C (open end).
  if (p2 === undefined && (a.col === null || a.row === null)) return null;
  if (a.col === null && b.col !== null) return null;
  if (a.row === null && b.row !== null) return null;
  const col = Math.min(a.col ?? 1, b.col ?? a.col ?? 1);
  const row = Math.min(a.row ?? 1, b.row ?? a.row ?? 1);
  const lastCol = a.col === null ? null : b.col === null ? null : Math.max(a.col, b.col);
  const lastRow = a.row === null ? null : b.row === null ? null : Math.max(a.row, b.row);
  return { ...(sheet !== undefined ? { sheet } : {}), row, col, lastRow, lastCol };
}

export function rangeToA1(row: number, col: number, numRows: number, numCols: number): string {
  const start = columnToLetters(col) + row;
  if (numRows === 1 && numCols === 1) return start;
  return `${start}:${columnToLetters(col + numCols - 1)}${row + numRows - 1}`;
}

/** Quotes a sheet name for A1 notation when Sheets would ('My sheet'!A1). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}
