// The workbook schema as data: tabs and their columns (header, kind, dropdown, help), declared once and used by
// setup, reading, writing and the docs.

/** How a column's cells are read and formatted. */
export type ColumnKind = 'text' | 'date' | 'datetime' | 'number' | 'percent' | 'yesno';

export interface ColumnDef {
  header: string;
  kind: ColumnKind;
  /** A row without a value here is a data problem. */
  required: boolean;
  /** Dropdown values; a function of the settings when they come from the policy (codes, types, roles). */
  options?: OptionsSource;
  help: string;
  width?: number;
}

/** Where a column's dropdown comes from: a fixed list or a named list the setup derives from the policy. */
export type OptionsSource = readonly string[] | 'codes' | 'documentationTypes' | 'outcomes' | 'roles';

export interface TabDef<C extends Record<string, ColumnDef> = Record<string, ColumnDef>> {
  name: string;
  columns: C;
  /** `script` tabs are written only by the add-on and protected against hand edits. */
  owner: 'people' | 'script';
  help: string;
}

type ColumnOptions = Partial<Omit<ColumnDef, 'header' | 'kind'>>;

function column<K extends ColumnKind>(kind: K) {
  return (header: string, options: ColumnOptions = {}): ColumnDef & { kind: K } => ({
    header,
    kind,
    required: options.required ?? false,
    help: options.help ?? '',
    ...(options.options ? { options: options.options } : {}),
    ...(options.width ? { width: options.width } : {}),
  });
}

export const text = column('text');
export const date = column('date');
export const datetime = column('datetime');
export const number = column('number');
export const percent = column('percent');
export const yesno = column('yesno');

export function defineTab<C extends Record<string, ColumnDef>>(
  name: string,
  owner: 'people' | 'script',
  help: string,
  columns: C,
): TabDef<C> {
  return { name, owner, help, columns };
}

/** Pixels a column of each kind needs for its usual value (a date `2026-11-20` needs about 80 at 10 pt). */
const KIND_WIDTHS: Record<ColumnKind, number> = {
  text: 110,
  date: 100,
  datetime: 150,
  number: 70,
  percent: 80,
  yesno: 60,
};

/** Pixels a header needs in bold (about 8 a character, plus the filter button's room). */
const headerWidth = (header: string): number => header.length * 8 + 24;

/** A column's width: its own when declared, else what its kind and its header need. */
export function columnWidth(column: ColumnDef): number {
  return column.width ?? Math.max(KIND_WIDTHS[column.kind], headerWidth(column.header));
}

/** The column keys of a tab, in sheet order. */
export function columnKeys<C extends Record<string, ColumnDef>>(tab: TabDef<C>): (keyof C & string)[] {
  return Object.keys(tab.columns) as (keyof C & string)[];
}

/** The header row of a tab, in sheet order. */
export function headers(tab: TabDef): string[] {
  return Object.values(tab.columns).map((c) => c.header);
}
