// The To Do tab's rows: one per open action of every student, staff actions by owner and lateness, the add-on's own
// after them; and, for an edit, which rows of the edited students to rewrite, add and delete.
import { stepDefinition } from '../domain/policy';
import { ANY_DOCUMENTATION, ROLES, type Policy, type StudentStatus } from '../domain/types';
import type { TO_DO } from '../ports/tabs';
import type { RowOf, SheetRow } from '../ports/workbook';
import type { Caseload } from './caseload';
import { roleLabel } from './labels';

export type ToDoRow = RowOf<typeof TO_DO.columns>;

/** Owner Role of the add-on's own actions (letters, call lists, reports). */
export const ADDON_OWNER = 'Attendance Steps';

/** Closed By of an action that any entry by a person closes (Document all efforts). */
export const ANY_ENTRY = 'Any entry by staff';

/** One row per action of `status.due` (closed actions are not there), in the engine's order for the student. */
export function worklistRowsOf(
  status: StudentStatus,
  who: { name: string; grade: string } | undefined,
  people: Caseload,
  policy: Policy,
): ToDoRow[] {
  return status.due.map((a) => ({
    studentId: status.studentId,
    name: who?.name ?? '',
    grade: who?.grade ?? '',
    step: `${a.step} ${stepDefinition(policy, a.step)?.name ?? ''}`.trim(),
    action: a.label,
    ownerRole: a.owner === 'system' ? ADDON_OWNER : roleLabel(a.owner),
    assignedTo: a.owner === 'system' ? '' : people.personFor(status.studentId, a.owner),
    dueBy: a.dueBy,
    daysLate: a.daysLate,
    inherited: a.inherited,
    closedBy: a.docType === ANY_DOCUMENTATION ? ANY_ENTRY : a.docType,
  }));
}

/** Every student's rows, sorted by sortWorklist. */
export function worklistRows(
  statuses: readonly StudentStatus[],
  names: Map<string, { name: string; grade: string }>,
  people: Caseload,
  policy: Policy,
): ToDoRow[] {
  return sortWorklist(statuses.flatMap((s) => worklistRowsOf(s, names.get(s.studentId), people, policy)));
}

const ROLE_ORDER = new Map(ROLES.map((r, i) => [roleLabel(r), i]));

/**
 * Staff actions first, by owner role (in the ladder's order of roles, teachers first), then the person assigned
 * (nobody assigned last), then the most days late, the earliest due, the student; the add-on's own actions last.
 * A stable sort: a student's actions keep the engine's order among equals.
 */
export function sortWorklist(rows: ToDoRow[]): ToDoRow[] {
  const rank = (r: ToDoRow) =>
    r.ownerRole === ADDON_OWNER ? ROLES.length + 1 : (ROLE_ORDER.get(r.ownerRole) ?? ROLES.length);
  return [...rows].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      (a.assignedTo === '' ? 1 : 0) - (b.assignedTo === '' ? 1 : 0) ||
      a.assignedTo.localeCompare(b.assignedTo) ||
      Number(b.daysLate ?? 0) - Number(a.daysLate ?? 0) ||
      (a.dueBy < b.dueBy ? -1 : a.dueBy > b.dueBy ? 1 : 0) ||
      (a.studentId < b.studentId ? -1 : a.studentId > b.studentId ? 1 : 0),
  );
}

export interface WorklistChanges {
  /** Rows of the edited students still open, rewritten where they are (their place in the order stays). */
  update: SheetRow<typeof TO_DO.columns>[];
  /** Newly open actions, added at the end (the next full recalculation sorts them in). */
  append: ToDoRow[];
  /** Sheet rows of actions now closed (or of students gone). */
  remove: number[];
}

/**
 * For an edit: matches the edited students' rows on To Do to their fresh rows by student and action. Rewriting the
 * whole tab would cost about 70 µs a cell (setValues past ~20k cells, DESIGN.md), some 20 s for 25,000 rows.
 */
export function worklistChanges(
  existing: readonly SheetRow<typeof TO_DO.columns>[],
  fresh: readonly ToDoRow[],
): WorklistChanges {
  const key = (r: ToDoRow) => `${r.studentId}\u0000${r.action}`;
  const open = new Map<string, ToDoRow[]>();
  for (const r of fresh) {
    const list = open.get(key(r));
    if (list) list.push(r);
    else open.set(key(r), [r]);
  }
  const update: SheetRow<typeof TO_DO.columns>[] = [];
  const remove: number[] = [];
  for (const { row, values } of existing) {
    const next = open.get(key(values))?.shift();
    if (next) update.push({ row, values: next });
    else remove.push(row);
  }
  return { update, append: [...open.values()].flat(), remove };
}
