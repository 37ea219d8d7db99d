// npm start: runs the built add-on in the offline emulator on a demo campus (or a workbook you give it), as of a
// date, and writes what it produced to out/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoCampus, demoYearBounds } from '../emulator/demo/demo-campus';
import { createEmulator, type Emulator, type RunResult } from '../emulator/host/emulator';
import { exportOutbox, fileBytes } from '../emulator/host/files';
import type { OutboxMessage } from '../emulator/runtime/control';
import type { DriveStore } from '../emulator/runtime/drive-store';
import { execFileSync } from 'node:child_process';

const USAGE = `Usage: npm start -- [options]

Runs Attendance Steps on this machine, offline, and writes the workbook to out/workbook.xlsx, the demo campus's
letters to out/letters/ and their emails to out/outbox/.

Options:
  --as-of YYYY-MM-DD  the day the add-on runs on ("today"; default: today, or the demo year's
                      2026-11-20 when today is outside it). The demo campus is always the
                      2026-2027 school year: the date only moves today within it.
  --workbook FILE     a campus workbook (.xlsx) to load and recalculate instead of the demo campus;
                      the result is written to the --out folder, never over FILE
  --out DIR           where to write the results (default: out/)
  --seed N            the demo campus's seed (default: 2026)
  --students N        the demo campus's size (default: 800)
  --help, -h          this text`;

/** The demo's "today" when none is given and today's date is outside the demo school year. */
const DEMO_DEFAULT_AS_OF = '2026-11-20';

export interface StartOptions {
  asOf: string;
  workbook?: string;
  out: string;
  seed: number;
  students: number;
}

export function parseArgs(argv: string[]): StartOptions {
  const today = new Date().toLocaleDateString('en-CA');
  const year = demoYearBounds();
  const options: StartOptions = {
    asOf: today >= year.first && today <= year.last ? today : DEMO_DEFAULT_AS_OF,
    out: 'out',
    seed: 2026,
    students: 800,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    if (value === undefined) fail(`${flag} needs a value.\n\n${USAGE}`);
    if (flag === '--as-of') {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
        fail(`--as-of ${value} is not a date.`);
      options.asOf = value;
    } else if (flag === '--workbook') {
      if (!fs.existsSync(value)) fail(`--workbook ${value}: no such file.`);
      options.workbook = value;
    } else if (flag === '--out') options.out = value;
    else if (flag === '--seed' || flag === '--students') {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) fail(`${flag} ${value} is not a whole number.`);
      if (flag === '--seed') options.seed = n;
      else options.students = n;
    } else fail(`Unknown option ${flag}.\n\n${USAGE}`);
    i++;
  }
  return options;
}

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

/** Refuses a demo day outside the demo year, and an input workbook that the output would overwrite. */
function checkOptions(options: StartOptions): void {
  const year = demoYearBounds();
  if (!options.workbook && (options.asOf < year.first || options.asOf > year.last))
    throw new Error(
      `--as-of ${options.asOf} is outside the demo campus's school year (${year.first} to ${year.last}). ` +
        'Give a day within it, or --workbook FILE for a campus of another year.',
    );
  if (options.workbook && path.resolve(options.workbook) === path.resolve(options.out, 'workbook.xlsx'))
    throw new Error(
      `--workbook ${options.workbook} is where the result would be written (${path.join(options.out, 'workbook.xlsx')}). ` +
        'Give another --out folder (or copy the file elsewhere first): the input is never overwritten.',
    );
}

/** Runs a menu item and stops with its message when it failed. */
/** The demo's staff: roles given through the add-on by the Principal, caseloads by grade and last name. */
export const DEMO_STAFF = [
  ['ruiz@demo.district.example.org', 'Ana Ruiz', 'Assistant Principal', '6', ''],
  ['lee@demo.district.example.org', 'Bo Lee', 'Assistant Principal', '7-8', ''],
  ['okafor@demo.district.example.org', 'Chidi Okafor', 'Counselor', '', 'A-L'],
  ['meyer@demo.district.example.org', 'Dana Meyer', 'Counselor', '', 'M-Z'],
  ['silva@demo.district.example.org', 'Eva Silva', 'Attendance Clerk', '6-8', ''],
  ['grant@demo.district.example.org', 'Finn Grant', 'District Specialist', '6-8', ''],
];

