// Emulated Docs elements: Paragraph, Table, TableCell, PageBreak and Text (editAsText), over the document model.
// Runs inside the vm context: no Node APIs.
import { gasError, loud, type Runtime } from './core';
import {
  cloneBlock,
  type Alignment,
  type Heading,
  type ParagraphBlock,
  type TableBlock,
} from './document-model';
import { re2ToRegExp, replaceIn } from './document-replace';
import {
  attributeIndices,
  deleteRich,
  getStyle,
  insertRich,
  replaceRich,
  setRich,
  setStyle,
  type StyleKey,
} from './document-text';

/** Something that can say whether its document is still open (throws Apps Script's message when closed). */
export interface DocSession {
  rt: Runtime;
  check(): void;
  /** Elements of a `copy()`: they have no parent yet, so a body may append them. */
  detached?: boolean;
}

/** A document that is not open anywhere: what `copy()` returns (a detached element can be edited freely). */
export function detachedSession(rt: Runtime): DocSession {
  return { rt, check: () => undefined, detached: true };
}

type TextMethods =
  | 'getText'
  | 'setText'
  | 'replaceText'
  | 'appendText'
  | 'insertText'
  | 'deleteText'
  | 'isBold'
  | 'setBold'
  | 'isItalic'
  | 'setItalic'
  | 'isUnderline'
  | 'setUnderline'
  | 'getTextAttributeIndices'
  | 'getType';

/** The rich text of one paragraph (what `Paragraph.editAsText()` returns): text with bold, italic, underline. */
export class EmuText implements Pick<GoogleAppsScript.Document.Text, TextMethods> {
  constructor(
    private readonly s: DocSession,
    private readonly block: ParagraphBlock,
  ) {}
  private use(method: string): ParagraphBlock {
    this.s.rt.call(`Text.${method}`);
    this.s.check();
    return this.block;
  }
  private self(): GoogleAppsScript.Document.Text {
    return this as unknown as GoogleAppsScript.Document.Text;
  }
  private range(start: number, endInclusive: number): void {
    const n = this.block.text.length;
    if (!(start >= 0 && endInclusive < n && start <= endInclusive)) throw gasError('Index out of bounds.');
  }
  getText(): string {
    return this.use('getText').text;
  }
  setText(text: string): GoogleAppsScript.Document.Text {
    setRich(this.use('setText'), String(text), []);
    return this.self();
  }
  appendText(text: string): GoogleAppsScript.Document.Text {
    const b = this.use('appendText');
    insertRich(b, b.text.length, String(text));
    return this.self();
  }
  insertText(offset: number, text: string): GoogleAppsScript.Document.Text {
    const b = this.use('insertText');
    if (!(offset >= 0 && offset <= b.text.length)) throw gasError('Index out of bounds.');
    insertRich(b, offset, String(text));
    return this.self();
  }
  deleteText(startOffset: number, endOffsetInclusive: number): GoogleAppsScript.Document.Text {
    const b = this.use('deleteText');
    this.range(startOffset, endOffsetInclusive);
    deleteRich(b, startOffset, endOffsetInclusive);
    return this.self();
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    replaceRich(this.use('replaceText'), re2ToRegExp(searchPattern), String(replacement));
    return this as unknown as GoogleAppsScript.Document.Element;
  }
  private flag(method: string, key: StyleKey, offset?: number): boolean | null {
    const b = this.use(method);
    if (offset !== undefined && !(offset >= 0 && offset < b.text.length))
      throw gasError('Index out of bounds.');
    return getStyle(b, key, offset);
  }
  private set(
    method: string,
    key: StyleKey,
    a: unknown,
    end?: number,
    value?: boolean,
  ): GoogleAppsScript.Document.Text {
    const b = this.use(method);
    if (typeof a === 'boolean' || a === null) setStyle(b, key, a === true);
    else {
      this.range(Number(a), Number(end));
      setStyle(b, key, value === true, Number(a), Number(end));
    }
    return this.self();
  }
  isBold(offset?: number): boolean {
    return this.flag('isBold', 'bold', offset) as boolean;
  }
  setBold(a: boolean | number, end?: number, bold?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setBold', 'bold', a, end, bold);
  }
  isItalic(offset?: number): boolean {
    return this.flag('isItalic', 'italic', offset) as boolean;
  }
  setItalic(a: boolean | number, end?: number, italic?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setItalic', 'italic', a, end, italic);
  }
  isUnderline(offset?: number): boolean {
    return this.flag('isUnderline', 'underline', offset) as boolean;
  }
  setUnderline(a: boolean | number, end?: number, underline?: boolean): GoogleAppsScript.Document.Text {
    return this.set('setUnderline', 'underline', a, end, underline);
  }
  getTextAttributeIndices(): number[] {
    return attributeIndices(this.use('getTextAttributeIndices'));
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'TEXT' as unknown as GoogleAppsScript.Document.ElementType;
  }
}

