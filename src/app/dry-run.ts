// A run that writes nothing: the workbook, store and archive seen through decorators that read the real ones and
// keep every write to themselves, so that a use case can be asked what it would do (the Apply Settings preview).
import type { DocumentStore } from '../ports/platform';
import type { ArchivedEntry, RecordArchive } from '../ports/record';
import type { ColumnDef, TabDef } from '../ports/schema';
import type { DropdownLists, RowOf, SheetRow, Workbook } from '../ports/workbook';

/** Reads go to the real workbook; `replace` and `append` are kept by tab name; every other write is dropped. */
export class DryRunWorkbook implements Workbook {
  /** The rows a `replace` would have written, by tab name. */
  readonly replaced = new Map<string, unknown[]>();
  /** The rows `append` would have added, by tab name. */
  readonly appended = new Map<string, unknown[]>();

  constructor(private readonly real: Workbook) {}

  timeZone(): string {
    return this.real.timeZone();
  }
  hasTab(tab: TabDef): boolean {
    return this.real.hasTab(tab);
  }
  read<C extends Record<string, ColumnDef>>(tab: TabDef<C>, only?: (keyof C & string)[]): SheetRow<C>[] {
    return this.real.read(tab, only);
  }
  find<C extends Record<string, ColumnDef>>(tab: TabDef<C>, column: keyof C & string, values: string[]) {
    return this.real.find(tab, column, values);
  }
  columnOf(tab: TabDef, column: string): number {
    return this.real.columnOf(tab, column);
  }
  rowsAt<C extends Record<string, ColumnDef>>(tab: TabDef<C>, start: number, count: number) {
    return this.real.rowsAt(tab, start, count);
  }
  readRaw(name: string) {
    return this.real.readRaw(name);
  }
  forgetSizes(): void {
    this.real.forgetSizes();
  }
  replace<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    this.replaced.set(tab.name, [...rows]);
  }
  append<C extends Record<string, ColumnDef>>(tab: TabDef<C>, rows: RowOf<C>[]): void {
    this.appended.set(tab.name, [...(this.appended.get(tab.name) ?? []), ...rows]);
  }
  update(): void {}
  fill(): void {}
  sort(): void {}
  deleteRows(): void {}
  writeColumn(): void {}
  writeRaw(): void {}
  ensureTab(_tab: TabDef, _lists: DropdownLists): string[] {
    return [];
  }
}

/** Reads the real store unless this run set the key; sets stay here. */
export class DryRunStore implements DocumentStore {
  private readonly own = new Map<string, string>();

  constructor(private readonly real: DocumentStore) {}

  get(key: string): string | null {
    return this.own.has(key) ? this.own.get(key)! : this.real.get(key);
  }
  set(key: string, value: string): void {
    this.own.set(key, value);
  }
}

/** The real copy to read; nothing saved. */
export class DryRunArchive implements RecordArchive {
  constructor(private readonly real: RecordArchive) {}

  save(_entries: ArchivedEntry[], _day: string): void {}
  read(seqs: readonly number[]): ArchivedEntry[] {
    return this.real.read(seqs);
  }
}
