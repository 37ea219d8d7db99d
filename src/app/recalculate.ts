// Recalculates students' steps: the whole campus (menu, nightly, after an import) or only the students whose rows
// changed (edit trigger). Reads every tab it needs before writing anything, then writes each result block once.
import { noPhoneProblem } from '../domain/call-list';
import { evaluateCampus } from '../domain/engine';
import { stepDefinition } from '../domain/policy';
import type { Problem, StudentStatus } from '../domain/types';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { RecordArchive, Sealer } from '../ports/record';
import { sendable, STATE } from './letters-plan';
import { ABSENCES, DATA_ISSUES, DOCUMENTATION, LETTERS, STAFF, STATUS, STUDENTS, TO_DO } from '../ports/tabs';
import { columnKeys, type TabDef } from '../ports/schema';
import { WorkbookError, type RowOf, type SheetRow, type Workbook } from '../ports/workbook';
import {
  lettersIssued,
  readAppliedRules,
  rulesInForce,
  toRecords,
  YEAR_START_KEY,
  type Records,
  type Rules,
} from './campus';
import { issueRow, letterRow, sentByStudent, statusRow, type LetterRow, type StatusRow } from './status-rows';
import { firstSeenFromLog, priorFromLog, STEP_CHANGE_TYPE, stepChanges } from './step-history';
import {
  ADDON_STAFF,
  classify,
  Ledger,
  missingEntries,
  sealedSeq,
  type ClassifiedRow,
  type DocRow,
} from './record';
import { typedGrantProblems } from './actor';
import { caseload, type Caseload } from './caseload';
import { worklistChanges, worklistRows, type ToDoRow } from './worklist-rows';

export interface RecalcDeps {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  /** Where the record's sequence lives (document properties). */
  store: DocumentStore;
  sealer: Sealer;
  archive: RecordArchive;
}

export interface RecalcSummary {
  asOf: string;
  students: number;
  /** Students per step, index 0–5. */
  perStep: number[];
  blocked: number;
  problems: number;
  stepChanges: number;
  lettersDue: number;
  /** Settings or Calendar differ from the policy in force (see apply-policy.ts); a run of some students does not check. */
  policyChanged: boolean;
}

interface Evaluated {
  rules: Rules;
  statuses: StudentStatus[];
  problems: Problem[];
  docsToAppend: Omit<DocRow, 'entryId' | 'seal'>[];
  lettersToAppend: LetterRow[];
  lettersToUpdate: SheetRow<typeof LETTERS.columns>[];
  statusRows: StatusRow[];
  /** The To Do rows of the students evaluated, sorted. */
  todoRows: ToDoRow[];
}

export interface RecalcOptions {
  /**
   * Sort Absences by student and date first, so that an edit finds each student's rows in one or two reads.
   * Only for the nightly run: a sort while someone is typing in Absences would move the row under their cursor.
   */
  sortAbsences?: boolean;
  /** Sees the rows of each people tab as read (the edit path keeps a snapshot of their Student IDs). */
  onRead?: (tab: TabDef, rows: { row: number; values: { studentId: string } }[]) => void;
  /**
   * Entries a scheduled job adds to the record in this run (the daily call list's "Automated call" entries): asked
   * for once every tab is read, given the campus's statuses before they are added; they are sealed and written with
   * the run's own rows and count in this run's Status and To Do.
   */
  addToRecord?: (input: AddToRecordInput) => {
    entries: Omit<DocRow, 'entryId' | 'seal'>[];
    problems: Problem[];
  };
  /**
   * Sees what a run of some students left on the tabs for them, once every write is done (the sidebar's card is
   * made from it instead of reading the tabs again). Not called when the run became a full one, nor when typed rows
   * of theirs were given Entry IDs (those rows are then read back).
   */
  onStudentsWritten?: (written: StudentsWritten) => void;
}

/** The rows a run of some students read and wrote for them, as they now are on each tab, in the tab's order. */
export interface StudentsWritten {
  status: StatusRow[];
  absences: RowOf<typeof ABSENCES.columns>[];
  letters: LetterRow[];
  documentation: DocRow[];
  toDo: ToDoRow[];
}

export interface AddToRecordInput {
  today: string;
  rules: Rules;
  records: Records;
  /** The Students tab's rows, as read. */
  students: SheetRow<typeof STUDENTS.columns>[];
  /** Every student's status before the added entries. */
  statuses: () => StudentStatus[];
}

