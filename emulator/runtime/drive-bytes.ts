// Byte helpers for the emulated Drive, Docs and mail: UTF-8 without TextEncoder, Apps Script's signed bytes.
// Runs inside the vm context: no Node APIs (no Buffer, no TextEncoder).

/** Encodes a string as UTF-8 bytes (0..255). */
export function utf8Encode(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

/** Decodes UTF-8 bytes (signed or unsigned); malformed sequences become U+FFFD. */
export function utf8Decode(bytes: readonly number[]): string {
  let out = '';
  let i = 0;
  const at = (k: number): number => (bytes[k] ?? 0) & 255;
  while (i < bytes.length) {
    const b = at(i);
    const need = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need === 0) {
      out += String.fromCharCode(b);
      i += 1;
      continue;
    }
    if (need < 0 || i + need >= bytes.length) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k += 1) cp = (cp << 6) | (at(i + k) & 63);
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
}

/** Apps Script's `Blob.getBytes()` gives Java bytes: -128..127. */
export function toSigned(bytes: readonly number[]): number[] {
  return bytes.map((b) => ((b & 255) > 127 ? (b & 255) - 256 : b & 255));
}

export function toUnsigned(bytes: readonly number[]): number[] {
  return bytes.map((b) => b & 255);
}

/** Byte length of a string in UTF-8 (what Apps Script's size limits count). */
export function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    n += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return n;
}
