// Fakes of the small platform ports that keep state: a clock that is set, a lock that knows when it is held or busy,
// triggers installed once each, and document properties.
import type { DayKey } from '../../src/domain/types';
import { TRIGGERS } from '../../src/entrypoints/menu';
import type { Clock, DocumentStore, Lock, Triggers } from '../../src/ports/platform';
import { LockBusyError } from '../../src/ports/platform';

export class FixedClock implements Clock {
  constructor(
    private day: DayKey,
    private time = `${day} 08:00`,
  ) {}

  today(): DayKey {
    return this.day;
  }

  now(): string {
    return this.time;
  }

  /** Moves the clock (the time defaults to 08:00 of the new day). */
  set(day: DayKey, time = `${day} 08:00`): void {
    this.day = day;
    this.time = time;
  }
}

/** A lock held while `fn` runs; made `busy`, it refuses as LockService does after its wait. */
export class MemoryLock implements Lock {
  held = false;
  timesHeld = 0;
  busy = false;

  withLock<T>(fn: () => T): T {
    if (this.busy || this.held) throw new LockBusyError();
    this.held = true;
    this.timesHeld++;
    try {
      return fn();
    } finally {
      this.held = false;
    }
  }
}

/** The add-on's triggers, installed once each (as ScriptApp would list them). */
export class MemoryTriggers implements Triggers {
  readonly installed: string[] = [];

  ensureInstalled(): string[] {
    const lines: string[] = [];
    for (const handler of Object.values(TRIGGERS)) {
      if (this.installed.includes(handler)) continue;
      this.installed.push(handler);
      lines.push(`installed the ${handler} trigger`);
    }
    return lines;
  }
}

export class MemoryStore implements DocumentStore {
  readonly values = new Map<string, string>();

  get(key: string): string | null {
    return this.values.get(key) ?? null;
  }

  set(key: string, value: string): void {
    this.values.set(key, value);
  }
}
