// What the engine computes for a student: counts, due actions, letters, flags and the status the Status tab shows.

import type { DayKey } from './dates';
import type { Cadence, Role, StepNumber } from './types';

export interface AttendanceCounts {
  /** Unexcused days or parts of days this school year (a day counts once). */
  unexcusedDays: number;
  /** Days with an excused code and no unexcused code. */
  excusedDays: number;
  /** Unexcused days in the last `recentWindowDays` calendar days, asOf included. */
  unexcusedRecent: number;
  /** Unexcused days in the last `longWindowMonths` months, asOf included. */
  unexcusedLong: number;
  /** Instructional days enrolled up to asOf. */
  enrolledDays: number;
  /** Days absent (excused or unexcused) weighted: full day 1, part day `partDayWeight`. */
  absenceWeight: number;
  /** Unexcused days in date order (DayKeys): the k-th one is when the count reached k. */
  unexcusedDates: DayKey[];
  /**
   * First day this school year (up to asOf) with `recentWindowCount` unexcused days within the
   * `recentWindowDays` calendar days ending that day (TEC 25.095); null when never met.
   */
  recentThresholdMetOn: DayKey | null;
  /** First day this school year with `longWindowCount` unexcused days within `longWindowMonths` months (TEC 25.0951). */
  longThresholdMetOn: DayKey | null;
}

/** One open action of a student; StudentStatus.due lists them most urgent first (see compareDue). */
export interface DueAction {
  /** The policy action's id (e.g. `s3-ap-meeting`). */
  actionId: string;
  /** The step the action belongs to (the step in force when it became due). */
  step: StepNumber;
  label: string;
  owner: Role;
  cadence: Cadence;
  /** The Documentation type that closes the action (ANY_DOCUMENTATION: any entry by a person). */
  docType: string;
  /** Day the action became due. */
  since: DayKey;
  /**
   * Day its lateness counts from: the later of `since` and the day the add-on first saw the student
   * (CampusInput.firstSeen), so nothing is back-dated to before the add-on was there.
   */
  countsFrom: DayKey;
  /** countsFrom + overdueAfterSchoolDays school days (for each-unexcused-day actions: countsFrom itself). */
  dueBy: DayKey;
  overdue: boolean;
  /** Calendar days from dueBy to asOf (0 when not overdue). */
  daysLate: number;
  /**
   * True when the action became due before the add-on first saw the student (since < firstSeen):
   * the lateness before that day is inherited, shown as such and not counted in daysLate.
   */
  inherited: boolean;
}

export interface LetterDue {
  /** `${studentId}|${letterType}|${schoolYear}`: each letter is issued once. */
  key: string;
  studentId: string;
  letterType: string;
  schoolYear: string;
  step: StepNumber;
  /** Day the letter's step began. */
  since: DayKey;
}

/** Machine-readable flags on a status; `messages` on the status say them in words. */
export type StatusFlag =
  | 'escalationBlocked'
  | 'belowAttendanceLine'
  | 'recentWindowThreshold'
  | 'longWindowThreshold'
  | 'stepKept'
  | 'stepAdjusted'
  | 'courtDecisionIgnored'
  | 'adjustmentIgnored'
  | 'notEnrolled';

export interface BlockedEscalation {
  targetStep: StepNumber;
  /** Human-readable missing documentation, e.g. "TPM plan (on or after 2026-10-05)". */
  missing: string[];
}

export interface StepAdjustmentApplied {
  /** The sealed entry's sequence number: adjustments apply in this order, each once. */
  seq: number;
  date: DayKey;
  toStep: StepNumber;
  role: Role | '';
  reason: string;
}

/** Everything the Status tab shows for one student as of a date. */
export interface StudentStatus {
  studentId: string;
  counts: AttendanceCounts;
  /** Fraction 0–1 over enrolled instructional days; null when not enrolled any day yet. */
  attendanceRate: number | null;
  step: StepNumber;
  /** Day the current step began (null at step 0). */
  since: DayKey | null;
  stepSince: Partial<Record<StepNumber, DayKey>>;
  highestStep: StepNumber;
  blocked?: BlockedEscalation;
  adjustment?: StepAdjustmentApplied;
  /** Day the add-on first saw the student (from CampusInput.firstSeen, or asOf when first seen now). */
  firstSeen: DayKey;
  /** Every open action, most urgent first: the current step's own work, then lower steps' continuing actions. */
  due: DueAction[];
  /** The first of `due`, or null. */
  nextDue: DueAction | null;
  lettersDue: LetterDue[];
  flags: StatusFlag[];
  messages: string[];
}
