// Shared, JSON-able types of the attendance-ladder engine: policy, records, statuses and problems.

import type { DayKey } from './dates';

export type { DayKey, DayNumber } from './dates';
export type * from './status-types';

/** A step of the ladder: 0 = not on the ladder, 1–4 by count (4 also gated), 5 = court (by decision only). */
export type StepNumber = 0 | 1 | 2 | 3 | 4 | 5;

/** Roles staff hold (Staff tab) and that own actions. `system` = the add-on itself (letters, call lists, reports). */
export type Role =
  | 'teacher'
  | 'campusStaff'
  | 'attendanceClerk'
  | 'parentLiaison'
  | 'counselor'
  | 'assistantPrincipal'
  | 'principal'
  | 'districtSpecialist'
  | 'system';

export const ROLES: readonly Role[] = [
  'teacher',
  'campusStaff',
  'attendanceClerk',
  'parentLiaison',
  'counselor',
  'assistantPrincipal',
  'principal',
  'districtSpecialist',
  'system',
];

/**
 * How often an action is due: `once` per step (done if documented on/after the step began),
 * `eachUnexcusedDay` (on each school day the student has an unexcused absence or part of a day,
 * documented that day), `weekly` (documented in the current Mon–Sun week), `ongoing` (due again
 * when nothing was documented within `engagementEverySchoolDays` school days).
 */
export type Cadence = 'once' | 'eachUnexcusedDay' | 'weekly' | 'ongoing';

/** What an attendance code means for counting. `ignored` = present / school-related, never counted. */
export type CodeCategory = 'unexcused' | 'excused' | 'ignored';

export interface AttendanceCodeRule {
  code: string;
  category: CodeCategory;
  /** A part of a day (tardy over threshold, left early, missed periods): weighted in the attendance rate. */
  partDay: boolean;
  label: string;
}

/** A Documentation entry type. `ANY_DOCUMENTATION` as an action's docType = any entry by a person. */
export interface DocumentationType {
  type: string;
  label: string;
}

export const ANY_DOCUMENTATION = '*';

/** Documentation outcome; an entry proves an action only when its outcome is `done` (blank counts as done). */
export interface OutcomeRule {
  outcome: string;
  done: boolean;
}

/** One action a step asks for, with who owns it, how often, and which Documentation type proves it. */
export interface StepAction {
  /** Stable id, e.g. `s1-letter-1`. */
  id: string;
  label: string;
  owner: Role;
  cadence: Cadence;
  /** Documentation type that proves the action, or ANY_DOCUMENTATION. */
  docType: string;
  /** Set for letter actions: the action is also done once that letter is issued (see letters). */
  letterType?: string;
  /**
   * Documentation types that must each be done on or after the step began before this action falls
   * due; it is due from the latest of them (the district referral follows the AP meeting and the TPM plan).
   */
  after?: string[];
}

/**
 * Documentation that must exist (done, on/after the previous step began) before a step can begin:
 * step 4 by count, step 5 (court) for a court decision to count.
 */
export interface StepGate {
  /** Types that must each be documented on or after the previous step began. */
  required: string[];
  /** Type that must be documented on or after every required entry (the follow-up). */
  followUp: string;
}

export interface StepDefinition {
  step: 1 | 2 | 3 | 4 | 5;
  name: string;
  /** Unexcused days or parts of days that begin the step; null = never by count (court). */
  threshold: number | null;
  owners: Role[];
  actions: StepAction[];
  gate?: StepGate;
}

/** A letter issued once per student, letter type and school year, due from `step` on. */
export interface LetterRule {
  letterType: string;
  label: string;
  step: 1 | 2 | 3 | 4 | 5;
}

