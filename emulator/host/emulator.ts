// Host API: runs build/Code.js in one vm context with the emulated Apps Script services, and drives it like a person.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import type { ExecutionKind } from '../runtime/core';
import type { EmulatorControl, RuntimeOptions } from '../runtime/index';
import type { Outcome } from '../runtime/spreadsheet-events';
import type { ChartDefinition } from '../runtime/spreadsheet-charts';
import { RUNTIME_GLOBAL, runtimeBundle } from './bundle';
import { toHost, zonedMs } from './convert';
import { loadXlsx, saveXlsx } from './xlsx';
import { renderPdfSync } from './pdf-sync';
import { exportFiles, exportOutbox, type FileFilter } from './files';
import type { FaultOptions } from '../runtime/core';
import type { OtherServicesControl } from '../runtime/services-other';

export interface EmulatorOptions {
  /** The built bundle (default `build/Code.js`). */
  codePath?: string;
  /** Where `appsscript.json` and the .html files are (default: the folder of codePath). */
  buildDir?: string;
  /** The emulated day, 'YYYY-MM-DD', starting at 08:00 in the time zone (default: now). */
  asOf?: string;
  /** Default: `timeZone` of the build's appsscript.json, else America/Chicago. */
  timeZone?: string;
  userEmail?: string;
  /** Loaded into the bound workbook before the script runs (async: use `createEmulator`). */
  xlsxPath?: string;
  /** Seeds UUIDs and spreadsheet ids (default 1). */
  seed?: number;
  /** OAuth scopes; default the manifest's `oauthScopes` (null grants everything). */
  scopes?: string[] | null;
  /** Daily quotas of a 'consumer' or 'workspace' (default) account. */
  account?: 'consumer' | 'workspace';
  /** Print Logger/console lines as they happen. */
  echoLogs?: boolean;
  /** Charge the low, mid (default) or high end of the measured cost ranges (`emulator/runtime/costs.ts`). */
  costProfile?: 'low' | 'mid' | 'high';
}

export interface RunResult {
  name: string;
  kind: ExecutionKind;
  /** The function's return value, converted to host values (Dates, arrays, plain objects). */
  value: unknown;
  /** Apps Script's message when the execution failed (e.g. `Exceeded maximum execution time`). */
  error?: string;
  simulatedMs: number;
}

const BUILTINS = [
  'Array',
  'Object',
  'String',
  'Number',
  'Boolean',
  'Math',
  'Date',
  'Map',
  'Set',
  'Error',
  'RegExp',
  'JSON',
  'Intl',
  'Reflect',
  'Proxy',
];

const DEFAULT_USER = 'clerk@district.example.org';

function readManifest(buildDir: string): { timeZone?: string; oauthScopes?: string[] } {
  for (const file of [path.join(buildDir, 'appsscript.json'), 'appsscript.json']) {
    if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8'));
  }
  return {};
}

function htmlFiles(buildDir: string): Record<string, string> {
  if (!fs.existsSync(buildDir)) return {};
  const out: Record<string, string> = {};
  for (const f of fs.readdirSync(buildDir))
    if (f.endsWith('.html')) out[f.slice(0, -5)] = fs.readFileSync(path.join(buildDir, f), 'utf8');
  return out;
}

export class Emulator {
  readonly control: EmulatorControl;
  readonly context: vm.Context;
  readonly timeZone: string;

  constructor(options: EmulatorOptions = {}) {
    const codePath = options.codePath ?? 'build/Code.js';
    const buildDir = options.buildDir ?? path.dirname(codePath);
    const manifest = readManifest(buildDir);
    this.timeZone = options.timeZone ?? manifest.timeZone ?? 'America/Chicago';
    const start = options.asOf ? zonedMs(options.asOf, 8, this.timeZone) : Date.now();
    // Only what a V8 Apps Script has: the ES builtins (Intl included); the runtime adds console and Logger.
    this.context = vm.createContext(
      {},
      { name: 'apps-script', codeGeneration: { strings: true, wasm: false } },
    );
    // Builtins become locals of the bundle: a global lookup in a vm context goes through an interceptor (slow in loops).
    const locals = BUILTINS.map((name) => `${name} = globalThis.${name}`).join(', ');
    const install = vm.runInContext(
      `(function () {\nvar ${locals};\n${runtimeBundle()}\nreturn ${RUNTIME_GLOBAL};\n})()`,
      this.context,
      {
        filename: 'emulator-runtime.js',
      },
    ) as { createRuntime(o: RuntimeOptions): EmulatorControl };
    delete (this.context as Record<string, unknown>)[RUNTIME_GLOBAL];
    const runtimeOptions: RuntimeOptions = {
      wallStartMs: start,
      timeZone: this.timeZone,
      userEmail: options.userEmail ?? DEFAULT_USER,
      seed: options.seed ?? 1,
      htmlFiles: htmlFiles(buildDir),
      renderPdf: renderPdfSync,
      scopes: options.scopes === undefined ? (manifest.oauthScopes ?? null) : options.scopes,
      ...(options.account ? { account: options.account } : {}),
      ...(options.costProfile ? { costProfile: options.costProfile } : {}),
      ...(options.echoLogs ? { echo: (line: string) => console.log(line) } : {}),
    };
    this.control = install.createRuntime(runtimeOptions);
    vm.runInContext(fs.readFileSync(codePath, 'utf8'), this.context, { filename: path.basename(codePath) });
  }

