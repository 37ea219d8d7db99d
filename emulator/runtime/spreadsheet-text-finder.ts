// TextFinder: a server-side search of a range's display text (Range.createTextFinder, Sheet.createTextFinder).
import { EmulatorError, loud, type ApiShape, type Runtime } from './core';
import { displayValue } from './spreadsheet-format';
import type { SheetModel } from './spreadsheet-model';
import { makeRange } from './spreadsheet-range';

type T = GoogleAppsScript.Spreadsheet.TextFinder;
type Methods =
  'matchCase' | 'matchEntireCell' | 'useRegularExpression' | 'findAll' | 'findNext' | 'getCurrentMatch';

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
 * match (no wrap-around). `useRegularExpression(true)` reads the text as a Java regular expression (Apps Script
 * reference, "Class TextFinder", developers.google.com/apps-script/reference/spreadsheet/text-finder): found
 * anywhere in the cell, or the whole cell with `matchEntireCell`; see `javaRegex` for the syntax emulated. Formula
 * text, `startFrom` and replacing are not emulated.
 */
export class FakeTextFinder implements ApiShape<T, Methods> {
  private caseSensitive = false;
  private entireCell = false;
  private regex = false;
  /** The compiled pattern, once a search runs with `regex` on. */
  private compiled: RegExp | null = null;
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

  useRegularExpression(useRegEx: boolean): FakeTextFinder {
    this.rt.call('TextFinder.useRegularExpression');
    this.regex = useRegEx;
    this.compiled = null;
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
    if (this.regex) return this.pattern().test(shown);
    let wanted = this.text;
    if (!this.caseSensitive) {
      shown = shown.toLowerCase();
      wanted = wanted.toLowerCase();
    }
    return this.entireCell ? shown === wanted : shown.includes(wanted);
  }

  /** The regular expression searched for, compiled once (the options cannot change between scans of a search). */
  private pattern(): RegExp {
    if (!this.compiled) {
      const source = javaRegex(this.text);
      this.compiled = new RegExp(this.entireCell ? `^(?:${source})$` : source, this.caseSensitive ? '' : 'i');
    }
    return this.compiled;
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

/** Java's \s: space, tab, newline, vertical tab, form feed, carriage return (JavaScript's \s adds Unicode spaces). */
const JAVA_SPACE = String.raw` \t\n\x0B\f\r`;

/**
 * A Java regular expression (java.util.regex.Pattern) as the JavaScript RegExp that matches the same cells, for the
 * subset whose meaning is the same in both: literal characters, a backslash before ASCII punctuation (that
 * character), \t \n \r \f, the classes \d \D \w \W (ASCII in both) and \s \S (Java's six
 * whitespace characters), `.`, `^`, `$`, `|`, groups `( )` and `(?: )`, the quantifiers * + ? {n} {n,} {n,m} and
 * their lazy forms, and bracket classes of literals, ranges and those escapes. Anything else (possessive
 * quantifiers, atomic or lookaround groups, inline flags, back-references, \Q…\E, \p{…}, \b, class unions
 * and intersections, …) throws: it is not emulated rather than matched differently.
 */
export function javaRegex(java: string): string {
  const unsupported = (what: string): never => {
    throw new EmulatorError(
      `not implemented: TextFinder regular expression ${what} in ${JSON.stringify(java)}`,
    );
  };
  /** The escape at `java[i]` (after the backslash): its JavaScript form inside or outside a class. */
  const escape = (i: number, inClass: boolean): string => {
    const c = java[i];
    if (c === undefined) return unsupported('ending with a backslash');
    if (/[!-/:-@[-`{-~]/.test(c)) return `\\${c}`;
    if ('tnrfdDwW'.includes(c)) return `\\${c}`;
    if (c === 's') return inClass ? JAVA_SPACE : `[${JAVA_SPACE}]`;
    if (c === 'S' && !inClass) return `[^${JAVA_SPACE}]`;
    return unsupported(`construct \\${c}`);
  };
  let out = '';
  let depth = 0;
  /** Whether the last thing written can take a quantifier. */
  let quantifiable = false;
  for (let i = 0; i < java.length; i++) {
    const c = java[i]!;
    if (c === '\\') {
      out += escape(++i, false);
      quantifiable = true;
    } else if (c === '[') {
      let cls = '[';
      i++;
      if (java[i] === '^') cls += java[i++];
      if (java[i] === ']') unsupported('class starting with ]');
      for (; i < java.length && java[i] !== ']'; i++) {
        const d = java[i]!;
        if (d === '\\') cls += escape(++i, true);
        else if (d === '[') unsupported('class union [a[b]]');
        else if (d === '&' && java[i + 1] === '&') unsupported('class intersection &&');
        else cls += d;
      }
      if (java[i] !== ']') unsupported('unclosed [');
      out += `${cls}]`;
      quantifiable = true;
    } else if (c === '(') {
      if (java[i + 1] === '?') {
        if (java[i + 2] !== ':') unsupported(`group (?${java[i + 2] ?? ''}`);
        out += '(?:';
        i += 2;
      } else out += '(';
      depth++;
      quantifiable = false;
    } else if (c === ')') {
      if (depth === 0) unsupported('unmatched )');
      depth--;
      out += ')';
      quantifiable = true;
    } else if ('*+?{'.includes(c)) {
      if (!quantifiable) unsupported(`quantifier ${c} with nothing before it`);
      let q = c;
      if (c === '{') {
        const m = /^\{\d+(,\d*)?\}/.exec(java.slice(i));
        if (!m) return unsupported('brace that is not a quantifier {n}, {n,} or {n,m}');
        q = m[0];
        i += q.length - 1;
      }
      if (java[i + 1] === '?') q += java[++i];
      else if (java[i + 1] === '+') unsupported('possessive quantifier');
      out += q;
      quantifiable = false;
    } else {
      out += c;
      quantifiable = !'|^$'.includes(c);
    }
  }
  if (depth !== 0) unsupported('unclosed (');
  return out;
}

export function makeTextFinder(rt: Runtime, model: SheetModel, area: SearchArea, text: string): T {
  return loud(new FakeTextFinder(rt, model, area, String(text)), 'TextFinder') as unknown as T;
}
