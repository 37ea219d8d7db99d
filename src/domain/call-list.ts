// The daily School Messenger call list: who is called for a school day, and the CSV rows in the campus's layout.
import type { AttendanceCodeRule, DayKey, Problem, StepNumber } from './types';

/**
 * The fields a call list can hold, by the header each is written under. The default order follows the common
 * SchoolMessenger attendance-incident import (student id, school code, name, phone, grade, date, absent and late
 * periods, language, email); a campus whose import is defined otherwise lists its own in `calls.columns`.
 */
export const CALL_FIELDS = {
  studentId: 'Student ID',
  schoolCode: 'School Code',
  lastName: 'Last Name',
  firstName: 'First Name',
  phone: 'Phone',
  grade: 'Grade',
  date: 'Date',
  absentPeriods: 'Absent Periods',
  latePeriods: 'Late Periods',
  language: 'Language',
  email: 'Email',
} as const;

export type CallField = keyof typeof CALL_FIELDS;

export const DEFAULT_CALL_COLUMNS = Object.keys(CALL_FIELDS) as CallField[];

/** School Messenger's usual language codes; `calls.language.<Language>` overrides or adds one. */
export const DEFAULT_LANGUAGE_CODES: Readonly<Record<string, string>> = { English: 'en', Spanish: 'es' };

/** Settings keys of the call list (read live, like the import's: they need no applying). */
export const CALL_KEYS = {
  columns: 'calls.columns',
  schoolCode: 'calls.schoolCode',
  languagePrefix: 'calls.language.',
} as const;

/** The call list's Settings rows as Set up adds them (the school code is the campus's to fill). */
export function defaultCallSettings(): { key: string; value: string; help: string }[] {
  return [
    {
      key: CALL_KEYS.columns,
      value: DEFAULT_CALL_COLUMNS.map((f) => CALL_FIELDS[f]).join(', '),
      help:
        `The columns of the daily call list file, in order, separated by commas, from: ${Object.values(CALL_FIELDS).join(', ')}. ` +
        "Match them to the campus's School Messenger import definition; Phone is required.",
    },
    {
      key: CALL_KEYS.schoolCode,
      value: '',
      help: "The campus's code in School Messenger (its School Code column).",
    },
    ...Object.entries(DEFAULT_LANGUAGE_CODES).map(([language, code]) => ({
      key: `${CALL_KEYS.languagePrefix}${language}`,
      value: code,
      help:
        `The call list's language code for a family whose Language on Students is ${language}. ` +
        'Add a line calls.language.<Language> for each other language; a blank Language is English.',
    })),
  ];
}

export interface CallSettings {
  columns: CallField[];
  schoolCode: string;
  /** Lower-cased language name → code. */
  languageCodes: Map<string, string>;
}

export interface SettingInput {
  key: string;
  value: string;
  row: number;
}

const fieldByHeader = new Map(
  (Object.entries(CALL_FIELDS) as [CallField, string][]).map(([field, header]) => [
    header.toLowerCase(),
    field,
  ]),
);

/** The call list's settings from the Settings rows (`calls.*`); a bad value is a problem and the default is used. */
export function callSettingsFrom(rows: readonly SettingInput[]): {
  settings: CallSettings;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const settings: CallSettings = {
    columns: [...DEFAULT_CALL_COLUMNS],
    schoolCode: '',
    languageCodes: new Map(Object.entries(DEFAULT_LANGUAGE_CODES).map(([k, v]) => [k.toLowerCase(), v])),
  };
  for (const r of rows) {
    const key = r.key.trim();
    const lower = key.toLowerCase();
    const value = r.value.trim();
    if (lower === CALL_KEYS.columns.toLowerCase()) {
      if (value === '') continue;
      const names = value
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '');
      const unknown = names.filter((n) => !fieldByHeader.has(n.toLowerCase()));
      const fields = names.map((n) => fieldByHeader.get(n.toLowerCase())).filter((f) => f !== undefined);
      if (unknown.length > 0 || new Set(fields).size !== fields.length || !fields.includes('phone')) {
        problems.push({
          tab: 'Settings',
          row: r.row,
          column: 'Value',
          severity: 'error',
          reason:
            `"${key}" must list call-list columns once each, Phone among them, from: ` +
            `${Object.values(CALL_FIELDS).join(', ')}; got "${value}"` +
            `${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}. Using the default columns.`,
        });
      } else settings.columns = fields;
    } else if (lower === CALL_KEYS.schoolCode.toLowerCase()) {
      settings.schoolCode = value;
    } else if (lower.startsWith(CALL_KEYS.languagePrefix)) {
      const language = key.slice(CALL_KEYS.languagePrefix.length).trim();
      if (language !== '') settings.languageCodes.set(language.toLowerCase(), value);
    }
  }
  return { settings, problems };
}

