// Composes the Apps Script adapters once per execution, and the messages the menu items show.
import { firstAdministrator, grantFirstAdministrator } from '../app/actor';
import { POLICY_CHANGED, readRules } from '../app/campus';
import type { ImportSummary } from '../app/import-attendance';
import type { EntryResult } from '../app/privileged-entry';
import { RECORD_KEYS } from '../app/record';
import { EVERYONE, isRecorded, runGuarded } from '../app/guarded-run';
import { openNotice, readState, updateState } from '../app/pending-work';
import { readSchedule, scheduleNotice, type JobRunner } from '../app/schedule';
import type { CallListSummary } from '../app/call-list';
import { driveCallLists } from '../gas/drive-call-lists';
import type { RecalcOptions, RecalcSummary } from '../app/recalculate';
import { documentLock, documentStore, gasClock, scriptTriggers } from '../gas/gas-platform';
import { driveExportCopies } from '../gas/drive-csv-files';
import { gasUi } from '../gas/gas-ui';
import { driveLetterDocs, mailAppMailer } from '../gas/letter-docs';
import type { LetterDeps } from '../app/letters-run';
import { driveRecordArchive, gasSealer, gasUserSession } from '../gas/record-services';
import { SheetsWorkbook } from '../gas/sheets-workbook';
import { snapshotSheet } from '../gas/snapshot-sheet';
import type { Ui } from '../ports/ui';
import { CsvFileError } from '../ports/files';
import { LockBusyError } from '../ports/platform';
import { WorkbookError } from '../ports/workbook';

export function services() {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const workbook = new SheetsWorkbook(ss);
  const store = documentStore();
  const session = gasUserSession(ss);
  return {
    workbook,
    clock: gasClock(workbook.timeZone()),
    lock: documentLock(),
    triggers: scriptTriggers(ss),
    store,
    sealer: gasSealer(ss.getId()),
    archive: driveRecordArchive(
      store,
      () => ss.getName(),
      () => session.email(),
      () => store.set(RECORD_KEYS.archivedThrough, '0'),
    ),
    copies: driveExportCopies(
      store,
      () => ss.getName(),
      () => session.email(),
    ),
    session,
    snapshots: snapshotSheet(ss),
    calls: driveCallLists(
      store,
      () => ss.getName(),
      () => session.email(),
    ),
  };
}

/** Every student, with whatever earlier runs owe; a failure is recorded for the next person who opens the workbook. */
export function recalculateEveryone(
  s: ReturnType<typeof services>,
  what: string,
  options: RecalcOptions = {},
): RecalcSummary {
  return runGuarded(s, what, () => EVERYONE, options)!;
}

/**
 * Simple trigger (AuthMode.LIMITED in a bound script): what failed since the last run that finished, as a toast.
 * Document properties and toasts are allowed in LIMITED; nothing is in AuthMode.NONE, so the caller skips it then.
 */
export function showOpenNotice(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const store = documentStore();
  const work = openNotice(readState(store), gasClock(ss.getSpreadsheetTimeZone()).now());
  const notice = [work, scheduleNotice(readSchedule(store), work ?? '')].filter((n) => n !== null).join('\n');
  if (notice) gasUi().toast(notice, 'Attendance Steps: a run did not finish');
}

export function describeRecalc(s: RecalcSummary): string {
  const steps = s.perStep.map((n, step) => `step ${step}: ${n}`).join(', ');
  const extra = [
    s.blocked > 0 ? `${s.blocked} with escalation blocked` : '',
    s.problems > 0 ? `${s.problems} data issues (see the Data Issues tab)` : '',
  ].filter(Boolean);
  const pending = s.policyChanged ? `\n${POLICY_CHANGED}` : '';
  return `${s.students} students as of ${s.asOf} — ${steps}.${extra.length ? ` ${extra.join('; ')}.` : ''}${pending}`;
}

export function describeSetUp(changes: string[]): string {
  return changes.length === 0
    ? 'Everything was already set up; nothing changed.'
    : `Done: ${changes.join('; ')}.`;
}

export function describeImport(s: ImportSummary): string {
  const lines = [
    `${s.rows} rows read: ${s.added} added, ${s.updated} re-coded, ${s.unchanged} already there, ${s.rejected} rejected.`,
  ];
  if (s.studentsAdded > 0) lines.push(`${s.studentsAdded} new students added to Students.`);
  if (s.removed > 0)
    lines.push(`${s.removed} rows of Absences removed: the export lists fewer rows for their day.`);
  if (s.copy) lines.push(`The export is kept as ${s.copy}; the Import tab now holds only the rejected rows.`);
  if (s.rejected > 0)
    lines.push(`Rejected (left on the Import tab with their reason):\n${s.rejections.join('\n')}`);
  return lines.join('\n');
}

