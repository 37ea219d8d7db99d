// The built bundle in the emulator: the weekly Absence Occurrence Report (tab, sealed entries, PDF, email) and the
// Dashboard's charts, on school days, a weekend, a holiday, a repeated run, a week with no new student, a failure.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import type { DriveStore } from '../../emulator/runtime/drive-store';
import { menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const DAY_MS = 86_400_000;
const blank = (n: number) => new Array<string>(n).fill('');
const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', ...blank(8), 'ana.ruiz@school.org', '', ''],
  ['1002', 'Smith', 'Liam', '8', ...blank(8), '', '', ''],
  ['1003', 'Nguyen', 'Mia', '6', ...blank(8), '', '', ''],
  ['1004', 'Okoro', 'Ada', '6', ...blank(8), '', '', ''],
];
const STAFF = [['ana.ruiz@school.org', 'Ana Ruiz', 'Assistant Principal', '', '']];
/** 1001 and 1002: 8 unexcused days (step 3); 1004: 5 (step 2); 1003: 3 (step 1, not on the report). */
const EIGHT = [
  '2026-09-01',
  '2026-09-02',
  '2026-09-03',
  '2026-09-04',
  '2026-09-08',
  '2026-09-09',
  '2026-09-10',
  '2026-09-11',
];
const ABSENCES = [
  ...['1001', '1002'].flatMap((id) => EIGHT.map((d) => [id, d, 'U', ''])),
  ...EIGHT.slice(0, 5).map((d) => ['1004', d, 'U', '']),
  ...EIGHT.slice(0, 3).map((d) => ['1003', d, 'U', '']),
];
const REPORT_TYPE = 'Absence Occurrence Report';

function campus(asOf: string): Emulator {
  const emu = createEmulatorSync({ asOf });
  menu(emu, 'setUpWorkbook');
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Staff', `A${emu.values('Staff').length + 1}`, STAFF);
  emu.setValues('Absences', 'A2', ABSENCES);
  menu(emu, 'recalculateNow');
  return emu;
}

const reportEntries = (emu: Emulator) => table(emu, 'Documentation').filter((r) => r['Type'] === REPORT_TYPE);
const pdfs = (emu: Emulator) =>
  [...(emu.control as unknown as { drive: DriveStore }).drive.files.values()].filter(
    (f) => f.mimeType === 'application/pdf' && !f.trashed,
  );
const reportIds = (emu: Emulator) =>
  [...new Set(table(emu, 'Weekly Report').map((r) => r['Student ID']))].sort();

function runReport(emu: Emulator): void {
  const r = emu.run('runWeeklyReportNow', undefined, 'menu');
  expect(r.error).toBeUndefined();
}

