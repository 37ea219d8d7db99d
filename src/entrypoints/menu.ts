// The Attendance menu as data (each item names the top-level function of build/Code.js it runs), and its builder.
import { TRIGGERS } from '../ports/platform';
import type { Ui } from '../ports/ui';

/** One menu item: its label and the global function Apps Script calls when it is chosen. */
export interface MenuItem {
  label: string;
  functionName: string;
}

export const MENU_TITLE = 'Attendance';

/** The Attendance menu, in order; `null` is a separator. Only features that exist are listed. */
export const MENU_ITEMS: readonly (MenuItem | null)[] = [
  { label: 'Open the sidebar', functionName: 'showSidebar' },
  { label: 'Recalculate now', functionName: 'recalculateNow' },
  { label: 'Import attendance (from the Import tab)', functionName: 'importAttendance' },
  { label: 'Import a CSV from Drive…', functionName: 'importAttendanceFromDrive' },
  { label: "Make today's call list", functionName: 'makeCallListNow' },
  { label: 'Import School Messenger results…', functionName: 'importCallResultsFromDrive' },
  { label: 'Run the weekly report now', functionName: 'runWeeklyReportNow' },
  { label: 'Refresh the dashboard', functionName: 'refreshDashboardNow' },
  null,
  { label: 'Letters…', functionName: 'showLetters' },
  { label: 'Check letter templates', functionName: 'checkLetterTemplates' },
  null,
  { label: 'Adjust a step…', functionName: 'showStepAdjustment' },
  { label: 'Court referral decision…', functionName: 'showCourtDecision' },
  { label: 'Restore the record', functionName: 'restoreTheRecord' },
  { label: 'Add or change a staff member…', functionName: 'showStaffMember' },
  { label: 'Apply Settings changes…', functionName: 'applySettingsChanges' },
  null,
  { label: 'Set up this workbook', functionName: 'setUpWorkbook' },
  { label: 'Install the schedule', functionName: 'installTheSchedule' },
  { label: 'Remove the schedule', functionName: 'removeTheSchedule' },
  { label: 'About Attendance Steps', functionName: 'showAbout' },
];

export { TRIGGERS } from '../ports/platform';

/** Handlers Apps Script calls from time triggers: the installed ones, and the weekly report's (see weeklyReport). */
export const TRIGGER_HANDLERS: readonly string[] = [...Object.values(TRIGGERS), 'weeklyReport'];

/** Functions the sidebar and dialogs call through google.script.run. */
export const SIDEBAR_CALLS: readonly string[] = [
  'submitStepAdjustment',
  'submitCourtDecision',
  'submitStaffMember',
  'sidebarStart',
  'sidebarStudent',
  'sidebarLogContact',
  'sidebarRecalculate',
  'lettersOverviewCall',
  'previewLettersCall',
  'sendLettersChunkCall',
  'doNotSendCall',
];

/** Adds the Attendance menu. Needs no authorization, so it also works in AuthMode.NONE. */
export function buildMenu(ui: Ui): void {
  const menu = ui.createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item.label, item.functionName);
    else menu.addSeparator();
  }
  menu.addToUi();
}
