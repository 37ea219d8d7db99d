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
    guardianEmail: text('Guardian Email', { help: 'Letters are emailed only to this address.', width: 220 }),
    guardianPhone: text('Guardian Phone', { help: 'For the automated call list.' }),
    mailingAddress: text('Mailing Address', { help: 'For printed letters.', width: 260 }),
    language: text('Language', {
      options: ['English', 'Spanish'],
      help: "The family's language for letters.",
    }),
    assistantPrincipal: text('Assistant Principal', {
      help: "The student's assistant principal: an email on the Staff tab (shown by name) or a name. Blank = the Staff tab's rules.",
    }),
    counselor: text('Counselor', { help: "The student's counselor, as for Assistant Principal." }),
    attendanceClerk: text('Attendance Clerk', {
      help: "The student's attendance clerk, as for Assistant Principal.",
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
    type: text('Type', {
      required: true,
      options: 'documentationTypes',
      help: "What was done. The add-on's own rows are Step reached: filter them out with the header's filter.",
      width: 200,
    }),
    outcome: text('Outcome', { options: 'outcomes', help: 'Blank counts as completed.' }),
    role: text('Role', {
      options: 'roles',
      help:
        'The role of the person who did it. On a typed row it is what was typed; on a sealed row the add-on ' +
        'took it from the Staff tab for the signed-in person (System for the add-on itself).',
    }),
    staff: text('Staff', { help: 'Email of the person who made the entry.', width: 220 }),
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
    name: text('Name', { help: '', width: 180 }),
    grade: text('Grade', { help: '' }),
    unexcused: number('Unexcused Days', { help: 'Unexcused days or parts of days this school year.' }),
    recent: number('Last 4 Weeks', { help: 'Unexcused days or parts of days in the last 4 weeks.' }),
    long: number('Last 6 Months', { help: 'Unexcused days or parts of days in the last 6 months.' }),
    excused: number('Excused Days', { help: 'Excused days or parts of days this school year.' }),
    rate: percent('Attendance Rate', {
      help: 'Over enrolled instructional days; excused and unexcused both count.',
    }),
    step: number('Step', {
      help: '0 = not on the ladder; 5 = court. A number, for sorting, filters and colours.',
    }),
    stepName: text('Step Name', {
      help: 'The step with its name, as the district ladder calls it.',
      width: 190,
    }),
    since: date('Step Since', { help: 'The school day the current step began.' }),
    highestStep: number('Highest Step', { help: 'Highest step reached this school year.' }),
    nextDue: text('Next Due', { help: 'The most urgent action due.', width: 300 }),
    owner: text('Owner', { help: 'Who the next action is for.', width: 150 }),
    dueBy: date('Due By', { help: '' }),
    overdue: yesno('Overdue', { help: '' }),
    dueCount: number('Actions Due', { help: 'How many actions are due in all.' }),
    letters: text('Letters', { help: 'Letters due or their state.', width: 240 }),
    blocked: yesno('Escalation Blocked', {
      help: 'The count reached the next step but its documentation is missing.',
    }),
    missing: text('Missing Efforts', { help: 'What must be documented before the next step.', width: 260 }),
    flags: text('Flags', {
      help: 'What else to know: the attendance line, state-law counts, a kept step.',
      width: 260,
    }),
    why: text('Why', {
      help: 'What the add-on concluded and why: an adjustment or decision ignored, an escalation blocked, a step kept.',
      width: 360,
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
    studentId: text('Student ID', { help: '' }),
    name: text('Student', { help: "The student's name, last name first.", width: 180 }),
    letterType: text('Letter', { help: 'Which letter, by its title in the district ladder.', width: 220 }),
    language: text('Language', { help: "The family's language: the letter is written in it." }),
    delivery: text('Delivery', {
      help: 'Email when the guardian has an email on file (letters go only to that address); else Print, to mail.',
    }),
    schoolYear: text('School Year', { help: '' }),
    state: text('State', {
      help:
        'DUE, PENDING (being sent, or left by a run that stopped: review it), SENT, PRINTED, NOT NEEDED, DO NOT SEND, ' +
        'or a problem to fix first: NO ADDRESS, BAD EMAIL, NO TEMPLATE, TEMPLATE PROBLEM (Error says what).',
    }),
    dueSince: date('Due Since', { help: '' }),
    sentAt: datetime('Sent At', { help: 'When the letter was emailed or put into the print batch.' }),
    recipient: text('Recipient', {
      help: 'The guardian email it went to, or the mailing address.',
      width: 200,
    }),
    document: text('Document', {
      help: "Link to the letter's PDF, kept in the add-on's private Drive folder.",
      width: 200,
    }),
    error: text('Error', {
      help: 'What stops the letter, or what to know about it (sent in English…).',
      width: 200,
    }),
    key: text('Letter Key', {
      help: 'Student, letter and school year: each letter is issued once.',
      width: 230,
    }),
  },
);

export const SETTINGS = defineTab(
  'Settings',
  'people',
  'The district policy: every number and mapping is editable.',
  {
    key: text('Setting', {
      required: true,
      help: 'The name the add-on reads; do not change it.',
      width: 260,
    }),
    value: text('Value', { help: 'Change this column only.', width: 140 }),
    help: text('Help', { help: 'What the setting is, in words, then what it does.', width: 520 }),
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

export const STAFF = defineTab(
  'Staff',
  'people',
  'Who may use the add-on, in which role, and which students each person is assigned.',
  {
    email: text('Email', { required: true, help: '', width: 240 }),
    name: text('Name', { help: '', width: 180 }),
    role: text('Role', { required: true, options: 'roles', help: '' }),
    grades: text('Grades', {
      help:
        'The grades this person is assigned in their role, e.g. "6, 7" or "6-8". With Last Names, both must fit. ' +
        "Blank with Last Names blank = no caseload rule. A student's own column on Students comes first.",
    }),
    lastNames: text('Last Names', {
      help: 'The last names this person is assigned, as ranges of first letters, e.g. "A-L" or "A-F, Mc-Mz".',
    }),
    seal: text('Seal', {
      help:
        "The add-on's seal of this person's email and role, written by Attendance → Add or change a staff " +
        'member… (administrators only). A row typed or changed by hand grants no role.',
    }),
  },
);

export const TO_DO = defineTab(
  'To Do',
  'script',
  'One row per open action of every student, by owner and lateness: filter it to yourself. Written by the add-on.',
  {
    studentId: text('Student ID', { help: '' }),
    name: text('Name', { help: '' }),
    grade: text('Grade', { help: '' }),
    step: text('Step', { help: 'The step the action belongs to, with its name.' }),
    action: text('Action', { help: 'What is to be done.' }),
    ownerRole: text('Owner Role', {
      help: 'The role the policy gives the action; Attendance Steps for its own.',
    }),
    assignedTo: text('Assigned To', {
      help: "The person assigned the student in that role (Students' columns, else the Staff tab's rules); blank when none.",
    }),
    dueBy: date('Due By', { help: 'Late after this day.' }),
    daysLate: number('Days Late', { help: 'Calendar days past Due By (0 when not late).' }),
    inherited: yesno('Late Before Add-on', {
      help: 'Yes when the action was already due before the add-on first saw the student (that lateness is not counted).',
    }),
    closedBy: text('Closed By', { help: 'The Documentation entry that closes the action.' }),
  },
);

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

/**
 * The order of the tabs in a new workbook: what staff read first (Status, To Do, Letters), then what they type,
 * then the set-up tabs. Set up inserts each tab it creates at its place among those present.
 */
export const TAB_ORDER = [
  'Status',
  'To Do',
  'Letters',
  'Documentation',
  'Students',
  'Absences',
  'Import',
  'Staff',
  'Settings',
  'Calendar',
  'Data Issues',
];

/** Tabs printed landscape, fit to the page's width, with the header row on every page. */
export const PRINT_LANDSCAPE = ['Status', 'To Do'];

/** Every tab setup creates (Settings and Calendar first: the others' dropdowns come from them). */
export const TABS = [
  STUDENTS,
  ABSENCES,
  DOCUMENTATION,
  STATUS,
  TO_DO,
  LETTERS,
  SETTINGS,
  CALENDAR,
  STAFF,
  DATA_ISSUES,
  IMPORT,
];
