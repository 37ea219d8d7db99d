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
  // The add-on's time triggers: the schedule's, and the nightly one of versions before the schedule.
  const clockTriggers = () =>
    ScriptApp.getProjectTriggers().filter(
      (t) =>
        t.getEventType() === ScriptApp.EventType.CLOCK &&
        [TRIGGERS.schedule, TRIGGERS.nightly].includes(t.getHandlerFunction() as never),
    );
  return {
    ensureInstalled(): string[] {
      // This workbook's edit and change triggers.
      const existing = new Set(
        ScriptApp.getUserTriggers(ss).map((t) => `${t.getHandlerFunction()}|${String(t.getEventType())}`),
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
      return installed;
    },
    scheduleInstalled(): boolean {
      return clockTriggers().some((t) => t.getHandlerFunction() === TRIGGERS.schedule);
    },
    installSchedule(): boolean {
      const clock = clockTriggers();
      // An Editor add-on may have one time trigger per user and document, run at most hourly (Editor add-on
      // trigger restrictions): the nightly trigger of an older version goes, its job is in the schedule.
      for (const t of clock) if (t.getHandlerFunction() === TRIGGERS.nightly) ScriptApp.deleteTrigger(t);
      if (clock.some((t) => t.getHandlerFunction() === TRIGGERS.schedule)) return false;
      ScriptApp.newTrigger(TRIGGERS.schedule).timeBased().everyHours(1).create();
      return true;
    },
    removeSchedule(): number {
      const clock = clockTriggers();
      for (const t of clock) ScriptApp.deleteTrigger(t);
      return clock.length;
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
