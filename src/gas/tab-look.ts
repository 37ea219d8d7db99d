// What makes a tab readable beyond its columns: its place among the tabs, print set-up, a filter, Settings' dropdowns.
import { PRINT_LANDSCAPE, TAB_ORDER } from '../ports/tabs';
import { settingChoices } from '../ports/settings-labels';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Sheets' default first tab; Set up removes it when it is empty and not the only tab. */
const DEFAULT_TAB = 'Sheet1';

/**
 * Keys of the developer metadata that asks for a print set-up. Apps Script has no print set-up for a sheet
 * (orientation, scale and repeated rows are set in File → Print); the workbook's .xlsx export (emulator/host)
 * honours these keys, and in Sheets the print dialog repeats frozen rows by default.
 */
const PRINT_METADATA: [string, string][] = [
  ['print.orientation', 'landscape'],
  ['print.fitToWidth', '1'],
  ['print.repeatRows', '1'],
];

/** Where a new tab goes: after the last present tab that comes before it in TAB_ORDER (else first). */
export function tabPosition(ss: Spreadsheet, name: string): number {
  const rank = TAB_ORDER.indexOf(name);
  const present = ss.getSheets().map((s) => s.getName());
  if (rank < 0) return present.length;
  let at = 0;
  present.forEach((n, i) => {
    const r = TAB_ORDER.indexOf(n);
    if (r >= 0 && r < rank) at = i + 1;
  });
  return at;
}

/** Removes the empty default tab once a tab of ours exists; returns what it did. */
export function removeEmptyDefaultTab(ss: Spreadsheet): string[] {
  const sheet = ss.getSheetByName(DEFAULT_TAB);
  if (!sheet || ss.getSheets().length < 2 || sheet.getLastRow() > 0 || sheet.getLastColumn() > 0) return [];
  ss.deleteSheet(sheet);
  return [`removed the empty ${DEFAULT_TAB} tab`];
}

/** A new tab's look: the print set-up of the tabs printed landscape, the header filter of Documentation. */
export function lookOfNewTab(sheet: Sheet, name: string, width: number): void {
  if (PRINT_LANDSCAPE.includes(name)) for (const [k, v] of PRINT_METADATA) sheet.addDeveloperMetadata(k, v);
  // A filter on the header lets staff hide the add-on's own rows (Type "Step reached", Entry ID S…) in two clicks.
  if (name === 'Documentation' && !sheet.getFilter())
    sheet.getRange(1, 1, sheet.getMaxRows(), width).createFilter();
}

/**
 * A Settings value that is one of a list (a code's category, an outcome's done / not done) gets that list as a
 * dropdown; a value outside it is marked, not refused (Data Issues lists it). Cells that have it already are left.
 */
export function settingsDropdowns(sheet: Sheet, header: string[]): string[] {
  const keyAt = header.indexOf('Setting');
  const valueAt = header.indexOf('Value');
  const rows = sheet.getLastRow() - 1;
  if (keyAt < 0 || valueAt < 0 || rows < 1) return [];
  const keys = sheet.getRange(2, keyAt + 1, rows, 1).getValues();
  const current = sheet.getRange(2, valueAt + 1, rows, 1).getDataValidations();
  let changed = 0;
  keys.forEach(([key], i) => {
    const choices = settingChoices(String(key).trim());
    const now = current[i]?.[0]?.getCriteriaValues()[0];
    if (!choices || (Array.isArray(now) && now.join('\n') === choices.join('\n'))) return;
    changed++;
    sheet.getRange(i + 2, valueAt + 1).setDataValidation(
      SpreadsheetApp.newDataValidation()
        .requireValueInList([...choices], true)
        .setAllowInvalid(true)
        .build(),
    );
  });
  return changed > 0 ? [`added dropdowns to ${changed} Settings values`] : [];
}
