// The sidebar's server surface: the menu item that opens it and every function its page calls through
// google.script.run. The page's client imports this module's types only (src/sidebar/server.ts).
import { logContact, type ContactRequest } from '../app/log-contact';
import type { EntryResult } from '../app/privileged-entry';
import {
  recalculatedCard,
  sidebarStart as sidebarStartUseCase,
  studentCard,
  type CardResult,
  type SidebarStart,
  type StudentRequest,
} from '../app/sidebar-view';
import { LockBusyError } from '../ports/platform';
import { WorkbookError } from '../ports/workbook';
import { dialogCall, menuAction, services } from './services';

/** The HTML file the build writes (build/Sidebar.html) and the sidebar's title. */
export const SIDEBAR_FILE = 'Sidebar';
export const SIDEBAR_TITLE = 'Attendance Steps';

/** Menu: Attendance → Open the sidebar. */
export function showSidebar(): void {
  menuAction('Open the sidebar', () =>
    SpreadsheetApp.getUi().showSidebar(
      HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle(SIDEBAR_TITLE),
    ),
  );
}

/** Sidebar call: everything the page needs first, in one round trip. */
export function sidebarStart(): SidebarStart {
  return sidebarStartUseCase(services());
}

/** Sidebar call: one student's card. */
export function sidebarStudent(input: StudentRequest): CardResult {
  return cardCall(() => studentCard(services(), input));
}

/** Sidebar call: logs one entry for the signed-in person (checked on the server; once per submission id). */
export function sidebarLogContact(input: ContactRequest): EntryResult {
  return dialogCall(() => logContact(services(), input));
}

/** Sidebar call: recalculates a student after an entry and returns the updated card. */
export function sidebarRecalculate(input: StudentRequest): CardResult {
  return cardCall(() => recalculatedCard(services(), input));
}

/** A failure the person can act on comes back as a message; anything else is logged too. */
function cardCall(run: () => CardResult): CardResult {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof WorkbookError || e instanceof LockBusyError)) console.error(e);
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