export class EmuParagraph implements Pick<
  GoogleAppsScript.Document.Paragraph,
  | 'getText'
  | 'setText'
  | 'setHeading'
  | 'getHeading'
  | 'setAlignment'
  | 'getAlignment'
  | 'setSpacingAfter'
  | 'editAsText'
  | 'replaceText'
  | 'getNumChildren'
  | 'getChild'
  | 'copy'
  | 'getType'
  | 'asParagraph'
> {
  constructor(
    private readonly s: DocSession,
    readonly block: ParagraphBlock,
  ) {}
  /** Whether this paragraph has no parent (a `copy()`), so it may be appended to a body. */
  get detached(): boolean {
    return this.s.detached === true;
  }
  static wrap(s: DocSession, block: ParagraphBlock): GoogleAppsScript.Document.Paragraph {
    return loud(new EmuParagraph(s, block), 'Paragraph') as unknown as GoogleAppsScript.Document.Paragraph;
  }
  private use(method: string): void {
    this.s.rt.call(`Paragraph.${method}`);
    this.s.check();
  }
  private text(): GoogleAppsScript.Document.Text {
    return loud(new EmuText(this.s, this.block), 'Text') as unknown as GoogleAppsScript.Document.Text;
  }
  getText(): string {
    this.use('getText');
    return this.block.text;
  }
  setText(text: string): void {
    this.use('setText');
    setRich(this.block, String(text), []);
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): GoogleAppsScript.Document.Paragraph {
    this.use('setHeading');
    this.block.heading = String(heading) as Heading;
    return this as unknown as GoogleAppsScript.Document.Paragraph;
  }
  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    this.use('getHeading');
    return this.block.heading as unknown as GoogleAppsScript.Document.ParagraphHeading;
  }
  setAlignment(
    alignment: GoogleAppsScript.Document.HorizontalAlignment,
  ): GoogleAppsScript.Document.Paragraph {
    this.use('setAlignment');
    this.block.alignment = String(alignment) as Alignment;
    return this as unknown as GoogleAppsScript.Document.Paragraph;
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    this.use('getAlignment');
    return this.block.alignment as unknown as GoogleAppsScript.Document.HorizontalAlignment;
  }
  /** Sets the spacing after the paragraph, in points (Apps Script: "Sets the spacing after the element, in points"). */
  setSpacingAfter(spacingAfter: number): GoogleAppsScript.Document.Paragraph {
    this.use('setSpacingAfter');
    const n = Number(spacingAfter);
    if (typeof spacingAfter !== 'number' || !Number.isFinite(n) || n < 0)
      throw gasError(`Invalid argument: spacingAfter (${String(spacingAfter)}).`);
    this.block.spacingAfter = n;
    return this as unknown as GoogleAppsScript.Document.Paragraph;
  }
  editAsText(): GoogleAppsScript.Document.Text {
    this.use('editAsText');
    return this.text();
  }
  /** A paragraph with text holds one Text element (formatting runs are inside it); an empty one holds none. */
  getNumChildren(): number {
    this.use('getNumChildren');
    return this.block.text === '' ? 0 : 1;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    this.use('getChild');
    if (childIndex !== 0 || this.block.text === '') throw gasError('Child index out of bounds.');
    return this.text() as unknown as GoogleAppsScript.Document.Element;
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.use('replaceText');
    replaceRich(this.block, re2ToRegExp(searchPattern), String(replacement));
    return this as unknown as GoogleAppsScript.Document.Element;
  }
  /** A detached deep copy (insert it with `Body.appendParagraph(copy)`). */
  copy(): GoogleAppsScript.Document.Paragraph {
    this.use('copy');
    return EmuParagraph.wrap(detachedSession(this.s.rt), cloneBlock(this.block));
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'PARAGRAPH' as unknown as GoogleAppsScript.Document.ElementType;
  }
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this as unknown as GoogleAppsScript.Document.Paragraph;
  }
}

export class EmuTableCell implements Pick<
  GoogleAppsScript.Document.TableCell,
  'getText' | 'setText' | 'getType'
> {
  constructor(
    private readonly s: DocSession,
    private readonly block: TableBlock,
    private readonly r: number,
    private readonly c: number,
  ) {}
  getText(): string {
    this.s.rt.call('TableCell.getText');
    this.s.check();
    return this.block.rows[this.r]?.[this.c] ?? '';
  }
  setText(text: string): GoogleAppsScript.Document.TableCell {
    this.s.rt.call('TableCell.setText');
    this.s.check();
    const row = this.block.rows[this.r];
    if (row) row[this.c] = String(text);
    return this as unknown as GoogleAppsScript.Document.TableCell;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE_CELL' as unknown as GoogleAppsScript.Document.ElementType;
  }
}

