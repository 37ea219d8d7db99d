// Turns engine statuses and problems into Status, Letters and Data Issues rows.
import { nextDue } from '../domain/due';
import { ownerText } from './caseload';
import { stepDefinition } from '../domain/policy';
import type { StudentFacts } from './campus';
import type { LetterDue, Policy, Problem, Role, StudentStatus } from '../domain/types';
import type { DATA_ISSUES, LETTERS, STATUS } from '../ports/tabs';
import type { RowOf } from '../ports/workbook';

export type StatusRow = RowOf<typeof STATUS.columns>;
export type LetterRow = RowOf<typeof LETTERS.columns>;
export type IssueRow = RowOf<typeof DATA_ISSUES.columns>;

const FLAG_WORDS: Record<string, string> = {
  belowAttendanceLine: 'below the attendance line',
  recentWindowThreshold: 'state-law 4-week count reached',
  longWindowThreshold: 'state-law 6-month count reached',
  stepKept: 'step kept for the year',
  stepAdjusted: 'step set by an administrator',
  courtDecisionIgnored: 'court decision ignored',
  adjustmentIgnored: 'step adjustment ignored',
  notEnrolled: 'not enrolled',
};

/**
 * One Status row. `letters` is every letter by key; `sent` is this student's letters that went out (looked up once per
 * recalculation by `sentByStudent`: scanning every letter for each student is quadratic, about a minute of script
 * time on a 20,000-student district). `personFor` names the person assigned the student in a role ('' for none).
 */
export function statusRow(
  status: StudentStatus,
  who: StudentFacts | undefined,
  letters: Map<string, LetterRow>,
  sent: readonly LetterRow[],
  policy: Policy,
  problemCount: number,
  now: string,
  personFor: (role: Role) => string = () => '',
): StatusRow {
  // What a person must do comes first: the add-on's own actions (letters, call lists, reports) are shown only
  // when nothing is due from staff.
  const next = nextDue(status.due.filter((d) => d.owner !== 'system')) ?? status.nextDue;
  const letterText = status.lettersDue
    .map((l) => `${letterLabel(policy, l.letterType)}: ${letters.get(l.key)?.state ?? 'DUE'}`)
    .concat(sent.map((l) => `${letterLabel(policy, l.letterType)}: ${l.state}`));
  return {
    studentId: status.studentId,
    name: who?.name ?? '',
    grade: who?.grade ?? '',
    unexcused: status.counts.unexcusedDays,
    recent: status.counts.unexcusedRecent,
    long: status.counts.unexcusedLong,
    excused: status.counts.excusedDays,
    rate: status.attendanceRate,
    step: status.step,
    stepName: stepName(policy, status.step),
    since: status.since ?? '',
    highestStep: status.highestStep,
    nextDue: next?.label ?? '',
    owner: next ? ownerText(next.owner, next.owner === 'system' ? '' : personFor(next.owner)) : '',
    dueBy: next?.dueBy ?? '',
    overdue: next ? next.overdue : null,
    dueCount: status.due.length,
    letters: letterText.join('; '),
    blocked: status.blocked !== undefined && status.blocked !== null,
    missing: status.blocked ? status.blocked.missing.join('; ') : '',
    flags: status.flags
      .filter((f) => f !== 'escalationBlocked')
      .map((f) => FLAG_WORDS[f] ?? f)
      .join('; '),
    why: status.messages.join(' '),
    problems: problemCount,
    updatedAt: now,
  };
}

/** Each student's letters that went out (SENT or PRINTED), by student id. */
export function sentByStudent(letters: Iterable<LetterRow>): Map<string, LetterRow[]> {
  const out = new Map<string, LetterRow[]>();
  for (const l of letters) {
    if (l.state !== 'SENT' && l.state !== 'PRINTED') continue;
    const list = out.get(l.studentId);
    if (list) list.push(l);
    else out.set(l.studentId, [l]);
  }
  return out;
}

function letterLabel(policy: Policy, letterType: string): string {
  return policy.letters.find((l) => l.letterType === letterType)?.label ?? letterType;
}

/** '3 Campus administrators'; step 0 is '0 Not on the ladder'. */
export function stepName(policy: Policy, step: number): string {
  return `${step} ${step === 0 ? 'Not on the ladder' : (stepDefinition(policy, step)?.name ?? '')}`.trim();
}

/** A Letters row for a letter that became due (its state stays DUE until it is sent). */
export function letterRow(letter: LetterDue, who: StudentFacts | undefined, policy: Policy): LetterRow {
  return {
    key: letter.key,
    studentId: letter.studentId,
    name: who?.name ?? '',
    letterType: letterLabel(policy, letter.letterType),
    language: who?.language || 'English',
    delivery: who?.guardianEmail ? 'Email' : 'Print',
    schoolYear: letter.schoolYear,
    state: 'DUE',
    dueSince: letter.since,
    sentAt: '',
    recipient: '',
    document: '',
    error: '',
  };
}

/** A problem quoting what was typed stays readable, and within a cell (50,000 characters): a long quote is shortened. */
const MAX_PROBLEM_LENGTH = 1000;

export function issueRow(p: Problem): IssueRow {
  const problem =
    p.reason.length > MAX_PROBLEM_LENGTH
      ? `${p.reason.slice(0, MAX_PROBLEM_LENGTH)}… (${p.reason.length.toLocaleString('en-US')} characters in all; the cell itself is unchanged)`
      : p.reason;
  return {
    tab: p.tab,
    row: p.row ?? null,
    column: p.column ?? '',
    studentId: p.studentId ?? '',
    severity: p.severity,
    problem,
  };
}