/** Every student of the campus, as of today. */
export function recalculateAll(deps: RecalcDeps, options: RecalcOptions = {}): RecalcSummary {
  return deps.lock.withLock(() => recalculateAllHeld(deps, options));
}

/** recalculateAll's work, for a caller that already holds the lock. */
function recalculateAllHeld(deps: RecalcDeps, options: RecalcOptions = {}): RecalcSummary {
  const { workbook } = deps;
  workbook.forgetSizes();
  const today = deps.clock.today();
  const rules = readAppliedRules(workbook, today, deps.store);
  const students = workbook.read(STUDENTS);
  const documentation = workbook.read(DOCUMENTATION);
  const letters = workbook.hasTab(LETTERS) ? workbook.read(LETTERS) : [];
  // The other tabs are read first and the sort checks Absences' columns before moving a row, so a missing
  // column anywhere stops the run with nothing changed.
  if (options.sortAbsences) workbook.sort(ABSENCES, ['studentId', 'date']);
  const absences = workbook.read(ABSENCES, ['studentId', 'date', 'code']);
  for (const [tab, rows] of [
    [STUDENTS, students],
    [ABSENCES, absences],
    [DOCUMENTATION, documentation],
  ] as const)
    options.onRead?.(tab, rows);
  const ledger = new Ledger(deps.store, deps.sealer);
  const checked = classify(documentation, deps.sealer);
  // Sealed entries missing from the tab (deleted, or changed) keep counting from the add-on's own copy until
  // they are restored, so a deletion never lowers a kept step; each is listed on Data Issues.
  const missing = missingEntries(ledger.missingSealed(checked.rows), deps.archive);
  const fromCopy: ClassifiedRow[] = missing.restorable.map((values) => ({
    row: 0,
    values,
    trust: 'sealed',
    seq: sealedSeq(values.entryId),
  }));
  const records = toRecords(students, absences, [...checked.rows, ...fromCopy]);
  const staff = readStaff(workbook);
  const people = caseload(students, staff);
  for (const tab of [LETTERS, STATUS, TO_DO, DATA_ISSUES]) recreateIfDeleted(workbook, tab);
  const job = options.addToRecord?.({
    today,
    rules,
    records,
    students,
    statuses: () => evaluate(deps, today, rules, records, people, letters, []).statuses,
  });
  const added = job?.entries ?? [];
  for (const d of added)
    records.documentation.push({
      row: 0,
      studentId: d.studentId,
      date: d.date,
      type: d.type,
      outcome: d.outcome,
      role: d.role,
      staff: d.staff,
      note: d.notes,
      targetStep: d.targetStep,
      verified: true,
    });
  const e = evaluate(deps, today, rules, records, people, letters, [
    ...checked.problems,
    ...missing.problems,
    ...typedGrantProblems(staff, deps.sealer),
    ...(job?.problems ?? []),
  ]);
  // The record first: a run stopped after this point leaves steps the next run finds already logged.
  const written = writeRecord(deps, ledger, checked.rows, [...added, ...e.docsToAppend]);
  ledger.archive(
    [...checked.rows.filter((r) => r.trust === 'sealed').map((r) => r.values), ...written],
    deps.archive,
    today,
    true,
  );
  workbook.replace(STATUS, e.statusRows);
  workbook.replace(TO_DO, e.todoRows);
  workbook.replace(DATA_ISSUES, e.problems.map(issueRow));
  workbook.append(LETTERS, e.lettersToAppend);
  workbook.update(LETTERS, e.lettersToUpdate);
  return summarize(e, today);
}

/** Only the given students: their rows are found, not read whole, so an edit stays within a few seconds. */
export function recalculateStudents(
  deps: RecalcDeps,
  studentIds: string[],
  options: Pick<RecalcOptions, 'onStudentsWritten'> = {},
): RecalcSummary {
  return deps.lock.withLock(() => recalculateStudentsHeld(deps, studentIds, options));
}

/**
 * recalculateStudents's work, for a caller that already holds the lock. When a sealed row of these students was
 * changed or copied, the whole campus is recalculated instead: only a full run can tell what is missing and count
 * it from the add-on's copy, so the kept step never drops on the edit path.
 */
