// The Settings rows of the weekly report: not policy (changing them moves no student and needs no applying).

/** Settings key of the attendance team's addresses (commas or semicolons between them); blank = no email. */
export const REPORT_EMAIL_KEY = 'report.emailTo';

export function isReportSetting(key: string): boolean {
  return key.trim().toLowerCase().startsWith('report.');
}

/** The rows Set up adds to Settings. */
export function defaultReportSettings(): { key: string; value: string; help: string }[] {
  return [
    {
      key: REPORT_EMAIL_KEY,
      value: '',
      help:
        'Who is emailed when the weekly Absence Occurrence Report is ready: addresses separated by commas. The ' +
        'email holds only the link to the PDF in Drive, never student information. Blank = no email.',
    },
  ];
}
