// Letters a student's step calls for, each issued once per student, letter type and school year.

import type { DayKey, LetterDue, Policy, StepNumber } from './types';

/** Key of a letter issued once per student, letter type and school year. */
export function letterKey(studentId: string, letterType: string, schoolYear: string): string {
  return `${studentId}|${letterType}|${schoolYear}`;
}

/** Letters the student's step calls for that are not issued yet (`issued` holds letter keys). */
export function lettersDue(
  policy: Policy,
  studentId: string,
  schoolYear: string,
  step: StepNumber,
  stepSince: Partial<Record<StepNumber, DayKey>>,
  issued: ReadonlySet<string>,
): LetterDue[] {
  const out: LetterDue[] = [];
  for (const rule of policy.letters) {
    const since = stepSince[rule.step];
    if (rule.step > step || since === undefined) continue;
    const key = letterKey(studentId, rule.letterType, schoolYear);
    if (!issued.has(key))
      out.push({ key, studentId, letterType: rule.letterType, schoolYear, step: rule.step, since });
  }
  return out;
}