  private result(o: Outcome): RunResult {
    return {
      name: o.handler,
      kind: o.kind,
      value: toHost(o.value),
      ...(o.record.error !== undefined ? { error: o.record.error } : {}),
      simulatedMs: o.record.simulatedMs,
    };
  }

  /** Runs a top-level function of Code.js as one execution (menu items, sidebar calls, `direct` by default). */
  run(fnName: string, event?: unknown, kind: ExecutionKind = 'direct'): RunResult {
    return this.result(this.control.person.run(fnName, event, kind));
  }
  hasFunction(name: string): boolean {
    return typeof (this.context as Record<string, unknown>)[name] === 'function';
  }

  /** The sheet's data range as `getValues()` gives it, in host values: date cells are host `Date`s (real instants). */
  values(sheetName: string, spreadsheetId?: string): unknown[][] {
    return toHost(this.control.sheets.values(sheetName, spreadsheetId)) as unknown[][];
  }
  /** The embedded charts of a sheet: type, options, position and the values of their ranges as they are now. */
  charts(sheetName: string, spreadsheetId?: string): ChartDefinition[] {
    return toHost(this.control.sheets.charts(sheetName, spreadsheetId)) as ChartDefinition[];
  }
  displayValues(sheetName: string, spreadsheetId?: string): string[][] {
    return toHost(this.control.sheets.displayValues(sheetName, spreadsheetId)) as string[][];
  }
  sheetNames(spreadsheetId?: string): string[] {
    return [...this.control.sheets.sheetNames(spreadsheetId)];
  }
  /** Types values at `a1` (the top-left cell) as a person would; fires no trigger. */
  setValues(sheetName: string, a1: string, rows: unknown[][], spreadsheetId?: string): void {
    this.control.person.type(sheetName, a1, rows, spreadsheetId);
  }
  /** A person's edit or paste at `a1`: then the simple onEdit, installable ON_EDIT and ON_CHANGE (EDIT) triggers run. */
  edit(sheetName: string, a1: string, rows: unknown[][], spreadsheetId?: string): RunResult[] {
    return this.control.person.edit(sheetName, a1, rows, spreadsheetId).map((o) => this.result(o));
  }
  /** A person deletes rows: onEdit does not fire; installable ON_CHANGE triggers get changeType REMOVE_ROW. */
  deleteRows(sheetName: string, start: number, count: number, spreadsheetId?: string): RunResult[] {
    return this.control.person.deleteRows(sheetName, start, count, spreadsheetId).map((o) => this.result(o));
  }
  /** A person deletes a tab: no onEdit; installable ON_CHANGE triggers get REMOVE_GRID. */
  deleteSheet(sheetName: string, spreadsheetId?: string): RunResult[] {
    return this.control.person.deleteSheet(sheetName, spreadsheetId).map((o) => this.result(o));
  }
  /** A person opens the workbook: simple onOpen (LIMITED) and installable ON_OPEN triggers. */
  open(spreadsheetId?: string): RunResult[] {
    return this.control.person.open(spreadsheetId).map((o) => this.result(o));
  }
  fireTimeTriggers(): RunResult[] {
    return this.control.person.fireTimeTriggers().map((o) => this.result(o));
  }
  /** Another workbook the script may open by id (e.g. a campus workbook for the district). */
  createSpreadsheet(name: string): string {
    return this.control.sheets.createBook(name);
  }
  get activeSpreadsheetId(): string {
    return this.control.sheets.activeId;
  }

