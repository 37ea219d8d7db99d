// npm start: runs the built add-on in the offline emulator on a demo campus (or a workbook you give it), as of a
// date, and writes what it produced to out/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { demoCampus } from '../emulator/demo/demo-campus';
import { createEmulator, type Emulator, type RunResult } from '../emulator/host/emulator';

const USAGE = `Usage: npm start -- [--as-of YYYY-MM-DD] [--workbook FILE.xlsx] [--out DIR] [--seed N]

  --as-of     the day the add-on runs on (default: today)
  --workbook  a campus workbook to load instead of the demo campus
  --out       where to write the results (default: out/)
  --seed      the demo campus's seed (default: 2026)
  --students  the demo campus's size (default: 800)`;

export interface StartOptions {
  asOf: string;
  workbook?: string;
  out: string;
  seed: number;
  students: number;
}

function parseArgs(argv: string[]): StartOptions {
  const options: StartOptions = {
    asOf: new Date().toLocaleDateString('en-CA'),
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

/** Runs a menu item and stops with its message when it failed. */
function menu(emu: Emulator, fn: string): RunResult {
  const result = emu.run(fn, undefined, 'menu');
  if (result.error) throw new Error(`${fn} failed: ${result.error}`);
  return result;
}

/** Runs the add-on as `npm start` does and returns the summary it prints. */
export async function runStart(options: StartOptions): Promise<string> {
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
    const settings = emu.values('Settings');
    emu.setValues(
      'Settings',
      `A${settings.length + 1}`,
      demo.mapping.map(([k, v]) => [k, v, '']),
    );
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
  }
  fs.mkdirSync(options.out, { recursive: true });
  const workbookFile = path.join(options.out, 'workbook.xlsx');
  await emu.saveXlsx(workbookFile);
  return summary(emu, options.asOf, done, workbookFile);
}

/** Settings with the import mapping's values replaced (rows not in the mapping are kept as they are). */
function settingsWithMapping(settings: unknown[][], mapping: [string, string][]): unknown[][] {
  const map = new Map(mapping);
  return settings.map((row) => (map.has(String(row[0])) ? [row[0], map.get(String(row[0])), row[2]] : row));
}

function summary(emu: Emulator, asOf: string, done: string[], workbookFile: string): string {
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
    `Letters due (not sent: sending letters is not built yet): ${letters}`,
    `Data issues listed: ${issues}`,
    '',
    `Wrote ${workbookFile}`,
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
