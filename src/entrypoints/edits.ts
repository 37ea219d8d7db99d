// Apps Script's edit event as the plain object the edit use case decides on.
import type { EditEvent } from '../app/edit-scope';

export function editOf(e: GoogleAppsScript.Events.SheetsOnEdit): EditEvent {
  const range = e.range;
  return {
    sheetName: range.getSheet().getName(),
    row: range.getRow(),
    column: range.getColumn(),
    numRows: range.getNumRows(),
    numColumns: range.getNumColumns(),
    ...(e.oldValue !== undefined && e.oldValue !== null ? { oldValue: String(e.oldValue) } : {}),
  };
}
