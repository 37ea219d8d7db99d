// Host side (inside the PDF worker): lays a document body out on pages and writes it with pdf-lib, embedding
// subsets of Unicode fonts chosen per character (pdf-fonts.ts). Arabic is shaped by fontkit (joining forms) and
// placed in visual order by the Unicode bidirectional algorithm (bidi-js); text extraction gives logical order
// (pdf-lib writes a ToUnicode map). Layout as Google Docs does it in outline: headings' sizes, alignment, bold,
// underline, wrapping at spaces (CJK between any two characters), bordered tables, page breaks and overflow.
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import fontkit from '@pdf-lib/fontkit';
import bidiFactory from 'bidi-js';
import type {
  Block,
  Heading,
  PageSetup,
  ParagraphBlock,
  TableBlock,
  TextStyle,
} from '../runtime/document-model';
import type { PdfRequest } from '../runtime/pdf';
import { FEATURES, faceBytes, fontStack, hasGlyph, measure, type FontDirs, type FontFace } from './pdf-fonts';

const bidi = bidiFactory();

/** Google Docs' default paragraph styles (Arial there; Noto Sans here), in points. */
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
const TABLE_SIZE = 10;
const CELL_PAD = 4;

/** A grapheme-like unit: a base character with its combining marks (NFC), its style, font and bidi level. */
interface Cluster {
  text: string;
  bold: boolean;
  underline: boolean;
  face: FontFace;
  level: number;
  space: boolean;
  /** A line may break before it without a space (CJK ideographs, kana, hangul). */
  breakable: boolean;
}

/** A piece of a line drawn with one font call. */
interface Run {
  text: string;
  font: PDFFont;
  underline: boolean;
  level: number;
  width: number;
}

/** The font stacks, built once per worker (each face loads its font once, on first use). */
let stacks: { key: string; value: Record<'regular' | 'bold', FontFace[]> } | null = null;
function stacksFor(dirs: FontDirs): Record<'regular' | 'bold', FontFace[]> {
  const key = JSON.stringify(dirs);
  if (stacks?.key !== key)
    stacks = { key, value: { regular: fontStack(dirs, false), bold: fontStack(dirs, true) } };
  return stacks.value;
}

const CJK = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]|[\ud840-\ud87f][\udc00-\udfff]/;
const NEUTRAL = /^[\s\p{P}\p{N}\p{S}]+$/u;

class Renderer {
  private readonly fonts = new Map<string, Promise<PDFFont>>();
  private readonly stacks: Record<'regular' | 'bold', FontFace[]>;
  readonly pages: PDFPage[] = [];
  private y = 0;

  constructor(
    private readonly doc: PDFDocument,
    dirs: FontDirs,
    private readonly page: PageSetup,
  ) {
    this.stacks = stacksFor(dirs);
  }

  private get contentW(): number {
    return this.page.width - this.page.marginLeft - this.page.marginRight;
  }
  private get top(): number {
    return this.page.height - this.page.marginTop;
  }
  private get current(): PDFPage {
    if (this.pages.length === 0) this.newPage();
    return this.pages[this.pages.length - 1] as PDFPage;
  }

  newPage(): void {
    this.pages.push(this.doc.addPage([this.page.width, this.page.height]));
    this.y = this.top;
  }

  /** Starts a new page when `height` no longer fits, unless the page is still empty. */
  private ensure(height: number): void {
    if (this.pages.length === 0) this.newPage();
    if (this.y - height < this.page.marginBottom && this.y < this.top) this.newPage();
  }

  private font(face: FontFace): Promise<PDFFont> {
    let font = this.fonts.get(face.file);
    if (!font) {
      // Noto's `ccmp` splits some precomposed letters (Vietnamese ị) into a base and a mark glyph that has no
      // Unicode value, so copy-paste would lose the letter; the precomposed glyphs are drawn instead.
      font = this.doc.embedFont(faceBytes(face), { subset: true, features: FEATURES });
      this.fonts.set(face.file, font);
    }
    return font;
  }

  private face(cp: number, bold: boolean): FontFace {
    const stack = this.stacks[bold ? 'bold' : 'regular'];
    return stack.find((f) => hasGlyph(f, cp)) ?? (stack[stack.length - 1] as FontFace);
  }

  /** Splits text into clusters with their style, font and bidi level (paragraphs are left-to-right, as in Docs). */
  private clusters(
    text: string,
    styles: readonly (TextStyle | null)[] | undefined,
    bold: boolean,
  ): Cluster[] {
    const levels = bidi.getEmbeddingLevels(text, 'ltr').levels;
    const out: Cluster[] = [];
    const re = /\P{M}\p{M}*|\p{M}+/gsu;
    let prev: Cluster | undefined;
    for (const m of text.matchAll(re)) {
      const raw = m[0];
      const at = m.index ?? 0;
      const style = styles?.[at] ?? null;
      const isBold = bold || style?.bold === true;
      const nfc = raw.normalize('NFC');
      const cp = nfc.codePointAt(0) ?? 32;
      const space = /^\s$/u.test(nfc);
      // Spaces, digits and punctuation stay in the font of what precedes them when it has them (keeps shaping
      // runs whole); anything else takes the first font of the stack that has it.
      const face =
        prev && prev.bold === isBold && NEUTRAL.test(nfc) && hasGlyph(prev.face, cp, true)
          ? prev.face
          : this.face(cp, isBold);
      const cluster: Cluster = {
        text: space ? ' ' : nfc,
        bold: isBold,
        underline: style?.underline === true,
        face,
        level: levels[at] ?? 0,
        space,
        breakable: CJK.test(nfc),
      };
      out.push(cluster);
      prev = cluster;
    }
    return out;
  }

