// Blob: bytes with a name and a content type. Shared by Utilities, HtmlService and the other services (Drive, Mail).
import { loud, notImplemented, type ApiShape } from './core';
import { decodeText, encodeText, toSigned, toUnsigned } from './utilities-bytes';

type B = GoogleAppsScript.Base.Blob;
type Methods =
  | 'getBytes'
  | 'getDataAsString'
  | 'getName'
  | 'setName'
  | 'getContentType'
  | 'setContentType'
  | 'setBytes'
  | 'setDataFromString'
  | 'isGoogleType'
  | 'getAs'
  | 'copyBlob'
  | 'getBlob';

/** Converts a blob to another content type (`getAs`); the PDF converter is registered by the other services. */
export type BlobConverter = (blob: FakeBlob, contentType: string) => FakeBlob | null;
const converters: BlobConverter[] = [];
export function registerBlobConverter(converter: BlobConverter): void {
  converters.push(converter);
}

/**
 * Charges a conversion (`getAs` to another type) to the runtime's clock: Apps Script converts on its servers. Set
 * by `installOtherServices`; a blob made before it (or in a unit test) converts uncharged.
 */
let chargeConversion: ((blob: FakeBlob, contentType: string) => void) | null = null;
export function chargeConversions(charge: (blob: FakeBlob, contentType: string) => void): void {
  chargeConversion = charge;
}

export class FakeBlob implements ApiShape<B, Methods> {
  /** Unsigned bytes 0..255. */
  bytes: number[];
  constructor(
    data: string | ArrayLike<number> = [],
    private contentType: string | null = null,
    private name: string | null = null,
  ) {
    this.bytes = typeof data === 'string' ? encodeText(data) : toUnsigned(data);
  }
  getBytes(): number[] {
    return toSigned(this.bytes);
  }
  setBytes(data: number[]): FakeBlob {
    this.bytes = toUnsigned(data);
    return this;
  }
  getDataAsString(charset?: string): string {
    return decodeText(this.bytes, charset);
  }
  setDataFromString(string: string, charset?: string): FakeBlob {
    this.bytes = encodeText(string, charset);
    return this;
  }
  getName(): string | null {
    return this.name;
  }
  setName(name: string): FakeBlob {
    this.name = name;
    return this;
  }
  getContentType(): string | null {
    return this.contentType;
  }
  setContentType(contentType: string | null): FakeBlob {
    this.contentType = contentType;
    return this;
  }
  isGoogleType(): boolean {
    return false;
  }
  copyBlob(): B {
    return wrapBlob(new FakeBlob(this.bytes, this.contentType, this.name));
  }
  getBlob(): B {
    return this as unknown as B;
  }
  getAs(contentType: string): B {
    if (contentType === this.contentType) return this.copyBlob();
    chargeConversion?.(this, contentType);
    for (const convert of converters) {
      const out = convert(this, contentType);
      if (out) return wrapBlob(out);
    }
    return notImplemented('Blob', `getAs(${contentType}) from ${this.contentType ?? 'unknown type'}`);
  }
}

export function wrapBlob(blob: FakeBlob): B {
  return loud(blob, 'Blob') as unknown as B;
}

export function newBlob(data?: string | ArrayLike<number>, contentType?: string, name?: string): B {
  return wrapBlob(new FakeBlob(data ?? [], contentType ?? null, name ?? null));
}
