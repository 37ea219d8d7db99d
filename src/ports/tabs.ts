// The campus workbook's tabs and columns: the contract between the district's data and the add-on.
import { date, datetime, defineTab, number, percent, text, yesno } from './schema';

export const STUDENTS = defineTab(
  'Students',
  'people',
  'The roster, one row per student, with guardian contact.',
  {
    studentId: text('Student ID', { required: true, help: 'The SIS id, kept as text (leading zeros stay).' }),
    lastName: text('Last Name', { required: true, help: '' }),
    firstName: text('First Name', { required: true, help: '' }),
    grade: text('Grade', { help: 'PK, K, 1–12.' }),
    birthDate: date('Date of Birth', { help: 'For the age rules of state law.' }),
    enrollDate: date('Enroll Date', { help: 'First day enrolled; blank = since the first day of school.' }),
    withdrawDate: date('Withdraw Date', { help: 'First day no longer enrolled; blank = still enrolled.' }),
    guardianName: text('Guardian Name', { help: 'Who letters are addressed to.' }),
    guardianEmail: text('Guardian Email', { help: 'Letters are emailed only to this address.' }),
    guardianPhone: text('Guardian Phone', { help: 'For the automated call list.' }),
    mailingAddress: text('Mailing Address', { help: 'For printed letters.' }),
    language: text('Language', {
      options: ['English', 'Spanish'],
      help: "The family's language for letters.",
    }),
  },
);

export const ABSENCES = defineTab(
  'Absences',
  'people',
  'One row per student, date and attendance code, as exported by the student information system.',
  {
    studentId: text('Student ID', { required: true, help: 'Must be on the Students tab.' }),
    date: date('Date', { required: true, help: 'An instructional day of this school year.' }),
    code: text('Code', { required: true, options: 'codes', help: 'An attendance code listed in Settings.' }),
    source: text('Source', { help: 'Where the row came from (import and date, or typed).' }),
  },
);

export const DOCUMENTATION = defineTab(
  'Documentation',
  'people',
  'The append-only log of every effort: calls, meetings, letters, reports. Rows are never edited or deleted.',
  {
    loggedAt: datetime('Logged At', { help: 'When the entry was written.' }),
    studentId: text('Student ID', { required: true, help: '' }),
    date: date('Date', { required: true, help: 'The day the effort happened.' }),
    type: text('Type', { required: true, options: 'documentationTypes', help: 'What was done.' }),
    outcome: text('Outcome', { options: 'outcomes', help: 'Blank counts as completed.' }),
    role: text('Role', {
      options: 'roles',
      help:
        'The role of the person who did it. On a typed row it is what was typed; on a sealed row the add-on ' +
        'took it from the Staff tab for the signed-in person (System for the add-on itself).',
    }),
    staff: text('Staff', { help: 'Email of the person who made the entry.' }),
    notes: text('Notes', { help: 'What happened; for a step adjustment, the reason.', width: 320 }),
    targetStep: number('Step Set To', {
      help: "Step adjustments and the add-on's Step reached rows: the step set.",
    }),
    entryId: text('Entry ID', {
      help:
        'Given by the add-on to every entry: S… to the entries it sealed (its own, and those made through its ' +
        'menus by a person the Staff tab names), T… to typed entries.',
    }),
    refersTo: text('Refers To', {
      help: "On the add-on's own rows: the Entry ID of the entry that caused the row (an adjustment, a decision).",
    }),
    seal: text('Seal', {
      help:
        "The add-on's tamper-evident seal of a sealed entry. A row typed, pasted or changed after it was " +
        'written has none that matches, and sets no step.',
    }),
  },
);

