// The weekly report and the dashboard, composed with their adapters: the trigger's run, the menu's, and the
// dashboard refresh the nightly run ends with.
import { refreshDashboard } from '../app/dashboard';
import { runWeeklyReport, type ReportSummary } from '../app/weekly-report';
import { sheetDashboard } from '../gas/dashboard-sheet';
import { driveReportPublisher, mailAppMailer } from '../gas/report-doc';
import { recalculateEveryone, services } from './services';

type Services = ReturnType<typeof services>;

function dashboardOf(s: Services) {
  return { ...s, view: sheetDashboard(SpreadsheetApp.getActiveSpreadsheet()) };
}

/**
 * The report, then a recalculation (the report's entries close each student's "report lists the student" action),
 * then the dashboard. Returns the report's summary and what the recalculation or the dashboard could not do.
 */
export function reportAndRefresh(s: Services): { report: ReportSummary; notes: string[] } {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const report = runWeeklyReport({
    ...s,
    publisher: driveReportPublisher(
      s.store,
      () => ss.getName(),
      () => s.session.email(),
    ),
    mailer: mailAppMailer(),
  });
  const notes: string[] = [];
  recalculateEveryone(s, 'The recalculation after the weekly report');
  try {
    refreshDashboard(dashboardOf(s));
  } catch (e) {
    console.error(e);
    notes.push(`The dashboard was not refreshed: ${e instanceof Error ? e.message : String(e)}`);
  }
  return { report, notes };
}

/** The dashboard, redrawn from the tabs as they are. */
export function redrawDashboard(s: Services): string {
  const data = refreshDashboard(dashboardOf(s));
  return `The Dashboard tab shows the campus as of ${data.asOf}.`;
}

/** The report's summary in words for the person who ran it (never emailed). */
export function describeReport(r: ReportSummary): string {
  const lines = [
    `Week of ${r.week}: ${r.students} students listed, ${r.newStudents} new since the last report.`,
    r.entriesWritten > 0
      ? `${r.entriesWritten} "Absence Occurrence Report" entries were written to Documentation.`
      : "This week's report had already listed every student: no entry was added.",
    `The PDF is "${r.pdf.name}" in the add-on's Drive folder: ${r.pdf.url}`,
  ];
  if (r.emailedTo.length > 0) lines.push(`The link was emailed to ${r.emailedTo.join(', ')}.`);
  if (r.emailProblem) lines.push(r.emailProblem);
  return lines.join('\n');
}
