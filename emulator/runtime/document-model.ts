// The document store shared by the emulated DocumentApp and DriveApp: a body is a list of paragraphs and tables.
// Runs inside the vm context: no Node APIs.

export type Heading =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';
export type Alignment = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

/** Character formatting the model keeps (Docs' `Attribute.BOLD`, `ITALIC`, `UNDERLINE`). */
export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  heading: Heading;
  alignment: Alignment;
  /** A paragraph that holds a page break (what `Body.appendPageBreak()` adds). */
  pageBreak?: boolean;
  /**
   * Formatting of each character (UTF-16 index, same length as `text`); absent: all plain. Styles are shared
   * objects, never mutated in place (a change replaces the entry).
   */
  styles?: (TextStyle | null)[];
  /**
   * Space after the paragraph in points (`Paragraph.setSpacingAfter`, or a browser's margin for a paragraph of a
   * converted HTML page); absent: the style's default.
   */
  spacingAfter?: number;
}

/** Page size and margins in points (Body.setPageWidth, setMarginTop, …). */
export interface PageSetup {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
}

/** US Letter with 1-inch margins: Google Docs' default page set-up for US accounts. */
export const DEFAULT_PAGE: PageSetup = {
  width: 612,
  height: 792,
  marginTop: 72,
  marginBottom: 72,
  marginLeft: 72,
  marginRight: 72,
};

export interface TableBlock {
  kind: 'table';
  rows: string[][];
  /** Column widths in points set with `Table.setColumnWidth` (absent or null: the column shares what is left). */
  widths?: (number | null)[];
}

export type Block = ParagraphBlock | TableBlock;

export interface DocRecord {
  id: string;
  /** The saved content: what Drive sees (copies, PDF export). */
  saved: Block[];
  /**
   * Content being edited through an open `Document`; flushed by `saveAndClose()` or at the end of the
   * execution (`flushAll()`). Until then Drive still sees the saved content, as in Apps Script.
   */
  working: Block[] | null;
  /** Page set-up (saved with the body: edits apply to the working copy until saved). */
  page?: PageSetup;
  workingPage?: PageSetup | null;
}

export function paragraph(
  text: string,
  heading: Heading = 'NORMAL',
  alignment: Alignment = 'LEFT',
): ParagraphBlock {
  return { kind: 'paragraph', text, heading, alignment };
}

export function cloneBlock<T extends Block>(b: T): T {
  if (b.kind === 'table')
    return {
      kind: 'table',
      rows: b.rows.map((r) => [...r]),
      ...(b.widths ? { widths: [...b.widths] } : {}),
    } as T;
  const p = { ...b } as ParagraphBlock;
  if (p.styles) p.styles = [...p.styles];
  return p as T;
}

export function cloneBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map(cloneBlock);
}

/** Text of a block as `getText()` gives it: table cells tab-separated, rows on lines. */
export function blockText(block: Block): string {
  return block.kind === 'table' ? block.rows.map((r) => r.join('\t')).join('\n') : block.text;
}

/** Documents by id (the same ids as their Drive files). Host helpers: `text(id)`, `flushAll()`. */
export class DocumentsState {
  readonly docs = new Map<string, DocRecord>();

  /** Saved text of a document, paragraphs on lines (what a reader of the file would see). */
  text(id: string): string {
    const doc = this.docs.get(id);
    if (!doc) throw new Error(`no document ${id}`);
    return doc.saved.map(blockText).join('\n');
  }

  /** Saves every open document, as Apps Script does when an execution ends. */
  flushAll(): void {
    for (const doc of this.docs.values()) saveDoc(doc);
  }
}

/** Makes the working copy (body and page set-up) the saved content. */
export function saveDoc(doc: DocRecord): void {
  if (doc.working) doc.saved = cloneBlocks(doc.working);
  doc.working = null;
  if (doc.workingPage) doc.page = { ...doc.workingPage };
  doc.workingPage = null;
}