function assignStaff(emu: Emulator): void {
  for (const [email, name, role] of DEMO_STAFF) {
    const r = emu.run('submitStaffMember', { email, name, role });
    if (!(r.value as { ok?: boolean } | undefined)?.ok)
      throw new Error(`could not add ${email}: ${r.error ?? JSON.stringify(r.value)}`);
  }
  const [header, ...rows] = emu.values('Staff');
  const col = (h: string) => String.fromCharCode(65 + header!.findIndex((x) => x === h));
  for (const [email, , , grades, lastNames] of DEMO_STAFF) {
    const at = rows.findIndex((r) => r[0] === email) + 2;
    emu.setValues('Staff', `${col('Grades')}${at}`, [[grades]]);
    emu.setValues('Staff', `${col('Last Names')}${at}`, [[lastNames]]);
  }
}

function menu(emu: Emulator, fn: string): RunResult {
  const result = emu.run(fn, undefined, 'menu');
  if (result.error) throw new Error(`${fn} failed: ${result.error}`);
  return result;
}

/** Runs the add-on as `npm start` does and returns the summary it prints. */
export async function runStart(options: StartOptions): Promise<string> {
  const { emu, done } = await startedCampus(options);
  fs.mkdirSync(options.out, { recursive: true });
  done.push(writeCallList(emu, options.asOf, options.out));
  // The weekly report (its tab, entries and PDF; it ends by refreshing the Dashboard), as the menu item runs it.
  menu(emu, 'runWeeklyReportNow');
  done.push('ran: Run the weekly report now (the Dashboard is refreshed with it)');
  const written = writeReportAndDashboard(emu, options.out, options.asOf);
  if (!options.workbook) done.push(...(await writeLetters(emu, options.out)));
  const workbookFile = path.join(options.out, 'workbook.xlsx');
  await emu.saveXlsx(workbookFile);
  return summary(emu, options.asOf, done, [...written, workbookFile]);
}

/** The emulator with the demo campus (or the given workbook) set up, imported and recalculated, as `npm start` runs it. */
export async function startedCampus(options: StartOptions): Promise<{ emu: Emulator; done: string[] }> {
  checkOptions(options);
  const emu = await createEmulator({
    asOf: options.asOf,
    ...(options.workbook ? { xlsxPath: options.workbook } : {}),
  });
  const done: string[] = [];
  emu.open();
  if (options.workbook) {
    menu(emu, 'recalculateNow');
    done.push(`loaded ${options.workbook} and recalculated it`);
  } else {
    // As a campus would: set up, fill the roster, map and paste the export, import, document efforts.
    // Set up offers the person running it the first administrator's place: the demo's clerk says yes.
    emu.ui.queueAlertResponse('YES');
    menu(emu, 'setUpWorkbook');
    const demo = demoCampus(options.asOf, options.seed, options.students);
    emu.setValues('Students', 'A1', demo.students);
    assignStaff(emu);
    const settings = emu.values('Settings');
    emu.setValues('Settings', 'A1', settingsWithMapping(settings, demo.mapping));
    emu.setValues('Import', 'A1', demo.export);
    menu(emu, 'importAttendance');
    // Staff entries go below the rows already there (the import's recalculation wrote sealed step rows).
    const written = emu.values('Documentation').filter((r) => r.some((v) => v !== '')).length;
    emu.setValues('Documentation', `A${written + 1}`, demo.documentation.slice(1));
    menu(emu, 'recalculateNow');
    done.push(
      `demo campus (seed ${options.seed}): ${demo.students.length - 1} students, ${demo.export.length - 1} export rows, ` +
        `${demo.documentation.length - 1} staff entries`,
      'ran: Set up this workbook, Import attendance, Recalculate now',
    );
    sendDemoLetters(emu, done);
    // The letters sent leave To Do and Status at the next recalculation (the nightly run, or Recalculate now).
    menu(emu, 'recalculateNow');
  }
  return { emu, done };
}

