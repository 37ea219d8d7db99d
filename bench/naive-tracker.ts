// A hand-made tracker's Apps Script, one cell at a time, loaded into the emulator as its own Code.js for comparison.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createEmulatorSync, type Emulator } from '../emulator/host/emulator';
import type { CostProfile } from '../emulator/runtime/costs';

/**
 * The naive tracker, written as such trackers usually are: it reads Absences in one getValues (more than most do),
 * then for each student reads the id with getValue and writes the step with setValue, one cell each (the Step
 * column is M of Students). Its onEdit (a simple trigger, 30 s) recounts the edited student and looks for the
 * student's row one cell at a time. Same thresholds as the district ladder (3, 5, 8, 11), a day counted once.
 */
export const NAIVE_CODE = `
var UNEXCUSED = { U: true, UP: true };
var THRESHOLDS = [3, 5, 8, 11];
var STEP_COLUMN = 13;

function unexcusedDays(absences, onlyId) {
  var days = {};
  var count = {};
  for (var i = 1; i < absences.length; i++) {
    var id = String(absences[i][0]);
    if (onlyId !== undefined && id !== onlyId) continue;
    if (!UNEXCUSED[String(absences[i][2])]) continue;
    var key = id + '|' + String(absences[i][1]);
    if (days[key]) continue;
    days[key] = true;
    count[id] = (count[id] || 0) + 1;
  }
  return count;
}

function stepOf(days) {
  var step = 0;
  for (var i = 0; i < THRESHOLDS.length; i++) if (days >= THRESHOLDS[i]) step = i + 1;
  return step;
}

function setUp() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  if (!ss.getSheetByName('Students')) ss.insertSheet('Students');
  if (!ss.getSheetByName('Absences')) ss.insertSheet('Absences');
}

function recalculateNow() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  var students = ss.getSheetByName('Students');
  var count = unexcusedDays(ss.getSheetByName('Absences').getDataRange().getValues());
  var last = students.getLastRow();
  for (var r = 2; r <= last; r++) {
    var id = String(students.getRange(r, 1).getValue());
    students.getRange(r, STEP_COLUMN).setValue(stepOf(count[id] || 0));
  }
}

function onEdit(e) {
  var sheet = e.range.getSheet();
  if (sheet.getName() !== 'Absences') return;
  var id = String(sheet.getRange(e.range.getRow(), 1).getValue());
  var count = unexcusedDays(sheet.getDataRange().getValues(), id);
  var students = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Students');
  var last = students.getLastRow();
  for (var r = 2; r <= last; r++) {
    if (String(students.getRange(r, 1).getValue()) === id) {
      students.getRange(r, STEP_COLUMN).setValue(stepOf(count[id] || 0));
      return;
    }
  }
}
`;

/** An emulator running the naive tracker (written to a temporary folder with its manifest), its tabs created. */
export function naiveEmulator(asOf: string, costProfile: CostProfile = 'mid'): Emulator {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'naive-tracker-'));
  const codePath = path.join(dir, 'Code.js');
  fs.writeFileSync(codePath, NAIVE_CODE);
  fs.writeFileSync(
    path.join(dir, 'appsscript.json'),
    JSON.stringify({
      timeZone: 'America/Chicago',
      runtimeVersion: 'V8',
      oauthScopes: ['https://www.googleapis.com/auth/spreadsheets.currentonly'],
    }),
  );
  try {
    const emu = createEmulatorSync({ codePath, asOf, costProfile });
    const setUp = emu.run('setUp');
    if (setUp.error) throw new Error(`naive setUp failed: ${setUp.error}`);
    return emu;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
