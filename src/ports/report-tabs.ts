// The tabs the weekly report and the dashboard write (created when they first run, not by Set up), and the
// ports that publish the report and draw the dashboard.
import { date, defineTab, number, text, yesno } from './schema';

/** The Absence Occurrence Report of the week: one row per student and owner, by owner. */
export const WEEKLY_REPORT = defineTab(
  'Weekly Report',
  'script',
  'The Absence Occurrence Report: students at the step-2 threshold (5 unexcused days by default) or above, by ' +
    'owner. Rewritten by each run (weekly, or Attendance → Run the weekly report now).',
  {
    owner: text('Owner', {
      help: 'Who the actions on this row are for (the person assigned, else the role).',
      width: 220,
    }),
    studentId: text('Student ID', { help: '' }),
    name: text('Name', { help: '', width: 180 }),
    grade: text('Grade', { help: '' }),
    isNew: yesno('New This Week', {
      help: 'Yes when no earlier report of this school year listed the student.',
    }),
    unexcused: number('Unexcused Days', { help: 'Unexcused days or parts of days this school year.' }),
    step: number('Step', { help: '' }),
    stepName: text('Step Name', { help: '' }),
    lastContact: date('Last Contact', { help: 'The latest documented effort by staff (not the add-on).' }),
    contactType: text('Contact Type', { help: '', width: 160 }),
    contactBy: text('Contact By', {
      help: 'Who documented it (the Staff name when the Staff tab has one).',
      width: 180,
    }),
    due: text('Due', { help: "This owner's open actions not yet late, with their due day.", width: 320 }),
    overdue: text('Overdue', { help: "This owner's late actions, with the days late.", width: 320 }),
    week: date('Report Week', { help: 'Monday of the week the report is for.' }),
  },
);

/** The dashboard's tab. */
export const DASHBOARD_TAB = 'Dashboard';

/** One small table of the dashboard: a header row, then a label and numbers per row. */
export interface DashboardTable {
  /** The chart's title (also how the add-on finds its chart again). */
  title: string;
  kind: 'column' | 'bar' | 'line' | 'stacked';
  /** The value axis's title. */
  valueTitle: string;
  header: string[];
  rows: (string | number)[][];
}

export interface DashboardData {
  asOf: string;
  tables: DashboardTable[];
}

/** Draws the dashboard: its data block in one write, its charts created once and then updated. */
export interface DashboardView {
  show(data: DashboardData): void;
}

/** One owner's section of the report document. */
export interface ReportSection {
  owner: string;
  header: string[];
  rows: string[][];
}

export interface ReportDocument {
  title: string;
  intro: string;
  sections: ReportSection[];
}

/** Where the report goes: a document in the add-on's Drive folder, and a PDF of it beside it. */
export interface ReportPublisher {
  /** Writes the report; returns the PDF's link and name. */
  publish(report: ReportDocument): { url: string; name: string };
}

/** Email with a link only: the body never holds student data. */
export interface LinkMailer {
  /** Emails left today (the daily email quota). */
  remaining(): number;
  send(to: string[], subject: string, body: string): void;
}
