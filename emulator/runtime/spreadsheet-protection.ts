// Protection of a sheet or a range: description, warning-only, editors (the owner always edits).
import { gasError, loud, type ApiShape, type Runtime } from './core';
import type { ProtectionModel, SheetModel } from './spreadsheet-model';

type P = GoogleAppsScript.Spreadsheet.Protection;
type Methods =
  | 'setDescription'
  | 'getDescription'
  | 'setWarningOnly'
  | 'isWarningOnly'
  | 'canEdit'
  | 'remove'
  | 'getEditors'
  | 'getProtectionType'
  | 'addEditor'
  | 'addEditors'
  | 'removeEditor'
  | 'removeEditors'
  | 'getRange'
  | 'setDomainEdit'
  | 'canDomainEdit';

/** What `getEmail()` of a user object gives; Apps Script users and plain strings both count. */
function emailOf(u: unknown): string {
  return typeof u === 'string' ? u : String((u as { getEmail(): string }).getEmail());
}

export function fakeUser(email: string): GoogleAppsScript.Base.User {
  return loud(
    {
      getEmail: () => email,
      getUsername: () => email.split('@')[0] ?? '',
      getNickname: () => email.split('@')[0] ?? '',
    },
    'User',
  ) as unknown as GoogleAppsScript.Base.User;
}

export class FakeProtection implements ApiShape<P, Methods> {
  constructor(
    private readonly rt: Runtime,
    readonly model: ProtectionModel,
  ) {}
  private get owner(): string {
    return this.model.sheet.book.owner;
  }
  setDescription(description: string): FakeProtection {
    this.rt.call('Protection.setDescription');
    this.model.description = description;
    return this;
  }
  getDescription(): string {
    return this.model.description;
  }
  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.rt.call('Protection.setWarningOnly');
    this.model.warningOnly = warningOnly;
    return this;
  }
  isWarningOnly(): boolean {
    return this.model.warningOnly;
  }
  setDomainEdit(_editable: boolean): FakeProtection {
    return this;
  }
  canDomainEdit(): boolean {
    return false;
  }
  canEdit(): boolean {
    this.rt.call('Protection.canEdit');
    return true; // the script runs as the owner or an editor in this emulator
  }
  remove(): void {
    this.rt.call('Protection.remove');
    this.model.removed = true;
    const list = this.model.sheet.book.protections;
    list.splice(list.indexOf(this.model), 1);
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    this.rt.call('Protection.getEditors');
    return [this.owner, ...this.model.editors.filter((e) => e !== this.owner)].map(fakeUser);
  }
  addEditor(emailAddress: unknown): FakeProtection {
    return this.addEditors([emailAddress as string]);
  }
  addEditors(emailAddresses: unknown[]): FakeProtection {
    this.rt.call('Protection.addEditors', emailAddresses.length);
    if (this.model.warningOnly) throw gasError('You cannot add editors to a warning-only protection.');
    for (const e of emailAddresses.map(emailOf))
      if (!this.model.editors.includes(e)) this.model.editors.push(e);
    return this;
  }
  removeEditor(emailAddress: unknown): FakeProtection {
    return this.removeEditors([emailAddress as string]);
  }
  removeEditors(emailAddresses: unknown[]): FakeProtection {
    this.rt.call('Protection.removeEditors', emailAddresses.length);
    const drop = new Set(emailAddresses.map(emailOf));
    this.model.editors = this.model.editors.filter((e) => !drop.has(e) || e === this.owner);
    return this;
  }
  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return this.model.type as unknown as GoogleAppsScript.Spreadsheet.ProtectionType;
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.model.sheet.fake as GoogleAppsScript.Spreadsheet.Sheet;
    const r = this.model.range;
    return r ? sheet.getRange(r.row, r.col, r.numRows, r.numCols) : sheet.getDataRange();
  }
}

/** Protects a sheet (no range) or a range; the new protection's editors are the owner and the effective user. */
export function protect(rt: Runtime, sheet: SheetModel, range?: ProtectionModel['range']): P {
  const model: ProtectionModel = {
    type: range ? 'RANGE' : 'SHEET',
    sheet,
    ...(range ? { range } : {}),
    description: '',
    warningOnly: false,
    editors: [sheet.book.owner],
    removed: false,
  };
  sheet.book.protections.push(model);
  return wrapProtection(rt, model);
}

export function wrapProtection(rt: Runtime, model: ProtectionModel): P {
  return loud(new FakeProtection(rt, model), 'Protection') as unknown as P;
}
