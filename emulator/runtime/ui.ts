// Ui of the spreadsheet: menus, sidebars and dialogs recorded for the host; alerts and prompts answered from a queue.
import { EmulatorError, gasError, loud, type ApiShape, type Runtime } from './core';
import type { Toast } from './spreadsheet-book';

export type MenuItem =
  | { kind: 'item'; caption: string; functionName: string }
  | { kind: 'separator' }
  | { kind: 'submenu'; menu: MenuRecord };

export interface MenuRecord {
  title: string;
  addon: boolean;
  items: MenuItem[];
}

export interface ShownHtml {
  kind: 'sidebar' | 'modal' | 'modeless';
  title: string;
  content: string;
  width?: number;
  height?: number;
  atMs: number;
}

export interface AlertRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: string;
  answer: string;
  text?: string;
}

/** The Ui part of the Control: what the script showed and the answers the host queued. */
export interface UiState {
  menus: MenuRecord[];
  shown: ShownHtml[];
  alerts: AlertRecord[];
  toasts: Toast[];
  alertAnswers: string[];
  promptAnswers: { button: string; text: string }[];
}

export const newUiState = (): UiState => ({
  menus: [],
  shown: [],
  alerts: [],
  toasts: [],
  alertAnswers: [],
  promptAnswers: [],
});

export const Button = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
export const ButtonSet = {
  OK: 'OK',
  OK_CANCEL: 'OK_CANCEL',
  YES_NO: 'YES_NO',
  YES_NO_CANCEL: 'YES_NO_CANCEL',
} as const;

type U = GoogleAppsScript.Base.Ui;
type M = GoogleAppsScript.Base.Menu;

class FakeMenu implements ApiShape<M, 'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'> {
  constructor(
    private readonly state: UiState,
    readonly record: MenuRecord,
  ) {}
  addItem(caption: string, functionName: string): FakeMenu {
    this.record.items.push({ kind: 'item', caption, functionName });
    return this;
  }
  addSeparator(): FakeMenu {
    this.record.items.push({ kind: 'separator' });
    return this;
  }
  addSubMenu(menu: M): FakeMenu {
    this.record.items.push({ kind: 'submenu', menu: (menu as unknown as FakeMenu).record });
    return this;
  }
  addToUi(): void {
    const i = this.state.menus.findIndex(
      (m) => m.title === this.record.title && m.addon === this.record.addon,
    );
    if (i >= 0) this.state.menus.splice(i, 1, this.record);
    else this.state.menus.push(this.record);
  }
}

/** Simulated time a person takes to read and answer a dialog (it counts toward the execution's limit). */
const ANSWER_MS = 'Ui.answer';

class FakeUi implements ApiShape<
  U,
  | 'createMenu'
  | 'createAddonMenu'
  | 'showSidebar'
  | 'showModalDialog'
  | 'showModelessDialog'
  | 'alert'
  | 'prompt'
> {
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;
  constructor(
    private readonly rt: Runtime,
    private readonly state: UiState,
  ) {}
  createMenu(caption: string): M {
    return loud(
      new FakeMenu(this.state, { title: caption, addon: false, items: [] }),
      'Menu',
    ) as unknown as M;
  }
  createAddonMenu(): M {
    return loud(new FakeMenu(this.state, { title: '', addon: true, items: [] }), 'Menu') as unknown as M;
  }
  private show(kind: ShownHtml['kind'], html: unknown, title?: string): void {
    this.rt.call(`Ui.show`);
    const h = html as { getContent(): string; getTitle(): string; getWidth?(): number; getHeight?(): number };
    this.state.shown.push({
      kind,
      title: title ?? h.getTitle(),
      content: h.getContent(),
      ...(h.getWidth ? { width: h.getWidth() } : {}),
      ...(h.getHeight ? { height: h.getHeight() } : {}),
      atMs: this.rt.wallNow(),
    });
  }
  showSidebar(userInterface: unknown): void {
    this.show('sidebar', userInterface);
  }
  showModalDialog(userInterface: unknown, title: string): void {
    this.show('modal', userInterface, title);
  }
  showModelessDialog(userInterface: unknown, title: string): void {
    this.show('modeless', userInterface, title);
  }
  /** alert(prompt), alert(prompt, buttons), alert(title, prompt, buttons). */
  alert(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.Button {
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), String(c)] : ['', a, b === undefined ? 'OK' : String(b)];
    this.rt.call('Ui.alert');
    let answer = this.state.alertAnswers.shift();
    if (answer === undefined) {
      if (buttons !== 'OK')
        throw new EmulatorError(
          `no answer queued for alert "${prompt}" (${buttons}): use ui.queueAlertResponse`,
        );
      answer = 'OK';
    }
    this.rt.call(ANSWER_MS);
    this.state.alerts.push({ kind: 'alert', title, prompt, buttons, answer });
    return answer as unknown as GoogleAppsScript.Base.Button;
  }
  /** prompt(prompt), prompt(prompt, buttons), prompt(title, prompt, buttons). */
  prompt(a: string, b?: unknown, c?: unknown): GoogleAppsScript.Base.PromptResponse {
    const [title, prompt, buttons] =
      c !== undefined ? [a, String(b), String(c)] : ['', a, b === undefined ? 'OK' : String(b)];
    this.rt.call('Ui.prompt');
    const answer = this.state.promptAnswers.shift();
    if (!answer)
      throw new EmulatorError(`no answer queued for prompt "${prompt}": use ui.queuePromptResponse`);
    this.rt.call(ANSWER_MS);
    this.state.alerts.push({
      kind: 'prompt',
      title,
      prompt,
      buttons,
      answer: answer.button,
      text: answer.text,
    });
    return loud(
      { getResponseText: () => answer.text, getSelectedButton: () => answer.button },
      'PromptResponse',
    ) as unknown as GoogleAppsScript.Base.PromptResponse;
  }
}

/** `SpreadsheetApp.getUi()`: not available to time-driven executions, as in Apps Script. */
export function getUi(rt: Runtime, state: UiState): U {
  rt.call('SpreadsheetApp.getUi');
  if (rt.executing === 'time-trigger')
    throw gasError('Cannot call SpreadsheetApp.getUi() from this context.');
  return loud(new FakeUi(rt, state), 'Ui') as unknown as U;
}
