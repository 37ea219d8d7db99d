// Emulated DocumentApp, Document and Body over the shared Drive/Docs store.
// Runs inside the vm context: no Node APIs.
import { gasError, loud, type Runtime } from './core';
import { makeBlob } from './drive-blob';
import {
  DEFAULT_PAGE,
  blockText,
  cloneBlock,
  cloneBlocks,
  paragraph,
  saveDoc,
  type Block,
  type DocRecord,
  type PageSetup,
} from './document-model';
import { re2ToRegExp, replaceIn } from './document-replace';
import { replaceRich } from './document-text';
import { EmuParagraph, EmuTable, documentEnums, type DocSession } from './document-elements';
import { DriveStore, GOOGLE_DOC } from './drive-store';
import { renderPdf } from './pdf';

/** Quota name in `rt.quotas` (Apps Script quotas page: docs created 250 a day consumer, 1,500 Workspace). */
export const DOCS_QUOTA = 'documents created a day';
export const DOCS_QUOTA_MESSAGE = 'Service invoked too many times for one day: docs create.';
export const DOC_MISSING_MESSAGE =
  "Document is missing (perhaps it was deleted, or you don't have read access?)";
export const DOC_CLOSED_MESSAGE = 'Document is closed, its contents cannot be updated.';
/** Appending an element that already has a parent (observed wording; the reference asks for `copy()` first). */
export const DETACHED_MESSAGE = 'Element must be detached.';

/** PDF export of a saved document body, as a Blob named like Drive names exports. */
export function pdfBlob(
  store: DriveStore,
  id: string,
  blocks: readonly Block[],
  page: PageSetup = DEFAULT_PAGE,
): GoogleAppsScript.Base.Blob {
  const name = store.file(id).name;
  return makeBlob({
    name: `${name}.pdf`,
    contentType: 'application/pdf',
    bytes: renderPdf(blocks, name, page),
  });
}

class Session implements DocSession {
  closed = false;
  constructor(
    readonly rt: Runtime,
    readonly rec: DocRecord,
  ) {}
  check(): void {
    if (this.closed) throw gasError(DOC_CLOSED_MESSAGE);
  }
  /** The blocks being edited (re-opened from the saved content after the execution flushed them). */
  get blocks(): Block[] {
    if (!this.rec.working) this.rec.working = cloneBlocks(this.rec.saved);
    return this.rec.working;
  }
  /** The page set-up being edited. */
  get page(): PageSetup {
    if (!this.rec.workingPage) this.rec.workingPage = { ...(this.rec.page ?? DEFAULT_PAGE) };
    return this.rec.workingPage;
  }
}

/** A body that belongs to no document: what `Body.copy()` returns. */
function detachedBody(rt: Runtime, blocks: Block[], page: PageSetup): Session {
  const rec: DocRecord = { id: '', saved: [], working: blocks, workingPage: page };
  return new Session(rt, rec);
}

type PageKey = keyof PageSetup;

type BodyMethods =
  | 'getText'
  | 'setText'
  | 'editAsText'
  | 'replaceText'
  | 'appendParagraph'
  | 'appendPageBreak'
  | 'appendTable'
  | 'getParagraphs'
  | 'getNumChildren'
  | 'getChild'
  | 'clear'
  | 'copy'
  | 'getPageWidth'
  | 'getPageHeight'
  | 'getMarginTop'
  | 'getMarginBottom'
  | 'getMarginLeft'
  | 'getMarginRight'
  | 'setPageWidth'
  | 'setPageHeight'
  | 'setMarginTop'
  | 'setMarginBottom'
  | 'setMarginLeft'
  | 'setMarginRight'
  | 'getType';

