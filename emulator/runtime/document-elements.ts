// Emulated Docs elements: Paragraph, Table, TableCell, PageBreak and Text (editAsText), over the document model.
// Runs inside the vm context: no Node APIs.
import { gasError, loud, type Runtime } from './core';
import { type Alignment, type Heading, type ParagraphBlock, type TableBlock } from './document-model';
import { re2ToRegExp, replaceIn } from './document-replace';

/** Something that can say whether its document is still open (throws Apps Script's message when closed). */
export interface DocSession {
  rt: Runtime;
  check(): void;
}

/** A text holder: what `editAsText()` returns, over one or more text blocks. */
export class EmuText implements Pick<
  GoogleAppsScript.Document.Text,
  'getText' | 'setText' | 'replaceText' | 'appendText'
> {
  constructor(
    private readonly s: DocSession,
    private readonly get: () => string,
    private readonly set: (text: string) => void,
  ) {}
  getText(): string {
    this.s.rt.call('Text.getText');
    this.s.check();
    return this.get();
  }
  setText(text: string): GoogleAppsScript.Document.Text {
    this.s.rt.call('Text.setText');
    this.s.check();
    this.set(String(text));
    return this as unknown as GoogleAppsScript.Document.Text;
  }
  appendText(text: string): GoogleAppsScript.Document.Text {
    this.s.rt.call('Text.appendText');
    this.s.check();
    this.set(this.get() + String(text));
    return this as unknown as GoogleAppsScript.Document.Text;
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.s.rt.call('Text.replaceText');
    this.s.check();
    this.set(replaceIn(this.get(), re2ToRegExp(searchPattern), String(replacement)));
    return this as unknown as GoogleAppsScript.Document.Element;
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
  | 'editAsText'
  | 'replaceText'
  | 'getType'
  | 'asParagraph'
> {
  constructor(
    private readonly s: DocSession,
    readonly block: ParagraphBlock,
  ) {}
  static wrap(s: DocSession, block: ParagraphBlock): GoogleAppsScript.Document.Paragraph {
    return loud(new EmuParagraph(s, block), 'Paragraph') as unknown as GoogleAppsScript.Document.Paragraph;
  }
  private use(method: string): void {
    this.s.rt.call(`Paragraph.${method}`);
    this.s.check();
  }
  getText(): string {
    this.use('getText');
    return this.block.text;
  }
  setText(text: string): void {
    this.use('setText');
    this.block.text = String(text);
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
  editAsText(): GoogleAppsScript.Document.Text {
    this.use('editAsText');
    const text = new EmuText(
      this.s,
      () => this.block.text,
      (t) => (this.block.text = t),
    );
    return loud(text, 'Text') as unknown as GoogleAppsScript.Document.Text;
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    this.use('replaceText');
    this.block.text = replaceIn(this.block.text, re2ToRegExp(searchPattern), String(replacement));
    return this as unknown as GoogleAppsScript.Document.Element;
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
  'getNumRows' | 'getCell' | 'getText' | 'replaceText' | 'getType' | 'asTable'
> {
  constructor(
    private readonly s: DocSession,
    readonly block: TableBlock,
  ) {}
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
