// What the sidebar shows: the first call's data (who you are, the roster, your work today, the policy's lists) and
// a student's card. Everything returned is plain JSON (strings, numbers, booleans), as google.script.run requires.
import { countIn } from './cell-number';
import * as v from 'valibot';
import type { Role } from '../domain/types';
import type { DocumentStore, Clock } from '../ports/platform';
import type { Sealer, UserSession } from '../ports/record';
import { ABSENCES, DOCUMENTATION, LETTERS, STATUS, TO_DO } from '../ports/tabs';
import type { RowOf, Workbook } from '../ports/workbook';
import type { StudentsWritten } from './recalculate';
import { resolveActor } from './actor';
import { rulesInForce } from './campus';
import { contactTypesFor, type ContactType } from './contact-types';
import { roleLabel } from './labels';
import { MAX_NOTE_LENGTH } from './privileged-entry';
import { readState } from './pending-work';
import { runGuarded, type GuardedDeps } from './guarded-run';
import { DOC } from '../domain/policy';
import { withoutLeadingZeros } from '../domain/student-ids';

export interface ViewDeps {
  workbook: Workbook;
  clock: Clock;
  store: DocumentStore;
  sealer: Sealer;
  session: UserSession;
}

/** The signed-in person as the sidebar shows them. */
export interface Me {
  email: string;
  name: string;
  /** The role's label ('Counselor'), '' when the person has none. */
  role: string;
  verified: boolean;
  /** Why the person has no role (what they may still log), '' when verified. */
  notice: string;
}

/** One student of the roster, searched in the page. */
export interface RosterEntry {
  id: string;
  name: string;
  grade: string;
  step: number;
}

/** One open action of the signed-in person. */
export interface WorkItem {
  studentId: string;
  name: string;
  step: string;
  action: string;
  dueBy: string;
  daysLate: number;
  closedBy: string;
}

/** The first call's answer: all the page needs, in one round trip. */
export interface SidebarStart {
  me: Me;
  today: string;
  yearStart: string;
  types: ContactType[];
  outcomes: string[];
  maxNote: number;
  roster: RosterEntry[];
  work: WorkItem[];
}

/** Who is signed in, the roster from Status, and the open actions of To Do that are theirs, most overdue first. */
export function sidebarStart(deps: ViewDeps): SidebarStart {
  const { workbook } = deps;
  const today = deps.clock.today();
  const rules = rulesInForce(workbook, today, deps.store);
  const actor = resolveActor(workbook, deps.session, deps.sealer);
  const roster = workbook.hasTab(STATUS)
    ? workbook
        .read(STATUS, ['studentId', 'name', 'grade', 'step'])
        .filter((r) => r.values.studentId !== '')
        .map(({ values: s }) => ({ id: s.studentId, name: s.name, grade: s.grade, step: countIn(s.step) }))
    : [];
  return {
    me: {
      email: actor.email,
      name: actor.name,
      role: actor.role ? roleLabel(actor.role) : '',
      verified: actor.role !== null,
      notice: actor.role
        ? ''
        : `${actor.why} Until then you can log contacts, visits, positive engagement and notes; the rest needs a role.`,
    },
    today,
    yearStart: rules.year.firstDay,
    types: contactTypesFor(actor.role, rules.policy),
    outcomes: rules.policy.outcomes.map((o) => o.outcome),
    maxNote: MAX_NOTE_LENGTH,
    roster,
    work: actor.role ? myWork(workbook, actor.role, actor.name, actor.email) : [],
  };
}

/** To Do's rows for the person: assigned to them, or of their role with nobody assigned; most days late first. */
function myWork(workbook: Workbook, role: Role, name: string, email: string): WorkItem[] {
  if (!workbook.hasTab(TO_DO)) return [];
  const label = roleLabel(role);
  const me = new Set([name.trim().toLowerCase(), email.trim().toLowerCase()].filter((x) => x !== ''));
  const isMine = (t: { ownerRole: string; assignedTo: string }) => {
    const who = t.assignedTo.trim().toLowerCase();
    return who !== '' ? me.has(who) : t.ownerRole === label;
  };
  // Two columns of every row first (To Do has about 6 rows a student), then the span that holds the person's rows
  // in one read: To Do is sorted by role, then person, so they are together (an edit adds rows at the end).
  const rows = workbook
    .read(TO_DO, ['ownerRole', 'assignedTo'])
    .filter((r) => isMine(r.values))
    .map((r) => r.row);
  if (rows.length === 0) return [];
  const first = Math.min(...rows);
  const wanted = new Set(rows);
  return workbook
    .rowsAt(TO_DO, first, Math.max(...rows) - first + 1)
    .filter((r) => wanted.has(r.row) && isMine(r.values))
    .map((r) => r.values)
    .map((t) => ({
      studentId: t.studentId,
      name: t.name,
      step: t.step,
      action: t.action,
      dueBy: t.dueBy,
      daysLate: countIn(t.daysLate),
      closedBy: t.closedBy,
    }))
    .sort((a, b) => b.daysLate - a.daysLate || a.dueBy.localeCompare(b.dueBy));
}

export const StudentInput = v.object(
  {
    studentId: v.pipe(
      v.string('The Student ID must be text.'),
      v.trim(),
      v.minLength(1, 'Enter the Student ID.'),
      v.maxLength(40, 'A Student ID is at most 40 characters.'),
    ),
  },
  'The request must name a student: { studentId }.',
);
export type StudentRequest = v.InferInput<typeof StudentInput>;

