// Absences rows → valid records plus numeric columns (roster index, day number, code index) for counting.

import type { CalendarIndex } from './calendar';
import { dayNumberOf, isInstructional } from './calendar';
import type { RawCell } from './cells';
import { cellText } from './cells';
import { parseDateText } from './dates';
import { normaliseCode } from './policy';
import type { AbsenceRecord, DayKey, DayNumber, Policy, Problem } from './types';

export interface RawAbsenceRow {
  row: number;
  studentId: RawCell;
  date: RawCell;
  code: RawCell;
}

export interface AbsenceTableContext {
  policy: Policy;
  cal: CalendarIndex;
  /** Student id → position on the roster (only these students' rows are valid). */
  studentIndex: ReadonlyMap<string, number>;
  /** Today: a row dated after it is listed (it counts from that day, as the engine evaluates as of today). */
  asOf?: DayKey;
}

/**
 * The valid Absences rows in input order, as records and as columns: row k of `absences` is student
 * `student[k]` of the roster, day number `day[k]` and `policy.codes[code[k]]`. Columns are
 * `count` long (their buffers may be longer).
 */
export interface AbsenceTable {
  absences: AbsenceRecord[];
  problems: Problem[];
  count: number;
  student: Int32Array;
  day: Int32Array;
  code: Int32Array;
}

interface ParsedDate {
  key: DayKey;
  n: DayNumber;
}

/** Index of each normalised code in policy.codes (the last one wins, as in counting). */
export function codeIndexOf(policy: Policy): Map<string, number> {
  return new Map(policy.codes.map((c, i) => [normaliseCode(c.code), i]));
}

/**
 * Checks Absences rows (hot loop: hundreds of thousands of rows). Each distinct date text and code
 * text is parsed once; the duplicate check uses one integer per (student, day, code) in a bitmap.
 * Non-instructional days are kept with a warning (they never count).
 */
export function validateAbsenceTable(rows: readonly RawAbsenceRow[], ctx: AbsenceTableContext): AbsenceTable {
  const { cal, studentIndex } = ctx;
  const out: AbsenceTable = {
    absences: [],
    problems: [],
    count: 0,
    student: new Int32Array(rows.length),
    day: new Int32Array(rows.length),
    code: new Int32Array(rows.length),
  };
  const codeIndex = codeIndexOf(ctx.policy);
  const codeNames = ctx.policy.codes.map((c) => normaliseCode(c.code));
  const codeCache = new Map<string, number>(); // raw code text → code index, or −1 when unknown
  const dateCache = new Map<string, ParsedDate | null>(); // raw date text → parsed, null when not a date
  const span = cal.last - cal.first + 1;
  // Code indexes run to codes.length − 1 (a code listed twice leaves a gap), so the key uses codes.length.
  const codeCount = Math.max(1, ctx.policy.codes.length);
  const keySpace = studentIndex.size * span * codeCount;
  // A bitmap when it stays small (≤ 32 MB), else a Set of the same integer keys.
  const bits = keySpace <= 2 ** 28 ? new Uint8Array(Math.ceil(keySpace / 8)) : null;
  const seen = new Set<number>();
  const year = cal.calendar.schoolYear;
  const problem = (
    r: RawAbsenceRow,
    studentId: string,
    reason: string,
    column?: string,
    severity: Problem['severity'] = 'error',
  ): void => {
    out.problems.push({
      tab: 'Absences',
      row: r.row,
      ...(column ? { column } : {}),
      reason,
      severity,
      ...(studentId ? { studentId } : {}),
    });
  };
  for (const r of rows) {
    const studentId = cellText(r.studentId);
    const rawCode = cellText(r.code);
    const dateText = cellText(r.date);
    if (studentId === '' && dateText === '' && rawCode === '') continue;
    if (studentId === '') {
      problem(r, studentId, 'Student ID is missing.', 'Student ID');
      continue;
    }
    const s = studentIndex.get(studentId);
    if (s === undefined) {
      problem(r, studentId, `Unknown student ID ${studentId} (not on the Students tab).`, 'Student ID');
      continue;
    }
    let date = dateCache.get(dateText);
    if (date === undefined) {
      const key = dateText === '' ? null : parseDateText(dateText);
      date = key === null ? null : { key, n: dayNumberOf(cal, key) };
      dateCache.set(dateText, date);
    }
    if (date === null) {
      problem(
        r,
        studentId,
        dateText === '' ? 'Date is missing.' : `"${dateText}" is not a real date.`,
        'Date',
      );
      continue;
    }
    const n = date.n;
    if (!(n >= cal.first && n <= cal.last)) {
      problem(r, studentId, `${date.key} is outside the school year ${year}.`, 'Date');
      continue;
    }
    let c = codeCache.get(rawCode);
    if (c === undefined) {
      c = codeIndex.get(normaliseCode(rawCode)) ?? -1;
      codeCache.set(rawCode, c);
    }
    const code = codeNames[c];
    if (code === undefined) {
      const reason =
        rawCode === '' ? 'Code is missing.' : `Unknown attendance code "${rawCode}" (see Settings).`;
      problem(r, studentId, reason, 'Code');
      continue;
    }
    const key = (s * span + (n - cal.first)) * codeCount + c;
    let duplicate: boolean;
    if (bits === null) duplicate = seen.has(key) || (seen.add(key), false);
    else {
      const byte = bits[key >>> 3] ?? 0;
      const mask = 1 << (key & 7);
      bits[key >>> 3] = byte | mask;
      duplicate = (byte & mask) !== 0;
    }
    if (duplicate) {
      const reason = `Duplicate row: ${studentId}, ${date.key}, ${code} already listed; counted once.`;
      problem(r, studentId, reason, undefined, 'warning');
      continue;
    }
    if (ctx.asOf && date.key > ctx.asOf)
      problem(
        r,
        studentId,
        `${date.key} is after today (${ctx.asOf}); the absence counts from that day.`,
        'Date',
        'warning',
      );
    if (!isInstructional(cal, n))
      problem(
        r,
        studentId,
        `${date.key} is not an instructional day; the absence does not count.`,
        'Date',
        'warning',
      );
    // Rows that are already clean are passed on as they are (saves an object per row).
    const clean = r.studentId === studentId && r.date === date.key && r.code === code;
    out.absences.push(clean ? (r as AbsenceRecord) : { studentId, date: date.key, code, row: r.row });
    out.student[out.count] = s;
    out.day[out.count] = n;
    out.code[out.count] = c;
    out.count++;
  }
  return out;
}

/** Rows of a table grouped by student: student i's days and codes are [start[i], start[i + 1]), in row order. */
export interface AbsencesByStudent {
  start: Int32Array;
  day: Int32Array;
  code: Int32Array;
}

/** Groups a table's rows by roster index with a counting sort (linear; no per-student arrays). */
export function groupByStudent(table: AbsenceTable, studentCount: number): AbsencesByStudent {
  const start = new Int32Array(studentCount + 1);
  for (let k = 0; k < table.count; k++) {
    const at = (table.student[k] ?? 0) + 1;
    start[at] = (start[at] ?? 0) + 1;
  }
  for (let i = 0; i < studentCount; i++) start[i + 1] = (start[i + 1] ?? 0) + (start[i] ?? 0);
  const next = start.slice(0, studentCount);
  const day = new Int32Array(table.count);
  const code = new Int32Array(table.count);
  for (let k = 0; k < table.count; k++) {
    const s = table.student[k] ?? 0;
    const at = next[s] ?? 0;
    next[s] = at + 1;
    day[at] = table.day[k] ?? 0;
    code[at] = table.code[k] ?? 0;
  }
  return { start, day, code };
}
