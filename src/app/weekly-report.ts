// The weekly Absence Occurrence Report: the students at the step-2 threshold or above, by owner, with what is due
// and overdue and their last contact; a sealed Documentation entry for each student listed (once a week), a
// report tab, a document and its PDF in Drive, and an optional email to the attendance team with the link only.
import { countIn } from './cell-number';
import { addDays, isDayKey, startOfWeek } from '../domain/dates';
import { DOC, stepDefinition } from '../domain/policy';
import type { DayKey } from '../domain/types';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { RecordArchive, Sealer } from '../ports/record';
import {
  WEEKLY_REPORT,
  type LinkMailer,
  type ReportDocument,
  type ReportPublisher,
} from '../ports/report-tabs';
import { DOCUMENTATION, SETTINGS, STAFF, STATUS, TO_DO } from '../ports/tabs';
import type { RowOf, Workbook } from '../ports/workbook';
import { readAppliedRules } from './campus';
import { REPORT_EMAIL_KEY } from './report-settings';
import { ADDON_STAFF, classify, Ledger, type ClassifiedRow, type DocRow } from './record';
import { ADDON_OWNER } from './worklist-rows';

export type ReportRow = RowOf<typeof WEEKLY_REPORT.columns>;

/** Owner of a listed student with no open staff action. */
export const NO_OPEN_ACTION = 'No open staff action';

export interface ReportDeps {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  store: DocumentStore;
  sealer: Sealer;
  archive: RecordArchive;
  publisher: ReportPublisher;
  mailer: LinkMailer;
}

export interface ReportSummary {
  week: DayKey;
  students: number;
  newStudents: number;
  /** Sealed entries written by this run (0 when this week's report already listed everyone). */
  entriesWritten: number;
  pdf: { url: string; name: string };
  /** Who the link was emailed to ([] when no address is set), or why not. */
  emailedTo: string[];
  emailProblem: string;
}

interface Listed {
  studentId: string;
  name: string;
  grade: string;
  unexcused: number;
  step: number;
  stepName: string;
}

/** 'Assistant Principal (Ana Ruiz)', or the role alone when nobody is assigned. */
export function ownerLabel(role: string, person: string): string {
  if (person === '' || person === role) return role || NO_OPEN_ACTION;
  return role ? `${role} (${person})` : person;
}

/** The latest documented effort by a person (the add-on's own rows are not contacts), per student. */
export function lastContacts(rows: readonly ClassifiedRow[], today: DayKey) {
  const last = new Map<string, { date: DayKey; type: string; staff: string }>();
  for (const { values: v, trust } of rows) {
    if (trust !== 'typed' && trust !== 'sealed') continue;
    if (v.role.trim().toLowerCase() === 'system' || v.staff === ADDON_STAFF) continue;
    if (!isDayKey(v.date) || v.date > today) continue;
    const before = last.get(v.studentId);
    if (!before || v.date >= before.date)
      last.set(v.studentId, { date: v.date, type: v.type, staff: v.staff });
  }
  return last;
}

/** The report's students: step 2 or above, or at the step-2 threshold (an adjusted step does not hide them). */
function listedStudents(status: RowOf<typeof STATUS.columns>[], threshold: number): Listed[] {
  return status
    .filter((s) => s.studentId !== '' && (countIn(s.step) >= 2 || countIn(s.unexcused) >= threshold))
    .map((s) => ({
      studentId: s.studentId,
      name: s.name,
      grade: s.grade,
      unexcused: countIn(s.unexcused),
      step: countIn(s.step),
      stepName: s.stepName,
    }));
}

/** What a run found in the record: who earlier reports of this school year listed, and who this week's did. */
function earlierReports(rows: readonly ClassifiedRow[], week: DayKey, firstDay: DayKey) {
  const before = new Set<string>();
  const thisWeek = new Set<string>();
  const weekEnd = addDays(week, 6);
  for (const { values: v, trust } of rows) {
    if (trust !== 'sealed' || v.type !== DOC.absenceReport || !isDayKey(v.date)) continue;
    if (v.date >= week && v.date <= weekEnd) thisWeek.add(v.studentId);
    else if (v.date >= firstDay && v.date < week) before.add(v.studentId);
  }
  return { before, thisWeek };
}

