// A sheet's developer metadata (key and value, as Sheet.addDeveloperMetadata stores them) and its basic filter.
import { gasError, loud, type Runtime } from './core';
import type { SheetModel } from './spreadsheet-model';

/** A basic filter's range, 1-based; Apps Script allows one per sheet. */
export interface FilterArea {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

class FakeDeveloperMetadata {
  constructor(
    private readonly model: SheetModel,
    private readonly entry: { key: string; value: string | null },
  ) {}
  getKey(): string {
    return this.entry.key;
  }
  getValue(): string | null {
    return this.entry.value;
  }
  setValue(value: string): FakeDeveloperMetadata {
    this.entry.value = value;
    return this;
  }
  remove(): void {
    const list = this.model.developerMetadata;
    list.splice(list.indexOf(this.entry), 1);
  }
}

export function addMetadata(rt: Runtime, model: SheetModel, key: string, value?: string): void {
  rt.call('Sheet.addDeveloperMetadata');
  model.developerMetadata.push({ key, value: value ?? null });
}

export function metadataOf(rt: Runtime, model: SheetModel): GoogleAppsScript.Spreadsheet.DeveloperMetadata[] {
  rt.call('Sheet.getDeveloperMetadata');
  return model.developerMetadata.map(
    (e) =>
      loud(
        new FakeDeveloperMetadata(model, e),
        'DeveloperMetadata',
      ) as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadata,
  );
}

class FakeFilter {
  constructor(private readonly model: SheetModel) {}
  remove(): void {
    this.model.filter = null;
  }
}

/** Range.createFilter: fails, as Apps Script does, when the sheet has a filter already. */
export function createFilter(
  rt: Runtime,
  model: SheetModel,
  area: FilterArea,
): GoogleAppsScript.Spreadsheet.Filter {
  rt.call('Range.createFilter');
  if (model.filter) throw gasError("You can't create a filter in a sheet that already has a filter.");
  model.filter = { ...area };
  return filterOf(model)!;
}

export function filterOf(model: SheetModel): GoogleAppsScript.Spreadsheet.Filter | null {
  return model.filter
    ? (loud(new FakeFilter(model), 'Filter') as unknown as GoogleAppsScript.Spreadsheet.Filter)
    : null;
}
