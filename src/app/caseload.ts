// Who each student's actions are assigned to: the student's own columns on Students first, then the Staff tab's
// caseload rules (grades, last-name ranges), shown by the Staff name where one is known.
import type { Problem, Role } from '../domain/types';
import type { STAFF, STUDENTS } from '../ports/tabs';
import type { SheetRow } from '../ports/workbook';
import { roleFromText } from './actor';
import { roleLabel } from './labels';

type StudentRow = SheetRow<typeof STUDENTS.columns>;
type StaffRow = SheetRow<typeof STAFF.columns>;

/** The Students columns that name a person for a role. */
const STUDENT_COLUMNS = {
  assistantPrincipal: 'assistantPrincipal',
  counselor: 'counselor',
  attendanceClerk: 'attendanceClerk',
} as const satisfies Partial<Record<Role, keyof StudentRow['values']>>;

interface Rule {
  role: Role;
  person: string;
  grades: Set<string> | null;
  lastNames: [string, string][] | null;
}

/** Student id and role → the person assigned (Staff name, else the email or name as typed), or ''. */
export interface Caseload {
  personFor(studentId: string, role: Role): string;
  problems: Problem[];
}

/** Reads the assignments from the Students rows (all, or the ones of an edit) and the whole Staff tab. */
export function caseload(students: readonly StudentRow[], staff: readonly StaffRow[]): Caseload {
  const problems: Problem[] = [];
  const nameOf = new Map<string, string>();
  for (const { values: s } of staff) {
    const email = s.email.trim().toLowerCase();
    if (email !== '' && s.name.trim() !== '') nameOf.set(email, s.name.trim());
  }
  const person = (typed: string) => nameOf.get(typed.trim().toLowerCase()) ?? typed.trim();
  const rules: Rule[] = [];
  for (const { row, values: s } of staff) {
    if (s.grades.trim() === '' && s.lastNames.trim() === '') continue;
    const role = roleFromText(s.role);
    if (!role || s.email.trim() === '') continue;
    const lastNames = letterRanges(s.lastNames);
    if (lastNames === undefined)
      problems.push({
        tab: 'Staff',
        row,
        column: 'Last Names',
        reason: `"${s.lastNames}" is not a list of letter ranges like A-L or A-F, Mc-Mz; the row assigns no student.`,
        severity: 'warning',
      });
    else rules.push({ role, person: person(s.email), grades: gradeSet(s.grades), lastNames });
  }
  const byStudent = new Map<string, StudentRow['values']>();
  for (const { values } of students)
    if (!byStudent.has(values.studentId)) byStudent.set(values.studentId, values);
  return {
    problems,
    personFor(studentId, role) {
      const s = byStudent.get(studentId);
      if (!s) return '';
      const column = (STUDENT_COLUMNS as Partial<Record<Role, keyof StudentRow['values']>>)[role];
      const own = column ? String(s[column] ?? '').trim() : '';
      if (own !== '') return person(own);
      const grade = normalGrade(s.grade);
      const last = s.lastName.trim().toLowerCase();
      const rule = rules.find(
        (r) =>
          r.role === role &&
          (r.grades === null || r.grades.has(grade)) &&
          (r.lastNames === null || r.lastNames.some(([lo, hi]) => inRange(last, lo, hi))),
      );
      return rule?.person ?? '';
    },
  };
}

/** "Assistant Principal (Ana Ruiz)", or the role alone when nobody is assigned. */
export function ownerText(role: Role, person: string): string {
  // The add-on's own actions (letters, call lists, reports) read the same here as on To Do.
  if (role === 'system') return 'Attendance Steps';
  return person === '' ? roleLabel(role) : `${roleLabel(role)} (${person})`;
}

/** "6, 7" or "6-8" or "K, 1" → the set of grades; null when blank (any grade). */
function gradeSet(text: string): Set<string> | null {
  if (text.trim() === '') return null;
  const out = new Set<string>();
  for (const part of text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const range = /^(\d+)\s*[-–]\s*(\d+)$/.exec(part);
    if (range) for (let g = Number(range[1]); g <= Number(range[2]); g++) out.add(String(g));
    else out.add(normalGrade(part));
  }
  return out;
}

/** Grades compare without leading zeros and case: "06" = "6", "k" = "K". */
function normalGrade(grade: string): string {
  const t = grade.trim().toUpperCase();
  return /^\d+$/.test(t) ? String(Number(t)) : t;
}

/** "A-L, Mc-Mz" → [['a','l'],['mc','mz']]; null when blank (any name); undefined when a part is not a range. */
function letterRanges(text: string): [string, string][] | null | undefined {
  if (text.trim() === '') return null;
  const out: [string, string][] = [];
  for (const part of text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter((p) => p !== '')) {
    const m = /^([A-Za-z]+)(?:\s*[-–]\s*([A-Za-z]+))?$/.exec(part);
    if (!m) return undefined;
    out.push([m[1]!.toLowerCase(), (m[2] ?? m[1]!).toLowerCase()]);
  }
  return out;
}

/** A last name is in A-L when its first letters (as many as each bound has) fall between the bounds. */
function inRange(last: string, lo: string, hi: string): boolean {
  return last.slice(0, lo.length) >= lo && last.slice(0, hi.length) <= hi;
}