  /** Consecutive clusters with the same font, style and level, as runs in logical order. */
  private async runs(clusters: readonly Cluster[], size: number): Promise<Run[]> {
    const runs: Run[] = [];
    let start = 0;
    for (let i = 1; i <= clusters.length; i += 1) {
      const a = clusters[start] as Cluster;
      const b = clusters[i];
      if (b && b.face.file === a.face.file && b.underline === a.underline && b.level === a.level) continue;
      const text = clusters
        .slice(start, i)
        .map((c) => c.text)
        .join('');
      const font = await this.font(a.face);
      runs.push({
        text,
        font,
        underline: a.underline,
        level: a.level,
        width: (measure(a.face, text) * size) / 1000,
      });
      start = i;
    }
    return runs;
  }

  /** Width of clusters in points: runs of one font measured once and cached (kerning across runs ignored). */
  private width(clusters: readonly Cluster[], size: number): number {
    let units = 0;
    let start = 0;
    for (let i = 1; i <= clusters.length; i += 1) {
      const a = clusters[start] as Cluster;
      const b = clusters[i];
      if (b && b.face.file === a.face.file) continue;
      let text = '';
      for (let k = start; k < i; k += 1) text += (clusters[k] as Cluster).text;
      units += measure(a.face, text);
      start = i;
    }
    return (units * size) / 1000;
  }

  /** Greedy line breaking: at spaces, before and after CJK characters, and inside a word too long for a line. */
  private wrap(clusters: Cluster[], size: number, maxW: number): Cluster[][] {
    // Words: clusters up to and including their trailing spaces; a CJK character is a word of its own.
    const words: { cs: Cluster[]; w: number; space: number }[] = [];
    let word: Cluster[] = [];
    const push = (): void => {
      if (!word.length) return;
      let end = word.length;
      while (end > 0 && word[end - 1]?.space) end -= 1;
      const w = this.width(word.slice(0, end), size);
      words.push({ cs: word, w, space: this.width(word.slice(end), size) });
      word = [];
    };
    for (const c of clusters) {
      const last = word[word.length - 1];
      if (last && !last.space && (c.breakable || last.breakable)) push();
      word.push(c);
      if (c.space) push();
    }
    push();
    const lines: Cluster[][] = [];
    let line: Cluster[] = [];
    let lineW = 0;
    let pending = 0;
    for (const w of words) {
      if (line.length > 0 && lineW + pending + w.w > maxW) {
        lines.push(line);
        line = [];
        lineW = 0;
        pending = 0;
      }
      if (line.length === 0 && w.w > maxW) {
        // A single word longer than the line is cut where it no longer fits.
        let rest = w.cs.filter((c) => !c.space);
        while (rest.length > 1 && this.width(rest, size) > maxW) {
          let cut = 1;
          while (cut < rest.length - 1 && this.width(rest.slice(0, cut + 1), size) <= maxW) cut += 1;
          lines.push(rest.slice(0, cut));
          rest = rest.slice(cut);
        }
        line = [...rest, ...w.cs.filter((c) => c.space)];
        lineW = this.width(rest, size);
        pending = w.space;
        continue;
      }
      line.push(...w.cs);
      lineW += pending + w.w;
      pending = w.space;
    }
    lines.push(line);
    return lines.map((cs) => {
      let end = cs.length;
      while (end > 0 && cs[end - 1]?.space) end -= 1;
      return cs.slice(0, end);
    });
  }

  /** Runs of one line in visual order (rule L2 of the bidi algorithm, on runs of one level). */
  private visual(runs: Run[]): Run[] {
    const out = [...runs];
    const max = Math.max(0, ...out.map((r) => r.level));
    const minOdd = Math.max(1, Math.min(...out.map((r) => (r.level % 2 ? r.level : Infinity))));
    for (let level = max; level >= minOdd && level > 0; level -= 1) {
      for (let i = 0; i < out.length;) {
        if ((out[i] as Run).level < level) {
          i += 1;
          continue;
        }
        let j = i;
        while (j < out.length && (out[j] as Run).level >= level) j += 1;
        out.splice(i, j - i, ...out.slice(i, j).reverse());
        i = j;
      }
    }
    return out;
  }

