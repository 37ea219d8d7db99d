// Every global Apps Script calls: each is a few lines that compose adapters and call one use case.
import { aboutText } from '../app/about';
import {
  importAttendance as importAttendanceUseCase,
  importAttendanceFromCsv,
} from '../app/import-attendance';
import { applyPolicyChange, policyPending, previewPolicyChange } from '../app/apply-policy';
import { POLICY_CHANGED } from '../app/campus';
import { CALENDAR, SETTINGS } from '../ports/tabs';
import { recalculateAfterEdit } from '../app/edit-scope';
import { forgetSnapshot } from '../app/guarded-run';
import {
  logCourtDecision,
  logStepAdjustment,
  type CourtDecisionRequest,
  type EntryResult,
  type StepAdjustmentRequest,
} from '../app/privileged-entry';
import { restoreRecord } from '../app/restore-record';
import { setUpWorkbook as setUpWorkbookUseCase } from '../app/set-up';
import { driveCsvFiles } from '../gas/drive-csv-files';
import { gasUi } from '../gas/gas-ui';
import { editOf } from './edits';
import { courtDecisionDialog, staffMemberDialog, stepAdjustmentDialog } from './dialogs';
import { setStaffMember, type StaffMemberRequest } from '../app/staff-member';
import { roleOptions } from '../app/labels';
import { buildMenu } from './menu';
import { makeCallList } from '../app/call-list';
import { importCallResults } from '../app/call-results';
import { CsvFileError, driveFileId } from '../ports/files';
import { installSchedule, removeSchedule, showSchedule, tick } from '../app/schedule-run';
import { ownerFailureMail } from '../gas/mail-failure';
import { describeReport, redrawDashboard, reportAndRefresh } from './report-runs';
import { lettersDialog } from './letters-dialog';
import {
  checkLetterTemplates as checkTemplatesUseCase,
  lettersOverview,
  setUpLetterTemplates,
} from '../app/letters-setup';
import { previewLetters, sendLettersChunk, type ChunkResult } from '../app/letters-run';
import type { LettersOverview } from '../app/letters-setup';
import { holdLetters } from '../app/letters-hold';
import {
  describeCallList,
  GLOBAL_JOBS,
  describeImport,
  describeRecalc,
  describeSetUp,
  dialogCall,
  letterServices,
  menuAction,
  offerFirstAdministrator,
  recalculateAfter,
  recalculateEveryone,
  services,
  showOpenNotice,
  unattended,
} from './services';

/**
 * Simple trigger: adds the Attendance menu (runs in AuthMode.NONE before the add-on is authorized), then, when it
 * may read document properties (LIMITED or FULL), tells what failed since the last run that finished.
 */
export function onOpen(e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(gasUi());
  if (e && e.authMode === ScriptApp.AuthMode.NONE) return;
  try {
    showOpenNotice();
  } catch (err) {
    console.error(err);
  }
}

/** Editor add-on install: the workbook is already open, so add the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Attendance → About Attendance Steps. */
export function showAbout(): void {
  const about = aboutText();
  gasUi().alert(about.title, about.body);
}

/** Menu: Attendance → Set up this workbook (then recalculates; offers to add the first administrator). */
export function setUpWorkbook(): void {
  menuAction('Set up', (ui, s) => {
    const changes = setUpWorkbookUseCase(s);
    changes.push(...setUpLetters(s));
    changes.push(...offerFirstAdministrator(ui, s));
    showSchedule(s, GLOBAL_JOBS);
    ui.alert('Attendance Steps is set up', `${describeSetUp(changes)}\n\n${recalculateAfter(s)}`);
  });
}

/** Menu: Attendance → Adjust a step… (a dialog; administrators only, checked on the server). */
export function showStepAdjustment(): void {
  menuAction('Adjust a step', (ui, s) =>
    ui.showDialog(stepAdjustmentDialog(s.clock.today()), 'Adjust a step', 420, 460),
  );
}

/** Menu: Attendance → Court referral decision… (a dialog; district specialists only, checked on the server). */
export function showCourtDecision(): void {
  menuAction('Court referral decision', (ui, s) =>
    ui.showDialog(courtDecisionDialog(s.clock.today()), 'Court referral decision', 420, 420),
  );
}

/** Dialog call: a step adjustment, checked against the Staff tab for the signed-in person. */
export function submitStepAdjustment(input: StepAdjustmentRequest): EntryResult {
  return dialogCall(() => logStepAdjustment(services(), input));
}

/** Dialog call: a court referral decision, checked against the Staff tab for the signed-in person. */
export function submitCourtDecision(input: CourtDecisionRequest): EntryResult {
  return dialogCall(() => logCourtDecision(services(), input));
}

/** Menu: Attendance → Add or change a staff member… (a dialog; administrators only, checked on the server). */
export function showStaffMember(): void {
  menuAction('Add or change a staff member', (ui) =>
    ui.showDialog(staffMemberDialog(roleOptions()), 'Add or change a staff member', 420, 380),
  );
}

