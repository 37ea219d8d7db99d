// The Ui port through SpreadsheetApp.getUi() and Spreadsheet.toast.
import type { MenuBuilder, Ui } from '../ports/ui';

class SpreadsheetMenu implements MenuBuilder {
  constructor(private readonly menu: GoogleAppsScript.Base.Menu) {}
  addItem(label: string, functionName: string): MenuBuilder {
    this.menu.addItem(label, functionName);
    return this;
  }
  addSeparator(): MenuBuilder {
    this.menu.addSeparator();
    return this;
  }
  addToUi(): void {
    this.menu.addToUi();
  }
}

/** The spreadsheet's Ui. Safe in AuthMode.NONE for menus (onOpen before authorization). */
export function gasUi(): Ui {
  const ui = SpreadsheetApp.getUi();
  return {
    createMenu: (title) => new SpreadsheetMenu(ui.createMenu(title)),
    alert: (title, message) => {
      ui.alert(title, message, ui.ButtonSet.OK);
    },
    confirm: (title, message) => ui.alert(title, message, ui.ButtonSet.YES_NO) === ui.Button.YES,
    prompt: (title, message) => {
      const response = ui.prompt(title, message, ui.ButtonSet.OK_CANCEL);
      return response.getSelectedButton() === ui.Button.OK ? response.getResponseText() : null;
    },
    showDialog: (html, title, width, height) =>
      ui.showModalDialog(HtmlService.createHtmlOutput(html).setWidth(width).setHeight(height), title),
    toast: (message, title) =>
      SpreadsheetApp.getActiveSpreadsheet().toast(message, title ?? 'Attendance Steps'),
  };
}
