// Installs DocumentApp, DriveApp, MailApp, GmailApp, LockService, PropertiesService, CacheService and ScriptApp
// on the vm context's globals and registers their state on the control. Runs inside the vm context: no Node APIs.
import { chargeConversions } from './blob';
import { loud, type Runtime } from './core';
import type { Control } from './control';
import { CacheState, EmuCacheService } from './cache-service';
import { OTHER_COSTS } from './costs-other';
import { DOCS_QUOTA, DOCS_QUOTA_MESSAGE, EmuDocumentApp } from './document-app';
import { EmuDriveApp } from './drive-app';
import { DriveStore } from './drive-store';
import { EmuLockService, LocksState } from './lock-service';
import { EMAIL_QUOTA, EMAIL_QUOTA_MESSAGE, EmuGmailApp, EmuMailApp } from './mail-app';
import { EmuPropertiesService, PropertiesState } from './properties-service';
import { EmuScriptApp } from './script-app';

export type AccountKind = 'consumer' | 'workspace';

/** Apps Script quotas page, daily: email recipients 100 / 1,500; documents created 250 / 1,500. */
export const OTHER_QUOTAS: Record<AccountKind, { email: number; docs: number }> = {
  consumer: { email: 100, docs: 250 },
  workspace: { email: 1500, docs: 1500 },
};

/** Sets the daily limits for a consumer or Workspace account (keeps what was used today). */
export function setAccountKind(rt: Runtime, kind: AccountKind): void {
  const limits = OTHER_QUOTAS[kind];
  const set = (name: string, limit: number, message: string): void => {
    const q = rt.quotas.get(name);
    if (q) q.limit = limit;
    else rt.quotas.set(name, { limit, used: 0, message });
  };
  set(EMAIL_QUOTA, limits.email, EMAIL_QUOTA_MESSAGE);
  set(DOCS_QUOTA, limits.docs, DOCS_QUOTA_MESSAGE);
}

/** What `installOtherServices` registers on the control (`ctl.drive`, `ctl.documents`, …). */
export interface OtherServicesControl {
  drive: DriveStore;
  documents: DriveStore['documents'];
  properties: PropertiesState;
  cache: CacheState;
  locks: LocksState;
  /** Call when an execution ends: saves open documents and releases the script's locks, as Apps Script does. */
  endExecutionOther: () => void;
}

/**
 * Installs the services on `g`. The account kind comes from `ctl.account` ('consumer' | 'workspace', default
 * 'workspace': the district's Workspace), the script id from `ctl.scriptId`, and the Drive store from `ctl.drive`
 * when one is set already.
 */
export function installOtherServices(ctl: Control, g: Record<string, unknown>): OtherServicesControl {
  const rt = ctl.rt;
  rt.addCosts(OTHER_COSTS);
  chargeConversions((blob) => rt.call('Blob.getAs', blob.bytes.length));
  setAccountKind(rt, ctl.account === 'consumer' ? 'consumer' : 'workspace');
  // The runtime entry makes the store first when spreadsheets are Drive files too (spreadsheet-drive.ts).
  const drive =
    ctl.drive instanceof DriveStore
      ? ctl.drive
      : new DriveStore(
          () => ctl.session.effectiveUserEmail,
          () => rt.wallNow(),
        );
  const parts: OtherServicesControl = {
    drive,
    documents: drive.documents,
    properties: new PropertiesState(),
    cache: new CacheState(),
    locks: new LocksState(rt),
    endExecutionOther: () => {
      drive.documents.flushAll();
      parts.locks.endExecution();
    },
  };
  Object.assign(ctl, parts);
  const scriptId =
    typeof ctl.scriptId === 'string' ? ctl.scriptId : '1EmuScriptAttendanceSteps000000000000000000000';
  g.DocumentApp = loud(new EmuDocumentApp(rt, drive), 'DocumentApp');
  g.DriveApp = loud(new EmuDriveApp(rt, drive), 'DriveApp');
  g.MailApp = loud(new EmuMailApp(ctl), 'MailApp');
  g.GmailApp = loud(new EmuGmailApp(ctl), 'GmailApp');
  g.LockService = loud(new EmuLockService(rt, parts.locks), 'LockService');
  g.PropertiesService = loud(new EmuPropertiesService(rt, parts.properties), 'PropertiesService');
  g.CacheService = loud(new EmuCacheService(rt, parts.cache), 'CacheService');
  g.ScriptApp = loud(new EmuScriptApp(ctl, scriptId), 'ScriptApp');
  return parts;
}
