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

export interface ParagraphBlock {
  kind: 'paragraph';
  text: string;
  heading: Heading;
  alignment: Alignment;
  /** A paragraph that holds a page break (what `Body.appendPageBreak()` adds). */
  pageBreak?: boolean;
}

export interface TableBlock {
  kind: 'table';
  rows: string[][];
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
}

export function paragraph(
  text: string,
  heading: Heading = 'NORMAL',
  alignment: Alignment = 'LEFT',
): ParagraphBlock {
  return { kind: 'paragraph', text, heading, alignment };
}

export function cloneBlocks(blocks: readonly Block[]): Block[] {
  return blocks.map((b) =>
    b.kind === 'table' ? { kind: 'table', rows: b.rows.map((r) => [...r]) } : { ...b },
  );
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
    for (const doc of this.docs.values()) {
      if (doc.working) doc.saved = cloneBlocks(doc.working);
      doc.working = null;
    }
  }
}
