// The dashboard's numbers: students by step and by grade, each step's students week by week this school year (from
// the sealed step history), overdue actions by owner, escalations blocked, letters sent and waiting.
import { countIn } from './cell-number';
import { addDays, isDayKey, startOfWeek } from '../domain/dates';
import { stepDefinition } from '../domain/policy';
import type { DayKey } from '../domain/types';
import type { DocumentStore } from '../ports/platform';
import type { Sealer } from '../ports/record';
import type { DashboardData, DashboardTable, DashboardView } from '../ports/report-tabs';
import { DOCUMENTATION, LETTERS, STATUS, TO_DO } from '../ports/tabs';
import type { RowOf, Workbook } from '../ports/workbook';
import { readAppliedRules, toRecords } from './campus';
import { classify } from './record';
import { STEP_CHANGE_TYPE, type StepRow } from './step-history';
import { ownerLabel } from './weekly-report';
import { ADDON_OWNER } from './worklist-rows';

const STEPS = [1, 2, 3, 4, 5];

/** Titles of the dashboard's charts: the add-on finds its charts again by them. */
export const CHART_TITLES = {
  byStep: 'Students by step',
  byGrade: 'Students on the ladder by grade and step',
  trend: 'Students at each step, week by week',
  overdue: 'Overdue actions by owner',
  blocked: 'Escalations blocked: what is missing',
  letters: 'Letters sent and waiting',
} as const;

/** Students at each step at the end of each week (Sunday), from the first week a step was reached to `today`'s. */
export function weeklyTrend(
  rows: readonly StepRow[],
  firstDay: DayKey,
  today: DayKey,
): (string | number)[][] {
  const mine = rows
    .filter((r) => r.targetStep !== null && isDayKey(r.date) && r.date >= firstDay && r.date <= today)
    .sort((a, b) => a.seq - b.seq);
  if (mine.length === 0) return [[startOfWeek(today), 0, 0, 0, 0, 0]];
  const byStudent = new Map<string, StepRow[]>();
  for (const r of mine) byStudent.set(r.studentId, [...(byStudent.get(r.studentId) ?? []), r]);
  const first = startOfWeek(mine.reduce((d, r) => (r.date < d ? r.date : d), mine[0]!.date));
  const out: (string | number)[][] = [];
  for (let week = first; week <= today; week = addDays(week, 7)) {
    const end = addDays(week, 6);
    const counts = [0, 0, 0, 0, 0, 0];
    for (const list of byStudent.values()) {
      // The step in force at the end of the week: the last row of the record's own sequence dated by then.
      let step = 0;
      for (const r of list) if (r.date <= end) step = Math.max(0, Math.min(5, r.targetStep!));
      counts[step]!++;
    }
    out.push([week, ...STEPS.map((s) => counts[s]!)]);
  }
  return out;
}

function countBy<T>(items: readonly T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of items) m.set(key(t), (m.get(key(t)) ?? 0) + 1);
  return m;
}

const byCountThenName = (a: [string, number], b: [string, number]) => b[1] - a[1] || a[0].localeCompare(b[0]);

