// Adapter to the shared Blob (blob.ts): builds blobs for Drive, Docs and mail, reads any blob a script passes in,
// and registers the text/HTML → PDF conversion for `Blob.getAs('application/pdf')`. No Node APIs here.
import { gasError } from './core';
import { FakeBlob, registerBlobConverter, wrapBlob } from './blob';
import { paragraph, type Heading, type ParagraphBlock } from './document-model';
import { toUnsigned, utf8Decode } from './utilities-bytes';
import { renderPdf } from './pdf';

/** What this module needs of a blob. */
export interface BlobData {
  name: string;
  contentType: string;
  /** Unsigned bytes (0..255). */
  bytes: number[];
}

export function makeBlob(data: BlobData): GoogleAppsScript.Base.Blob {
  return wrapBlob(new FakeBlob(data.bytes, data.contentType, data.name));
}

/** Reads any blob or blob source the script hands over (a Blob, a File, a Document, an HtmlOutput). */
export function readBlob(source: unknown): BlobData {
  const s = source as Partial<GoogleAppsScript.Base.Blob> | null;
  if (!s || typeof s !== 'object') throw gasError('Invalid argument: blob');
  const blob = typeof s.getBytes === 'function' ? s : typeof s.getBlob === 'function' ? s.getBlob() : null;
  if (!blob || typeof blob.getBytes !== 'function') throw gasError('Invalid argument: blob');
  return {
    name: String(blob.getName?.() ?? 'Untitled'),
    contentType: String(blob.getContentType?.() ?? 'application/octet-stream'),
    bytes: toUnsigned(Array.from(blob.getBytes())),
  };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** An HTML page's text with its character references decoded: named (the common ones) and numeric. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] !== '#') return ENTITIES[e.toLowerCase()] ?? m;
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

const HTML_HEADINGS: Record<string, Heading> = { h1: 'HEADING1', h2: 'HEADING2', h3: 'HEADING3' };
/**
 * A browser's default margin after a block, in points at the sizes the PDF is drawn with: a paragraph 1em (11 pt
 * text), h1 0.67em of 20 pt, h2 0.83em of 16 pt, h3 1em of 14 pt (adjacent margins collapse, so the gap between
 * two paragraphs is one margin). A div, list item, table row or line break has none.
 */
const HTML_MARGIN: Record<string, number> = { p: 11, h1: 13.4, h2: 13.3, h3: 14, h4: 11, h5: 11, h6: 11 };

/**
 * The paragraphs of an HTML page: scripts and styles dropped, a paragraph per block (p, div, h1–h6, li, tr, br),
 * h1–h3 as headings, tags dropped, white space collapsed and character references decoded; paragraphs and headings
 * keep a browser's default margin after them.
 */
function htmlParagraphs(html: string): ParagraphBlock[] {
  const body = html.replace(/<(script|style|head)[\s\S]*?<\/\1>/gi, '');
  const out: ParagraphBlock[] = [];
  const re = /<(h[1-6])\b[^>]*>([\s\S]*?)<\/\1>|<br\s*\/?>|<\/(p|div|li|tr)>/gi;
  let last = 0;
  // HTML's white space (line breaks included) is one space, and an empty block takes no room.
  const flush = (chunk: string, heading: Heading = 'NORMAL', margin?: number) => {
    const text = decodeEntities(chunk.replace(/<[^>]*>/g, ''))
      .replace(/[ \t\r\n]+/g, ' ')
      .trim();
    if (text === '') return;
    const block = paragraph(text, heading);
    block.spacingAfter = margin ?? 0;
    out.push(block);
  };
  for (let m = re.exec(body); m; m = re.exec(body)) {
    // Text closed by </p> takes a paragraph's margin; text cut by a line break, a heading or another block none.
    flush(body.slice(last, m.index), 'NORMAL', m[3]?.toLowerCase() === 'p' ? HTML_MARGIN.p : 0);
    const h = m[1]?.toLowerCase();
    if (h) flush(m[2]!, HTML_HEADINGS[h] ?? 'NORMAL', HTML_MARGIN[h]);
    last = m.index + m[0].length;
  }
  flush(body.slice(last));
  return out;
}

/** Text and HTML blobs convert to PDF, as Apps Script's `getAs('application/pdf')` does for them. */
registerBlobConverter((blob, contentType) => {
  const from = blob.getContentType() ?? '';
  if (contentType !== 'application/pdf' || !/^text\/(plain|html)/.test(from)) return null;
  const text = utf8Decode(blob.bytes);
  const blocks = from.startsWith('text/html')
    ? htmlParagraphs(text)
    : text.split('\n').map((t) => paragraph(t.trim()));
  const name = (blob.getName() ?? 'Untitled').replace(/\.[^.]*$/, '');
  return new FakeBlob(renderPdf(blocks, name), 'application/pdf', `${name}.pdf`);
});
