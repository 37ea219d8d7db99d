// Creates or completes a tab's layout: headers, formats, widths, dropdowns, frozen header, protection of script tabs.
import { columnWidth, type ColumnDef, type TabDef } from '../ports/schema';
import { lookOfNewTab, removeEmptyDefaultTab, settingsDropdowns, tabPosition } from './tab-look';
import { NUMBER_FORMATS } from './cells';
import { optionList, type DropdownLists } from '../ports/workbook';

const PROTECTION_NOTE = 'Attendance Steps: written by the add-on. Edit the source tabs instead.';

/** Background colours of the Status rows by step (0–5). */
export const STEP_COLOURS = ['#ffffff', '#fff8e1', '#ffe0b2', '#ffccbc', '#f8bbd0', '#e1bee7'];

/** Lays out `tab` in `ss` and returns a line for each thing it changed (empty when nothing did). */
export function ensureTabLayout(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  tab: TabDef,
  lists: DropdownLists,
): string[] {
  const changes: string[] = [];
  let sheet = ss.getSheetByName(tab.name);
  const created = !sheet;
  if (!sheet) {
    sheet = ss.insertSheet(tab.name, tabPosition(ss, tab.name));
    changes.push(`created the ${tab.name} tab`);
  }
  const columns = Object.values(tab.columns);
  const lastColumn = sheet.getLastColumn();
  const header =
    lastColumn > 0
      ? sheet
          .getRange(1, 1, 1, lastColumn)
          .getValues()[0]!
          .map((h) => String(h).trim())
      : [];
  const missing = columns.filter((c) => !header.includes(c.header));
  if (missing.length > 0) {
    sheet.getRange(1, header.length + 1, 1, missing.length).setValues([missing.map((c) => c.header)]);
    if (lastColumn > 0)
      changes.push(`added ${missing.map((c) => `"${c.header}"`).join(', ')} to ${tab.name}`);
    header.push(...missing.map((c) => c.header));
    sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
    for (const c of missing) formatColumn(sheet, header.indexOf(c.header) + 1, c, lists);
  }
  changes.push(...plainTextColumns(sheet, tab, header, missing));
  changes.push(...refreshDropdowns(sheet, tab, header, lists, missing));
  if (sheet.getFrozenRows() !== 1) sheet.setFrozenRows(1);
  if (tab.owner === 'script') changes.push(...protect(sheet, tab));
  if (tab.name === 'Status' && missing.length > 0)
    colourSteps(sheet, header.indexOf('Step') + 1, header.length);
  if (tab.name === 'Settings') changes.push(...settingsDropdowns(sheet, header));
  if (created) {
    lookOfNewTab(sheet, tab.name, header.length);
    changes.push(...removeEmptyDefaultTab(ss));
  }
  return changes;
}

/**
 * Text columns (Student IDs above all) of a tab the add-on adopts, or whose rows grew past those Set up formatted,
 * become plain text for the whole column: otherwise 0260012 typed or pasted there is stored as the number 260012.
 * The first and last rows of the grid are checked (two reads); a column already plain text is left alone.
 */
function plainTextColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tab: TabDef,
  header: string[],
  justAdded: ColumnDef[],
): string[] {
  const width = header.length;
  const maxRows = sheet.getMaxRows();
  if (width === 0 || maxRows < 2) return [];
  const first = sheet.getRange(2, 1, 1, width).getNumberFormats()[0]!;
  const last = sheet.getRange(maxRows, 1, 1, width).getNumberFormats()[0]!;
  const fixed: string[] = [];
  for (const column of Object.values(tab.columns)) {
    if (column.kind !== 'text' || justAdded.includes(column)) continue;
    const at = header.indexOf(column.header);
    if (first[at] === '@' && last[at] === '@') continue;
    sheet.getRange(2, at + 1, maxRows - 1, 1).setNumberFormat('@');
    fixed.push(column.header);
  }
  return fixed.length > 0 ? [`made ${fixed.map((h) => `"${h}"`).join(', ')} of ${tab.name} plain text`] : [];
}

/**
 * Dropdowns that come from Settings (codes, documentation types, outcomes, roles) follow it: a column whose list
 * differs from the policy's gets the policy's list. Unchanged lists are left alone, so setup stays a no-op.
 */
function refreshDropdowns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  tab: TabDef,
  header: string[],
  lists: DropdownLists,
  justAdded: ColumnDef[],
): string[] {
  const changed: string[] = [];
  for (const column of Object.values(tab.columns)) {
    if (typeof column.options !== 'string' || justAdded.includes(column)) continue;
    const wanted = lists[column.options];
    if (wanted.length === 0) continue;
    const col = header.indexOf(column.header) + 1;
    const current = sheet.getRange(2, col).getDataValidation()?.getCriteriaValues()[0];
    if (Array.isArray(current) && current.join('\n') === wanted.join('\n')) continue;
    setDropdown(sheet.getRange(2, col, Math.max(sheet.getMaxRows() - 1, 1), 1), column, wanted);
    changed.push(`updated the ${column.header} dropdown of ${tab.name} from Settings`);
  }
  return changed;
}

function setDropdown(
  body: GoogleAppsScript.Spreadsheet.Range,
  column: ColumnDef,
  options: readonly string[],
) {
  // A dropdown guides typing and marks a value outside the list; it does not reject it. Rejecting would also
  // reject the add-on's own writes (a code added in Settings after setup), and Data Issues lists bad values.
  body.setDataValidation(
    SpreadsheetApp.newDataValidation()
      .requireValueInList([...options], true)
      .setAllowInvalid(true)
      .setHelpText(column.help || `Choose a ${column.header}.`)
      .build(),
  );
}

function formatColumn(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  col: number,
  column: ColumnDef,
  lists: DropdownLists,
) {
  const rows = Math.max(sheet.getMaxRows() - 1, 1);
  const body = sheet.getRange(2, col, rows, 1);
  body.setNumberFormat(NUMBER_FORMATS[column.kind]);
  sheet.setColumnWidth(col, columnWidth(column));
  const options = column.kind === 'yesno' ? ['Yes', 'No'] : optionList(column, lists);
  if (options && options.length > 0) setDropdown(body, column, options);
}

/**
 * Script tabs warn before a hand edit. A hard protection would also stop the add-on itself: menu items run as
 * the person who chose them, so every staff member who recalculates or imports must be able to write these tabs.
 */
function protect(sheet: GoogleAppsScript.Spreadsheet.Sheet, tab: TabDef): string[] {
  if (sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET).length > 0) return [];
  sheet.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
  return [`protected the ${tab.name} tab (a warning before any hand edit)`];
}

function colourSteps(sheet: GoogleAppsScript.Spreadsheet.Sheet, stepCol: number, width: number): void {
  const letter = columnLetter(stepCol);
  const range = sheet.getRange(2, 1, Math.max(sheet.getMaxRows() - 1, 1), width);
  const rules = STEP_COLOURS.slice(1).map((colour, i) =>
    SpreadsheetApp.newConditionalFormatRule()
      .whenFormulaSatisfied(`=$${letter}2=${i + 1}`)
      .setBackground(colour)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules(rules);
}

/** 1 → A, 27 → AA. */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}
