// Entry of the runtime bundle: creates the Runtime and Control and installs every service on the script's globalThis.
import { Runtime, type Cost } from './core';
import type { Control } from './control';
import { costsAt, type CostProfile } from './costs';
import { installOtherServices } from './services-other';
import { makeSpreadsheetApp, newBook, type SheetsState } from './spreadsheet-app';
import { SheetsHost } from './spreadsheet-control';
import { PersonActions } from './spreadsheet-events';
import { newUiState, type UiState } from './ui';
import { makeSession } from './session';
import { makeUtilities } from './utilities';
import { makeConsole, makeLogger, type LogEntry } from './utilities-log';
import { makeHtmlService } from './html';
import { newBlob, registerBlobConverter } from './blob';

export interface RuntimeOptions {
  /** Epoch ms at which the emulated wall clock starts. */
  wallStartMs: number;
  /** The spreadsheet's and the script's time zone (appsscript.json `timeZone`). */
  timeZone: string;
  userEmail: string;
  effectiveUserEmail?: string;
  locale?: string;
  /** Seeds `Utilities.getUuid` and the ids of spreadsheets. */
  seed: number;
  /** The build folder's .html files by name without extension. */
  htmlFiles: Record<string, string>;
  spreadsheetName?: string;
  /** The manifest's oauthScopes (null: every scope granted). */
  scopes?: string[] | null;
  /** Which end of the measured cost ranges the clock charges (default `mid`); `costs` entries override it. */
  costProfile?: CostProfile;
  costs?: Record<string, Cost>;
  /** 'consumer' or 'workspace' (default): the daily quotas of the other services. */
  account?: 'consumer' | 'workspace';
  scriptId?: string;
  /** Called with every Logger/console line (the host may print them). */
  echo?: (line: string) => void;
}

/** The Control this runtime hands to the host: the kernel's parts plus the spreadsheet, ui and log parts. */
export interface EmulatorControl extends Control {
  sheets: SheetsHost;
  person: PersonActions;
  ui: UiState;
  logs: LogEntry[];
  /** Blob helpers for the other services (they live in the same bundle, so they may also import blob.ts). */
  blobs: { newBlob: typeof newBlob; registerBlobConverter: typeof registerBlobConverter };
}

/** Replaces Date so that `new Date()` and `Date.now()` read the emulated clock; every Date stays `instanceof Date`. */
function installClock(g: Record<string, unknown>, rt: Runtime): DateConstructor {
  const RealDate = g.Date as DateConstructor;
  const clock = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      return Reflect.construct(target, args.length === 0 ? [rt.wallNow()] : args, newTarget);
    },
    apply() {
      return new RealDate(rt.wallNow()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => rt.wallNow();
      return Reflect.get(target, prop, receiver);
    },
  });
  g.Date = clock;
  return RealDate;
}

export function createRuntime(options: RuntimeOptions): EmulatorControl {
  const g = globalThis as unknown as Record<string, unknown>;
  const rt = new Runtime({ ...costsAt(options.costProfile ?? 'mid'), ...options.costs }, options.wallStartMs);
  installClock(g, rt);
  const owner = options.effectiveUserEmail ?? options.userEmail;
  let seq = options.seed >>> 0;
  const state: SheetsState = {
    books: new Map(),
    activeId: '',
    scopes: options.scopes ?? null,
    owner,
    timeZone: options.timeZone,
    nextId() {
      seq = (Math.imul(seq ^ (seq >>> 13), 0x5bd1e995) + 0x6b43a9b5) >>> 0;
      return `1emu${seq.toString(36).padStart(7, '0')}${'x'.repeat(33)}`.slice(0, 44);
    },
  };
  state.activeId = newBook(state, options.spreadsheetName ?? 'Attendance Steps').id;
  const ui = newUiState();
  const logs: LogEntry[] = [];
  const ctl = {
    rt,
    realm: { Date: g.Date as DateConstructor, Array, Object, Error },
    session: {
      activeUserEmail: options.userEmail,
      effectiveUserEmail: owner,
      scriptTimeZone: options.timeZone,
      locale: options.locale ?? 'en',
    },
    outbox: [],
    triggers: [],
    account: options.account ?? 'workspace',
    ...(options.scriptId ? { scriptId: options.scriptId } : {}),
    ui,
    logs,
    blobs: { newBlob, registerBlobConverter },
  } as unknown as EmulatorControl;
  ctl.sheets = new SheetsHost(state);
  ctl.person = new PersonActions(rt, ctl, state, ui, g);
  g.SpreadsheetApp = makeSpreadsheetApp(rt, state, ui);
  g.Session = makeSession(rt, ctl.session);
  g.Utilities = makeUtilities(rt, options.seed);
  g.HtmlService = makeHtmlService(rt, options.htmlFiles);
  g.Logger = makeLogger(rt, logs, options.echo);
  g.console = makeConsole(rt, logs, options.echo);
  installOtherServices(ctl, g);
  return ctl;
}