/**
 * The day's School Messenger call list, as the schedule makes it each school day (here from the menu: Attendance →
 * Make today's call list), copied from the emulated Drive folder to `out/`.
 */
function writeCallList(emu: Emulator, asOf: string, out: string): string {
  const said = String(menu(emu, 'makeCallListNow') && emu.ui.alerts.at(-1)?.prompt).split('\n')[0];
  const drive = (emu.control as unknown as { drive: DriveStore }).drive;
  const name = `Call list ${asOf}.csv`;
  const file = [...drive.files.values()].find((f) => f.name === name && !f.trashed);
  if (!file) return `ran: Make today's call list — ${said}`;
  const target = path.join(out, name);
  fs.writeFileSync(target, Buffer.from(file.bytes));
  return `ran: Make today's call list — ${said} Wrote ${target}`;
}

/**
 * Settings with the import mapping's values set, found by the Setting and Value headers: rows already there get
 * the value, keys not there yet are added below.
 */
function settingsWithMapping(settings: unknown[][], mapping: [string, string][]): unknown[][] {
  const header = (settings[0] ?? []).map(String);
  const keyAt = header.indexOf('Setting');
  const valueAt = header.indexOf('Value');
  const map = new Map(mapping);
  const rows = settings.map((row, i) => {
    const value = map.get(String(row[keyAt]));
    if (i === 0 || value === undefined) return row;
    map.delete(String(row[keyAt]));
    return row.map((v, c) => (c === valueAt ? value : v));
  });
  for (const [key, value] of map)
    rows.push(header.map((_, c) => (c === keyAt ? key : c === valueAt ? value : '')));
  return rows;
}

/**
 * The report's PDF from the emulated Drive, and the Dashboard's charts drawn from the definitions the emulator kept
 * (scripts/render-dashboard.ts, in its own process: vega is an ES module). Returns the files written.
 */
function writeReportAndDashboard(emu: Emulator, out: string, asOf: string): string[] {
  const drive = (emu.control as unknown as { drive: DriveStore }).drive;
  const pdf = [...drive.files.values()]
    .filter((f) => f.mimeType === 'application/pdf' && f.name.startsWith('Absence Occurrence Report'))
    .at(-1);
  const files: string[] = [];
  if (pdf) {
    const reportFile = path.join(out, 'weekly-report.pdf');
    fs.writeFileSync(reportFile, fileBytes(drive, pdf.id).bytes);
    files.push(reportFile);
  }
  const chartsFile = path.join(out, 'dashboard-charts.json');
  const timeZone = emu.control.sheets.exportBook().timeZone;
  fs.writeFileSync(chartsFile, JSON.stringify({ asOf, timeZone, charts: emu.charts('Dashboard') }, null, 1));
  const drawn = execFileSync(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'render-dashboard.ts'), chartsFile, out],
    { encoding: 'utf8' },
  );
  files.push(chartsFile, ...drawn.trim().split('\n').filter(Boolean));
  return files;
}

/** The demo campus's letter settings, then Attendance → Letters… → Send, chunk after chunk, as the dialog does. */
function sendDemoLetters(emu: Emulator, done: string[]): void {
  const settings = emu.values('Settings');
  emu.setValues(
    'Settings',
    'A1',
    settingsWithMapping(settings, [
      ['letter.campus', 'Lakeside Middle School'],
      ['letter.principal', 'Dr. Ana Ruiz'],
      ['letter.campusPhone', '(512) 555-0100'],
      ['letter.replyTo', 'office@lakeside.example.org'],
    ]),
  );
  let chunks = 0;
  for (;;) {
    const r = emu.run('sendLettersChunkCall');
    chunks++;
    if (r.error) throw new Error(`sending letters failed: ${r.error}`);
    const v = r.value as { ok: boolean; done: boolean; message: string };
    if (!v.ok) throw new Error(`sending letters was refused: ${v.message}`);
    if (v.done || chunks >= 20) {
      done.push(`ran: Letters… → Send (${chunks} executions of about 4.5 minutes at most): ${v.message}`);
      return;
    }
  }
}

