// Reads the campus workbook's policy, calendar and records into the engine's input (one read per tab).
import { addDays, isDayKey } from '../domain/dates';
import { calendarFromRows, type RawCalendarRow } from '../domain/calendar-rows';
import { policyFromSettings } from '../domain/policy-settings';
import type { DayKey, Policy, Problem, SchoolCalendar } from '../domain/types';
import type { RawAbsenceRow, RawDocumentationRow, RawStudentRow } from '../domain/validation';
import { ABSENCES, CALENDAR, LETTERS, SETTINGS, STUDENTS } from '../ports/tabs';
import type { DocumentStore } from '../ports/platform';
import type { SheetRow, Workbook } from '../ports/workbook';
import { liveSnapshot, loadApplied, type PolicySnapshot } from './policy-snapshot';
import { isImportSetting } from './import-mapping';
import { isReportSetting } from './report-settings';
import { isLetterSetting } from './letter-settings';
import { idProblem, RosterIds } from '../domain/student-ids';
import type { ClassifiedRow } from './record';
import { STEP_CHANGE_TYPE, type StepRow, type YearBounds } from './step-history';

export interface Rules {
  policy: Policy;
  calendar: SchoolCalendar;
  /** Settings rows that configure the import (column mapping). */
  importSettings: { key: string; value: string }[];
  /** The school year the kept steps belong to (Settings, never the Calendar tab). */
  year: YearBounds;
  problems: Problem[];
  /** True when the Settings or Calendar tab differs from the policy in force (applied by an administrator). */
  policyChanged: boolean;
}

/** Settings key of the day the school year starts (MM-DD), for the kept step: July 1 unless the district says. */
export const YEAR_START_KEY = 'schoolYear.startsOn';

/**
 * The school year containing `today`, starting on the Settings day (MM-DD, default 07-01) and ending the day
 * before it a year later. It comes from Settings so that deleting Calendar rows cannot drop a kept step.
 */
export function yearBounds(startsOn: string | undefined, today: DayKey, problems: Problem[]): YearBounds {
  let mmdd = '07-01';
  const typed = (startsOn ?? '').trim();
  if (/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/.test(typed) && isDayKey(`2001-${typed}`)) mmdd = typed;
  else if (typed !== '')
    problems.push({
      tab: 'Settings',
      column: 'Value',
      reason: `${YEAR_START_KEY} "${typed}" is not a month and day like 07-01; using 07-01.`,
      severity: 'warning',
    });
  const year = Number(today.slice(0, 4));
  const start = today.slice(5) >= mmdd ? year : year - 1;
  return { firstDay: `${start}-${mmdd}`, lastDay: addDays(`${start + 1}-${mmdd}`, -1) };
}

/** Rows that parse into rules: Settings (key, value) and Calendar (date, Instructional), with their sheet rows. */
interface RuleInputs {
  settings: { key: string; value: string; row: number }[];
  calendar: RawCalendarRow[];
}

function rulesFrom(inputs: RuleInputs, today: DayKey): Omit<Rules, 'importSettings' | 'policyChanged'> {
  const isYearSetting = (key: string) => key.trim().toLowerCase() === YEAR_START_KEY.toLowerCase();
  const { policy, problems } = policyFromSettings(
    inputs.settings.filter(
      (r) =>
        !isImportSetting(r.key) &&
        !isYearSetting(r.key) &&
        !isReportSetting(r.key) &&
        !isLetterSetting(r.key),
    ),
  );
  const year = yearBounds(inputs.settings.find((r) => isYearSetting(r.key))?.value, today, problems);
  const read = calendarFromRows(inputs.calendar, today);
  problems.push(...read.problems);
  return { policy, calendar: read.calendar, year, problems };
}

/** The Settings and Calendar tabs as they are now: their rows, and the policy snapshot they make. */
export function readPolicyTabs(workbook: Workbook) {
  const settings = workbook.read(SETTINGS);
  const calendar = workbook.read(CALENDAR);
  return { settings, calendar, snapshot: liveSnapshot(settings, calendar) };
}

