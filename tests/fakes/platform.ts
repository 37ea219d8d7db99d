// Fakes of the small platform ports that keep state: a clock that is set, a lock that knows when it is held or busy,
// triggers installed once each, and document properties.
import { createHmac } from 'node:crypto';
import type { DayKey } from '../../src/domain/types';
import { TRIGGERS } from '../../src/entrypoints/menu';
import type { Clock, DocumentStore, Lock, Triggers } from '../../src/ports/platform';
import { LockBusyError } from '../../src/ports/platform';
import type { ArchivedEntry, RecordArchive, Sealer, UserSession } from '../../src/ports/record';
import type { ExportCopies } from '../../src/ports/files';

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
    for (const handler of [TRIGGERS.onEdit, TRIGGERS.onChange]) {
      if (this.installed.includes(handler)) continue;
      this.installed.push(handler);
      lines.push(`installed the ${handler} trigger`);
    }
    return lines;
  }

  scheduleInstalled(): boolean {
    return this.installed.includes(TRIGGERS.schedule);
  }

  installSchedule(): boolean {
    if (this.scheduleInstalled()) return false;
    this.installed.push(TRIGGERS.schedule);
    return true;
  }

  removeSchedule(): number {
    const at = this.installed.indexOf(TRIGGERS.schedule);
    if (at < 0) return 0;
    this.installed.splice(at, 1);
    return 1;
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

/** An HMAC-SHA256 seal with a fixed test secret (the Apps Script adapter keeps a random one in script properties). */
export class HmacSealer implements Sealer {
  constructor(private readonly secret = 'test-secret') {}

  seal(text: string): string {
    return createHmac('sha256', this.secret).update(text, 'utf8').digest('base64url').slice(0, 24);
  }
}

/** The add-on's copy of its sealed entries, as files saved one after the other. */
export class MemoryArchive implements RecordArchive {
  readonly files: { day: string; entries: ArchivedEntry[] }[] = [];

  save(entries: ArchivedEntry[], day: string): void {
    this.files.push({ day, entries: entries.map((e) => ({ ...e })) });
  }

  read(seqs: readonly number[]): ArchivedEntry[] {
    const wanted = new Set(seqs);
    return this.files.flatMap((f) =>
      f.entries.filter((e) => wanted.has(Number(e.entryId.slice(1)))).map((e) => ({ ...e })),
    );
  }
}

/** The signed-in user, as a test sets them ('' for an account Apps Script gives no email for). */
export class FakeSession implements UserSession {
  constructor(
    public current = 'clerk@district.example.org',
    public owner = 'clerk@district.example.org',
  ) {}

  email(): string {
    return this.current;
  }

  workbookOwner(): string {
    return this.owner;
  }
}

/** The add-on's copies of imported exports, kept in memory (as driveExportCopies keeps them in Drive). */
export class MemoryCopies implements ExportCopies {
  readonly kept: { name: string; rows: string[][] }[] = [];

  keep(name: string, rows: string[][]): string {
    this.kept.push({ name, rows: rows.map((r) => [...r]) });
    return `"${name}" in the Drive folder "Attendance Steps record – test"`;
  }
}