/** The letters' PDFs kept in Drive to DIR/letters, the emails to DIR/outbox as .eml; a line per folder. */
async function writeLetters(emu: Emulator, out: string): Promise<string[]> {
  const ctl = emu.control as unknown as { drive: DriveStore; outbox: OutboxMessage[] };
  const dir = path.join(out, 'letters');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  let letters = 0;
  let batches = 0;
  for (const f of ctl.drive.files.values()) {
    if (f.trashed || f.mimeType !== 'application/pdf') continue;
    const isBatch = f.name.startsWith('Print batch');
    if (!isBatch && !f.name.startsWith('Letter ')) continue;
    const { name, bytes } = fileBytes(ctl.drive, f.id);
    fs.writeFileSync(path.join(dir, name.replace(/[\\/:*?"<>|]/g, '_')), bytes);
    if (isBatch) batches++;
    else letters++;
  }
  const outboxDir = path.join(out, 'outbox');
  fs.rmSync(outboxDir, { recursive: true, force: true });
  const emails = await exportOutbox(ctl.outbox, outboxDir);
  return [
    `wrote ${letters} letter PDFs and ${batches} print batch PDFs to ${dir}`,
    `wrote ${emails.length} emails (.eml, PDFs attached) to ${outboxDir}`,
  ];
}

function lettersByState(emu: Emulator): string {
  const [header = [], ...rows] = emu.values('Letters');
  const at = header.map(String).indexOf('State');
  const by = new Map<string, number>();
  for (const r of rows) if (r[0] !== '') by.set(String(r[at]), (by.get(String(r[at])) ?? 0) + 1);
  return [...by].map(([state, n]) => `${state} ${n}`).join(', ');
}

function summary(emu: Emulator, asOf: string, done: string[], files: string[]): string {
  const status = emu.values('Status');
  const header = (status[0] ?? []).map(String);
  const col = (name: string) => header.indexOf(name);
  const rows = status.slice(1).filter((r) => r[0] !== '');
  const perStep = [0, 0, 0, 0, 0, 0];
  let overdue = 0;
  let blocked = 0;
  const dueByOwner = new Map<string, number>();
  for (const r of rows) {
    perStep[Number(r[col('Step')])]! += 1;
    if (r[col('Overdue')] === 'Yes') overdue++;
    if (r[col('Escalation Blocked')] === 'Yes') blocked++;
    const owner = String(r[col('Owner')] ?? '');
    if (owner) dueByOwner.set(owner, (dueByOwner.get(owner) ?? 0) + 1);
  }
  const letters = emu
    .values('Letters')
    .slice(1)
    .filter((r) => r[0] !== '').length;
  const issues = emu
    .values('Data Issues')
    .slice(1)
    .filter((r) => r[0] !== '').length;
  const lines = [
    `Attendance Steps — as of ${asOf}`,
    ...done.map((d) => `  ${d}`),
    '',
    `Students per step (${rows.length} students):`,
    ...perStep.map((n, step) => `  step ${step}: ${n}`),
    '',
    `Next action due, by owner: ${[...dueByOwner].map(([o, n]) => `${o} ${n}`).join(', ') || 'none'}`,
    `  ${overdue} overdue; ${blocked} students with escalation blocked (documentation missing)`,
    `Letters on the Letters tab: ${letters} (${lettersByState(emu)})`,
    `Data issues listed: ${issues}`,
    '',
    ...files.map((f) => `Wrote ${f}`),
    `Simulated Apps Script time: ${emu.simulatedSeconds().toFixed(1)} s`,
  ];
  return lines.join('\n');
}

if (require.main === module) {
  runStart(parseArgs(process.argv.slice(2))).then(
    (text) => console.log(text),
    (e: unknown) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
