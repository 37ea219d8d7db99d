// Recalculates students' steps: the whole campus (menu, nightly, after an import) or only the students whose rows
// changed (edit trigger). Reads every tab it needs before writing anything, then writes each result block once.
import { evaluateCampus } from '../domain/engine';
import { stepDefinition } from '../domain/policy';
import type { PriorStatus, Problem, StudentStatus } from '../domain/types';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { RecordArchive, Sealer } from '../ports/record';
import { ABSENCES, DATA_ISSUES, DOCUMENTATION, LETTERS, STATUS, STUDENTS } from '../ports/tabs';
import { columnKeys, type TabDef } from '../ports/schema';
import type { SheetRow, Workbook } from '../ports/workbook';
import { lettersIssued, readRules, toRecords, type Records, type Rules } from './campus';
import { issueRow, letterRow, sentByStudent, statusRow, type LetterRow, type StatusRow } from './status-rows';
import { ADDON_STAFF, firstSeenFromLog, priorFromLog, STEP_CHANGE_TYPE, stepChanges } from './step-history';
import { classify, Ledger, missingEntries, sealedSeq, type ClassifiedRow, type DocRow } from './record';

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
}

interface Evaluated {
  rules: Rules;
  records: Records;
  statuses: StudentStatus[];
  problems: Problem[];
  prior: Record<string, PriorStatus>;
  letters: SheetRow<typeof LETTERS.columns>[];
  docsToAppend: Omit<DocRow, 'entryId' | 'seal'>[];
  lettersToAppend: LetterRow[];
  statusRows: StatusRow[];
}

export interface RecalcOptions {
  /**
   * Sort Absences by student and date first, so that an edit finds each student's rows in one or two reads.
   * Only for the nightly run: a sort while someone is typing in Absences would move the row under their cursor.
   */
  sortAbsences?: boolean;
  /** Sees the rows of each people tab as read (the edit path keeps a snapshot of their Student IDs). */
  onRead?: (tab: TabDef, rows: { row: number; values: { studentId: string } }[]) => void;
}

/** Every student of the campus, as of today. */
export function recalculateAll(deps: RecalcDeps, options: RecalcOptions = {}): RecalcSummary {
  return deps.lock.withLock(() => {
    const { workbook } = deps;
    const today = deps.clock.today();
    const rules = readRules(workbook, today);
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
    for (const tab of [LETTERS, STATUS, DATA_ISSUES]) recreateIfDeleted(workbook, tab);
    const e = evaluate(deps, today, rules, records, letters, [...checked.problems, ...missing.problems]);
    // The record first: a run stopped after this point leaves steps the next run finds already logged.
    const written = writeRecord(deps, ledger, checked.rows, e.docsToAppend);
    ledger.archive(
      [...checked.rows.filter((r) => r.trust === 'sealed').map((r) => r.values), ...written],
      deps.archive,
      today,
      true,
    );
    workbook.replace(STATUS, e.statusRows);
    workbook.replace(DATA_ISSUES, e.problems.map(issueRow));
    workbook.append(LETTERS, e.lettersToAppend);
    return summarize(e, today);
  });
}

/** Only the given students: their rows are found, not read whole, so an edit stays within a few seconds. */
export function recalculateStudents(deps: RecalcDeps, studentIds: string[]): RecalcSummary {
  return deps.lock.withLock(() => {
    const { workbook } = deps;
    const today = deps.clock.today();
    const ids = [...new Set(studentIds.filter((id) => id !== ''))];
    const rules = readRules(workbook, today);
    const ledger = new Ledger(deps.store, deps.sealer);
    const checked = classify(workbook.find(DOCUMENTATION, 'studentId', ids), deps.sealer);
    const records = toRecords(
      workbook.find(STUDENTS, 'studentId', ids),
      workbook.find(ABSENCES, 'studentId', ids),
      checked.rows,
    );
    for (const tab of [LETTERS, STATUS, DATA_ISSUES]) recreateIfDeleted(workbook, tab);
    checkColumns(workbook, [DATA_ISSUES]);
    const letters = workbook.find(LETTERS, 'studentId', ids);
    const e = evaluate(deps, today, rules, records, letters, checked.problems, ids);
    const written = writeRecord(deps, ledger, checked.rows, e.docsToAppend);
    ledger.archive(written, deps.archive, today, false);
    const existing = workbook.find(STATUS, 'studentId', ids);
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
    const oldIssues = workbook.find(DATA_ISSUES, 'studentId', ids).map((r) => r.row);
    workbook.deleteRows(DATA_ISSUES, oldIssues);
    // Only these students' issues were deleted, so only theirs are written: campus-wide ones (Settings, Calendar)
    // stay as the last full recalculation listed them instead of piling up with every edit.
    const idSet = new Set(ids);
    workbook.append(
      DATA_ISSUES,
      e.problems.filter((p) => p.studentId !== undefined && idSet.has(p.studentId)).map(issueRow),
    );
    workbook.append(LETTERS, e.lettersToAppend);
    workbook.deleteRows(STATUS, gone);
    return summarize(e, today);
  });
}

function evaluate(
  deps: RecalcDeps,
  asOf: string,
  rules: Rules,
  records: Records,
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
  const problems = [...rules.problems, ...records.problems, ...recordProblems, ...result.problems];
  const problemsBy = new Map<string, number>();
  for (const p of problems)
    if (p.studentId) problemsBy.set(p.studentId, (problemsBy.get(p.studentId) ?? 0) + 1);
  const letterByKey = new Map(letters.map((l) => [l.values.key, l.values]));
  const lettersToAppend: LetterRow[] = [];
  const docsToAppend: Omit<DocRow, 'entryId' | 'seal'>[] = [];
  const stepName = (s: number) => stepDefinition(rules.policy, s)?.name ?? `Step ${s}`;
  for (const status of result.statuses) {
    for (const letter of status.lettersDue) {
      if (letterByKey.has(letter.key)) continue;
      const row = letterRow(letter);
      letterByKey.set(letter.key, row);
      lettersToAppend.push(row);
    }
    for (const change of stepChanges(status, prior[status.studentId], stepName)) {
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
    ),
  );
  return {
    rules,
    records,
    statuses: result.statuses,
    problems,
    prior,
    letters,
    docsToAppend,
    lettersToAppend,
    statusRows,
  };
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
  };
}

/**
 * Finds every column of tabs that are written but not read before the first write (WorkbookError when one is
 * missing), so that a broken layout stops the run before anything is written.
 */
function checkColumns(workbook: Workbook, tabs: TabDef[]): void {
  for (const tab of tabs) workbook.columnOf(tab, columnKeys(tab)[0]!);
}

/** Script-owned tabs are recreated when someone deleted them (their content is derived, or empty). */
function recreateIfDeleted(workbook: Workbook, tab: TabDef): void {
  if (!workbook.hasTab(tab))
    workbook.ensureTab(tab, { codes: [], documentationTypes: [], outcomes: [], roles: [] });
}