/**
 * The policy from Settings and the school year from Calendar as the tabs are now (defaults where a tab is empty).
 * Set up and the import use it; recalculations use the applied policy (readAppliedRules).
 */
export function readRules(workbook: Workbook, today: DayKey): Rules {
  return liveRules(readPolicyTabs(workbook), today);
}

function liveRules(tabs: ReturnType<typeof readPolicyTabs>, today: DayKey): Rules {
  const importSettings = tabs.settings
    .filter((r) => isImportSetting(r.values.key))
    .map((r) => ({ key: r.values.key, value: r.values.value }));
  const rules = rulesFrom(
    {
      settings: tabs.settings.map((r) => ({ key: r.values.key, value: r.values.value, row: r.row })),
      calendar: tabs.calendar.map(({ row, values }) => ({ row, ...values })),
    },
    today,
  );
  return { ...rules, importSettings, policyChanged: false };
}

/** Data Issues' line (and the toast's) while Settings or Calendar differ from the policy in force. */
export const POLICY_CHANGED =
  'Settings or Calendar changed; an administrator applies them with Attendance → Apply Settings changes… ' +
  'Until then every step is calculated with the policy applied before.';

/** The rules of the applied policy (its Settings and Calendar as they were applied, rows numbered as on the tabs). */
function appliedRules(applied: PolicySnapshot, today: DayKey): ReturnType<typeof rulesFrom> {
  return rulesFrom(
    {
      settings: applied.inputs.settings.map(([key, value], i) => ({ key, value, row: i + 2 })),
      calendar: applied.inputs.calendar.map(([date, instructional], i) => ({
        row: i + 2,
        date,
        instructional,
      })),
    },
    today,
  );
}

/**
 * The rules in force: the policy an administrator applied (policy-snapshot.ts), so that an edit of Settings or
 * Calendar moves no student until it is applied. The problems are those of the tabs as they are now (an edit is
 * checked at once), and a line saying the tabs differ from what is applied. A workbook where nothing was ever
 * applied (set up by an earlier version) uses the tabs, and says so.
 */
export function readAppliedRules(workbook: Workbook, today: DayKey, store: DocumentStore): Rules {
  const tabs = readPolicyTabs(workbook);
  const live = liveRules(tabs, today);
  const applied = loadApplied(store);
  if (applied === null) {
    live.problems.unshift({
      tab: 'Settings',
      reason:
        'No policy has been applied in this workbook yet, so Settings and Calendar are used as they are. ' +
        'An administrator applies them with Attendance → Apply Settings changes… (Set up does it too).',
      severity: 'warning',
    });
    return live;
  }
  if (applied.text === tabs.snapshot.text) return live;
  const rules = appliedRules(applied, today);
  const problems: Problem[] = [
    { tab: 'Settings', reason: POLICY_CHANGED, severity: 'warning' },
    ...live.problems,
  ];
  return { ...rules, importSettings: live.importSettings, problems, policyChanged: true };
}

/**
 * The rules in force for recalculating some students: the applied policy straight from the document properties,
 * without reading Settings and Calendar (two reads of about 0.3 s each on every edit). Those tabs' own problems
 * are about no student and such a run writes only its students' issues, so they are left to the full runs, as
 * is telling whether the tabs differ from what is applied (`policyChanged` is false here). A workbook where
 * nothing was ever applied reads the tabs (readAppliedRules).
 */
export function rulesInForce(workbook: Workbook, today: DayKey, store: DocumentStore): Rules {
  const applied = loadApplied(store);
  if (applied === null) return readAppliedRules(workbook, today, store);
  const rules = appliedRules(applied, today);
  return { ...rules, importSettings: [], policyChanged: false };
}