/** The whole district policy. Plain data; every number is editable in Settings (policy-settings.ts). */
export interface Policy {
  steps: StepDefinition[];
  codes: AttendanceCodeRule[];
  documentationTypes: DocumentationType[];
  outcomes: OutcomeRule[];
  letters: LetterRule[];
  /** School days after an action became due before it is overdue. */
  overdueAfterSchoolDays: number;
  /** School days an `ongoing` action (positive engagement …) may go undocumented. */
  engagementEverySchoolDays: number;
  /** "Recent" window in calendar days (4 weeks = 28; TEC 25.095). */
  recentWindowDays: number;
  /** "Long" window in months (6; TEC 25.0951). */
  longWindowMonths: number;
  /** Unexcused days within the recent window that raise a flag (3, TEC 25.095 warning / TPM). */
  recentWindowCount: number;
  /** Unexcused days within the long window that raise a flag (10, TEC 25.0951 court referral). */
  longWindowCount: number;
  /** Attendance line as a fraction (0.9 = the 90% rule, TEC 25.092). */
  attendanceLine: number;
  /** Weight of a part-day absence in the attendance rate (0.5). */
  partDayWeight: number;
  /** Documentation type by which an administrator sets a step, with the reason in the note. */
  stepAdjustmentType: string;
  /** Roles allowed to adjust a step. */
  adminRoles: Role[];
  /** Documentation type of the court-referral decision (step 5). */
  courtDecisionType: string;
  /** Roles allowed to decide on court. */
  courtDeciderRoles: Role[];
}

/** A school year's instructional calendar. Weekdays from first to last day are instructional except holidays. */
export interface SchoolCalendar {
  /** e.g. `2026-2027`. */
  schoolYear: string;
  firstDay: DayKey;
  lastDay: DayKey;
  /** Non-instructional weekdays (holidays, breaks, staff days). */
  holidays: DayKey[];
  /** Instructional days on a weekend or otherwise excluded day (make-up days). */
  makeUpDays: DayKey[];
}

/** A student on the roster. `withdrawDate` is the first day the student is no longer enrolled. */
export interface StudentRecord {
  studentId: string;
  name: string;
  enrollDate: DayKey | null;
  withdrawDate: DayKey | null;
  birthDate: DayKey | null;
  row?: number;
}

/** One absence row as exported by the SIS: a student, a day and a code (several per day possible). */
export interface AbsenceRecord {
  studentId: string;
  date: DayKey;
  code: string;
  row?: number;
}

/** One Documentation entry (an effort or an automatic action). */
export interface DocumentationEntry {
  studentId: string;
  date: DayKey;
  type: string;
  /** Blank = done. */
  outcome: string;
  /** Role of the person (or `system`) who made the entry. */
  role: Role | '';
  staff: string;
  note: string;
  /** Only for step adjustments: the step the administrator sets. */
  targetStep?: StepNumber | null;
  row?: number;
  /**
   * True for an entry the add-on sealed: its own, or one it wrote for a person whose role it took from the Staff
   * tab. Only such entries set a step (adjustments, court decisions); typed entries still count as efforts.
   */
  verified?: boolean;
  /** The add-on's sequence number of a sealed entry (the record's own order; 0 or absent when typed). */
  seq?: number;
}

/** What the Status tab kept from the previous calculation for one student. */
export interface PriorStatus {
  /** The step kept for the school year. */
  step: StepNumber;
  /** Highest step reached this school year (informational; survives adjustments). */
  highestStep?: StepNumber;
  /** Day each step began, keyed by step number. */
  stepSince: Partial<Record<StepNumber, DayKey>>;
  /** The sequence number (sealed Entry ID) of the step adjustment already applied, if any. */
  adjustmentSeq?: number | null;
}

/** A row that could not be used (error) or is used with a caveat (warning). */
export interface Problem {
  tab: 'Students' | 'Absences' | 'Documentation' | 'Settings' | 'Calendar' | 'Status' | 'Staff';
  row?: number;
  column?: string;
  reason: string;
  severity: 'error' | 'warning';
  studentId?: string;
}