/** Dialog call: grants a role on the Staff tab, for an administrator. */
export function submitStaffMember(input: StaffMemberRequest): EntryResult {
  return dialogCall(() => setStaffMember(services(), input));
}

/** Menu: Attendance → Restore the record (puts back sealed entries missing from Documentation). */
export function restoreTheRecord(): void {
  menuAction('Restore the record', (ui, s) => {
    const r = restoreRecord(s);
    const lost =
      r.lost > 0 ? ` ${r.lost} missing entries are not in the add-on's copy either (see Data Issues).` : '';
    ui.alert(
      'Restore the record',
      `${r.restored === 0 ? 'Nothing was missing from the copy.' : `${r.restored} sealed entries were put back.`}${lost}\n\n${recalculateAfter(s)}`,
    );
  });
}

/** Menu: Attendance → Apply Settings changes… (administrators: what it would do, then yes or no). */
export function applySettingsChanges(): void {
  const title = 'Apply Settings changes';
  menuAction(title, (ui, s) => {
    const preview = previewPolicyChange(s);
    if (!preview.ok) return ui.alert(title, preview.message);
    if (!ui.confirm(`${title}?`, preview.message)) return ui.toast('Nothing was applied.', title);
    const r = applyPolicyChange(s, preview.text!);
    ui.alert(title, r.summary ? `${r.message}\n\n${describeRecalc(r.summary)}` : r.message);
  });
}

/** Menu: Attendance → Recalculate now. */
export function recalculateNow(): void {
  menuAction('Recalculate', (ui, s) =>
    ui.toast(describeRecalc(recalculateEveryone(s, 'Recalculate now')), 'Recalculated'),
  );
}

/** Menu: Attendance → Import attendance (from the Import tab; then recalculates). */
export function importAttendance(): void {
  menuAction('Import', (ui, s) => {
    const summary = importAttendanceUseCase(s);
    ui.alert('Attendance imported', `${describeImport(summary)}\n\n${recalculateAfter(s)}`);
  });
}

/** Menu: Attendance → Import a CSV from Drive… (asks for the file's link; then recalculates). */
export function importAttendanceFromDrive(): void {
  const link = gasUi().prompt(
    'Import a CSV from Drive',
    "Paste the link of the student information system's CSV export:",
  );
  if (link === null) return;
  menuAction('Import', (ui, s) => {
    const summary = importAttendanceFromCsv({ ...s, files: driveCsvFiles() }, link);
    ui.alert('Attendance imported', `${describeImport(summary)}\n\n${recalculateAfter(s)}`);
  });
}

/** Installable edit trigger: recalculates the students whose rows changed (a whole paste included). */
export function onEditInstalled(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  unattended('The edit trigger', () => {
    const s = services();
    const edit = editOf(e);
    recalculateAfterEdit(s, edit);
    // An edit of the policy is checked at once (Data Issues) but moves nobody until an administrator applies it.
    if ([SETTINGS.name, CALENDAR.name].includes(edit.sheetName) && policyPending(s.workbook, s.store))
      gasUi().toast(POLICY_CHANGED, 'Settings or Calendar changed');
  });
}

/** Installable change trigger: row deletions do not fire onEdit, so they recalculate the campus. */
export function onChangeInstalled(e: { changeType?: string }): void {
  // An inserted blank row changes no student, but moves the rows below it: the id snapshot is dropped.
  if (e.changeType === 'REMOVE_ROW' || e.changeType === 'REMOVE_GRID') {
    unattended('The recalculation after rows were deleted', () =>
      recalculateEveryone(services(), 'The recalculation after rows were deleted'),
    );
  } else if (e.changeType === 'INSERT_ROW' || e.changeType === 'OTHER') {
    unattended('Noting inserted rows', () => forgetSnapshot(services()));
  }
}

/** Scheduled job, nightly (about 2 a.m., when nobody is typing): the whole campus as of the new day. */
export function nightlyRecalculation(): string {
  let summary = '';
  unattended('The nightly recalculation', () => {
    const s = services();
    summary = describeRecalc(recalculateEveryone(s, 'The nightly recalculation', { sortAbsences: true }));
    // The dashboard follows the new day; its failure is logged and leaves the recalculation done.
    try {
      redrawDashboard(s);
    } catch (e) {
      console.error(e);
    }
  });
  return summary;
}

/** Scheduled job, every day (the run itself makes nothing on a day the Calendar has no school). */
export function dailyCallList(): string {
  let summary = '';
  unattended('The daily call list', () => {
    summary = describeCallList(makeCallList(services()));
  });
  return summary;
}

/** Menu: Attendance → Make today's call list (replaces today's file; logs nothing twice). */
export function makeCallListNow(): void {
  menuAction('Call list', (ui, s) => ui.alert("Today's call list", describeCallList(makeCallList(s))));
}

