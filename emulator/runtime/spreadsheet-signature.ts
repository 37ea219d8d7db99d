// Apps Script's parameter-signature errors for Range methods, with argument types named as Apps Script names them.
import { gasError } from './core';

/** How Apps Script names a JavaScript value's type in its parameter-signature errors. */
export function gasTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'number' || typeof v === 'boolean') return typeof v;
  if (Array.isArray(v)) {
    const kinds = new Set(v.map(gasTypeName));
    const only = kinds.size === 1 ? [...kinds][0] : undefined;
    return `${only && !only.endsWith('[]') && only !== 'null' ? only : 'Object'}[]`;
  }
  return typeof v === 'object' ? 'Object' : typeof v;
}

/**
 * Apps Script's error for an argument of the wrong type, naming its type as Apps Script does: `setValues([1, 2])`
 * gives "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.", an array
 * of strings `String[]`, of mixed values `Object[]`.
 */
export function signatureError(method: string, arg: unknown): Error {
  return gasError(
    `The parameters (${gasTypeName(arg)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
  );
}
