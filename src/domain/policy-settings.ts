// Policy ⇄ Settings tab rows (key, value, help): every number, the code mapping and the outcomes are editable.

import { defaultPolicy, normaliseCode } from './policy';
import type { AttendanceCodeRule, CodeCategory, OutcomeRule, Policy, Problem } from './types';

export interface SettingsRow {
  key: string;
  value: string | number;
  help: string;
}

export interface SettingsInputRow {
  key: string;
  value: string | number | boolean | null;
  /** Sheet row number, for problems. */
  row: number;
}

type NumberKey =
  | 'overdueAfterSchoolDays'
  | 'engagementEverySchoolDays'
  | 'recentWindowDays'
  | 'longWindowMonths'
  | 'recentWindowCount'
  | 'longWindowCount'
  | 'partDayWeight';

interface NumberSetting {
  key: string;
  field: NumberKey;
  min: number;
  max: number;
  integer: boolean;
  help: string;
}

const NUMBER_SETTINGS: NumberSetting[] = [
  {
    key: 'overdue.afterSchoolDays',
    field: 'overdueAfterSchoolDays',
    min: 1,
    max: 60,
    integer: true,
    help: 'An action is overdue this many school days after it became due (or after the add-on first saw the student, if later).',
  },
  {
    key: 'engagement.everySchoolDays',
    field: 'engagementEverySchoolDays',
    min: 1,
    max: 90,
    integer: true,
    help: 'Ongoing actions (positive engagement, family support…) are due again after this many school days without an entry.',
  },
  {
    key: 'window.recentDays',
    field: 'recentWindowDays',
    min: 1,
    max: 366,
    integer: true,
    help: 'Recent window in calendar days (28 = 4 weeks, TEC 25.095).',
  },
  {
    key: 'window.longMonths',
    field: 'longWindowMonths',
    min: 1,
    max: 24,
    integer: true,
    help: 'Long window in months (6, TEC 25.0951).',
  },
  {
    key: 'window.recentCount',
    field: 'recentWindowCount',
    min: 1,
    max: 100,
    integer: true,
    help: 'Unexcused days within the recent window that flag the student (3, TEC 25.095).',
  },
  {
    key: 'window.longCount',
    field: 'longWindowCount',
    min: 1,
    max: 180,
    integer: true,
    help: 'Unexcused days within the long window that flag the student (10, TEC 25.0951).',
  },
  {
    key: 'attendance.partDayWeight',
    field: 'partDayWeight',
    min: 0,
    max: 1,
    integer: false,
    help: 'Weight of a part-day absence in the attendance rate (0.5 = half a day).',
  },
];

const LINE_KEY = 'attendance.linePercent';
const CODE_PREFIX = 'code.';
const OUTCOME_PREFIX = 'outcome.';
const CATEGORIES: CodeCategory[] = ['unexcused', 'excused', 'ignored'];

function thresholdKey(step: number): string {
  return `step${step}.threshold`;
}

function codeValue(c: AttendanceCodeRule): string {
  return c.partDay ? `${c.category} part-day` : c.category;
}

/** Settings rows for a policy, in a stable order (numbers, then codes, then outcomes). */
export function settingsRowsFromPolicy(policy: Policy): SettingsRow[] {
  const rows: SettingsRow[] = [];
  for (const s of policy.steps) {
    if (s.threshold === null || s.step > 4) continue;
    const gate = s.gate ? ' Also needs the step-3 efforts and a follow-up documented.' : '';
    rows.push({
      key: thresholdKey(s.step),
      value: s.threshold,
      help: `Unexcused days or parts of days that begin step ${s.step} (${s.name}).${gate}`,
    });
  }
  for (const n of NUMBER_SETTINGS) rows.push({ key: n.key, value: policy[n.field], help: n.help });
  rows.push({
    key: LINE_KEY,
    value: Math.round(policy.attendanceLine * 1000) / 10,
    help: 'Attendance line in percent (90 = the 90% rule, TEC 25.092).',
  });
  for (const c of policy.codes) {
    rows.push({
      key: CODE_PREFIX + c.code,
      value: codeValue(c),
      help: `${c.label}. One of: unexcused, excused, ignored; add "part-day" for part of a day.`,
    });
  }
  for (const o of policy.outcomes) {
    rows.push({
      key: OUTCOME_PREFIX + o.outcome,
      value: o.done ? 'done' : 'not done',
      help: 'Does an entry with this outcome count as done? (blank outcome = done)',
    });
  }
  return rows;
}

function text(v: SettingsInputRow['value']): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/** What was typed, for a problem: `got "three"`, `it is blank`, never `got "NaN"`. */
function got(v: SettingsInputRow['value']): string {
  if (typeof v === 'number' && !Number.isFinite(v)) return 'it is not a number';
  const t = text(v);
  return t === '' ? 'it is blank' : `got "${t}"`;
}

function parseNumber(v: SettingsInputRow['value']): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  const t = text(v).replace(/%$/, '').trim();
  if (t === '' || !/^-?\d+(\.\d+)?$/.test(t)) return null;
  return Number(t);
}

/**
 * Reads the Settings rows into a policy, starting from the defaults. Never throws: an unknown key,
 * a non-numeric or out-of-range value (quoted as typed), thresholds that do not increase… each become a
 * problem and the default is kept. Code rows, when any are valid, replace the default code mapping (same
 * for outcomes). Settings with no usable policy row at all (cleared, or every value broken) are a problem too.
 */