export class EmuTable implements Pick<
  GoogleAppsScript.Document.Table,
  | 'getNumRows'
  | 'getCell'
  | 'getText'
  | 'replaceText'
  | 'getType'
  | 'asTable'
  | 'copy'
  | 'setColumnWidth'
  | 'getColumnWidth'
> {
  constructor(
    private readonly s: DocSession,
    readonly block: TableBlock,
  ) {}
  /** Whether this table has no parent (a `copy()`), so it may be appended to a body. */
  get detached(): boolean {
    return this.s.detached === true;
  }
  static wrap(s: DocSession, block: TableBlock): GoogleAppsScript.Document.Table {
    return loud(new EmuTable(s, block), 'Table') as unknown as GoogleAppsScript.Document.Table;
  }
  getNumRows(): number {
    this.s.rt.call('Table.getNumRows');
    this.s.check();
    return this.block.rows.length;
  }
  getCell(rowIndex: number, cellIndex: number): GoogleAppsScript.Document.TableCell {
    this.s.rt.call('Table.getCell');
    this.s.check();
    if (this.block.rows[rowIndex]?.[cellIndex] === undefined) throw gasError('Child index out of bounds.');
    return loud(
      new EmuTableCell(this.s, this.block, rowIndex, cellIndex),
      'TableCell',
    ) as unknown as GoogleAppsScript.Document.TableCell;
  }
  getText(): string {
    this.s.rt.call('Table.getText');
    this.s.check();
    return this.block.rows.map((r) => r.join('\t')).join('\n');
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.s.rt.call('Table.replaceText');
    this.s.check();
    const re = re2ToRegExp(searchPattern);
    this.block.rows = this.block.rows.map((row) =>
      row.map((cell) => replaceIn(cell, re, String(replacement))),
    );
    return this as unknown as GoogleAppsScript.Document.Element;
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'TABLE' as unknown as GoogleAppsScript.Document.ElementType;
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this as unknown as GoogleAppsScript.Document.Table;
  }
  /** Sets a column's width in points (Apps Script: `Table.setColumnWidth(columnIndex, width)`; returns the table). */
  setColumnWidth(columnIndex: number, width: number): GoogleAppsScript.Document.Table {
    this.s.rt.call('Table.setColumnWidth');
    this.s.check();
    const cols = Math.max(0, ...this.block.rows.map((r) => r.length));
    if (!Number.isInteger(columnIndex) || columnIndex < 0 || columnIndex >= cols)
      throw gasError('Child index out of bounds.');
    if (typeof width !== 'number' || !Number.isFinite(width) || width <= 0)
      throw gasError(`Invalid argument: width`);
    const widths = this.block.widths ?? [];
    while (widths.length < cols) widths.push(null);
    widths[columnIndex] = width;
    this.block.widths = widths;
    return this as unknown as GoogleAppsScript.Document.Table;
  }
  /** A column's width in points, or null when none was set (Docs then shares the page's width). */
  getColumnWidth(columnIndex: number): number {
    this.s.rt.call('Table.getColumnWidth');
    this.s.check();
    return (this.block.widths?.[columnIndex] ?? null) as number;
  }
  /** A detached deep copy (insert it with `Body.appendTable(copy)`). */
  copy(): GoogleAppsScript.Document.Table {
    this.s.rt.call('Table.copy');
    this.s.check();
    return EmuTable.wrap(detachedSession(this.s.rt), cloneBlock(this.block));
  }
}

/** The enums DocumentApp exposes, as their names (Apps Script enum values print as their names). */
export function documentEnums(): Record<
  'ParagraphHeading' | 'HorizontalAlignment' | 'ElementType',
  Record<string, string>
> {
  const names = (list: string[]): Record<string, string> => Object.fromEntries(list.map((k) => [k, k]));
  return {
    ParagraphHeading: names([
      'NORMAL',
      'HEADING1',
      'HEADING2',
      'HEADING3',
      'HEADING4',
      'HEADING5',
      'HEADING6',
      'TITLE',
      'SUBTITLE',
    ]),
    HorizontalAlignment: names(['LEFT', 'CENTER', 'RIGHT', 'JUSTIFY']),
    ElementType: names([
      'BODY_SECTION',
      'PARAGRAPH',
      'TABLE',
      'TABLE_ROW',
      'TABLE_CELL',
      'PAGE_BREAK',
      'TEXT',
      'LIST_ITEM',
    ]),
  };
}
