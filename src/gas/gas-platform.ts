// Clock, Lock and Triggers over Utilities, LockService and ScriptApp.
import type { DayKey } from '../domain/types';
import type { Clock, DocumentStore, Lock, Triggers } from '../ports/platform';
import { LockBusyError, TRIGGERS } from '../ports/platform';

/** How long to wait for the document lock: a recalculation of a large campus takes well under this. */
const LOCK_WAIT_MS = 30_000;

export function gasClock(timeZone: string): Clock {
  return {
    today: (): DayKey => Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd'),
    now: () => Utilities.formatDate(new Date(), timeZone, 'yyyy-MM-dd HH:mm'),
  };
}

export function documentLock(): Lock {
  return {
    withLock<T>(fn: () => T): T {
      const lock = LockService.getDocumentLock();
      if (!lock || !lock.tryLock(LOCK_WAIT_MS)) throw new LockBusyError();
      try {
        return fn();
      } finally {
        lock.releaseLock();
      }
    },
  };
}

export function scriptTriggers(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Triggers {
  return {
    ensureInstalled(): string[] {
      // This workbook's edit and change triggers, and the project's time trigger (not tied to a workbook).
      const clock = ScriptApp.getProjectTriggers().filter(
        (t) => t.getEventType() === ScriptApp.EventType.CLOCK,
      );
      const existing = new Set(
        [...ScriptApp.getUserTriggers(ss), ...clock].map(
          (t) => `${t.getHandlerFunction()}|${String(t.getEventType())}`,
        ),
      );
      const installed: string[] = [];
      const want = (
        handler: string,
        type: GoogleAppsScript.Script.EventType,
        create: () => void,
        what: string,
      ) => {
        if (existing.has(`${handler}|${String(type)}`)) return;
        create();
        installed.push(what);
      };
      want(
        TRIGGERS.onEdit,
        ScriptApp.EventType.ON_EDIT,
        () => ScriptApp.newTrigger(TRIGGERS.onEdit).forSpreadsheet(ss).onEdit().create(),
        'installed the edit trigger (recalculates the students whose rows change)',
      );
      want(
        TRIGGERS.onChange,
        ScriptApp.EventType.ON_CHANGE,
        () => ScriptApp.newTrigger(TRIGGERS.onChange).forSpreadsheet(ss).onChange().create(),
        'installed the change trigger (recalculates after rows are deleted)',
      );
      want(
        TRIGGERS.nightly,
        ScriptApp.EventType.CLOCK,
        () => ScriptApp.newTrigger(TRIGGERS.nightly).timeBased().everyDays(1).atHour(2).create(),
        'installed the nightly recalculation (about 2 a.m.)',
      );
      return installed;
    },
  };
}

export function documentStore(): DocumentStore {
  const props = PropertiesService.getDocumentProperties();
  return {
    get: (key) => props.getProperty(key),
    set: (key, value) => {
      props.setProperty(key, value);
    },
  };
}
