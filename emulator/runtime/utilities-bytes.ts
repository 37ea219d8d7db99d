// Bytes without Node: UTF-8, Latin-1, Base64 and Apps Script's signed byte arrays.

export function utf8Encode(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) {
    let cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else {
      cp = Math.min(cp, 0x10ffff);
      out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    }
  }
  return out;
}

/** Decodes UTF-8 bytes (signed or unsigned); malformed sequences become U+FFFD. */
export function utf8Decode(bytes: ArrayLike<number>): string {
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
    let ok = b < 0xf8;
    for (let k = 1; k <= need; k += 1) {
      ok &&= (at(i + k) & 0xc0) === 0x80;
      cp = (cp << 6) | (at(i + k) & 63);
    }
    // A malformed sequence or a value past U+10FFFF decodes as U+FFFD, as Java's decoder does.
    if (!ok || cp > 0x10ffff) {
      out += '\ufffd';
      i += 1;
      continue;
    }
    out += String.fromCodePoint(cp);
    i += need + 1;
  }
  return out;
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

/** Encodes text in a charset Apps Script names (UTF_8 by default, US_ASCII, ISO-8859-1). */
export function encodeText(s: string, charset?: string): number[] {
  const cs = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace(/-/g, '_');
  if (cs === 'UTF_8') return utf8Encode(s);
  return Array.from(s, (ch) => Math.min(ch.charCodeAt(0), cs === 'US_ASCII' ? 127 : 255));
}

export function decodeText(bytes: ArrayLike<number>, charset?: string): string {
  const cs = String(charset ?? 'UTF_8')
    .toUpperCase()
    .replace(/-/g, '_');
  if (cs === 'UTF_8') return utf8Decode(bytes);
  return Array.from(bytes as number[], (b) => String.fromCharCode(b & 255)).join('');
}

/** Apps Script's Byte[]: Java bytes, -128..127. */
export const toSigned = (bytes: ArrayLike<number>): number[] =>
  Array.from(bytes as number[], (b) => ((b & 255) << 24) >> 24);
export const toUnsigned = (bytes: ArrayLike<number>): number[] =>
  Array.from(bytes as number[], (b) => b & 255);

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function base64Encode(bytes: ArrayLike<number>, webSafe = false): string {
  const b = toUnsigned(bytes);
  let out = '';
  for (let i = 0; i < b.length; i += 3) {
    const n = ((b[i] ?? 0) << 16) | ((b[i + 1] ?? 0) << 8) | (b[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < b.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < b.length ? B64[n & 63]! : '=';
  }
  return webSafe ? out.replace(/\+/g, '-').replace(/\//g, '_') : out;
}

export function base64Decode(text: string): number[] {
  const s = text.replace(/-/g, '+').replace(/_/g, '/').replace(/[\s=]/g, '');
  if (/[^A-Za-z0-9+/]/.test(s)) throw new Error('Could not decode string.');
  const out: number[] = [];
  for (let i = 0; i < s.length; i += 4) {
    const n = [0, 1, 2, 3].map((k) => (i + k < s.length ? B64.indexOf(s[i + k]!) : 0));
    const v = (n[0]! << 18) | (n[1]! << 12) | (n[2]! << 6) | n[3]!;
    out.push((v >> 16) & 255);
    if (i + 2 < s.length) out.push((v >> 8) & 255);
    if (i + 3 < s.length) out.push(v & 255);
  }
  return out;
}