  private async drawLine(
    line: Cluster[],
    x0: number,
    baseline: number,
    size: number,
    width: number,
    alignment: string,
  ): Promise<number> {
    const runs = this.visual(await this.runs(line, size));
    const w = runs.reduce((n, r) => n + r.width, 0);
    let x = alignment === 'CENTER' ? x0 + (width - w) / 2 : alignment === 'RIGHT' ? x0 + width - w : x0;
    for (const r of runs) {
      this.current.drawText(r.text, { x, y: baseline, size, font: r.font });
      if (r.underline)
        this.current.drawLine({
          start: { x, y: baseline - size * 0.12 },
          end: { x: x + r.width, y: baseline - size * 0.12 },
          thickness: size * 0.05,
        });
      x += r.width;
    }
    return w;
  }

  async paragraph(p: ParagraphBlock): Promise<void> {
    if (p.pageBreak) {
      this.newPage();
      if (p.text === '') return;
    }
    const { size, bold } = STYLE[p.heading] ?? STYLE.NORMAL;
    const lineH = size * 1.2;
    const hardLines = p.text.replace(/\r\n?/g, '\n').split(/\n|\v/);
    let offset = 0;
    for (const hard of hardLines) {
      const styles = p.styles?.slice(offset, offset + hard.length);
      offset += hard.length + 1;
      const lines = hard === '' ? [[]] : this.wrap(this.clusters(hard, styles, bold), size, this.contentW);
      for (const line of lines) {
        this.ensure(lineH);
        if (line.length)
          await this.drawLine(line, this.page.marginLeft, this.y - size, size, this.contentW, p.alignment);
        this.y -= lineH;
      }
    }
    // Docs' default space after a paragraph, or what the paragraph sets (points).
    this.y -= p.spacingAfter ?? size * 0.35;
  }

  async table(t: TableBlock): Promise<void> {
    const cols = Math.max(1, ...t.rows.map((r) => r.length));
    // Columns with a width set keep it (scaled down together if they overflow); the others share what is left.
    const set = Array.from({ length: cols }, (_, i) => t.widths?.[i] ?? null);
    const fixed = set.reduce<number>((sum, w) => sum + (w ?? 0), 0);
    const free = set.filter((w) => w === null).length;
    const scale = fixed > this.contentW || (free === 0 && fixed > 0) ? this.contentW / fixed : 1;
    const share = free ? Math.max(0, this.contentW - fixed * scale) / free : 0;
    const widths = set.map((w) => (w === null ? share : w * scale));
    const xs = widths.map((_, i) => widths.slice(0, i).reduce((a, b) => a + b, 0));
    const lineH = TABLE_SIZE * 1.2;
    for (const row of t.rows) {
      const cells: Cluster[][][] = [];
      for (let i = 0; i < cols; i += 1) {
        const text = row[i] ?? '';
        const lines: Cluster[][] = [];
        for (const hard of text.split('\n')) {
          if (hard === '') lines.push([]);
          else
            lines.push(
              ...this.wrap(this.clusters(hard, undefined, false), TABLE_SIZE, widths[i]! - 2 * CELL_PAD),
            );
        }
        cells.push(lines);
      }
      const rowH = Math.max(1, ...cells.map((c) => c.length)) * lineH + 2 * CELL_PAD;
      this.ensure(rowH);
      for (const [i, lines] of cells.entries()) {
        const x = this.page.marginLeft + xs[i]!;
        this.current.drawRectangle({
          x,
          y: this.y - rowH,
          width: widths[i]!,
          height: rowH,
          borderWidth: 0.5,
          borderColor: rgb(0, 0, 0),
        });
        for (const [k, line] of lines.entries()) {
          if (line.length)
            await this.drawLine(
              line,
              x + CELL_PAD,
              this.y - CELL_PAD - TABLE_SIZE - k * lineH,
              TABLE_SIZE,
              widths[i]! - 2 * CELL_PAD,
              'LEFT',
            );
        }
      }
      this.y -= rowH;
    }
    this.y -= 6;
  }
}

/** A seeded generator (mulberry32): pdf-lib names font subsets with Math.random; seeded, a run gives the same bytes. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Renders a PDF request to bytes (the same request gives the same bytes). */
export async function renderPdfRequest(request: PdfRequest, dirs: FontDirs): Promise<Uint8Array> {
  const random = Math.random;
  Math.random = seeded(request.createdMs % 4294967296);
  try {
    return await render(request, dirs);
  } finally {
    Math.random = random;
  }
}

async function render(request: PdfRequest, dirs: FontDirs): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  const date = new Date(request.createdMs);
  doc.setTitle(request.title);
  doc.setProducer('Attendance Steps emulator (pdf-lib)');
  doc.setCreator('Google Docs (emulated)');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  const renderer = new Renderer(doc, dirs, request.page);
  for (const block of request.blocks as Block[]) {
    if (block.kind === 'table') await renderer.table(block);
    else await renderer.paragraph(block);
  }
  if (renderer.pages.length === 0) renderer.newPage();
  return doc.save({ useObjectStreams: false });
}
