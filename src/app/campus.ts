// Reads the campus workbook's policy, calendar and records into the engine's input (one read per tab).
import { calendarFromRows } from '../domain/calendar-rows';
import { policyFromSettings } from '../domain/policy-settings';
import type { DayKey, Policy, Problem, SchoolCalendar } from '../domain/types';
import type { RawAbsenceRow, RawDocumentationRow, RawStudentRow } from '../domain/validation';
import { ABSENCES, CALENDAR, DOCUMENTATION, LETTERS, SETTINGS, STUDENTS } from '../ports/tabs';
import type { SheetRow, Workbook } from '../ports/workbook';
import { isImportSetting } from './import-mapping';
import type { StepRow } from './step-history';

export interface Rules {
  policy: Policy;
  calendar: SchoolCalendar;
  /** Settings rows that configure the import (column mapping). */
  importSettings: { key: string; value: string }[];
  problems: Problem[];
}

/** The policy from Settings and the school year from Calendar (defaults where a tab is empty). */
export function readRules(workbook: Workbook, today: DayKey): Rules {
  const settings = workbook.read(SETTINGS);
  const importSettings = settings
    .filter((r) => isImportSetting(r.values.key))
    .map((r) => ({ key: r.values.key, value: r.values.value }));
  const { policy, problems } = policyFromSettings(
    settings
      .filter((r) => !isImportSetting(r.values.key))
      .map((r) => ({ key: r.values.key, value: r.values.value, row: r.row })),
  );
  const read = calendarFromRows(
    workbook.read(CALENDAR).map(({ row, values }) => ({ row, ...values })),
    today,
  );
  problems.push(...read.problems);
  return { policy, calendar: read.calendar, importSettings, problems };
}

export interface Records {
  students: RawStudentRow[];
  absences: RawAbsenceRow[];
  documentation: RawDocumentationRow[];
  /** Documentation rows as the step history reads them (see step-history.ts). */
  stepRows: StepRow[];
  /** Student id → name and grade, for the Status tab. */
  names: Map<string, { name: string; grade: string }>;
}

/** Engine rows from the tabs' rows (whole tabs, or the rows found for some students). */
export function toRecords(
  students: SheetRow<typeof STUDENTS.columns>[],
  absences: SheetRow<typeof ABSENCES.columns>[],
  documentation: SheetRow<typeof DOCUMENTATION.columns>[],
): Records {
  const names = new Map<string, { name: string; grade: string }>();
  for (const { values: v } of students) {
    if (!names.has(v.studentId))
      names.set(v.studentId, { name: `${v.lastName}, ${v.firstName}`, grade: v.grade });
  }
  return {
    students: students.map(({ row, values: v }) => ({
      row,
      studentId: v.studentId,
      name: `${v.firstName} ${v.lastName}`.trim(),
      enrollDate: v.enrollDate,
      withdrawDate: v.withdrawDate,
      birthDate: v.birthDate,
    })),
    absences: absences.map(({ row, values: v }) => ({
      row,
      studentId: v.studentId,
      date: v.date,
      code: v.code,
    })),
    documentation: documentation.map(({ row, values: v }) => ({
      row,
      studentId: v.studentId,
      date: v.date,
      type: v.type,
      outcome: v.outcome,
      role: v.role,
      staff: v.staff,
      note: v.notes,
      targetStep: v.targetStep,
    })),
    stepRows: documentation.map(({ values: v }) => ({
      loggedAt: v.loggedAt,
      studentId: v.studentId,
      date: v.date,
      type: v.type,
      role: v.role,
      staff: v.staff,
      targetStep: v.targetStep,
      notes: v.notes,
    })),
    names,
  };
}

/** Keys of the letters already sent, from the Letters tab. */
export function lettersIssued(letters: SheetRow<typeof LETTERS.columns>[]): string[] {
  return letters.filter((r) => r.values.state === 'SENT').map((r) => r.values.key);
}
