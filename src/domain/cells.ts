// Reading raw cells handed over by the adapters: trimmed text, yes/no, and dates typed as text (parsed once each).

import { parseDateText } from './dates';
import type { DayKey } from './dates';

/** A cell as the adapter hands it over: text, a DayKey for date cells, a number, or blank. */
export type RawCell = string | number | boolean | null | undefined;

/** The cell as trimmed text ('' for blank). */
export function cellText(cell: RawCell): string {
  if (typeof cell === 'string') return cell.trim();
  return cell === null || cell === undefined ? '' : String(cell).trim();
}

/** Date cell → DayKey, '' for blank, or null when not a real date. Cached: imports repeat few dates. */
export function cellDate(cell: RawCell, cache: Map<string, DayKey | null>): DayKey | '' | null {
  const t = cellText(cell);
  if (t === '') return '';
  let d = cache.get(t);
  if (d === undefined) {
    d = parseDateText(t);
    cache.set(t, d);
  }
  return d;
}

/**
 * A yes/no cell: true or false when recognised, null when blank, else the trimmed text typed ("maybe", "TBD"),
 * so that an unrecognised answer is reported rather than read as No.
 */
export type YesNoCell = boolean | null | string;

const YES = /^(yes|y|true|sí|si|1)$/i;
const NO = /^(no|n|false|0)$/i;

/** Reads a yes/no cell: Yes/No, Y/N, True/False, Sí/Si (yes), 1/0, in any case and with spaces around. */
export function cellYesNo(cell: RawCell): YesNoCell {
  if (typeof cell === 'boolean') return cell;
  const t = cellText(cell);
  if (t === '') return null;
  if (YES.test(t)) return true;
  if (NO.test(t)) return false;
  return t;
}
