// A small PDF 1.4 writer: paragraphs, headings, alignment, simple tables and page breaks in Helvetica (WinAnsi).
// It gives `Document.getAs('application/pdf')` real bytes. Runs inside the vm context: no Node APIs.
import type { Block, Heading, ParagraphBlock, TableBlock } from './document-model';
import { pdfString, textWidth, wrapText } from './pdf-text';

/** US Letter in points, 1-inch margins (Google Docs' default page setup for US accounts). */
const PAGE_W = 612;
const PAGE_H = 792;
const MARGIN = 72;
const CONTENT_W = PAGE_W - 2 * MARGIN;

const STYLE: Record<Heading, { size: number; bold: boolean }> = {
  NORMAL: { size: 11, bold: false },
  TITLE: { size: 26, bold: false },
  SUBTITLE: { size: 15, bold: false },
  HEADING1: { size: 20, bold: false },
  HEADING2: { size: 16, bold: false },
  HEADING3: { size: 14, bold: true },
  HEADING4: { size: 12, bold: true },
  HEADING5: { size: 11, bold: true },
  HEADING6: { size: 11, bold: true },
};

const n = (v: number): string => String(Math.round(v * 100) / 100);

class Layout {
  readonly pages: string[][] = [[]];
  private y = PAGE_H - MARGIN;

  private get ops(): string[] {
    return this.pages[this.pages.length - 1] as string[];
  }

  newPage(): void {
    this.pages.push([]);
    this.y = PAGE_H - MARGIN;
  }

  /** Starts a new page when `height` no longer fits (unless the page is still empty). */
  private ensure(height: number): void {
    if (this.y - height < MARGIN && this.y < PAGE_H - MARGIN) this.newPage();
  }

  text(x: number, baseline: number, size: number, bold: boolean, text: string): void {
    this.ops.push(
      `BT /${bold ? 'F2' : 'F1'} ${n(size)} Tf ${n(x)} ${n(baseline)} Td ${pdfString(text)} Tj ET`,
    );
  }

  paragraph(p: ParagraphBlock): void {
    if (p.pageBreak) {
      this.newPage();
      if (p.text === '') return;
    }
    const { size, bold } = STYLE[p.heading];
    const lineH = size * 1.2;
    for (const line of wrapText(p.text, size, bold, CONTENT_W)) {
      this.ensure(lineH);
      const w = textWidth(line, size, bold);
      const x =
        p.alignment === 'CENTER'
          ? MARGIN + (CONTENT_W - w) / 2
          : p.alignment === 'RIGHT'
            ? MARGIN + CONTENT_W - w
            : MARGIN;
      if (line !== '') this.text(x, this.y - size, size, bold, line);
      this.y -= lineH;
    }
    this.y -= size * 0.35;
  }

  table(t: TableBlock): void {
    const cols = Math.max(1, ...t.rows.map((r) => r.length));
    const colW = CONTENT_W / cols;
    const size = 10;
    const lineH = size * 1.2;
    for (const row of t.rows) {
      const cells = Array.from({ length: cols }, (_, i) => wrapText(row[i] ?? '', size, false, colW - 8));
      const rowH = Math.max(...cells.map((c) => c.length)) * lineH + 6;
      this.ensure(rowH);
      cells.forEach((lines, i) => {
        const x = MARGIN + i * colW;
        this.ops.push(`0.5 w ${n(x)} ${n(this.y - rowH)} ${n(colW)} ${n(rowH)} re S`);
        lines.forEach((line, k) => {
          if (line !== '') this.text(x + 4, this.y - 3 - size - k * lineH, size, false, line);
        });
      });
      this.y -= rowH;
    }
    this.y -= 6;
  }
}

/** Renders a document body to PDF bytes (unsigned 0..255). */
export function renderPdf(blocks: readonly Block[], title: string): number[] {
  const layout = new Layout();
  for (const block of blocks) {
    if (block.kind === 'table') layout.table(block);
    else layout.paragraph(block);
  }
  const pages = layout.pages;
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 6 + 2 * i);
  objects.push('<< /Type /Catalog /Pages 2 0 R >>');
  objects.push(
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
  );
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  objects.push('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>');
  objects.push(`<< /Title ${pdfString(title)} /Producer (Attendance Steps emulator) >>`);
  pages.forEach((ops, i) => {
    const content = ops.join('\n');
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] ` +
        `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${7 + 2 * i} 0 R >>`,
    );
    objects.push(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  });
  // Everything after the binary comment is ASCII (pdfString writes octal escapes), so offsets are string lengths.
  const head = [0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x34, 0x0a, 0x25, 0xe2, 0xe3, 0xcf, 0xd3, 0x0a];
  let body = '';
  const offsets: number[] = [];
  objects.forEach((obj, i) => {
    offsets.push(head.length + body.length);
    body += `${i + 1} 0 obj\n${obj}\nendobj\n`;
  });
  const xrefAt = head.length + body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const out = head.slice();
  for (let i = 0; i < body.length; i += 1) out.push(body.charCodeAt(i) & 255);
  return out;
}
