// Host side (inside the PDF worker): the Unicode fonts the emulator's PDFs use, chosen per character.
// Noto Sans (Latin, Vietnamese, Greek, Cyrillic) and Noto Sans SC (CJK) from @fontsource, split by the packages
// into subsets by Unicode range (their unicode.json); DejaVu Sans (dejavu-fonts-ttf) for Arabic, whose glyphs it
// has as presentation forms (pdf-lib draws glyph advances only, so fonts that place Arabic dots and marks with GPOS
// offsets, as Noto Sans Arabic does, print wrongly), and as the last resort for anything else.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import fontkit from '@pdf-lib/fontkit';

/** Where the font packages are (resolved by the host thread and handed to the worker). */
export interface FontDirs {
  notoSans: string;
  notoSansSc: string;
  dejavu: string;
}

export function resolveFontDirs(): FontDirs {
  const dir = (pkg: string): string => path.dirname(require.resolve(`${pkg}/package.json`));
  return {
    notoSans: dir('@fontsource/noto-sans'),
    notoSansSc: dir('@fontsource/noto-sans-sc'),
    dejavu: dir('dejavu-fonts-ttf'),
  };
}

/** WOFF 1.0 → the sfnt (TrueType) it wraps: pdf-lib embeds sfnt bytes only. */
export function woffToSfnt(woff: Buffer): Buffer {
  if (woff.readUInt32BE(0) !== 0x774f4646) return woff;
  const numTables = woff.readUInt16BE(12);
  const tables: { tag: number; checksum: number; data: Buffer }[] = [];
  for (let i = 0; i < numTables; i += 1) {
    const o = 44 + i * 20;
    const offset = woff.readUInt32BE(o + 4);
    const compLength = woff.readUInt32BE(o + 8);
    const origLength = woff.readUInt32BE(o + 12);
    const raw = woff.subarray(offset, offset + compLength);
    tables.push({
      tag: woff.readUInt32BE(o),
      checksum: woff.readUInt32BE(o + 16),
      data: compLength < origLength ? inflateSync(raw) : Buffer.from(raw),
    });
  }
  let selector = 0;
  while (2 ** (selector + 1) <= numTables) selector += 1;
  const searchRange = 2 ** selector * 16;
  const head = Buffer.alloc(12 + 16 * numTables);
  head.writeUInt32BE(woff.readUInt32BE(4), 0);
  head.writeUInt16BE(numTables, 4);
  head.writeUInt16BE(searchRange, 6);
  head.writeUInt16BE(selector, 8);
  head.writeUInt16BE(numTables * 16 - searchRange, 10);
  const parts: Buffer[] = [head];
  let offset = head.length;
  tables.forEach((t, i) => {
    const o = 12 + i * 16;
    head.writeUInt32BE(t.tag, o);
    head.writeUInt32BE(t.checksum, o + 4);
    head.writeUInt32BE(offset, o + 8);
    head.writeUInt32BE(t.data.length, o + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

/** One font file of the stack: the code points it is meant for, loaded on first use. */
export interface FontFace {
  key: string;
  file: string;
  ranges: [number, number][] | null;
  bytes?: Buffer;
  glyphs?: FontkitFont;
}

interface FontkitFont {
  unitsPerEm: number;
  hasGlyphForCodePoint(cp: number): boolean;
  layout(text: string, features?: Record<string, boolean>): { advanceWidth: number };
}

/** The features pdf-lib is given when it embeds a face (pdf-render.ts): measuring and drawing must agree. */
export const FEATURES = { ccmp: false };

function parseRanges(spec: string): [number, number][] {
  return spec.split(',').map((part) => {
    const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
    const lo = parseInt(a ?? '0', 16);
    return [lo, b ? parseInt(b, 16) : lo];
  });
}

function fontsourceFaces(dir: string, family: string, weight: number): FontFace[] {
  const unicode = JSON.parse(fs.readFileSync(path.join(dir, 'unicode.json'), 'utf8')) as Record<
    string,
    string
  >;
  return Object.entries(unicode).map(([subset, spec]) => {
    const name = subset.replace(/^\[(\d+)\]$/, '$1');
    return {
      key: `${family}-${name}-${weight}`,
      file: path.join(dir, 'files', `${family}-${name}-${weight}-normal.woff`),
      ranges: parseRanges(spec),
    };
  });
}

const ARABIC: [number, number][] = [
  [0x0600, 0x06ff],
  [0x0750, 0x077f],
  [0x08a0, 0x08ff],
  [0xfb50, 0xfdff],
  [0xfe70, 0xfeff],
];

/** The ordered fallback stack for regular or bold text. */
export function fontStack(dirs: FontDirs, bold: boolean): FontFace[] {
  const weight = bold ? 700 : 400;
  const dejavu = path.join(dirs.dejavu, 'ttf', bold ? 'DejaVuSans-Bold.ttf' : 'DejaVuSans.ttf');
  const notoSans = fontsourceFaces(dirs.notoSans, 'noto-sans', weight);
  // Latin first: the subset every letter uses most.
  notoSans.sort((a, b) => Number(b.key.includes('-latin-')) - Number(a.key.includes('-latin-')));
  return [
    { key: `dejavu-arabic-${weight}`, file: dejavu, ranges: ARABIC },
    ...notoSans,
    ...fontsourceFaces(dirs.notoSansSc, 'noto-sans-sc', weight),
    { key: `dejavu-${weight}`, file: dejavu, ranges: null },
  ];
}

const bytesCache = new Map<string, Buffer>();

export function faceBytes(face: FontFace): Buffer {
  let bytes = bytesCache.get(face.file);
  if (!bytes) {
    bytes = woffToSfnt(fs.readFileSync(face.file));
    bytesCache.set(face.file, bytes);
  }
  return bytes;
}

/** Whether the face is meant for the code point and has it (`anyRange`: has it, whatever the face is meant for). */
export function hasGlyph(face: FontFace, cp: number, anyRange = false): boolean {
  if (!anyRange && face.ranges && !face.ranges.some(([lo, hi]) => cp >= lo && cp <= hi)) return false;
  return load(face).hasGlyphForCodePoint(cp);
}

function load(face: FontFace): FontkitFont {
  face.glyphs ??= fontkit.create(faceBytes(face)) as unknown as FontkitFont;
  return face.glyphs;
}

const widths = new Map<string, number>();

/** Advance width of `text` laid out (shaped) in the face, in 1/1000 em; cached for the worker's life. */
export function measure(face: FontFace, text: string): number {
  const key = `${face.file}\u0000${text}`;
  let w = widths.get(key);
  if (w === undefined) {
    const font = load(face);
    w = (font.layout(text, FEATURES).advanceWidth * 1000) / font.unitsPerEm;
    if (widths.size > 200_000) widths.clear();
    widths.set(key, w);
  }
  return w;
}
