// What the add-on needs from the spreadsheet's user interface: menus, alerts, toasts and the sidebar.

export interface MenuBuilder {
  addItem(label: string, functionName: string): MenuBuilder;
  addSeparator(): MenuBuilder;
  addToUi(): void;
}

export interface Ui {
  createMenu(title: string): MenuBuilder;
  /** A modal message with an OK button. */
  alert(title: string, message: string): void;
  /** A yes/no question; true for yes. */
  confirm(title: string, message: string): boolean;
  toast(message: string, title?: string): void;
  /** Shows an HTML page in a modal dialog (its script calls the server through google.script.run). */
  showDialog(html: string, title: string, width: number, height: number): void;
  /** Asks for a line of text; null when the person cancels. */
  prompt(title: string, message: string): string | null;
}
