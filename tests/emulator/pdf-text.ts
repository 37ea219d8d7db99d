// Test helper: what a PDF made by the emulator shows, read back with pdf-lib: page count, page size, and the text
// drawn on each page as lines (visual order, left to right), decoded through each font's ToUnicode map.
// `pdftotext` (poppler), when the machine has it, gives the reading order a person's viewer gives.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRawStream,
  PDFRef,
  decodePDFRawStream,
  type PDFObject,
} from 'pdf-lib';

export interface PdfPageText {
  width: number;
  height: number;
  /** Lines top to bottom; pieces on one line joined left to right (a right-to-left run reads reversed). */
  lines: string[];
  /** Every drawn piece with its position and the font's base name. */
  pieces: { text: string; x: number; y: number; font: string; size: number }[];
}

function streamText(pdf: PDFDocument, obj: PDFObject | undefined): string {
  const s = obj instanceof PDFRef ? pdf.context.lookup(obj) : obj;
  if (!(s instanceof PDFRawStream)) return '';
  return Buffer.from(decodePDFRawStream(s).decode()).toString('latin1');
}

function cmap(text: string): Map<number, string> {
  const map = new Map<number, string>();
  const utf16 = (h: string): string => {
    const b = Buffer.from(h, 'hex');
    let s = '';
    for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b.readUInt16BE(i));
    return s;
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g))
      map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
      const lo = parseInt(m[1] ?? '0', 16);
      const hi = parseInt(m[2] ?? '0', 16);
      const start = utf16(m[3] ?? '');
      for (let c = lo; c <= hi; c += 1)
        map.set(c, start.slice(0, -1) + String.fromCharCode(start.charCodeAt(start.length - 1) + c - lo));
    }
  }
  return map;
}

/** Reads every page of a PDF. */
export async function readPdf(bytes: ArrayLike<number>): Promise<PdfPageText[]> {
  const pdf = await PDFDocument.load(Uint8Array.from(Array.from(bytes, (b) => b & 255)));
  return pdf.getPages().map((page) => {
    const fonts = new Map<string, { name: string; map: Map<number, string> }>();
    const dict = page.node.Resources()?.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [key, ref] of dict?.entries() ?? []) {
      const font = pdf.context.lookup(ref, PDFDict);
      fonts.set(key.decodeText(), {
        name: font.lookup(PDFName.of('BaseFont'))?.toString() ?? '',
        map: cmap(streamText(pdf, font.get(PDFName.of('ToUnicode')))),
      });
    }
    const contents = page.node.Contents();
    const streams =
      contents instanceof PDFArray ? contents.asArray() : [page.node.get(PDFName.of('Contents'))];
    const ops = streams.map((s) => streamText(pdf, s)).join('\n');
    const pieces: PdfPageText['pieces'] = [];
    let font = '';
    let size = 0;
    let x = 0;
    let y = 0;
    for (const m of ops.matchAll(/\/(\S+) ([\d.]+) Tf|1 0 0 1 ([-\d.]+) ([-\d.]+) Tm|<([0-9a-fA-F]*)> Tj/g)) {
      if (m[1]) [font, size] = [m[1], Number(m[2])];
      else if (m[3]) [x, y] = [Number(m[3]), Number(m[4])];
      else {
        const f = fonts.get(font);
        const hex = m[5] ?? '';
        let text = '';
        for (let i = 0; i < hex.length; i += 4)
          text += f?.map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '\ufffd';
        pieces.push({ text, x, y, font: f?.name ?? font, size });
      }
    }
    const rows = new Map<number, typeof pieces>();
    for (const p of pieces) {
      const key = Math.round(p.y);
      rows.set(key, [...(rows.get(key) ?? []), p]);
    }
    const lines = [...rows.entries()]
      .sort((a, b) => b[0] - a[0])
      .map(([, ps]) => {
        const sorted = ps.sort((a, b) => a.x - b.x);
        return sorted.map((p) => p.text).join('');
      });
    const { width, height } = page.getSize();
    return { width, height, lines, pieces };
  });
}

/** `pdftotext` of the bytes (layout order as a viewer reads it), or null when poppler is not installed. */
export function pdftotext(bytes: ArrayLike<number>): string | null {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
  } catch {
    return null;
  }
  const dir = mkdtempSync(join(tmpdir(), 'pdf-'));
  const file = join(dir, 'in.pdf');
  writeFileSync(file, Buffer.from(Array.from(bytes, (b) => b & 255)));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}
