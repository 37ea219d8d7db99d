// Utilities: formatDate with Java patterns, sleep on the virtual clock, blobs, UUIDs, digests and Base64.
import { gasError, loud, notImplemented, type ApiShape, type Runtime } from './core';
import { newBlob } from './blob';
import { base64Decode, base64Encode, encodeText, toSigned, toUnsigned } from './utilities-bytes';
import { hmacSha256, md5, sha1, sha256 } from './utilities-digest';
import { formatJavaDate } from './utilities-format-date';
import { isDate } from './utilities-time';

type U = GoogleAppsScript.Utilities.Utilities;
type Methods =
  | 'formatDate'
  | 'sleep'
  | 'newBlob'
  | 'getUuid'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'formatString'
  | 'parseCsv';

export const Charset = { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' } as const;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;

/** Apps Script's longest sleep: 300000 ms (Utilities reference). */
const MAX_SLEEP_MS = 300_000;

function bytesOf(value: unknown, charset?: unknown): number[] {
  return typeof value === 'string'
    ? encodeText(value, charset as string | undefined)
    : toUnsigned(value as number[]);
}

class FakeUtilities implements ApiShape<U, Methods> {
  readonly Charset = Charset;
  readonly DigestAlgorithm = DigestAlgorithm;
  private state: number;
  constructor(
    private readonly rt: Runtime,
    seed: number,
  ) {
    this.state = seed >>> 0 || 0x9e3779b9;
  }
  private random(): number {
    // mulberry32: deterministic UUIDs for a given seed.
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    this.rt.call('Utilities.formatDate');
    if (!isDate(date))
      throw gasError(
        `The parameters (${typeof date},String,String) don't match the method signature for Utilities.formatDate.`,
      );
    if (Number.isNaN(date.getTime())) throw gasError('Invalid argument: date');
    return formatJavaDate(date as unknown as Date, timeZone, format);
  }
  /** Advances the virtual clock; no real waiting. */
  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS)
      throw gasError(`Invalid argument: milliseconds. Maximum allowed value is ${MAX_SLEEP_MS}.`);
    this.rt.call('Utilities.sleep', Math.max(0, milliseconds));
  }
  newBlob(data?: unknown, contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    this.rt.call('Utilities.newBlob');
    return newBlob(data as string | number[] | undefined, contentType, name);
  }
  getUuid(): string {
    const hex = Array.from({ length: 32 }, () => Math.floor(this.random() * 16).toString(16));
    hex[12] = '4';
    hex[16] = ((parseInt(hex[16] as string, 16) & 3) | 8).toString(16);
    const s = hex.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
  computeDigest(algorithm: unknown, value: unknown, charset?: unknown): number[] {
    this.rt.call('Utilities.computeDigest');
    const bytes = bytesOf(value, charset);
    switch (String(algorithm)) {
      case 'MD5':
        return toSigned(md5(bytes));
      case 'SHA_1':
        return toSigned(sha1(bytes));
      case 'SHA_256':
        return toSigned(sha256(bytes));
      default:
        return notImplemented('Utilities', `computeDigest(${String(algorithm)})`);
    }
  }
  computeHmacSha256Signature(value: unknown, key: unknown, charset?: unknown): number[] {
    this.rt.call('Utilities.computeHmacSha256Signature');
    return toSigned(hmacSha256(bytesOf(key, charset), bytesOf(value, charset)));
  }
  base64Encode(data: unknown, charset?: unknown): string {
    return base64Encode(bytesOf(data, charset));
  }
  base64EncodeWebSafe(data: unknown, charset?: unknown): string {
    return base64Encode(bytesOf(data, charset), true);
  }
  base64Decode(encoded: string, _charset?: unknown): number[] {
    try {
      return toSigned(base64Decode(encoded));
    } catch {
      throw gasError('Could not decode string.');
    }
  }
  base64DecodeWebSafe(encoded: string, charset?: unknown): number[] {
    return this.base64Decode(encoded, charset);
  }
  formatString(template: string, ...args: unknown[]): string {
    return template.replace(/%(\d*)([sdf])/g, (_, _w: string, t: string) => {
      const v = args.shift();
      return t === 'd' ? String(Math.trunc(Number(v))) : String(v);
    });
  }
  /** RFC 4180 quoting; the delimiter is one character (',' by default). */
  parseCsv(csv: string, delimiter?: string): string[][] {
    const d = delimiter ?? ',';
    const rows: string[][] = [];
    let row: string[] = [];
    let field = '';
    let quoted = false;
    for (let i = 0; i < csv.length; i++) {
      const ch = csv[i] as string;
      if (quoted) {
        if (ch === '"' && csv[i + 1] === '"') {
          field += '"';
          i++;
        } else if (ch === '"') quoted = false;
        else field += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === d) {
        row.push(field);
        field = '';
      } else if (ch === '\n' || ch === '\r') {
        if (ch === '\r' && csv[i + 1] === '\n') i++;
        row.push(field);
        rows.push(row);
        row = [];
        field = '';
      } else field += ch;
    }
    if (field !== '' || row.length) {
      row.push(field);
      rows.push(row);
    }
    return rows;
  }
}

export function makeUtilities(rt: Runtime, seed: number): U {
  return loud(new FakeUtilities(rt, seed), 'Utilities') as unknown as U;
}