export class EmuBody implements Pick<GoogleAppsScript.Document.Body, BodyMethods> {
  constructor(private readonly s: Session) {}
  private use(method: string, units = 0): Block[] {
    this.s.rt.call(`Body.${method}`, units);
    this.s.check();
    return this.s.blocks;
  }
  private wrap(block: Block): GoogleAppsScript.Document.Element {
    return (block.kind === 'table'
      ? EmuTable.wrap(this.s, block)
      : EmuParagraph.wrap(this.s, block)) as unknown as GoogleAppsScript.Document.Element;
  }
  getText(): string {
    return this.use('getText').map(blockText).join('\n');
  }
  setText(text: string): GoogleAppsScript.Document.Body {
    const blocks = this.use('setText');
    blocks.splice(
      0,
      blocks.length,
      ...String(text)
        .split('\n')
        .map((t) => paragraph(t)),
    );
    return this as unknown as GoogleAppsScript.Document.Body;
  }
  editAsText(): GoogleAppsScript.Document.Text {
    this.use('editAsText');
    const text = { getText: () => this.getText(), setText: (t: string) => this.setText(t) };
    return loud(text, 'Text') as unknown as GoogleAppsScript.Document.Text;
  }
  replaceText(searchPattern: string, replacement: string): GoogleAppsScript.Document.Element {
    const blocks = this.use('replaceText', this.s.blocks.length);
    const re = re2ToRegExp(searchPattern);
    for (const b of blocks) {
      if (b.kind === 'table') b.rows = b.rows.map((r) => r.map((c) => replaceIn(c, re, String(replacement))));
      else replaceRich(b, re, String(replacement));
    }
    return this as unknown as GoogleAppsScript.Document.Element;
  }
  appendParagraph(
    textOrParagraph: string | GoogleAppsScript.Document.Paragraph,
  ): GoogleAppsScript.Document.Paragraph {
    const blocks = this.use('appendParagraph');
    const source = textOrParagraph as unknown as {
      block?: Block;
      detached?: boolean;
      getText?: () => string;
    };
    // An element that is part of a body (its own or a Body.copy()) must be copied first (Element.copy()).
    if (typeof textOrParagraph !== 'string' && source.block && !source.detached)
      throw gasError(DETACHED_MESSAGE);
    const block =
      typeof textOrParagraph === 'string'
        ? paragraph(textOrParagraph)
        : source.block?.kind === 'paragraph'
          ? { ...cloneBlock(source.block), pageBreak: false }
          : paragraph(String(source.getText?.() ?? ''));
    blocks.push(block);
    return EmuParagraph.wrap(this.s, block);
  }
  appendPageBreak(): GoogleAppsScript.Document.PageBreak {
    this.use('appendPageBreak').push({ ...paragraph(''), pageBreak: true });
    return loud(
      { getType: () => 'PAGE_BREAK' },
      'PageBreak',
    ) as unknown as GoogleAppsScript.Document.PageBreak;
  }
  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table): GoogleAppsScript.Document.Table {
    const blocks = this.use('appendTable');
    const source = cells as unknown as { block?: Block; detached?: boolean } | undefined;
    if (source && !Array.isArray(cells) && source.block?.kind === 'table') {
      if (!source.detached) throw gasError(DETACHED_MESSAGE);
      const copy = cloneBlock(source.block);
      blocks.push(copy);
      return EmuTable.wrap(this.s, copy);
    }
    const rows = Array.isArray(cells) ? cells.map((r) => r.map((c) => String(c))) : [];
    if (rows.some((r) => r.length !== (rows[0]?.length ?? 0)))
      throw gasError('All rows must have the same number of cells.');
    const block: Block = { kind: 'table', rows };
    blocks.push(block);
    return EmuTable.wrap(this.s, block);
  }
  getParagraphs(): GoogleAppsScript.Document.Paragraph[] {
    return this.use('getParagraphs').flatMap((b) =>
      b.kind === 'paragraph' ? [EmuParagraph.wrap(this.s, b)] : [],
    );
  }
  getNumChildren(): number {
    return this.use('getNumChildren').length;
  }
  getChild(childIndex: number): GoogleAppsScript.Document.Element {
    const block = this.use('getChild')[childIndex];
    if (!block) throw gasError('Child index out of bounds.');
    return this.wrap(block);
  }
  clear(): GoogleAppsScript.Document.Body {
    const blocks = this.use('clear');
    blocks.splice(0, blocks.length, paragraph(''));
    return this as unknown as GoogleAppsScript.Document.Body;
  }
  /** A detached deep copy of the body (its children can be appended to another body). */
  copy(): GoogleAppsScript.Document.Body {
    const blocks = this.use('copy');
    const session = detachedBody(this.s.rt, cloneBlocks(blocks), { ...this.s.page });
    return loud(new EmuBody(session), 'Body') as unknown as GoogleAppsScript.Document.Body;
  }
  private pageGet(method: string, key: PageKey): number {
    this.use(method);
    return this.s.page[key];
  }
  private pageSet(method: string, key: PageKey, value: number): GoogleAppsScript.Document.Body {
    this.use(method);
    const v = Number(value);
    if (!Number.isFinite(v) || v < 0) throw gasError(`Invalid argument: ${key}`);
    this.s.page[key] = v;
    return this as unknown as GoogleAppsScript.Document.Body;
  }
  getPageWidth(): number {
    return this.pageGet('getPageWidth', 'width');
  }
  getPageHeight(): number {
    return this.pageGet('getPageHeight', 'height');
  }
  getMarginTop(): number {
    return this.pageGet('getMarginTop', 'marginTop');
  }
  getMarginBottom(): number {
    return this.pageGet('getMarginBottom', 'marginBottom');
  }
  getMarginLeft(): number {
    return this.pageGet('getMarginLeft', 'marginLeft');
  }
  getMarginRight(): number {
    return this.pageGet('getMarginRight', 'marginRight');
  }
  setPageWidth(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setPageWidth', 'width', v);
  }
  setPageHeight(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setPageHeight', 'height', v);
  }
  setMarginTop(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setMarginTop', 'marginTop', v);
  }
  setMarginBottom(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setMarginBottom', 'marginBottom', v);
  }
  setMarginLeft(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setMarginLeft', 'marginLeft', v);
  }
  setMarginRight(v: number): GoogleAppsScript.Document.Body {
    return this.pageSet('setMarginRight', 'marginRight', v);
  }
  getType(): GoogleAppsScript.Document.ElementType {
    return 'BODY_SECTION' as unknown as GoogleAppsScript.Document.ElementType;
  }
}