/** What the Status and Letters rows show of a student, from the roster. */
export interface StudentFacts {
  name: string;
  grade: string;
  language: string;
  guardianEmail: string;
  guardianPhone?: string;
}
export interface Records {
  students: RawStudentRow[];
  absences: RawAbsenceRow[];
  documentation: RawDocumentationRow[];
  /** The add-on's sealed "Step reached" rows (see step-history.ts). */
  stepRows: StepRow[];
  /** Student id → name and grade, for the Status tab. */
  names: Map<string, StudentFacts>;
  /** Rows whose Student ID matches the roster only ambiguously: left out, never guessed. */
  problems: Problem[];
}

/**
 * Engine rows from the tabs' rows (whole tabs, or the rows found for some students). Every Student ID is matched to
 * the roster the same way (RosterIds): a typed or stored id that lost its leading zeros counts for the one roster
 * id it can be; an ambiguous one is a Data Issue. Documentation rows come classified (record.ts): changed rows and
 * copies are not used; sealed ones are verified.
 */
export function toRecords(
  students: SheetRow<typeof STUDENTS.columns>[],
  absences: SheetRow<typeof ABSENCES.columns>[],
  documentation: readonly ClassifiedRow[],
): Records {
  const names = new Map<string, StudentFacts>();
  for (const { values: v } of students) {
    if (!names.has(v.studentId))
      names.set(v.studentId, {
        name: `${v.lastName}, ${v.firstName}`,
        grade: v.grade,
        language: v.language,
        guardianEmail: v.guardianEmail,
        guardianPhone: v.guardianPhone,
      });
  }
  const roster = new RosterIds(students.map((s) => s.values.studentId));
  const problems: Problem[] = [];
  const resolve = (tab: 'Absences' | 'Documentation', row: number, typed: string): string | null => {
    const match = roster.match(typed);
    if (match.kind === 'exact' || match.kind === 'zeros') return match.id;
    if (match.kind === 'ambiguous')
      problems.push({
        tab,
        row,
        column: 'Student ID',
        reason: `${idProblem(typed, match)} The row is not used.`,
        severity: 'error',
      });
    return match.kind === 'ambiguous' ? null : typed;
  };
  const records: Records = { students: [], absences: [], documentation: [], stepRows: [], names, problems };
  for (const { row, values: v } of students)
    records.students.push({
      row,
      studentId: v.studentId,
      name: `${v.firstName} ${v.lastName}`.trim(),
      enrollDate: v.enrollDate,
      withdrawDate: v.withdrawDate,
      birthDate: v.birthDate,
    });
  for (const { row, values: v } of absences) {
    const studentId = resolve('Absences', row, v.studentId);
    if (studentId !== null) records.absences.push({ row, studentId, date: v.date, code: v.code });
  }
  for (const { row, values: v, trust, seq } of documentation) {
    if (trust === 'changed' || trust === 'copy') continue;
    // The add-on's campus-wide notes (a layout migration) are about no student.
    if (trust === 'sealed' && v.studentId === '') continue;
    const studentId = resolve('Documentation', row, v.studentId);
    if (studentId === null) continue;
    const sealed = trust === 'sealed';
    // A sealed "Step reached" row keeps the step; it is the add-on's own log, not an effort.
    if (sealed && v.type === STEP_CHANGE_TYPE) {
      records.stepRows.push({
        seq,
        loggedAt: v.loggedAt,
        studentId,
        date: v.date,
        // A sealed row holds the number the add-on wrote; anything else changed it and fails its seal first.
        targetStep: typeof v.targetStep === 'number' ? v.targetStep : null,
        refersTo: v.refersTo,
      });
    }
    records.documentation.push({
      row,
      studentId,
      date: v.date,
      type: v.type,
      outcome: v.outcome,
      role: v.role,
      staff: v.staff,
      note: v.notes,
      targetStep: v.targetStep,
      ...(sealed ? { verified: true, seq } : {}),
    });
  }
  return records;
}

/** Keys of the letters already sent, from the Letters tab. */
export function lettersIssued(letters: SheetRow<typeof LETTERS.columns>[]): string[] {
  return letters
    .filter((r) => r.values.state === 'SENT' || r.values.state === 'PRINTED')
    .map((r) => r.values.key);
}