describe('the weekly Absence Occurrence Report', () => {
  it('on a school day lists the students at 5 or more unexcused days by owner, seals an entry each, makes the PDF', () => {
    const emu = campus('2026-09-15');
    runReport(emu);
    expect(reportIds(emu)).toEqual(['1001', '1002', '1004']);
    const rows = table(emu, 'Weekly Report');
    expect(rows.every((r) => r['New This Week'] === 'Yes' && r['Report Week'] instanceof Date)).toBe(true);
    // 1001's assistant principal is named; her row holds the AP meeting, due and not yet late.
    const ana = rows.find(
      (r) => r['Student ID'] === '1001' && r['Owner'] === 'Assistant Principal (Ana Ruiz)',
    )!;
    expect(ana).toMatchObject({ Name: 'Garcia, Sofia', Step: 3, 'Unexcused Days': 8 });
    expect(String(ana['Due'])).toMatch(/Assistant principal meets student and family \(by 2026-/);
    // Owners are grouped: the rows are in owner order.
    const owners = rows.map((r) => String(r['Owner']));
    expect(owners).toEqual([...owners].sort((a, b) => a.localeCompare(b)));
    const entries = reportEntries(emu);
    expect(entries.map((e) => e['Student ID']).sort()).toEqual(['1001', '1002', '1004']);
    for (const e of entries) {
      expect(String(e['Entry ID'])).toMatch(/^S\d{6}$/);
      expect(e['Seal']).not.toBe('');
      expect(e['Role']).toBe('System');
    }
    expect(pdfs(emu).map((f) => f.name)).toEqual(['Absence Occurrence Report – week of 2026-09-14.pdf']);
    // The report's own action is closed by its entry; the sealed entries raise no Data Issue.
    expect(table(emu, 'To Do').filter((r) => r['Closed By'] === REPORT_TYPE)).toEqual([]);
    expect(table(emu, 'Data Issues').filter((r) => r['Tab'] === 'Documentation')).toEqual([]);
  });

  it('a repeated run the same week (on the weekend) adds no entry and no chart; a typed contact shows as the last one', () => {
    const emu = campus('2026-09-15');
    runReport(emu);
    const docs = emu.values('Documentation');
    emu.setValues('Documentation', `A${docs.length + 1}`, [
      [
        '',
        '1002',
        '2026-09-16',
        'Parent contact',
        'Completed',
        'Attendance Clerk',
        'ana.ruiz@school.org',
        'Called mother',
      ],
    ]);
    emu.advance(4 * DAY_MS); // Saturday 2026-09-19
    runReport(emu);
    expect(reportEntries(emu)).toHaveLength(3);
    expect(table(emu, 'Weekly Report').every((r) => r['New This Week'] === 'Yes')).toBe(true);
    const liam = table(emu, 'Weekly Report').find((r) => r['Student ID'] === '1002')!;
    expect(liam).toMatchObject({ 'Contact Type': 'Parent contact', 'Contact By': 'Ana Ruiz' });
    expect(emu.charts('Dashboard')).toHaveLength(6);
    expect(pdfs(emu)).toHaveLength(2);
  });

  it('a week with no new students: the next week lists them again, none marked new, each with a new entry', () => {
    const emu = campus('2026-09-15');
    runReport(emu);
    emu.advance(7 * DAY_MS);
    const r = emu.run('weeklyReport', undefined, 'time-trigger');
    expect(r.error).toBeUndefined();
    expect(reportIds(emu)).toEqual(['1001', '1002', '1004']);
    expect(table(emu, 'Weekly Report').filter((x) => x['New This Week'] === 'Yes')).toEqual([]);
    expect(reportEntries(emu)).toHaveLength(6);
  });

  it('runs on a holiday (Thanksgiving) as of that day', () => {
    const emu = campus('2026-11-26');
    const r = emu.run('weeklyReport', undefined, 'time-trigger');
    expect(r.error).toBeUndefined();
    expect(reportIds(emu)).toEqual(['1001', '1002', '1004']);
    expect(reportEntries(emu).every((e) => e['Date'] instanceof Date)).toBe(true);
    expect(pdfs(emu).map((f) => f.name)).toEqual(['Absence Occurrence Report – week of 2026-11-23.pdf']);
  });

  it('emails the link only, never student data, when Settings names the team', () => {
    const emu = campus('2026-09-15');
    const settings = emu.values('Settings');
    const at = settings.findIndex((r) => r[0] === 'report.emailTo');
    expect(at).toBeGreaterThan(0);
    emu.setValues('Settings', `B${at + 1}`, [['team@school.org, nurse@school.org']]);
    runReport(emu);
    const sent = emu.control.outbox;
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toMatch(/^team@school\.org,\s*nurse@school\.org$/);
    const text = `${sent[0]!.subject}\n${sent[0]!.body}`;
    expect(text).toMatch(/https:\/\/drive\.google\.com\//);
    for (const s of ROSTER) for (const v of s.slice(0, 3)) expect(text).not.toContain(v);
    // The email setting is not policy: it asks no administrator to apply it.
    expect(
      table(emu, 'Data Issues').filter((r) => /Settings or Calendar changed/.test(String(r['Problem']))),
    ).toEqual([]);
  });

  it('a failing run is told at the next open; running it again finishes without duplicate entries', () => {
    const emu = campus('2026-09-15');
    emu.injectFault('DocumentApp.create', 1, 'Service unavailable: Documents');
    const failed = emu.run('weeklyReport', undefined, 'time-trigger');
    expect(failed.error).toMatch(/Service unavailable/);
    expect(pdfs(emu)).toHaveLength(0);
    expect(reportEntries(emu)).toHaveLength(3);
    emu.open();
    expect(emu.ui.toasts.map((t) => JSON.stringify(t)).join('\n')).toMatch(/The weekly report/);
    const again = emu.run('weeklyReport', undefined, 'time-trigger');
    expect(again.error).toBeUndefined();
    expect(reportEntries(emu)).toHaveLength(3);
    expect(pdfs(emu)).toHaveLength(1);
  });
});

describe('the Dashboard', () => {
  it('draws six charts from one data block, and updates them in place (never duplicated)', () => {
    const emu = campus('2026-09-15');
    menu(emu, 'refreshDashboardNow');
    const charts = emu.charts('Dashboard');
    expect(charts.map((c) => c.options['title'])).toEqual([
      'Students by step',
      'Students on the ladder by grade and step',
      'Students at each step, week by week',
      'Overdue actions by owner',
      'Escalations blocked: what is missing',
      'Letters sent and waiting',
    ]);
    const byStep = charts[0]!;
    expect(byStep.type).toBe('COLUMN');
    expect(byStep.ranges[0]!.values.map((r) => r[1])).toEqual(['Students', 0, 1, 1, 2, 0, 0]);
    const trend = charts[2]!;
    expect(trend.type).toBe('LINE');
    // Week by week from the sealed step history: step 3 reached in the week of 2026-09-07 by two students.
    const day = (d: unknown) => (d as Date).toLocaleDateString('en-CA', { timeZone: 'America/Chicago' });
    const weeks = trend.ranges[0]!.values.slice(1).map((r) => [day(r[0]), ...r.slice(1)]);
    expect(weeks.at(-1)).toEqual(['2026-09-14', 1, 1, 2, 0, 0]);
    expect(weeks.find((w) => w[0] === '2026-08-31')).toEqual(
      ['2026-08-31', 2, 0, 0, 0, 0].map((v, i) => (i === 0 ? v : expect.any(Number))),
    );
    const ids = charts.map((c) => c.id);
    emu.advance(DAY_MS);
    emu.run('nightlyRecalculation', undefined, 'time-trigger');
    menu(emu, 'refreshDashboardNow');
    expect(emu.charts('Dashboard').map((c) => c.id)).toEqual(ids);
    // Letters: the step-1 and step-2 letters are listed as waiting (none is sent yet).
    const letters = emu.charts('Dashboard')[5]!.ranges[0]!.values;
    expect(letters[0]).toEqual(['Letter', 'Sent', 'Waiting']);
    expect(letters.slice(1).reduce((n, r) => n + Number(r[2]), 0)).toBe(table(emu, 'Letters').length);
  });

  it('writes labels people typed (a grade like =IMPORTRANGE(...)) as text, never as a formula', () => {
    const emu = campus('2026-09-15');
    const formula = '=IMPORTRANGE("https://example.org/x","A1")';
    const students = emu.values('Students');
    const row = students.findIndex((r) => r[0] === '1002');
    emu.setValues('Students', `D${row + 1}`, [[formula]]);
    menu(emu, 'recalculateNow');
    menu(emu, 'refreshDashboardNow');
    expect(emu.values('Dashboard').flat()).toContain(formula);
  });
});