export function recalculateStudentsHeld(
  deps: RecalcDeps,
  studentIds: string[],
  options: Pick<RecalcOptions, 'onStudentsWritten'> = {},
): RecalcSummary {
  const { workbook } = deps;
  workbook.forgetSizes();
  const today = deps.clock.today();
  const ids = [...new Set(studentIds.filter((id) => id !== ''))];
  const rules = rulesInForce(workbook, today, deps.store);
  const ledger = new Ledger(deps.store, deps.sealer);
  const checked = classify(workbook.find(DOCUMENTATION, 'studentId', ids), deps.sealer);
  if (checked.rows.some((r) => r.trust === 'changed' || r.trust === 'copy')) return recalculateAllHeld(deps);
  const students = workbook.find(STUDENTS, 'studentId', ids);
  const absences = workbook.find(ABSENCES, 'studentId', ids);
  const records = toRecords(students, absences, checked.rows);
  const people = caseload(students, readStaff(workbook));
  for (const tab of [LETTERS, STATUS, TO_DO, DATA_ISSUES]) recreateIfDeleted(workbook, tab);
  checkColumns(workbook, [DATA_ISSUES]);
  const letters = workbook.find(LETTERS, 'studentId', ids);
  const todoBefore = workbook.find(TO_DO, 'studentId', ids);
  // Every read before the first write: a read after a write waits for the writes to be committed.
  const existing = workbook.find(STATUS, 'studentId', ids);
  const oldIssues = workbook.find(DATA_ISSUES, 'studentId', ids);
  const e = evaluate(deps, today, rules, records, people, letters, checked.problems, ids);
  const written = writeRecord(deps, ledger, checked.rows, e.docsToAppend);
  // These students' sealed entries too: one the sidebar wrote without archiving it is copied here, in order.
  const sealedRows = checked.rows.filter((r) => r.trust === 'sealed').map((r) => r.values);
  ledger.archive([...sealedRows, ...written], deps.archive, today, false);
  const rowOf = new Map(existing.map((r) => [r.values.studentId, r.row]));
  const updates = e.statusRows.filter((r) => rowOf.has(r.studentId));
  workbook.update(
    STATUS,
    updates.map((values) => ({ row: rowOf.get(values.studentId)!, values })),
  );
  workbook.append(
    STATUS,
    e.statusRows.filter((r) => !rowOf.has(r.studentId)),
  );
  // A student no longer on the roster leaves the Status tab.
  const kept = new Set(e.statusRows.map((r) => r.studentId));
  const gone = existing.filter((r) => !kept.has(r.values.studentId)).map((r) => r.row);
  // Only these students' issues are replaced, so only theirs are written: campus-wide ones (Settings, Calendar)
  // stay as the last full recalculation listed them instead of piling up with every edit. When they are the rows
  // already there, in the same order, nothing is written.
  const idSet = new Set(ids);
  const newIssues = e.problems
    .filter((p) => p.studentId !== undefined && idSet.has(p.studentId))
    .map(issueRow);
  const sameIssues =
    oldIssues.length === newIssues.length &&
    oldIssues.every((r, i) => sameRow(DATA_ISSUES, r.values, newIssues[i]!));
  if (!sameIssues) {
    workbook.deleteRows(
      DATA_ISSUES,
      oldIssues.map((r) => r.row),
    );
    workbook.append(DATA_ISSUES, newIssues);
  }
  workbook.append(LETTERS, e.lettersToAppend);
  workbook.update(LETTERS, e.lettersToUpdate);
  workbook.deleteRows(STATUS, gone);
  // Their To Do rows: still-open actions rewritten in place, new ones added at the end, closed ones deleted.
  const todo = worklistChanges(todoBefore, e.todoRows);
  // A row that would be rewritten with what it holds is left alone (most of an edit's To Do rows).
  const held = new Map(todoBefore.map((r) => [r.row, r.values]));
  workbook.update(
    TO_DO,
    todo.update.filter((r) => !sameRow(TO_DO, held.get(r.row)!, r.values)),
  );
  workbook.append(TO_DO, todo.append);
  workbook.deleteRows(TO_DO, todo.remove);
  const named = checked.rows.some((r) => r.trust === 'typed' && r.values.entryId === '' && r.row > 0);
  if (options.onStudentsWritten && !named) {
    const updated = new Map(e.lettersToUpdate.map((r) => [r.row, r.values]));
    options.onStudentsWritten({
      status: e.statusRows,
      absences: absences.map((r) => r.values),
      letters: [...letters.map((r) => updated.get(r.row) ?? r.values), ...e.lettersToAppend],
      documentation: [...checked.rows.map((r) => r.values), ...written],
      toDo: [...todo.update.map((r) => r.values), ...todo.append],
    });
  }
  return summarize(e, today);
}

