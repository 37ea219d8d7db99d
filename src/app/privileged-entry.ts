// Entries that set a step, made through the add-on by a verified person: a step adjustment (administrators) and a
// court referral decision (district specialists). Each is checked, sealed under the lock, and the student recalculated.
import * as v from 'valibot';
import { isDayKey } from '../domain/dates';
import { DOC } from '../domain/policy';
import type { Policy, Role } from '../domain/types';
import { idProblem, RosterIds } from '../domain/student-ids';
import type { UserSession } from '../ports/record';
import { DOCUMENTATION, STATUS, STUDENTS } from '../ports/tabs';
import { resolveActor, refusal } from './actor';
import { rulesInForce } from './campus';
import { roleLabel } from './labels';
import { recalculateStudentsHeld, type RecalcDeps } from './recalculate';
import { Ledger } from './record';

/** Notes longer than this are refused (nothing is cut): a cell holds at most 50,000 characters. */
export const MAX_NOTE_LENGTH = 5000;

const day = v.pipe(
  v.string('The date must be text like 2026-12-02.'),
  v.trim(),
  v.check((d) => isDayKey(d), 'The date must be a real date like 2026-12-02.'),
);
const studentId = v.pipe(
  v.string('The Student ID must be text.'),
  v.trim(),
  v.minLength(1, 'Enter the Student ID.'),
);
const reason = v.pipe(
  v.string('The reason must be text.'),
  v.trim(),
  v.minLength(3, 'Write the reason (it goes into the record).'),
  v.maxLength(MAX_NOTE_LENGTH, `The reason is longer than ${MAX_NOTE_LENGTH} characters; shorten it.`),
);

const FIELDS: Record<string, string> = {
  studentId: 'the Student ID',
  date: 'the date',
  step: 'the step',
  reason: 'the reason',
};

