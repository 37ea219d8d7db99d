// The 50,000-character limit of a Sheets cell, checked before any value of a write is stored.
import { gasError } from './core';
import { isDate } from './utilities-time';

/** Sheets holds at most 50,000 characters in a cell (Google's published limits for Sheets). */
export const CELL_CHARACTER_LIMIT = 50_000;

/** The error Apps Script gives for a longer value (quoted by public scripts; the reference pages do not print it). */
export const CELL_LIMIT_MESSAGE =
  'Your input contains more than the maximum of 50000 characters in a single cell.';

function tooLong(v: unknown): boolean {
  if (typeof v === 'string') return v.length > CELL_CHARACTER_LIMIT;
  if (v === null || typeof v !== 'object' || isDate(v)) return false;
  return String(v).length > CELL_CHARACTER_LIMIT;
}

/**
 * Throws Apps Script's error when any value of the block is longer than a cell holds, so that nothing of the
 * block is written. Apps Script may report it at the next call that flushes the pending writes; the emulator
 * reports it at the write itself.
 */
export function checkCellLengths(rows: readonly (readonly unknown[])[]): void {
  for (const line of rows) for (const v of line) if (tooLong(v)) throw gasError(CELL_LIMIT_MESSAGE);
}
