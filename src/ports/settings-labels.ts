// Settings in words: what each key is (the lead of its Help), and the values a key may take when they are a list.

const FIXED: Record<string, string> = {
  'step1.threshold': 'Step 1 begins at (unexcused days)',
  'step2.threshold': 'Step 2 begins at (unexcused days)',
  'step3.threshold': 'Step 3 begins at (unexcused days)',
  'step4.threshold': 'Step 4 begins at (unexcused days)',
  'overdue.afterSchoolDays': 'Overdue after (school days)',
  'engagement.everySchoolDays': 'Ongoing actions due again every (school days)',
  'window.recentDays': 'Short state-law window (calendar days)',
  'window.longMonths': 'Long state-law window (months)',
  'window.recentCount': 'Unexcused days that flag in the short window',
  'window.longCount': 'Unexcused days that flag in the long window',
  'attendance.partDayWeight': 'A part-day absence counts as (days)',
  'attendance.linePercent': 'Attendance line (percent)',
  'schoolYear.startsOn': 'School year starts on (month-day)',
  'report.emailTo': 'Weekly report emailed to',
};

/** Words for a Settings key ('code.U' → 'What attendance code U means'). */
export function settingLabel(key: string): string {
  const fixed = FIXED[key];
  if (fixed) return fixed;
  if (key.startsWith('code.')) return `What attendance code ${key.slice(5)} means`;
  if (key.startsWith('outcome.')) return `Whether outcome "${key.slice(8)}" counts as done`;
  if (key.startsWith('import.column.')) return `Export column for ${key.slice(14)}`;
  if (key === 'calls.columns') return 'Call list columns';
  if (key === 'calls.schoolCode') return 'Call list school code';
  if (key.startsWith('calls.language.')) return `Call list language code for ${key.slice(15)}`;
  return '';
}

/** The values a code's category may take: a category, alone or for part of a day. */
export const CODE_CATEGORIES = [
  'unexcused',
  'unexcused part-day',
  'excused',
  'excused part-day',
  'ignored',
  'ignored part-day',
];

/** The values an outcome's setting may take. */
export const OUTCOME_VALUES = ['done', 'not done'];

/** The dropdown of a Settings value, by its key; undefined when the value is free (a number, a header). */
export function settingChoices(key: string): readonly string[] | undefined {
  if (key.startsWith('code.')) return CODE_CATEGORIES;
  if (key.startsWith('outcome.')) return OUTCOME_VALUES;
  return undefined;
}