export const STATUS = defineTab(
  'Status',
  'script',
  "Every student's counts, step and what is due. Written by the add-on.",
  {
    studentId: text('Student ID', { help: '' }),
    name: text('Name', { help: '' }),
    grade: text('Grade', { help: '' }),
    unexcused: number('Unexcused Days', { help: 'Unexcused days or parts of days this school year.' }),
    recent: number('Unexcused 4 Weeks', { help: 'In the last 4 weeks.' }),
    long: number('Unexcused 6 Months', { help: 'In the last 6 months.' }),
    excused: number('Excused Days', { help: '' }),
    rate: percent('Attendance Rate', {
      help: 'Over enrolled instructional days; excused and unexcused both count.',
    }),
    step: number('Step', { help: '0 = not on the ladder; 5 = court.' }),
    since: date('Step Since', { help: 'The school day the current step began.' }),
    highestStep: number('Highest Step', { help: 'Highest step reached this school year.' }),
    nextDue: text('Next Due', { help: 'The most urgent action due.' }),
    owner: text('Owner', { help: 'Who the next action is for.' }),
    dueBy: date('Due By', { help: '' }),
    overdue: yesno('Overdue', { help: '' }),
    dueCount: number('Actions Due', { help: 'How many actions are due in all.' }),
    letters: text('Letters', { help: 'Letters due or their state.' }),
    blocked: yesno('Escalation Blocked', {
      help: 'The count reached the next step but its documentation is missing.',
    }),
    missing: text('Missing Efforts', { help: 'What must be documented before the next step.', width: 320 }),
    flags: text('Flags', { help: '', width: 320 }),
    why: text('Why', {
      help: 'What the add-on concluded and why: an adjustment or decision ignored, an escalation blocked, a step kept.',
      width: 420,
    }),
    problems: number('Data Problems', { help: 'Rows of this student listed on Data Issues.' }),
    updatedAt: datetime('Updated', { help: 'When this row was calculated.' }),
  },
);

export const LETTERS = defineTab(
  'Letters',
  'script',
  'Every warning letter with its state. Written by the add-on.',
  {
    key: text('Letter Key', { help: 'Student, letter and school year: each letter is issued once.' }),
    studentId: text('Student ID', { help: '' }),
    letterType: text('Letter', { help: '' }),
    schoolYear: text('School Year', { help: '' }),
    state: text('State', { help: 'DUE, PENDING, SENT or FAILED.' }),
    dueSince: date('Due Since', { help: '' }),
    sentAt: datetime('Sent At', { help: '' }),
    recipient: text('Recipient', { help: '' }),
    document: text('Document', { help: 'Link to the letter.' }),
    error: text('Error', { help: '' }),
  },
);

export const SETTINGS = defineTab(
  'Settings',
  'people',
  'The district policy: every number and mapping is editable.',
  {
    key: text('Setting', { required: true, help: '' }),
    value: text('Value', { help: '' }),
    help: text('Help', { help: '', width: 420 }),
  },
);

export const CALENDAR = defineTab(
  'Calendar',
  'people',
  "The school year's days: instructional or not, and why.",
  {
    date: date('Date', { required: true, help: '' }),
    instructional: yesno('Instructional', { required: true, help: 'Yes for a school day.' }),
    note: text('Note', { help: 'Holiday or make-up day name.' }),
  },
);

export const STAFF = defineTab('Staff', 'people', 'Who may use the add-on, and in which role.', {
  email: text('Email', { required: true, help: '' }),
  name: text('Name', { help: '' }),
  role: text('Role', { required: true, options: 'roles', help: '' }),
});

export const DATA_ISSUES = defineTab('Data Issues', 'script', 'Rows the add-on could not use, and why.', {
  tab: text('Tab', { help: '' }),
  row: number('Row', { help: '' }),
  column: text('Column', { help: '' }),
  studentId: text('Student ID', { help: '' }),
  severity: text('Severity', { help: 'error (row not used) or warning (used).' }),
  problem: text('Problem', { help: '', width: 420 }),
});

/**
 * Where a student information system export is pasted (or imported with File → Import → Replace current sheet):
 * any columns, found through the column mapping in Settings. The add-on writes an Import Result column beside them.
 */
export const IMPORT = defineTab(
  'Import',
  'people',
  "Paste the student information system's export here, header row included, then run Attendance → Import attendance. " +
    'Its columns are found through the import.column settings. After an import only the rejected rows stay here, each with ' +
    "its reason in an Import Result column; the export is kept as a CSV file in the add-on's Drive folder.",
  {},
);

/** Every tab setup creates, in order. */
export const TABS = [
  STUDENTS,
  ABSENCES,
  DOCUMENTATION,
  STATUS,
  LETTERS,
  SETTINGS,
  CALENDAR,
  STAFF,
  DATA_ISSUES,
  IMPORT,
];