function evaluate(
  deps: RecalcDeps,
  asOf: string,
  rules: Rules,
  records: Records,
  people: Caseload,
  letters: SheetRow<typeof LETTERS.columns>[],
  recordProblems: Problem[],
  onlyStudentIds?: string[],
): Evaluated {
  const now = deps.clock.now();
  const prior = priorFromLog(records.stepRows, rules.year);
  const result = evaluateCampus({
    policy: rules.policy,
    calendar: rules.calendar,
    students: records.students,
    absences: records.absences,
    documentation: records.documentation,
    priorStatuses: prior,
    lettersIssued: lettersIssued(letters),
    firstSeen: firstSeenFromLog(records.stepRows),
    asOf,
    ...(onlyStudentIds ? { onlyStudentIds } : {}),
  });
  const problems = [
    ...rules.problems,
    ...records.problems,
    ...recordProblems,
    ...people.problems,
    ...result.problems,
    // Those the day's call list leaves out: at step 1 or above, absent without excuse today, and no phone.
    ...result.statuses
      .filter(
        (s) =>
          s.step >= 1 &&
          s.counts.unexcusedDates.includes(asOf) &&
          (records.names.get(s.studentId)?.guardianPhone ?? '').trim() === '',
      )
      .map((s) => noPhoneProblem(s.studentId, asOf)),
  ];
  const problemsBy = new Map<string, number>();
  for (const p of problems)
    if (p.studentId) problemsBy.set(p.studentId, (problemsBy.get(p.studentId) ?? 0) + 1);
  const letterByKey = new Map(letters.map((l) => [l.values.key, l.values]));
  const lettersToAppend: LetterRow[] = [];
  const docsToAppend: Omit<DocRow, 'entryId' | 'seal'>[] = [];
  let outsideYear = 0;
  const stepName = (s: number) => stepDefinition(rules.policy, s)?.name ?? `Step ${s}`;
  for (const status of result.statuses) {
    for (const letter of status.lettersDue) {
      if (letterByKey.has(letter.key)) continue;
      const row = letterRow(letter, records.names.get(letter.studentId), rules.policy);
      letterByKey.set(letter.key, row);
      lettersToAppend.push(row);
    }
    for (const change of stepChanges(status, prior[status.studentId], stepName)) {
      // A step row is read back only within the school year of Settings: one dated outside it would be logged
      // again by every run. The Calendar tab is then for another year; nothing is logged until it is updated.
      if (change.date < rules.year.firstDay || change.date > rules.year.lastDay) {
        outsideYear++;
        continue;
      }
      docsToAppend.push({
        loggedAt: now,
        studentId: change.studentId,
        date: change.date,
        type: STEP_CHANGE_TYPE,
        outcome: 'Completed',
        role: 'System',
        staff: ADDON_STAFF,
        notes: change.notes,
        targetStep: change.step,
        refersTo: change.refersTo,
      });
    }
  }
  if (outsideYear > 0)
    problems.push({
      tab: 'Calendar',
      severity: 'error',
      reason:
        `${outsideYear} step changes fall outside the school year ${rules.year.firstDay} to ${rules.year.lastDay} ` +
        `(Settings, ${YEAR_START_KEY}) and were not logged: the Calendar tab is for ${rules.calendar.schoolYear}. ` +
        'Update the Calendar for this school year.',
    });
  const lettersToUpdate = letterChanges(letters, result.statuses, rules.policy, now);
  const sent = sentByStudent(letterByKey.values());
  const statusRows = result.statuses.map((s) =>
    statusRow(
      s,
      records.names.get(s.studentId),
      letterByKey,
      sent.get(s.studentId) ?? [],
      rules.policy,
      problemsBy.get(s.studentId) ?? 0,
      now,
      (role) => people.personFor(s.studentId, role),
    ),
  );
  return {
    rules,
    statuses: result.statuses,
    problems,
    docsToAppend,
    lettersToAppend,
    lettersToUpdate,
    statusRows,
    todoRows: worklistRows(result.statuses, records.names, people, rules.policy),
  };
}

/**
 * Letters whose reason went before they were sent become NOT NEEDED, with the reason; a NOT NEEDED letter that is
 * due again is DUE again. Sent, printed, pending and "do not send" rows are never changed.
 */
