// Adapter to the shared Blob (blob.ts): builds blobs for Drive, Docs and mail, reads any blob a script passes in,
// and registers the text/HTML → PDF conversion for `Blob.getAs('application/pdf')`. No Node APIs here.
import { gasError } from './core';
import { FakeBlob, registerBlobConverter, wrapBlob } from './blob';
import { paragraph } from './document-model';
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

/** Plain text of an HTML page: tags dropped, block ends as line breaks, common entities decoded. */
function htmlText(html: string): string {
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' };
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>|<\/(p|div|h[1-6]|li|tr)>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&(amp|lt|gt|quot|#39|nbsp);/g, (_m, e: string) => entities[e] ?? '');
}

/** Text and HTML blobs convert to PDF, as Apps Script's `getAs('application/pdf')` does for them. */
registerBlobConverter((blob, contentType) => {
  const from = blob.getContentType() ?? '';
  if (contentType !== 'application/pdf' || !/^text\/(plain|html)/.test(from)) return null;
  const text = utf8Decode(blob.bytes);
  const lines = (from.startsWith('text/html') ? htmlText(text) : text)
    .split('\n')
    .map((t) => paragraph(t.trim()));
  const name = (blob.getName() ?? 'Untitled').replace(/\.[^.]*$/, '');
  return new FakeBlob(renderPdf(lines, name), 'application/pdf', `${name}.pdf`);
});