/** A missing field, or an entry that is not an object at all, in words (valibot's own name its internals). */
const INCOMPLETE = (issue: v.ObjectIssue): string => {
  const key = String(issue.expected ?? '').replace(/"/g, '');
  return `The entry is not complete: fill in ${FIELDS[key] ?? 'every field'}.`;
};

export const StepAdjustmentInput = v.object(
  {
    studentId,
    date: day,
    step: v.pipe(
      v.number('The step must be a number from 0 to 5.'),
      v.integer('The step must be a whole number from 0 to 5.'),
      v.minValue(0, 'The step must be from 0 to 5.'),
      v.maxValue(5, 'The step must be from 0 to 5.'),
    ),
    reason,
  },
  INCOMPLETE,
);

export const CourtDecisionInput = v.object({ studentId, date: day, reason }, INCOMPLETE);

export type StepAdjustmentRequest = v.InferInput<typeof StepAdjustmentInput>;
export type CourtDecisionRequest = v.InferInput<typeof CourtDecisionInput>;

/** What the dialog shows: plain JSON. */
export interface EntryResult {
  ok: boolean;
  message: string;
  entryId?: string;
  /** The roster's id of the student the entry was written for. */
  studentId?: string;
  /** The student's step after the entry, when it was written. */
  step?: number;
}

export interface EntryDeps extends RecalcDeps {
  session: UserSession;
}

/** Menu: Attendance → Adjust a step…: an administrator sets a lower step, with the reason. */
export function logStepAdjustment(deps: EntryDeps, input: unknown): EntryResult {
  const parsed = v.safeParse(StepAdjustmentInput, input);
  if (!parsed.success) return refused(parsed.issues[0]?.message);
  const { step, ...rest } = parsed.output;
  return logEntry(
    deps,
    { ...rest, targetStep: step },
    DOC.stepAdjustment,
    'adjust a step',
    (p) => p.adminRoles,
  );
}

/** Menu: Attendance → Court referral decision…: a district specialist records the decision to refer to court. */
export function logCourtDecision(deps: EntryDeps, input: unknown): EntryResult {
  const parsed = v.safeParse(CourtDecisionInput, input);
  if (!parsed.success) return refused(parsed.issues[0]?.message);
  return logEntry(
    deps,
    { ...parsed.output, targetStep: null },
    DOC.courtDecision,
    'record a court referral decision',
    (p) => p.courtDeciderRoles,
  );
}

export function refused(message = 'The entry is not complete.'): EntryResult {
  return { ok: false, message: `${message} Nothing was written.` };
}

/** What the Status tab last showed for a student: step and the reasons (one find). */
function shownStatus(deps: EntryDeps, studentId: string): { step: number; why: string } | null {
  if (!deps.workbook.hasTab(STATUS)) return null;
  const row = deps.workbook.find(STATUS, 'studentId', [studentId])[0];
  return row
    ? { step: typeof row.values.step === 'number' ? row.values.step : 0, why: row.values.why }
    : null;
}

/** An entry to check, seal and write: the notes are the reason of an adjustment or decision. */
export interface EntryDraft {
  studentId: string;
  date: string;
  reason: string;
  targetStep: number | null;
  outcome?: string;
}

/** How writeEntryHeld checks and finishes an entry. */
export interface EntryOptions {
  /** The roles that may log it; null: anyone, a person the Staff tab does not name included. */
  roles: readonly Role[] | null;
  /** The action in words, for a refusal ("adjust a step"). */
  what: string;
  /** Recalculate the student now (true), or leave that to the caller (the sidebar asks for it in its next call). */
  recalculate: boolean;
  /** Checked under the lock before anything is written: a reason to refuse, or null. */
  precheck?: () => EntryResult | null;
}

/**
 * Checks, seals and writes one entry, then recalculates the student, all under one hold of the lock. An entry the
 * ladder would ignore (an adjustment above the student's step, a court decision before step 4) is refused before
 * anything is written: the record keeps no entry that was never going to count.
 */
function logEntry(
  deps: EntryDeps,
  entry: EntryDraft,
  type: string,
  what: string,
  roles: (policy: Policy) => readonly Role[],
): EntryResult {
  return deps.lock.withLock((): EntryResult =>
    writeEntryHeld(deps, entry, type, (policy) => ({ roles: roles(policy), what, recalculate: true })),
  );
}

/** logEntry's work for a caller that holds the lock (the sidebar, which also checks its submission id). */
export function writeEntryHeld(
  deps: EntryDeps,
  entry: EntryDraft,
  type: string,
  options: (policy: Policy) => EntryOptions,
): EntryResult {
  const { workbook } = deps;
  const today = deps.clock.today();
  const rules = rulesInForce(workbook, today, deps.store);
  const actor = resolveActor(workbook, deps.session, deps.sealer);
  const { roles, what, recalculate, precheck } = options(rules.policy);
  const no = roles === null ? null : refusal(actor, roles, what);
  if (no) return refused(no);
  if (entry.date > today) return refused(`${entry.date} is in the future.`);
  if (entry.date < rules.year.firstDay)
    return refused(`${entry.date} is before this school year (it began ${rules.year.firstDay}).`);
  const roster = new RosterIds(workbook.read(STUDENTS, ['studentId']).map((r) => r.values.studentId));
  const match = roster.match(entry.studentId);
  if (match.kind !== 'exact' && match.kind !== 'zeros') return refused(idProblem(entry.studentId, match)!);
  const needsStep = entry.targetStep !== null || type === DOC.courtDecision;
  const before = needsStep ? shownStatus(deps, match.id) : null;
  const step = before?.step ?? 0;
  if (entry.targetStep !== null && entry.targetStep > step)
    return refused(
      `Student ${match.id} is at step ${step}: an adjustment may only lower the step or confirm it (step 4 needs ` +
        "its documentation, court a district specialist's decision).",
    );
  if (type === DOC.courtDecision && step < 4)
    return refused(
      `Student ${match.id} is at step ${step}: a court referral decision counts only at step 4, after the ` +
        'district interventions are documented.',
    );
  const again = precheck?.();
  if (again) return again;
  const ledger = new Ledger(deps.store, deps.sealer);
  const sealed = ledger.seal([
    {
      loggedAt: deps.clock.now(),
      studentId: match.id,
      date: entry.date,
      type,
      outcome: entry.outcome ?? 'Completed',
      role: actor.role ? roleLabel(actor.role) : '',
      staff: actor.email,
      notes: entry.reason,
      targetStep: entry.targetStep,
      refersTo: '',
    },
  ]);
  workbook.append(DOCUMENTATION, sealed);
  ledger.confirm(sealed);
  const entryId = sealed[0]!.entryId;
  const written = `Entry ${entryId} was written for student ${match.id}`;
  // From here the entry is in the record: whatever fails next, the answer says so (a retry would write it twice).
  // Without the recalculation here, the copy in Drive is made by the one that follows (the sidebar asks for it
  // at once; any later run of this student, or the nightly run, does it otherwise).
  if (!recalculate) return { ok: true, entryId, studentId: match.id, message: `${written}.` };
  try {
    ledger.archive(sealed, deps.archive, today, false);
    recalculateStudentsHeld(deps, [match.id]);
  } catch (e) {
    return {
      ok: true,
      entryId,
      studentId: match.id,
      message: `${written}, but the student could not be recalculated (${e instanceof Error ? e.message : String(e)}); Recalculate now shows the result.`,
    };
  }
  const after = shownStatus(deps, match.id);
  const now = after?.step ?? step;
  const why =
    type === DOC.courtDecision && now < 5 && after?.why ? ` It does not count yet: ${after.why}` : '';
  return {
    ok: true,
    entryId,
    studentId: match.id,
    step: now,
    message: `${written}; the student is now at step ${now}.${why}`,
  };
}