/** Menu: Attendance → Import School Messenger results… (asks for the results CSV's link in Drive). */
export function importCallResultsFromDrive(): void {
  const link = gasUi().prompt(
    'Import School Messenger results',
    "Paste the link of School Messenger's delivery results (a CSV file in Drive):",
  );
  if (link === null) return;
  menuAction('Import School Messenger results', (ui, s) => {
    const id = driveFileId(link);
    if (!id)
      throw new CsvFileError('Paste the link of the CSV file in Drive (it holds /d/ and the file id).');
    const r = importCallResults(s, driveCsvFiles().read(id));
    const lines = [
      `${r.read} results read: ${r.written} written to Documentation, ${r.already} already there.`,
      ...(r.unmatched.length ? [`Not matched to a listed call:\n${r.unmatched.join('\n')}`] : []),
      ...(r.rejected.length ? [`Not used:\n${r.rejected.join('\n')}`] : []),
    ];
    ui.alert('School Messenger results', lines.join('\n'));
  });
}

/** Menu: Attendance → Install the schedule. */
export function installTheSchedule(): void {
  menuAction('Install the schedule', (ui, s) => ui.alert('The schedule', installSchedule(s, GLOBAL_JOBS)));
}

/** Menu: Attendance → Remove the schedule. */
export function removeTheSchedule(): void {
  menuAction('Remove the schedule', (ui, s) => ui.alert('The schedule', removeSchedule(s, GLOBAL_JOBS)));
}

/** Time trigger, every hour: runs the scheduled job that is due, if any (src/app/schedule.ts). */
export function runSchedule(): void {
  const s = services();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  tick(
    { ...s, mail: ownerFailureMail(), workbookName: () => ss.getName(), workbookUrl: () => ss.getUrl() },
    GLOBAL_JOBS,
  );
}

/**
 * Scheduled job, weekly (run by the schedule): the Absence Occurrence Report with no one watching, then a
 * recalculation and the dashboard. A failure is told the next time the workbook is opened.
 */
export function weeklyReport(): string {
  let summary = '';
  unattended('The weekly report', () => {
    summary = describeReport(reportAndRefresh(services()).report).split('\n')[0]!;
  });
  return summary;
}

/** Menu: Attendance → Run the weekly report now. */
export function runWeeklyReportNow(): void {
  menuAction('Weekly report', (ui, s) => {
    const { report, notes } = reportAndRefresh(s);
    ui.alert('Absence Occurrence Report', [describeReport(report), ...notes].join('\n\n'));
  });
}

/** Menu: Attendance → Refresh the dashboard. */
export function refreshDashboardNow(): void {
  menuAction('Dashboard', (ui, s) => ui.toast(redrawDashboard(s), 'Dashboard'));
}

export { showSidebar, sidebarLogContact, sidebarRecalculate, sidebarStart, sidebarStudent } from './sidebar';

/** Set up's letters part: the default templates, once (a failure is told, and Set up's own work stays). */
function setUpLetters(s: ReturnType<typeof services>): string[] {
  try {
    const l = letterServices(s, Date.now());
    return setUpLetterTemplates(s.workbook, l.docs, SpreadsheetApp.getActiveSpreadsheet().getName());
  } catch (e) {
    console.error(e);
    return [`the letter templates could not be created (${e instanceof Error ? e.message : String(e)})`];
  }
}

/** Menu: Attendance → Letters… (what is due, Preview, Send; sending is for administrators, checked on the server). */
export function showLetters(): void {
  menuAction('Letters', (ui) => ui.showDialog(lettersDialog(), 'Letters', 520, 460));
}

/** Menu: Attendance → Check letter templates (unknown fields and fields broken apart, per template). */
export function checkLetterTemplates(): void {
  menuAction('Check letter templates', (ui, s) => {
    const r = checkTemplatesUseCase(s.workbook, letterServices(s, Date.now()).docs);
    ui.alert(r.ok ? 'The letter templates are fine' : 'Letter templates to fix', r.lines.join('\n'));
  });
}

/** Dialog call: the Letters tab by state, and the due letters by delivery and language. */
export function lettersOverviewCall(): LettersOverview {
  return lettersOverview(services().workbook);
}

/** Dialog call: the first merged letters as PDFs in Drive; nothing is sent. */
export function previewLettersCall(): { ok: boolean; message: string; files: string[] } {
  const started = Date.now();
  return previewLetters(letterServices(services(), started));
}

/** Dialog call: one chunk (about 4.5 minutes) of the send run; the dialog asks for the next until done. */
export function sendLettersChunkCall(): ChunkResult {
  const started = Date.now();
  return sendLettersChunk(letterServices(services(), started));
}

/** Dialog call: an administrator marks a student's letters "do not send", with the reason. */
export function doNotSendCall(input: unknown): { ok: boolean; message: string } {
  try {
    return holdLetters(services(), input);
  } catch (e) {
    return { ok: false, message: `${e instanceof Error ? e.message : String(e)} Nothing was changed.` };
  }
}
