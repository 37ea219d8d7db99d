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
import { DriveStore } from './drive-store';
import { linkSpreadsheetsToDrive } from './spreadsheet-drive';
import { installGlobalServices, loud } from './apps-script-surface';
import { installScriptDate } from './script-date';
import { setPdfRenderer, type PdfRenderer } from './pdf';

export interface RuntimeOptions {
  /** Epoch ms at which the emulated wall clock starts. */
  wallStartMs: number;
  /** The spreadsheet's and the script's time zone (appsscript.json `timeZone`). */
  timeZone: string;
  userEmail: string;
  effectiveUserEmail?: string;
  locale?: string;
  /** Seeds `Utilities.getUuid` and the Drive ids (files, folders, documents, spreadsheets). */
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
  /** Renders PDF exports synchronously (the host's `renderPdfSync`, emulator/host/pdf-sync.ts); without it they throw. */
  renderPdf?: PdfRenderer;
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

export function createRuntime(options: RuntimeOptions): EmulatorControl {
  const g = globalThis as unknown as Record<string, unknown>;
  const rt = new Runtime({ ...costsAt(options.costProfile ?? 'mid'), ...options.costs }, options.wallStartMs);
  installScriptDate(g, rt, options.timeZone);
  setPdfRenderer(options.renderPdf ?? null, () => rt.wallNow());
  const owner = options.effectiveUserEmail ?? options.userEmail;
  const session = {
    activeUserEmail: options.userEmail,
    effectiveUserEmail: owner,
    scriptTimeZone: options.timeZone,
    locale: options.locale ?? 'en',
  };
  // One Drive store for files, folders, documents and spreadsheets: every workbook is a Drive file.
  const drive = new DriveStore(
    () => session.effectiveUserEmail,
    () => rt.wallNow(),
    options.seed >>> 0,
  );
  const state: SheetsState = {
    books: new Map(),
    activeId: '',
    scopes: options.scopes ?? null,
    owner,
    timeZone: options.timeZone,
    nextId: () => drive.newId('google'),
  };
  linkSpreadsheetsToDrive(state, drive);
  state.activeId = newBook(state, options.spreadsheetName ?? 'Attendance Steps').id;
  const ui = newUiState();
  const logs: LogEntry[] = [];
  const ctl = {
    rt,
    realm: { Date: g.Date as DateConstructor, Array, Object, Error },
    session,
    drive,
    outbox: [],
    triggers: [],
    account: options.account ?? 'workspace',
    ...(options.scriptId ? { scriptId: options.scriptId } : {}),
    ui,
    logs,
    blobs: { newBlob, registerBlobConverter },
  } as unknown as EmulatorControl;
  ctl.sheets = new SheetsHost(state, rt);
  ctl.person = new PersonActions(rt, ctl, state, ui, g);
  g.SpreadsheetApp = makeSpreadsheetApp(rt, state, ui);
  g.Session = makeSession(rt, ctl.session);
  g.Utilities = makeUtilities(rt, options.seed);
  g.HtmlService = makeHtmlService(rt, options.htmlFiles);
  g.Logger = loud(makeLogger(rt, logs, options.echo), 'Logger');
  g.console = loud(makeConsole(rt, logs, options.echo), 'console');
  installOtherServices(ctl, g);
  installGlobalServices(g);
  return ctl;
}