  get ui() {
    const state = this.control.ui;
    return {
      menus: state.menus,
      shown: state.shown,
      sidebars: state.shown.filter((s) => s.kind === 'sidebar'),
      alerts: state.alerts,
      toasts: state.toasts,
      queueAlertResponse: (button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE') =>
        void state.alertAnswers.push(button),
      queuePromptResponse: (text: string, button: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE' = 'OK') =>
        void state.promptAnswers.push({ text, button }),
    };
  }

  /**
   * Makes the `nth` next call of `method` throw `message`: before the call, or with `{ after: true }` once its
   * effect happened (the mail sent, the file created); `{ kill: true }` ends the execution as the time limit does.
   */
  injectFault(method: string, nth: number, message: string, options?: FaultOptions): void {
    this.control.rt.injectFault(method, nth, message, options);
  }
  /** The execution dies right after the `nth` effect of `method` (e.g. a `MailApp.sendEmail` that was sent). */
  crashAfter(method: string, nth: number): void {
    this.control.rt.injectFault(method, nth, 'Exceeded maximum execution time', { after: true, kill: true });
  }
  /** Side effects completed per method since the last counter reset (the points `crashAfter` can use). */
  effectCounts(): Record<string, number> {
    return Object.fromEntries(this.control.rt.effects);
  }
  /** Writes the Drive files that match `filter` (a folder, a MIME type, created since) to `dir`; returns the paths. */
  writeDriveFiles(dir: string, filter: FileFilter = {}): Promise<string[]> {
    return exportFiles((this.control as unknown as OtherServicesControl).drive, dir, filter);
  }
  /**
   * Someone deletes a Drive file for good (emptied from the trash): `DriveApp.getFileById` then throws Drive's
   * "No item with the given ID…" and `DocumentApp.openById` "Document is missing…". A trashed file stays openable.
   */
  deleteDriveFile(id: string): void {
    const drive = (this.control as unknown as OtherServicesControl).drive;
    if (!drive.files.delete(id)) throw new Error(`no Drive file ${id}`);
    drive.documents.docs.delete(id);
  }
  /** Writes every message sent so far (or from index `from` on) to `dir` as `.eml` files; returns the paths. */
  writeOutbox(dir: string, from = 0): Promise<string[]> {
    return exportOutbox(this.control.outbox.slice(from), dir, from + 1);
  }
  counts(): Record<string, number> {
    return Object.fromEntries(this.control.rt.calls);
  }
  simulatedSeconds(): number {
    return this.control.rt.totalMs / 1000;
  }
  logs(): string[] {
    return this.control.logs.map((l) => l.message);
  }
  printStats(write: (line: string) => void = (l) => console.log(l)): void {
    const rt = this.control.rt;
    write(`simulated ${(rt.totalMs / 1000).toFixed(1)} s over ${rt.executions.length} executions`);
    for (const e of rt.executions)
      write(`  ${e.kind} ${e.name}: ${(e.simulatedMs / 1000).toFixed(2)} s${e.error ? ` (${e.error})` : ''}`);
    const calls = [...rt.calls.entries()].sort((a, b) => b[1] - a[1]);
    for (const [method, n] of calls) write(`  ${method} x${n}`);
  }
  /** Lets simulated time pass between executions. */
  advance(ms: number): void {
    this.control.rt.wallStartMs += ms;
  }
  /** The next day at 08:00 in the time zone; daily quotas start over. */
  newDay(): void {
    const now = this.control.rt.wallNow();
    const day = new Date(now + 86_400_000).toLocaleDateString('en-CA', { timeZone: this.timeZone });
    this.control.rt.wallStartMs += zonedMs(day, 8, this.timeZone) - now;
    this.control.rt.newDay();
  }
  setUser(email: string): void {
    this.control.session.activeUserEmail = email;
  }
  async loadXlsx(file: string, spreadsheetId?: string): Promise<void> {
    this.control.sheets.importBook(await loadXlsx(file), spreadsheetId);
  }
  async saveXlsx(file: string, spreadsheetId?: string): Promise<void> {
    await saveXlsx(toHost(this.control.sheets.exportBook(spreadsheetId)) as never, file);
  }
}

/** A synchronous emulator (no xlsx loading). */
export function createEmulatorSync(options: EmulatorOptions = {}): Emulator {
  if (options.xlsxPath) throw new Error('xlsxPath needs createEmulator (async)');
  return new Emulator(options);
}

/** Creates an emulator and, with `xlsxPath`, loads that workbook as the bound spreadsheet. */
export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = new Emulator(options);
  if (options.xlsxPath) await emu.loadXlsx(options.xlsxPath);
  return emu;
}
