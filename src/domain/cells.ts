// Reading raw cells handed over by the adapters: trimmed text and dates typed as text, parsed once per distinct text.

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
