// Every global Apps Script calls: each is a few lines that compose adapters and call one use case.
import { gasUi } from '../gas/gas-ui';
import { buildMenu } from './menu';
import { aboutText } from '../app/about';

/** Simple trigger: adds the Attendance menu (runs in AuthMode.NONE before the add-on is authorized). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  buildMenu(gasUi());
}

/** Editor add-on install: the workbook is already open, so add the menu now. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

/** Menu: Attendance → About Attendance Steps. */
export function showAbout(): void {
  const about = aboutText();
  gasUi().alert(about.title, about.body);
}