/** A student's card: what Status concluded, and the rows behind it. */
export interface StudentCard {
  id: string;
  name: string;
  grade: string;
  step: number;
  stepName: string;
  since: string;
  unexcused: number;
  recent: number;
  long: number;
  rate: number | null;
  absences: { date: string; code: string }[];
  letters: { letter: string; state: string; dueSince: string; sentAt: string }[];
  contacts: { date: string; type: string; outcome: string; staff: string; notes: string; entryId: string }[];
  due: { action: string; owner: string; assignedTo: string; dueBy: string; daysLate: number }[];
  nextDue: string;
  owner: string;
  blocked: boolean;
  missing: string;
  flags: string;
  why: string;
  /** True while an entry logged for the student waits for its recalculation. */
  pending: boolean;
}

/** How many contacts the card lists (the latest). */
export const CONTACTS_SHOWN = 8;

export type CardResult = { ok: true; card: StudentCard } | { ok: false; message: string };

/** The card of one student: their Status row, absences, letters, latest entries and open actions. */
export function studentCard(deps: ViewDeps, input: unknown): CardResult {
  const parsed = v.safeParse(StudentInput, input);
  if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
  return cardOf(deps, parsed.output.studentId);
}

/** The card of a student by id (a roster match: leading zeros lost are found when exactly one student fits). */
export function cardOf(deps: ViewDeps, studentId: string): CardResult {
  const { workbook } = deps;
  const found = workbook.hasTab(STATUS) ? workbook.find(STATUS, 'studentId', [studentId]) : [];
  const row = found[0]?.values;
  if (!row)
    return {
      ok: false,
      message: `No student ${studentId} on the Status tab (a student added to the roster since the last recalculation appears after Recalculate now).`,
    };
  const id = row.studentId;
  return cardFrom(deps.store, {
    status: row,
    absences: workbook.find(ABSENCES, 'studentId', [id]).map((r) => r.values),
    letters: workbook.hasTab(LETTERS) ? workbook.find(LETTERS, 'studentId', [id]).map((r) => r.values) : [],
    documentation: workbook.find(DOCUMENTATION, 'studentId', [id]).map((r) => r.values),
    toDo: workbook.hasTab(TO_DO) ? workbook.find(TO_DO, 'studentId', [id]).map((r) => r.values) : [],
  });
}

/** The rows a card is made of: the student's Status row and their rows of the other tabs, in each tab's order. */
interface CardRows {
  status: RowOf<typeof STATUS.columns>;
  absences: RowOf<typeof ABSENCES.columns>[];
  letters: RowOf<typeof LETTERS.columns>[];
  documentation: RowOf<typeof DOCUMENTATION.columns>[];
  toDo: RowOf<typeof TO_DO.columns>[];
}

function cardFrom(store: DocumentStore, rows: CardRows): CardResult {
  const row = rows.status;
  const id = row.studentId;
  const absences = rows.absences
    .map((a) => ({ date: a.date, code: a.code }))
    .sort((a, b) => b.date.localeCompare(a.date));
  const letters = rows.letters.map((l) => ({
    letter: l.letterType,
    state: l.state,
    dueSince: l.dueSince,
    sentAt: l.sentAt,
  }));
  const contacts = rows.documentation
    .filter((d) => d.type !== DOC.stepReached)
    .sort((a, b) => b.date.localeCompare(a.date) || b.loggedAt.localeCompare(a.loggedAt))
    .slice(0, CONTACTS_SHOWN)
    .map((d) => ({
      date: d.date,
      type: d.type,
      outcome: d.outcome,
      staff: d.staff,
      notes: d.notes,
      entryId: d.entryId,
    }));
  const due = rows.toDo.map((t) => ({
    action: t.action,
    owner: t.ownerRole,
    assignedTo: t.assignedTo,
    dueBy: t.dueBy,
    daysLate: countIn(t.daysLate),
  }));
  const pending = readState(store).pending;
  return {
    ok: true,
    card: {
      id,
      name: row.name,
      grade: row.grade,
      step: countIn(row.step),
      stepName: row.stepName,
      since: row.since,
      unexcused: countIn(row.unexcused),
      recent: countIn(row.recent),
      long: countIn(row.long),
      rate: typeof row.rate !== 'number' || Number.isNaN(row.rate) ? null : row.rate,
      absences,
      letters,
      contacts,
      due,
      nextDue: row.nextDue,
      owner: row.owner,
      blocked: row.blocked === true,
      missing: row.missing,
      flags: row.flags,
      why: row.why,
      pending: pending === 'all' || pending.includes(id),
    },
  };
}

/**
 * The student recalculated (with whatever earlier runs owe), then their card. The sidebar calls it right after an
 * entry is logged; when it fails the entry stays, the student stays owed, and the next run catches up.
 */
export function recalculatedCard(deps: GuardedDeps & ViewDeps, input: unknown): CardResult {
  const parsed = v.safeParse(StudentInput, input);
  if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
  const id = parsed.output.studentId;
  // The card is made from the rows the run itself read and wrote under the lock (they are what the tabs now hold):
  // only a run that became a full one, or a student not found as asked, reads the tabs again.
  let written: StudentsWritten | null = null;
  runGuarded(deps, "The sidebar's recalculation", () => ({ scope: [id], fallback: [id] }), {
    onStudentsWritten: (w) => (written = w),
  });
  const rows = written as StudentsWritten | null;
  const status = rows?.status.filter((r) => r.studentId === id) ?? [];
  if (!rows || status.length !== 1) return cardOf(deps, id);
  // Rows found as cardOf finds them: the id, leading zeros aside (runs of several owed students hold others too).
  const key = withoutLeadingZeros(id);
  const mine = <T extends { studentId: string }>(list: T[]) =>
    list.filter((r) => withoutLeadingZeros(r.studentId) === key);
  return cardFrom(deps.store, {
    status: status[0]!,
    absences: mine(rows.absences),
    letters: mine(rows.letters),
    documentation: mine(rows.documentation),
    toDo: mine(rows.toDo),
  });
}