/**
 * The report's rows: one per student and owner of open staff actions (the add-on's own, letters and call lists,
 * are left out), sorted by owner, then the highest step, then name. A student with no open staff action is
 * listed once, under NO_OPEN_ACTION.
 */
export function reportRows(
  listed: readonly Listed[],
  todo: readonly RowOf<typeof TO_DO.columns>[],
  contacts: ReturnType<typeof lastContacts>,
  staffNames: Map<string, string>,
  isNew: (id: string) => boolean,
  week: DayKey,
): ReportRow[] {
  const byStudent = new Map<string, Map<string, { due: string[]; overdue: string[] }>>();
  for (const t of todo) {
    if (t.ownerRole === ADDON_OWNER) continue;
    const owner = ownerLabel(t.ownerRole, t.assignedTo);
    const owners = byStudent.get(t.studentId) ?? new Map<string, { due: string[]; overdue: string[] }>();
    byStudent.set(t.studentId, owners);
    const o = owners.get(owner) ?? { due: [], overdue: [] };
    owners.set(owner, o);
    if (countIn(t.daysLate) > 0) o.overdue.push(`${t.action} (${t.daysLate} days late)`);
    else o.due.push(t.dueBy ? `${t.action} (by ${t.dueBy})` : t.action);
  }
  const rows: ReportRow[] = [];
  for (const s of listed) {
    const c = contacts.get(s.studentId);
    const base = {
      studentId: s.studentId,
      name: s.name,
      grade: s.grade,
      isNew: isNew(s.studentId),
      unexcused: s.unexcused,
      step: s.step,
      stepName: s.stepName,
      lastContact: c?.date ?? '',
      contactType: c?.type ?? '',
      contactBy: c ? (staffNames.get(c.staff.trim().toLowerCase()) ?? c.staff) : '',
      week,
    };
    const owners = [...(byStudent.get(s.studentId) ?? new Map()).entries()];
    if (owners.length === 0) rows.push({ ...base, owner: NO_OPEN_ACTION, due: '', overdue: '' });
    for (const [owner, o] of owners)
      rows.push({ ...base, owner, due: o.due.join('; '), overdue: o.overdue.join('; ') });
  }
  const last = (o: string) => (o === NO_OPEN_ACTION ? 1 : 0);
  return rows.sort(
    (a, b) =>
      last(a.owner) - last(b.owner) ||
      a.owner.localeCompare(b.owner) ||
      countIn(b.step) - countIn(a.step) ||
      a.name.localeCompare(b.name) ||
      a.studentId.localeCompare(b.studentId),
  );
}