/** A student the list may call, as the roster has them. */
export interface CallStudent {
  studentId: string;
  lastName: string;
  firstName: string;
  grade: string;
  phone: string;
  email: string;
  language: string;
  step: StepNumber;
}

export interface CallListResult {
  /** The CSV's rows, header first. */
  rows: string[][];
  /** The students listed, in the file's order. */
  listed: string[];
  /** Students at step 1 or above absent that day without a guardian phone: left out. */
  noPhone: string[];
}

/** `M/d/yyyy`-style `MM/dd/yyyy`, as US dialers and SIS exports write dates. */
function usDate(day: DayKey): string {
  const [y, m, d] = day.split('-');
  return `${m}/${d}/${y}`;
}

/**
 * The call list for `day`: every student at step 1 or above with an unexcused absence or part of a day that day,
 * by last and first name. The Absences tab holds day codes, not periods: Absent Periods holds the day's unexcused
 * full-day codes and Late Periods its unexcused part-day codes. A student without a guardian phone is left out.
 */
export function buildCallList(
  day: DayKey,
  students: readonly CallStudent[],
  absences: readonly { studentId: string; date: DayKey; code: string }[],
  codes: readonly AttendanceCodeRule[],
  settings: CallSettings,
): CallListResult {
  const rule = new Map(codes.map((c) => [c.code.trim().toUpperCase(), c]));
  const dayCodes = new Map<string, { full: Set<string>; part: Set<string> }>();
  for (const a of absences) {
    if (a.date !== day) continue;
    const code = a.code.trim().toUpperCase();
    const r = rule.get(code);
    if (!r || r.category !== 'unexcused') continue;
    const entry = dayCodes.get(a.studentId) ?? { full: new Set<string>(), part: new Set<string>() };
    (r.partDay ? entry.part : entry.full).add(code);
    dayCodes.set(a.studentId, entry);
  }
  const called = students
    .filter((s) => s.step >= 1 && dayCodes.has(s.studentId))
    .sort(
      (a, b) =>
        a.lastName.localeCompare(b.lastName) ||
        a.firstName.localeCompare(b.firstName) ||
        a.studentId.localeCompare(b.studentId),
    );
  const noPhone = called.filter((s) => s.phone.trim() === '').map((s) => s.studentId);
  const listed = called.filter((s) => s.phone.trim() !== '');
  const english = settings.languageCodes.get('english') ?? '';
  const value = (s: CallStudent, field: CallField): string => {
    const c = dayCodes.get(s.studentId)!;
    switch (field) {
      case 'studentId':
        return s.studentId;
      case 'schoolCode':
        return settings.schoolCode;
      case 'lastName':
        return s.lastName;
      case 'firstName':
        return s.firstName;
      case 'phone':
        return s.phone.trim();
      case 'grade':
        return s.grade;
      case 'date':
        return usDate(day);
      case 'absentPeriods':
        return [...c.full].join(' ');
      case 'latePeriods':
        return [...c.part].join(' ');
      case 'language':
        return s.language.trim() === ''
          ? english
          : (settings.languageCodes.get(s.language.trim().toLowerCase()) ?? s.language.trim());
      case 'email':
        return s.email.trim();
    }
  };
  return {
    rows: [
      settings.columns.map((f) => CALL_FIELDS[f]),
      ...listed.map((s) => settings.columns.map((f) => value(s, f))),
    ],
    listed: listed.map((s) => s.studentId),
    noPhone,
  };
}

/**
 * The Data Issue of a student the call list of `day` leaves out: at step 1 or above, absent without excuse that day,
 * and no guardian phone (every recalculation of that day lists it).
 */
export function noPhoneProblem(studentId: string, day: DayKey): Problem {
  return {
    tab: 'Students',
    column: 'Guardian Phone',
    studentId,
    severity: 'warning',
    reason:
      `No guardian phone: the student is at step 1 or above, absent without excuse on ${day}, and is left out ` +
      "of that day's automated call list (School Messenger). Add the phone on the Students tab.",
  };
}