export function policyFromSettings(
  rows: SettingsInputRow[],
  base: Policy = defaultPolicy(),
): { policy: Policy; problems: Problem[] } {
  const policy: Policy = JSON.parse(JSON.stringify(base)) as Policy;
  const problems: Problem[] = [];
  const problem = (row: number, reason: string): void => {
    problems.push({ tab: 'Settings', row, column: 'Value', reason, severity: 'error' });
  };
  const seen = new Set<string>();
  const thresholds = new Map<number, { value: number; row: number }>();
  const codes: AttendanceCodeRule[] = [];
  const outcomes: OutcomeRule[] = [];
  let valuesUsed = 0;

  for (const r of rows) {
    const key = r.key === null || r.key === undefined ? '' : String(r.key).trim();
    if (key === '') continue;
    const lower = key.toLowerCase();
    if (seen.has(lower)) {
      problems.push({
        tab: 'Settings',
        row: r.row,
        column: 'Key',
        reason: `Setting "${key}" appears twice; the first one is used.`,
        severity: 'error',
      });
      continue;
    }
    seen.add(lower);
    const step = /^step([1-4])\.threshold$/i.exec(key);
    const numberSetting = NUMBER_SETTINGS.find((n) => n.key.toLowerCase() === lower);
    if (step) {
      const v = parseNumber(r.value);
      if (v === null || !Number.isInteger(v) || v < 1 || v > 180)
        problem(r.row, `"${key}" must be a whole number from 1 to 180; ${got(r.value)}. Using the default.`);
      else thresholds.set(Number(step[1]), { value: v, row: r.row });
    } else if (numberSetting) {
      const v = parseNumber(r.value);
      const n = numberSetting;
      if (v === null || v < n.min || v > n.max || (n.integer && !Number.isInteger(v))) {
        problem(
          r.row,
          `"${key}" must be a ${n.integer ? 'whole ' : ''}number from ${n.min} to ${n.max}; ${got(r.value)}. Using the default ${policy[n.field]}.`,
        );
      } else {
        policy[n.field] = v;
        valuesUsed++;
      }
    } else if (lower === LINE_KEY.toLowerCase()) {
      const v = parseNumber(r.value);
      // A value up to 1 is read as a fraction (0.9), above 1 as percent (90).
      const fraction = v === null ? null : v <= 1 ? v : v / 100;
      if (fraction === null || fraction <= 0 || fraction > 1)
        problem(r.row, `"${key}" must be a percentage from 1 to 100; ${got(r.value)}. Using the default.`);
      else {
        policy.attendanceLine = fraction;
        valuesUsed++;
      }
    } else if (lower.startsWith(CODE_PREFIX)) {
      const code = normaliseCode(key.slice(CODE_PREFIX.length));
      const words = text(r.value)
        .toLowerCase()
        .split(/[\s,]+/)
        .filter((w) => w !== '');
      const category = CATEGORIES.find((c) => words.includes(c));
      const partDay = words.some((w) => w === 'part-day' || w === 'partial' || w === 'part');
      const label = base.codes.find((c) => normaliseCode(c.code) === code)?.label ?? code;
      if (code === '' || category === undefined)
        problem(
          r.row,
          `Code "${code}" needs one of: unexcused, excused, ignored (optionally "part-day"); ${got(r.value)}.`,
        );
      else codes.push({ code, category, partDay, label });
    } else if (lower.startsWith(OUTCOME_PREFIX)) {
      const outcome = key.slice(OUTCOME_PREFIX.length).trim();
      const v = text(r.value).toLowerCase();
      if (outcome === '' || (v !== 'done' && v !== 'not done'))
        problem(r.row, `Outcome "${outcome}" must be "done" or "not done"; ${got(r.value)}.`);
      else outcomes.push({ outcome, done: v === 'done' });
    } else {
      problems.push({
        tab: 'Settings',
        row: r.row,
        column: 'Key',
        reason: `Unknown setting "${key}"; it is ignored.`,
        severity: 'error',
      });
    }
  }

  const used = thresholds.size + codes.length + outcomes.length + (valuesUsed > 0 ? 1 : 0);
  if (used === 0) problems.unshift(noPolicyProblem(seen.size));
  applyThresholds(policy, thresholds, problems);
  if (codes.length > 0) policy.codes = codes;
  if (outcomes.length > 0) policy.outcomes = outcomes;
  return { policy, problems };
}

/** Settings that give no policy at all: cleared, or every value broken. The defaults are used, and said so. */
function noPolicyProblem(keys: number): Problem {
  const what =
    keys === 0
      ? 'The Settings tab has no policy settings'
      : 'No policy setting on the Settings tab could be used (each is listed here)';
  return {
    tab: 'Settings',
    reason:
      `${what}; the district's default policy is used for every number, code and outcome. ` +
      'Run Attendance → Set up this workbook to write the default settings back, then change them there.',
    severity: 'error',
  };
}

function applyThresholds(
  policy: Policy,
  found: Map<number, { value: number; row: number }>,
  problems: Problem[],
): void {
  const proposed = policy.steps
    .filter((s) => s.threshold !== null && s.step <= 4)
    .map((s) => ({ s, value: found.get(s.step)?.value ?? (s.threshold as number) }));
  proposed.sort((a, b) => a.s.step - b.s.step);
  for (let i = 1; i < proposed.length; i++) {
    const prev = proposed[i - 1];
    const cur = proposed[i];
    if (prev && cur && cur.value <= prev.value) {
      const row = found.get(cur.s.step)?.row ?? found.get(prev.s.step)?.row;
      problems.push({
        tab: 'Settings',
        ...(row === undefined ? {} : { row }),
        column: 'Value',
        reason: `Step thresholds must increase (step ${prev.s.step}: ${prev.value}, step ${cur.s.step}: ${cur.value}). Using the default thresholds.`,
        severity: 'error',
      });
      return;
    }
  }
  for (const p of proposed) p.s.threshold = p.value;
}