/** The addresses of REPORT_EMAIL_KEY, and what is wrong with the value when something is. */
export function reportAddresses(value: string): { to: string[]; bad: string[] } {
  const parts = value
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter(Boolean);
  const ok = (p: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(p);
  return { to: parts.filter(ok), bad: parts.filter((p) => !ok(p)) };
}

const REPORT_HEADER = ['Student', 'Days', 'Step', 'Last contact', 'Due', 'Overdue'];

/** The report as a document: a section per owner. */
export function reportDocument(
  rows: readonly ReportRow[],
  week: DayKey,
  today: DayKey,
  threshold: number,
): ReportDocument {
  const sections = new Map<string, string[][]>();
  for (const r of rows) {
    const list = sections.get(r.owner) ?? [];
    sections.set(r.owner, list);
    list.push([
      `${r.isNew === true ? 'NEW ' : ''}${r.name}\n${r.studentId}, grade ${r.grade || '?'}`,
      String(r.unexcused ?? ''),
      r.stepName || String(r.step ?? ''),
      r.lastContact ? `${r.lastContact} ${r.contactType}${r.contactBy ? `\n${r.contactBy}` : ''}` : 'none',
      r.due.split('; ').join('\n'),
      r.overdue.split('; ').join('\n'),
    ]);
  }
  const students = new Set(rows.map((r) => r.studentId)).size;
  const fresh = new Set(rows.filter((r) => r.isNew === true).map((r) => r.studentId)).size;
  return {
    title: `Absence Occurrence Report – week of ${week}`,
    intro:
      `Run ${today}. ${students} students at ${threshold} or more unexcused days or at step 2 and above; ${fresh} new since ` +
      'the last report (NEW). By owner: what is due, and what is overdue.',
    sections: [...sections.entries()].map(([owner, list]) => ({ owner, header: REPORT_HEADER, rows: list })),
  };
}

/**
 * Runs the report as of today. Under the lock: reads Status, To Do, Documentation, Staff and Settings, rewrites the
 * report tab and writes a sealed entry per student listed that this week's report has not listed yet (a second run
 * in the same week adds none). Then, outside the lock (Docs and Drive take seconds), the document and its PDF, and
 * the email. A failure after the entries were written leaves them; the next run makes the PDF without adding any.
 */
export function runWeeklyReport(deps: ReportDeps): ReportSummary {
  const today = deps.clock.today();
  const week = startOfWeek(today);
  const { rows, entriesWritten, emailTo, threshold } = deps.lock.withLock(() => {
    const { workbook } = deps;
    const rules = readAppliedRules(workbook, today, deps.store);
    const threshold = stepDefinition(rules.policy, 2)?.threshold ?? 5;
    workbook.ensureTab(WEEKLY_REPORT, { codes: [], documentationTypes: [], outcomes: [], roles: [] });
    const status = workbook.read(STATUS).map((r) => r.values);
    const todo = workbook.read(TO_DO).map((r) => r.values);
    const checked = classify(workbook.read(DOCUMENTATION), deps.sealer).rows;
    const staff = workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
    const staffNames = new Map(
      staff.filter((s) => s.values.name).map((s) => [s.values.email.trim().toLowerCase(), s.values.name]),
    );
    const listed = listedStudents(status, threshold);
    const earlier = earlierReports(checked, week, rules.year.firstDay);
    const out = reportRows(
      listed,
      todo,
      lastContacts(checked, today),
      staffNames,
      (id) => !earlier.before.has(id),
      week,
    );
    workbook.replace(WEEKLY_REPORT, out);
    const ledger = new Ledger(deps.store, deps.sealer);
    const drafts: Omit<DocRow, 'entryId' | 'seal'>[] = listed
      .filter((s) => !earlier.thisWeek.has(s.studentId))
      .map((s) => ({
        loggedAt: deps.clock.now(),
        studentId: s.studentId,
        date: today,
        type: DOC.absenceReport,
        outcome: 'Completed',
        role: 'System',
        staff: ADDON_STAFF,
        notes:
          `Listed on the Absence Occurrence Report of the week of ${week}: step ${s.step}, ${s.unexcused} ` +
          `unexcused days${earlier.before.has(s.studentId) ? '' : ', new since the last report'}.`,
        targetStep: null,
        refersTo: '',
      }));
    const sealed = ledger.seal(drafts);
    workbook.append(DOCUMENTATION, sealed);
    ledger.confirm(sealed);
    ledger.archive(sealed, deps.archive, today, false);
    const setting = workbook
      .read(SETTINGS)
      .find((r) => r.values.key.trim().toLowerCase() === REPORT_EMAIL_KEY.toLowerCase());
    return { rows: out, entriesWritten: sealed.length, emailTo: setting?.values.value ?? '', threshold };
  });
  const pdf = deps.publisher.publish(reportDocument(rows, week, today, threshold));
  const { to, bad } = reportAddresses(emailTo);
  let emailProblem = bad.length > 0 ? `Not email addresses in ${REPORT_EMAIL_KEY}: ${bad.join(', ')}.` : '';
  let emailedTo: string[] = [];
  if (to.length > 0) {
    // The daily email quota counts each recipient (100 a day on consumer accounts, 1,500 on Workspace).
    if (deps.mailer.remaining() < to.length)
      emailProblem += ' The daily email quota is used up: no email was sent.';
    else {
      deps.mailer.send(
        to,
        `Absence Occurrence Report – week of ${week}`,
        `The Absence Occurrence Report for the week of ${week} is ready in Drive:\n${pdf.url}\n\n` +
          'Open it with your district account. This email holds no student information.',
      );
      emailedTo = to;
    }
  }
  return {
    week,
    students: new Set(rows.map((r) => r.studentId)).size,
    newStudents: new Set(rows.filter((r) => r.isNew === true).map((r) => r.studentId)).size,
    entriesWritten,
    pdf,
    emailedTo,
    emailProblem: emailProblem.trim(),
  };
}
