// School Messenger's delivery results: the rows of its export read into a student, a day and an outcome.
import { parseDateText } from './dates';
import type { DayKey } from './types';

/** Headers accepted for each column of a results export (any case). */
const HEADERS = {
  studentId: ['student id', 'studentid', 'student number', 'student #', 'id'],
  date: ['date', 'call date', 'attempt date', 'delivery date', 'date sent'],
  result: ['result', 'call result', 'status', 'delivery status', 'delivery result'],
} as const;

/**
 * What each School Messenger result means as a Documentation outcome (the district's outcome names). A result
 * outside this list is refused, never guessed.
 */
export const RESULT_OUTCOMES: Readonly<Record<string, string>> = {
  answered: 'Completed',
  delivered: 'Completed',
  completed: 'Completed',
  machine: 'Left message',
  'answering machine': 'Left message',
  voicemail: 'Left message',
  busy: 'Attempted / no answer',
  'no answer': 'Attempted / no answer',
  'not answered': 'Attempted / no answer',
  failed: 'Attempted / no answer',
  disconnected: 'Attempted / no answer',
  'bad number': 'Attempted / no answer',
  invalid: 'Attempted / no answer',
  undelivered: 'Attempted / no answer',
};

export interface CallResult {
  line: number;
  studentId: string;
  date: DayKey;
  /** As School Messenger wrote it. */
  result: string;
  outcome: string;
}

export interface ReadResults {
  results: CallResult[];
  /** `line N: reason`, for rows not used. */
  rejected: string[];
  /** Set when the header lacks a column: nothing is used. */
  missing: string | null;
}

export function readCallResults(rows: readonly string[][]): ReadResults {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = (names: readonly string[]) => header.findIndex((h) => names.includes(h));
  const col = { studentId: at(HEADERS.studentId), date: at(HEADERS.date), result: at(HEADERS.result) };
  const absent = (Object.keys(col) as (keyof typeof col)[]).filter((k) => col[k] < 0);
  if (absent.length > 0)
    return {
      results: [],
      rejected: [],
      missing:
        `The results file has no ${absent.map((k) => `"${HEADERS[k][0]}"`).join(' or ')} column ` +
        `(accepted headers: ${absent.map((k) => HEADERS[k].join(', ')).join('; ')}).`,
    };
  const results: CallResult[] = [];
  const rejected: string[] = [];
  rows.slice(1).forEach((r, i) => {
    const line = i + 2;
    const studentId = (r[col.studentId] ?? '').trim();
    const dateText = (r[col.date] ?? '').trim();
    const result = (r[col.result] ?? '').trim();
    if (studentId === '' && dateText === '' && result === '') return;
    // A date with a time ("10/06/2026 4:05 PM") is read by its day.
    const date = parseDateText(dateText.split(/[ T]/)[0] ?? '');
    const outcome = RESULT_OUTCOMES[result.toLowerCase()];
    if (studentId === '') rejected.push(`line ${line}: no student id`);
    else if (date === null) rejected.push(`line ${line}: "${dateText}" is not a date`);
    else if (outcome === undefined)
      rejected.push(`line ${line}: result "${result}" is not one the add-on knows`);
    else results.push({ line, studentId, date, result, outcome });
  });
  return { results, rejected, missing: null };
}
