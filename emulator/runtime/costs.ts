// Simulated cost of each service call (ms, fixed part plus a part per cell or unit); sources in emulator/README.md.
import type { Cost } from './core';

/**
 * Calibrated on DESIGN.md's measurements: getValue in a loop about 80 ms a call; one getValues of 240,000 cells
 * about 7 s; one letter (Docs copy, replace, PDF, send) 1.2-3.5 s. Other figures are the orders of magnitude
 * published in the Apps Script best-practices guide and community benchmarks (see README). '*' is the default.
 */
export const COSTS: Record<string, Cost> = {
  '*': { base: 10 },
  // SpreadsheetApp: calls that reach the Sheets backend.
  'SpreadsheetApp.getActiveSpreadsheet': { base: 5 },
  'SpreadsheetApp.openById': { base: 800 },
  'SpreadsheetApp.create': { base: 1500 },
  'SpreadsheetApp.flush': { base: 100 },
  'SpreadsheetApp.getUi': { base: 5 },
  'Spreadsheet.getSheetByName': { base: 15 },
  'Spreadsheet.getSheets': { base: 15 },
  'Spreadsheet.insertSheet': { base: 300 },
  'Spreadsheet.deleteSheet': { base: 300 },
  'Spreadsheet.toast': { base: 50 },
  'Spreadsheet.getRange': { base: 2 },
  'Sheet.getRange': { base: 1 },
  'Sheet.getName': { base: 1 },
  'Sheet.getDataRange': { base: 30 },
  'Sheet.getLastRow': { base: 30 },
  'Sheet.getLastColumn': { base: 30 },
  'Sheet.appendRow': { base: 120, perUnit: 0.05 },
  'Sheet.insertRows': { base: 150, perUnit: 0.05 },
  'Sheet.deleteRows': { base: 150, perUnit: 0.05 },
  'Sheet.setFrozenRows': { base: 60 },
  'Sheet.setColumnWidth': { base: 40 },
  'Sheet.autoResizeColumns': { base: 200, perUnit: 20 },
  'Sheet.protect': { base: 250 },
  'Range.getValues': { base: 50, perUnit: 0.029 },
  'Range.getDisplayValues': { base: 60, perUnit: 0.035 },
  'Range.getFormulas': { base: 50, perUnit: 0.02 },
  'Range.getValue': { base: 80 },
  'Range.getDisplayValue': { base: 80 },
  'Range.setValues': { base: 80, perUnit: 0.04 },
  'Range.setValue': { base: 80, perUnit: 0.04 },
  'Range.getNumberFormats': { base: 50, perUnit: 0.02 },
  'Range.setNumberFormat': { base: 60, perUnit: 0.005 },
  'Range.setNumberFormats': { base: 60, perUnit: 0.02 },
  'Range.setDataValidation': { base: 80, perUnit: 0.005 },
  'Range.setDataValidations': { base: 80, perUnit: 0.02 },
  'Range.clearContent': { base: 60, perUnit: 0.005 },
  'Range.clear': { base: 60, perUnit: 0.005 },
  'Range.setBackground': { base: 50, perUnit: 0.005 },
  'Range.setFontWeight': { base: 50, perUnit: 0.005 },
  'Range.protect': { base: 250 },
  // Ui: showing HTML renders a page; a person reads and answers a dialog (it counts toward the time limit).
  'Ui.show': { base: 300 },
  'Ui.alert': { base: 50 },
  'Ui.prompt': { base: 50 },
  'Ui.answer': { base: 4000 },
  // Script-local services.
  'Utilities.sleep': { base: 0, perUnit: 1 },
  'Utilities.formatDate': { base: 0.05 },
  'Utilities.newBlob': { base: 0.1 },
  'Utilities.computeDigest': { base: 0.2 },
  'Utilities.computeHmacSha256Signature': { base: 0.2 },
  'Session.getActiveUser': { base: 5 },
  'Session.getEffectiveUser': { base: 5 },
  'HtmlService.createHtmlOutput': { base: 2 },
  'HtmlService.createHtmlOutputFromFile': { base: 10 },
  'HtmlService.createTemplate': { base: 2 },
  'HtmlService.createTemplateFromFile': { base: 10 },
  'Logger.log': { base: 0.5 },
  'console.log': { base: 0.5 },
  // Docs, Drive, mail, locks, properties, cache and triggers: costs-other.ts (merged by installOtherServices).
};