/** The dashboard's tables from the tabs' rows (pure: tested without a workbook). */
export function dashboardTables(
  status: readonly RowOf<typeof STATUS.columns>[],
  todo: readonly RowOf<typeof TO_DO.columns>[],
  letters: readonly RowOf<typeof LETTERS.columns>[],
  stepRows: readonly StepRow[],
  firstDay: DayKey,
  today: DayKey,
  stepName: (step: number) => string,
): DashboardTable[] {
  const students = status.filter((s) => s.studentId !== '');
  const perStep = countBy(students, (s) => String(countIn(s.step)));
  const grades = [...new Set(students.map((s) => s.grade || '(none)'))].sort((a, b) =>
    a.localeCompare(b, 'en', { numeric: true }),
  );
  const onLadder = students.filter((s) => countIn(s.step) >= 1);
  const gradeRows = grades
    .map((g) => [
      g,
      ...STEPS.map((n) => onLadder.filter((s) => (s.grade || '(none)') === g && s.step === n).length),
    ])
    .filter((r) => r.slice(1).some((n) => Number(n) > 0));
  const overdue = [
    ...countBy(
      todo.filter((t) => countIn(t.daysLate) > 0 && t.ownerRole !== ADDON_OWNER),
      (t) => ownerLabel(t.ownerRole, t.assignedTo),
    ).entries(),
  ].sort(byCountThenName);
  const missing = new Map<string, number>();
  for (const s of students.filter((x) => x.blocked === true))
    for (const m of (s.missing || 'Not named').split(/;\s*/).filter(Boolean)) {
      // "TPM plan (on or after 2026-10-02)": the effort, without the student's own day.
      const effort = m.replace(/\s*\([^)]*\)\s*$/, '');
      missing.set(effort, (missing.get(effort) ?? 0) + 1);
    }
  const letterTypes = [...new Set(letters.map((l) => l.letterType || '(none)'))].sort();
  const sent = (l: RowOf<typeof LETTERS.columns>) => l.state.trim().toUpperCase() === 'SENT';
  return [
    {
      title: CHART_TITLES.byStep,
      kind: 'column',
      header: ['Step', 'Students'],
      valueTitle: 'Students',
      rows: [0, ...STEPS].map((n) => [
        n === 0 ? 'Not on the ladder' : `${n} ${stepName(n)}`,
        perStep.get(String(n)) ?? 0,
      ]),
    },
    {
      title: CHART_TITLES.byGrade,
      kind: 'stacked',
      header: ['Grade', ...STEPS.map((n) => `Step ${n}`)],
      valueTitle: 'Students',
      rows: gradeRows.length > 0 ? gradeRows : [['(none)', 0, 0, 0, 0, 0]],
    },
    {
      title: CHART_TITLES.trend,
      kind: 'line',
      header: ['Week of', ...STEPS.map((n) => `Step ${n}`)],
      valueTitle: 'Students at the end of the week',
      rows: weeklyTrend(stepRows, firstDay, today),
    },
    {
      title: CHART_TITLES.overdue,
      kind: 'bar',
      header: ['Owner', 'Overdue actions'],
      valueTitle: 'Overdue actions',
      rows: overdue.length > 0 ? overdue : [['No action overdue', 0]],
    },
    {
      title: CHART_TITLES.blocked,
      kind: 'bar',
      header: ['Missing effort', 'Students'],
      valueTitle: 'Students blocked',
      rows: missing.size > 0 ? [...missing.entries()].sort(byCountThenName) : [['None blocked', 0]],
    },
    {
      title: CHART_TITLES.letters,
      kind: 'stacked',
      header: ['Letter', 'Sent', 'Waiting'],
      valueTitle: 'Letters',
      rows:
        letterTypes.length > 0
          ? letterTypes.map((t) => {
              const of = letters.filter((l) => (l.letterType || '(none)') === t);
              return [t, of.filter(sent).length, of.filter((l) => !sent(l)).length];
            })
          : [['No letters yet', 0, 0]],
    },
  ];
}

export interface DashboardDeps {
  workbook: Workbook;
  store: DocumentStore;
  sealer: Sealer;
  clock: { today(): DayKey };
  view: DashboardView;
}

/**
 * Reads Status, To Do, Letters and the record (only the step rows count, and only sealed ones: a typed "Step
 * reached" moves no line), then draws the dashboard. Reads only: no lock is needed, and it writes only its own tab.
 */
export function refreshDashboard(deps: DashboardDeps): DashboardData {
  const today = deps.clock.today();
  const { workbook } = deps;
  const rules = readAppliedRules(workbook, today, deps.store);
  const status = workbook.read(STATUS).map((r) => r.values);
  const todo = workbook.read(TO_DO).map((r) => r.values);
  const letters = workbook.hasTab(LETTERS) ? workbook.read(LETTERS).map((r) => r.values) : [];
  // Only the step rows are checked against their seals: the others do not move a line.
  const stepDocs = workbook.read(DOCUMENTATION).filter((r) => r.values.type === STEP_CHANGE_TYPE);
  const checked = classify(stepDocs, deps.sealer).rows;
  const stepRows = toRecords([], [], checked).stepRows;
  const data = {
    asOf: today,
    tables: dashboardTables(
      status,
      todo,
      letters,
      stepRows,
      rules.year.firstDay,
      today,
      (n) => stepDefinition(rules.policy, n)?.name ?? '',
    ),
  };
  deps.view.show(data);
  return data;
}