type DocMethods = 'getId' | 'getName' | 'getUrl' | 'getBody' | 'saveAndClose' | 'getAs' | 'getBlob';

export class EmuDocument implements Pick<GoogleAppsScript.Document.Document, DocMethods> {
  private readonly s: Session;
  constructor(
    rt: Runtime,
    private readonly store: DriveStore,
    rec: DocRecord,
  ) {
    this.s = new Session(rt, rec);
  }
  getId(): string {
    this.s.rt.call('Document.getId');
    return this.s.rec.id;
  }
  getName(): string {
    this.s.rt.call('Document.getName');
    return this.store.file(this.s.rec.id).name;
  }
  getUrl(): string {
    this.s.rt.call('Document.getUrl');
    return `https://docs.google.com/document/d/${this.s.rec.id}/edit`;
  }
  getBody(): GoogleAppsScript.Document.Body {
    this.s.rt.call('Document.getBody');
    this.s.check();
    return loud(new EmuBody(this.s), 'Body') as unknown as GoogleAppsScript.Document.Body;
  }
  saveAndClose(): void {
    this.s.rt.call('Document.saveAndClose');
    saveDoc(this.s.rec);
    this.s.closed = true;
    this.s.rt.effect('Document.saveAndClose');
  }
  /** The open document's current content as PDF (Drive's `File.getAs` sees only saved content). */
  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType !== 'application/pdf')
      throw gasError(`Converting from ${GOOGLE_DOC} to ${contentType} is not supported.`);
    const blocks = this.s.rec.working ?? this.s.rec.saved;
    this.s.rt.call('Document.getAs', blocks.length);
    const page = this.s.rec.workingPage ?? this.s.rec.page ?? DEFAULT_PAGE;
    return pdfBlob(this.store, this.s.rec.id, blocks, page);
  }
  getBlob(): GoogleAppsScript.Base.Blob {
    return this.getAs('application/pdf');
  }
}

type AppMethods = 'create' | 'openById' | 'openByUrl';

export class EmuDocumentApp implements Pick<GoogleAppsScript.Document.DocumentApp, AppMethods> {
  readonly ParagraphHeading: Record<string, string>;
  readonly HorizontalAlignment: Record<string, string>;
  readonly ElementType: Record<string, string>;
  constructor(
    private readonly rt: Runtime,
    private readonly store: DriveStore,
  ) {
    const enums = documentEnums();
    this.ParagraphHeading = enums.ParagraphHeading;
    this.HorizontalAlignment = enums.HorizontalAlignment;
    this.ElementType = enums.ElementType;
  }
  private open(id: string): GoogleAppsScript.Document.Document {
    const rec = this.store.documents.docs.get(String(id));
    if (!rec) throw gasError(DOC_MISSING_MESSAGE);
    return loud(
      new EmuDocument(this.rt, this.store, rec),
      'Document',
    ) as unknown as GoogleAppsScript.Document.Document;
  }
  create(name: string): GoogleAppsScript.Document.Document {
    this.rt.call('DocumentApp.create');
    if (this.rt.quotas.has(DOCS_QUOTA)) this.rt.useQuota(DOCS_QUOTA, 1);
    const doc = this.open(this.store.addDocument(String(name)));
    this.rt.effect('DocumentApp.create');
    return doc;
  }
  openById(id: string): GoogleAppsScript.Document.Document {
    this.rt.call('DocumentApp.openById');
    return this.open(id);
  }
  openByUrl(url: string): GoogleAppsScript.Document.Document {
    this.rt.call('DocumentApp.openByUrl');
    const id = /\/d\/([\w-]+)|[?&]id=([\w-]+)/.exec(String(url));
    if (!id) throw gasError(DOC_MISSING_MESSAGE);
    return this.open(id[1] ?? id[2] ?? '');
  }
}
