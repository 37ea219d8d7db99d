// Small ports for the platform around the workbook: the school's clock, the document lock and triggers.
import type { DayKey } from '../domain/types';

export interface Clock {
  /** Today in the school's time zone. */
  today(): DayKey;
  /** Now as `yyyy-MM-dd HH:mm` in the school's time zone. */
  now(): string;
}

export interface Lock {
  /**
   * Runs `fn` holding the workbook's lock, so that two recalculations or imports never interleave.
   * Throws LockBusyError when another run held it for too long.
   */
  withLock<T>(fn: () => T): T;
}

export class LockBusyError extends Error {
  constructor() {
    super(
      'Another Attendance Steps task is running in this workbook. Try again in a minute; nothing was changed.',
    );
    this.name = 'LockBusyError';
  }
}

/** Functions that Apps Script calls by name from the triggers the add-on installs. */
export const TRIGGERS = {
  onEdit: 'onEditInstalled',
  onChange: 'onChangeInstalled',
  nightly: 'nightlyRecalculation',
  /** The schedule's one hourly time trigger, which runs the jobs of src/app/schedule.ts when due. */
  schedule: 'runSchedule',
} as const;

/** The add-on's installable triggers, each installed once. */
export interface Triggers {
  /** Installs the edit and change triggers that are missing and returns a line for each trigger installed. */
  ensureInstalled(): string[];
  /** Whether this person's schedule trigger is installed. */
  scheduleInstalled(): boolean;
  /**
   * Installs the schedule's trigger unless it is there (never twice), replacing a time trigger of an older version
   * (the nightly run is one of the schedule's jobs). True when it was installed now.
   */
  installSchedule(): boolean;
  /** Removes this person's time triggers of the add-on; how many were removed. */
  removeSchedule(): number;
}

/** Small values kept with the workbook (the layout version): document properties. */
export interface DocumentStore {
  get(key: string): string | null;
  set(key: string, value: string): void;
}

/** Tells the person whose trigger failed, by email: never student data, only what failed, when and where. */
export interface FailureMail {
  send(subject: string, body: string): void;
}
