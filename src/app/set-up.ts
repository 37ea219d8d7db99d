// Attendance → Set up this workbook: creates what is missing and migrates an older layout; running it again
// changes nothing. The district's data is never moved or overwritten.
import { addDays, isWeekend } from '../domain/dates';
import { defaultCalendar, schoolYearStartOf } from '../domain/calendar';
import { defaultPolicy, DOC } from '../domain/policy';
import { settingsRowsFromPolicy } from '../domain/policy-settings';
import { defaultReportSettings } from './report-settings';
import type { Policy, SchoolCalendar } from '../domain/types';
import type { Clock, DocumentStore, Lock, Triggers } from '../ports/platform';
import type { Sealer } from '../ports/record';
import { CALENDAR, SETTINGS, STAFF, TABS } from '../ports/tabs';
import type { DropdownLists, Workbook } from '../ports/workbook';
import { applyInitialPolicy } from './apply-policy';
import { grantedRow, roleFromText } from './actor';
import { readRules, YEAR_START_KEY } from './campus';
import { sealLayoutOneRows } from './migrate-record';
import { Ledger } from './record';
import { defaultImportSettings } from './import-mapping';
import { defaultCallSettings } from '../domain/call-list';
import { markInstalled, readSchedule } from './schedule';
import { roleOptions } from './labels';
import { settingLabel } from '../ports/settings-labels';

/** The workbook layout this code writes. Raise it with an entry in MIGRATIONS when the layout changes. */
export const SCHEMA_VERSION = 3;
export const SCHEMA_VERSION_KEY = 'attendanceSteps.schemaVersion';

export interface SetUpDeps {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  triggers: Triggers;
  store: DocumentStore;
  sealer: Sealer;
}

/**
 * Data steps from a layout version to the next, run after the common layout pass has added the missing tabs and
 * columns beside the district's own. Version 0 is any workbook the add-on has not laid out yet (new, or a
 * hand-made tracker with some of the tabs): the layout pass is all version 1 needs. Version 2 adds Entry ID,
 * Refers To and Seal to Documentation and seals the rows the add-on relied on under version 1. Version 3 adds the
 * To Do tab and the caseload columns (Students: Assistant Principal, Counselor, Attendance Clerk; Staff: Grades, Last
 * Names), all added by the layout pass; blank, they assign nobody, so no data step is needed.
 */
export const MIGRATIONS: Record<number, (deps: SetUpDeps) => string[]> = {
  0: () => [],
  1: (deps) => sealLayoutOneRows(deps.workbook, new Ledger(deps.store, deps.sealer), deps.clock),
  2: (deps) => [
    'layout 3: the To Do tab lists every open action; Students and Staff have columns that assign students to people',
    ...sealStaffRoles(deps),
  ],
};

/**
 * Layout 3 seals the roles on the Staff tab, once, as the workbook had them: from then on only a role granted
 * through Attendance → Add or change a staff member… counts. A workbook that never had the add-on has none.
 */
function sealStaffRoles(deps: SetUpDeps): string[] {
  const rows = deps.workbook.read(STAFF).filter((r) => r.values.seal === '' && roleFromText(r.values.role));
  deps.workbook.update(
    STAFF,
    rows.map((r) => ({
      row: r.row,
      values: grantedRow(r.values.email, r.values.name, roleFromText(r.values.role)!, deps.sealer, r.values),
    })),
  );
  return rows.length > 0
    ? [
        `sealed the ${rows.length} roles on the Staff tab as they stood (check them: from now on only Add or change a staff member… grants a role)`,
      ]
    : [];
}