/** Runs a menu item's work with the adapters; a failure becomes a message to the person who chose it. */
export function menuAction(what: string, run: (ui: Ui, s: ReturnType<typeof services>) => void): void {
  const ui = gasUi();
  try {
    run(ui, services());
  } catch (e) {
    reportFailure(ui, what, e);
  }
}

/** A clear message for what staff can fix; anything else is reported and rethrown so it reaches the logs. */
export function reportFailure(ui: Ui, what: string, e: unknown): void {
  if (e instanceof WorkbookError || e instanceof LockBusyError || e instanceof CsvFileError) {
    ui.alert(`${what}: nothing was changed`, e.message);
    return;
  }
  ui.alert(
    `${what} stopped before it finished`,
    `${e instanceof Error ? e.message : String(e)}\nWhat was written stays; running it again is safe (nothing is added twice).`,
  );
  throw e;
}

/** A dialog's server call: an unexpected failure comes back as a message, and the dialog keeps what was typed. */
export function dialogCall(run: () => EntryResult): EntryResult {
  try {
    return run();
  } catch (e) {
    if (!(e instanceof WorkbookError || e instanceof LockBusyError)) console.error(e);
    return { ok: false, message: `${e instanceof Error ? e.message : String(e)} Nothing was written.` };
  }
}

/**
 * Set up offers the person running it the first administrator's place when the Staff tab names none, so that
 * someone can make the entries that set a step. Says plainly when Apps Script gives no email.
 */
export function offerFirstAdministrator(ui: Ui, s: ReturnType<typeof services>): string[] {
  const policy = readRules(s.workbook, s.clock.today()).policy;
  const offer = firstAdministrator(s.workbook, s, policy.adminRoles);
  if (offer.kind === 'not needed') return [];
  if (offer.kind !== 'offer') {
    ui.alert('No administrator', offer.message);
    return [];
  }
  if (
    !ui.confirm(
      'Add you as the first administrator?',
      `The Staff tab grants no administrator yet. Add ${offer.email} as Principal?`,
    )
  )
    return [];
  grantFirstAdministrator(s.workbook, s, offer.email);
  return [`added ${offer.email} to Staff as Principal`];
}

/**
 * The recalculation that follows an import or a setup, as words for the person who ran it. Its failure is told on
 * its own, so that it never reads as if the import itself had changed nothing.
 */
export function recalculateAfter(s: ReturnType<typeof services>): string {
  try {
    return describeRecalc(recalculateEveryone(s, 'The recalculation after an import or setup'));
  } catch (e) {
    console.error(e);
    return (
      `Steps were not recalculated: ${e instanceof Error ? e.message : String(e)} ` +
      'What was done above stays. Run Attendance → Recalculate now when the problem is fixed.'
    );
  }
}

/**
 * A trigger's work, which nobody watches: a failure before the run could record itself (composing the services,
 * reading the event) is recorded here, with everyone owed, so that the next run catches up and the next open tells.
 */
export function unattended(what: string, run: () => void): void {
  try {
    run();
  } catch (e) {
    if (!isRecorded(e)) {
      try {
        const when = gasClock(Session.getScriptTimeZone()).now();
        updateState(documentStore(), (s) => {
          s.pending = 'all';
          s.failures.push({ what, when, message: e instanceof Error ? e.message : String(e) });
        });
      } catch (again) {
        console.error(again);
      }
    }
    throw e;
  }
}

/** The scheduled jobs as the schedule calls them: the top-level functions of build/Code.js, by name. */
export const GLOBAL_JOBS: JobRunner = {
  defined: (handler) => typeof (globalThis as Record<string, unknown>)[handler] === 'function',
  run: (handler) => {
    const result: unknown = (globalThis as unknown as Record<string, () => unknown>)[handler]!();
    return typeof result === 'string' && result !== '' ? result : 'done';
  },
};

export function describeCallList(c: CallListSummary): string {
  if (!c.schoolDay) return `${c.day} is not a school day in the Calendar: no call list.`;
  const lines = [
    `${c.listed} students listed for ${c.day} in ${c.file ?? 'no file'}; ${c.logged} "Automated call" entries written` +
      `${c.listed > c.logged ? ` (${c.listed - c.logged} were already logged today)` : ''}.`,
  ];
  if (c.noPhone > 0)
    lines.push(`${c.noPhone} students left out: no guardian phone (listed on the Data Issues tab).`);
  if (c.recalc) lines.push(describeRecalc(c.recalc));
  return lines.join('\n');
}

/** The letters' adapters on top of the usual ones; `started` is when this execution began (for its chunk). */
export function letterServices(s: ReturnType<typeof services>, started: number): LetterDeps {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  return {
    ...s,
    docs: driveLetterDocs(
      s.store,
      () => ss.getName(),
      () => s.session.email(),
    ),
    mailer: mailAppMailer(),
    elapsed: () => Date.now() - started,
    commit: () => SpreadsheetApp.flush(),
    epochMs: () => Date.now(),
  };
}
