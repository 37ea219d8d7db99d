// Helvetica metrics and WinAnsi encoding for the emulator's PDF writer (standard 14 font, no embedding).
// Runs inside the vm context: no Node APIs.

/** Helvetica advance widths (1/1000 em) for codes 32..126, from Adobe's Helvetica AFM. */
const HELVETICA: readonly number[] = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556,
  556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278,
  500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469,
  556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500,
  278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** WinAnsiEncoding (cp1252) codes 0x80..0x9F that are not Latin-1. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** The WinAnsi byte of one character; characters outside WinAnsi become `?`, as a PDF viewer would show nothing. */
export function winAnsiByte(ch: string): number {
  const cp = ch.codePointAt(0) ?? 63;
  if (cp === 9) return 32;
  if (cp >= 32 && cp < 127) return cp;
  if (cp >= 160 && cp <= 255) return cp;
  return CP1252[ch] ?? 63;
}

/** Width of `text` in points at `size` (bold is approximated as 6% wider, enough for wrapping). */
export function textWidth(text: string, size: number, bold: boolean): number {
  let units = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 63;
    let w = code >= 32 && code < 127 ? HELVETICA[code - 32] : undefined;
    if (w === undefined) {
      const base = ch.normalize('NFD').codePointAt(0) ?? 0;
      w = base >= 32 && base < 127 ? (HELVETICA[base - 32] ?? 556) : 556;
    }
    units += w;
  }
  return (units / 1000) * size * (bold ? 1.06 : 1);
}

/** A PDF literal string of WinAnsi bytes: `( ) \` escaped, bytes outside printable ASCII as octal. */
export function pdfString(text: string): string {
  let out = '(';
  for (const ch of text) {
    const b = winAnsiByte(ch);
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += '\\' + String.fromCharCode(b);
    else if (b < 32 || b > 126) out += '\\' + b.toString(8).padStart(3, '0');
    else out += String.fromCharCode(b);
  }
  return out + ')';
}

/** Greedy line wrapping at spaces; hard line breaks kept; over-long words split. */
export function wrapText(text: string, size: number, bold: boolean, maxWidth: number): string[] {
  const lines: string[] = [];
  for (const hard of text.replace(/\r\n?/g, '\n').split(/\n|\v/)) {
    let line = '';
    for (const word of hard.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (textWidth(candidate, size, bold) <= maxWidth) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(line);
      let rest = word;
      while (textWidth(rest, size, bold) > maxWidth && rest.length > 1) {
        let cut = rest.length - 1;
        while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > maxWidth) cut -= 1;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}