/** Returns a line for each change made; an empty list means the workbook was already set up. */
export function setUpWorkbook(deps: SetUpDeps): string[] {
  return deps.lock.withLock(() => {
    const { workbook, store } = deps;
    const changes: string[] = [];
    const from = Number(store.get(SCHEMA_VERSION_KEY) ?? '0');
    if (from > SCHEMA_VERSION) {
      throw new Error(
        `This workbook was set up by a newer version of Attendance Steps (layout ${from}); update the add-on first.`,
      );
    }
    changes.push(...workbook.ensureTab(SETTINGS, emptyLists()));
    changes.push(...fillSettings(workbook));
    changes.push(...workbook.ensureTab(CALENDAR, emptyLists()));
    const today = deps.clock.today();
    const rules = readRules(workbook, today);
    const lists = dropdownLists(rules.policy);
    for (const tab of TABS)
      if (tab !== SETTINGS && tab !== CALENDAR) changes.push(...workbook.ensureTab(tab, lists));
    // Settings again, now that it is filled: its values that are one of a list get their dropdown.
    changes.push(...workbook.ensureTab(SETTINGS, lists));
    if (workbook.read(CALENDAR).length === 0) {
      const calendar = defaultCalendar(schoolYearStartOf(today));
      workbook.append(CALENDAR, calendarRows(calendar));
      changes.push(
        `filled Calendar with the ${calendar.schoolYear} school year (edit it to match the district's)`,
      );
    }
    // The first run puts the policy in force; later edits of Settings and Calendar wait for an administrator.
    changes.push(...applyInitialPolicy(workbook, store));
    for (let v = from; v < SCHEMA_VERSION; v++) changes.push(...(MIGRATIONS[v]?.(deps) ?? []));
    changes.push(...deps.triggers.ensureInstalled());
    // The schedule (nightly recalculation, daily call list, weekly report) once, unless an administrator removed it.
    if (!readSchedule(store).removed && deps.triggers.installSchedule()) {
      markInstalled(store, deps.clock.now());
      changes.push(
        'installed the schedule (one hourly trigger: the nightly recalculation at about 2 a.m., the call list on school days at about 10 a.m.; see schedule.* in Settings)',
      );
    }
    if (from !== SCHEMA_VERSION) store.set(SCHEMA_VERSION_KEY, String(SCHEMA_VERSION));
    return changes;
  });
}

/** Adds the settings that are missing (all of them in a new workbook); existing values are the district's. */
function fillSettings(workbook: Workbook): string[] {
  const present = new Set(workbook.read(SETTINGS).map((r) => r.values.key.trim().toLowerCase()));
  const wanted = [
    ...settingsRowsFromPolicy(defaultPolicy()),
    {
      key: YEAR_START_KEY,
      value: '07-01',
      help:
        'The day (month-day) the school year starts for the kept step: steps reached before it belong to the ' +
        'year before.',
    },
    ...defaultImportSettings(),
    ...defaultCallSettings(),
    ...defaultReportSettings(),
  ];
  const missing = wanted.filter((s) => !present.has(s.key.toLowerCase()));
  if (missing.length === 0) return [];
  workbook.append(
    SETTINGS,
    missing.map((s) => ({ key: s.key, value: String(s.value), help: withLabel(s.key, s.help) })),
  );
  return [
    present.size === 0 ? 'filled Settings with the district ladder' : `added ${missing.length} new settings`,
  ];
}

/** The help of a setting, led by what it is in words ('Step 3 begins at (unexcused days). …'). */
function withLabel(key: string, help: string): string {
  const label = settingLabel(key);
  return label ? `${label}. ${help}` : help;
}

export function dropdownLists(policy: Policy): DropdownLists {
  return {
    codes: policy.codes.map((c) => c.code),
    // The add-on's own type and role are not offered: a typed row of that kind sets no step.
    documentationTypes: policy.documentationTypes.map((d) => d.type).filter((t) => t !== DOC.stepReached),
    outcomes: policy.outcomes.map((o) => o.outcome),
    roles: roleOptions(),
  };
}

function emptyLists(): DropdownLists {
  return { codes: [], documentationTypes: [], outcomes: [], roles: [] };
}

/** One row per weekday of the school year (holidays marked No, with a note). */
export function calendarRows(calendar: SchoolCalendar) {
  const holidays = new Set(calendar.holidays);
  const rows = [];
  for (let d = calendar.firstDay; d <= calendar.lastDay; d = addDays(d, 1)) {
    if (isWeekend(d) && !calendar.makeUpDays.includes(d)) continue;
    const off = holidays.has(d);
    rows.push({ date: d, instructional: !off, note: off ? 'Holiday' : '' });
  }
  return rows;
}
