// A tiny formula evaluator: literals, arithmetic, & and same-sheet cell references; anything else evaluates to ''.
import type { Cell } from './spreadsheet-format';
import { lettersToColumn } from './spreadsheet-a1';

type Lookup = (row: number, col: number) => Cell;

const TOKEN =
  /\s*(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+|"(?:[^"]|"")*"|\$?[A-Za-z]{1,3}\$?\d+|TRUE|FALSE|[-+*/^&()])/y;

/**
 * Evaluates `=...` once, when written (no recalculation when referenced cells change later).
 * Functions (SUM, HYPERLINK, IMPORTXML...) are not evaluated: the value is '' and the formula text is kept.
 */
export function evaluateFormula(formula: string, lookup: Lookup): Cell {
  const tokens: string[] = [];
  const src = formula.slice(1);
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < src.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(src);
    if (!m || m[1] === undefined) {
      if (src.slice(start).trim() === '') break;
      return '';
    }
    tokens.push(m[1]);
  }
  let i = 0;
  const num = (v: Cell): number =>
    typeof v === 'number' ? v : typeof v === 'boolean' ? Number(v) : v === null || v === '' ? 0 : Number(v);
  const fail = (): never => {
    throw new Error('unsupported');
  };
  const primary = (): Cell => {
    const t = tokens[i++];
    if (t === undefined) return fail();
    if (t === '(') {
      const v = concat();
      if (tokens[i++] !== ')') fail();
      return v;
    }
    if (t === '-') return -num(power());
    if (t === '+') return num(power());
    if (/^[\d.]/.test(t)) return Number(t);
    if (t.startsWith('"')) return t.slice(1, -1).replace(/""/g, '"');
    if (/^(TRUE|FALSE)$/i.test(t) && tokens[i] !== '(') return t.toUpperCase() === 'TRUE';
    const ref = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(t);
    if (ref && tokens[i] !== '(') return lookup(Number(ref[2]), lettersToColumn(ref[1] ?? 'A')) ?? 0;
    return fail();
  };
  const power = (): Cell => {
    const base = primary();
    if (tokens[i] !== '^') return base;
    i++;
    return num(base) ** num(power());
  };
  const term = (): Cell => {
    let v = power();
    while (tokens[i] === '*' || tokens[i] === '/') {
      const op = tokens[i++];
      const r = num(power());
      v = op === '*' ? num(v) * r : num(v) / r;
    }
    return v;
  };
  const sum = (): Cell => {
    let v = term();
    while (tokens[i] === '+' || tokens[i] === '-') {
      const op = tokens[i++];
      const r = num(term());
      v = op === '+' ? num(v) + r : num(v) - r;
    }
    return v;
  };
  const concat = (): Cell => {
    let v = sum();
    while (tokens[i] === '&') {
      i++;
      v = String(v ?? '') + String(sum() ?? '');
    }
    return v;
  };
  try {
    const v = concat();
    if (i !== tokens.length) return '';
    return typeof v === 'number' && !Number.isFinite(v) ? '' : v;
  } catch {
    return '';
  }
}
