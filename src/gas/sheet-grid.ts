// Growing a sheet's grid and grouping row numbers into runs: what every block write needs.

/**
 * Adds rows at the end of the grid when a write would go past it (a range outside the grid is an error), with the
 * number formats of the last row, so that ids stay plain text and dates stay dates in the new rows. Only the first
 * `width` columns (the tab's own) get formats: a new sheet has 26 columns, and formats cost per cell. Without
 * `copyFormats` (the caller writes every new cell with its formats next) the rows are only added.
 */
export function growTo(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  lastRow: number,
  width = sheet.getMaxColumns(),
  copyFormats = true,
): void {
  const max = sheet.getMaxRows();
  if (lastRow <= max) return;
  if (!copyFormats) return void sheet.insertRowsAfter(max, lastRow - max);
  const formats = sheet.getRange(max, 1, 1, width).getNumberFormats()[0]!;
  sheet.insertRowsAfter(max, lastRow - max);
  const added = lastRow - max;
  sheet.getRange(max + 1, 1, added, width).setNumberFormats(Array.from({ length: added }, () => formats));
}

/** Groups sorted row numbers into [start, count] runs of consecutive rows. */
export function runs(sorted: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && last[0] + last[1] === r) last[1] += 1;
    else out.push([r, 1]);
  }
  return out;
}