function letterChanges(
  letters: SheetRow<typeof LETTERS.columns>[],
  statuses: { studentId: string; step: number; lettersDue: { key: string }[] }[],
  policy: Rules['policy'],
  now: string,
): SheetRow<typeof LETTERS.columns>[] {
  const byStudent = new Map(statuses.map((s) => [s.studentId, s]));
  const out: SheetRow<typeof LETTERS.columns>[] = [];
  for (const r of letters) {
    const s = byStudent.get(r.values.studentId);
    if (!s) continue;
    const due = s.lettersDue.some((l) => l.key === r.values.key);
    const state = String(r.values.state);
    if (!due && sendable(state)) {
      const type = r.values.key.split('|')[1] ?? '';
      const at = policy.letters.find((l) => l.letterType === type)?.step;
      out.push({
        ...r,
        values: {
          ...r.values,
          state: STATE.notNeeded,
          error:
            `Not needed (${now}): the student is at step ${s.step} now` +
            (at !== undefined ? `, and this letter comes at step ${at}` : '') +
            ' (days excused or corrected, or the step adjusted).',
        },
      });
    } else if (due && state === STATE.notNeeded)
      out.push({ ...r, values: { ...r.values, state: STATE.due, error: '' } });
  }
  return out;
}

/** The Staff tab's rows (none when the tab was deleted): the caseload rules and the names of staff. */
function readStaff(workbook: Workbook) {
  return workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
}

/**
 * Writes the record's part of a run: Entry IDs for typed rows that have none, then the add-on's new rows, sealed
 * (their numbers reserved before the write, confirmed after). Returns the sealed rows written.
 */
function writeRecord(
  deps: RecalcDeps,
  ledger: Ledger,
  rows: readonly ClassifiedRow[],
  drafts: Omit<DocRow, 'entryId' | 'seal'>[],
): DocRow[] {
  const unnamed = rows.filter((r) => r.trust === 'typed' && r.values.entryId === '' && r.row > 0);
  if (unnamed.length > 0) {
    const ids = ledger.typedIds(unnamed.length);
    deps.workbook.fill(
      DOCUMENTATION,
      'entryId',
      unnamed.map((r, i) => ({ row: r.row, value: ids[i]! })),
    );
  }
  const sealed = ledger.seal(drafts);
  deps.workbook.append(DOCUMENTATION, sealed);
  ledger.confirm(sealed);
  return sealed;
}

/**
 * Whether a row as read holds what would be written: every column's value equal (blank and null alike). A value
 * that reads back differently from how it is written counts as different, so the row is written: never skipped
 * wrongly.
 */
export function sameRow(tab: TabDef, read: Record<string, unknown>, fresh: Record<string, unknown>): boolean {
  const plain = (v: unknown) => (v === null || v === undefined ? '' : v);
  return columnKeys(tab).every((key) => plain(read[key]) === plain(fresh[key]));
}

function summarize(e: Evaluated, asOf: string): RecalcSummary {
  const perStep = [0, 0, 0, 0, 0, 0];
  for (const s of e.statuses) perStep[s.step] = (perStep[s.step] ?? 0) + 1;
  return {
    asOf,
    students: e.statuses.length,
    perStep,
    blocked: e.statuses.filter((s) => s.blocked).length,
    problems: e.problems.length,
    stepChanges: e.docsToAppend.length,
    lettersDue: e.statuses.reduce((n, s) => n + s.lettersDue.length, 0),
    policyChanged: e.rules.policyChanged,
  };
}

/**
 * Finds every column of tabs that are written but not read before the first write (WorkbookError when one is
 * missing), so that a broken layout stops the run before anything is written.
 */
function checkColumns(workbook: Workbook, tabs: TabDef[]): void {
  for (const tab of tabs) workbook.columnOf(tab, columnKeys(tab)[0]!);
}

/**
 * Script-owned tabs are recreated when someone deleted them (their content is derived, or empty), and get the
 * columns a newer version added (Step Name, the Letters' Student, Language and Delivery) without waiting for Set up.
 */
function recreateIfDeleted(workbook: Workbook, tab: TabDef): void {
  const lists = { codes: [], documentationTypes: [], outcomes: [], roles: [] };
  if (!workbook.hasTab(tab)) return void workbook.ensureTab(tab, lists);
  try {
    for (const key of columnKeys(tab)) workbook.columnOf(tab, key);
  } catch (e) {
    if (!(e instanceof WorkbookError)) throw e;
    workbook.ensureTab(tab, lists);
  }
}
