// Enums with their real members and every global service of Apps Script: what the emulator does not implement
// throws `not implemented: X.y` when read, never reads as undefined. Runs inside the vm context: no Node APIs.
import { CLASS_ENUMS, ENUMS, GLOBALS } from './gas-enums';
import { MIME_TYPES } from './mime-type';

/** Thrown by every member the emulator lacks; the host and tests match on the message. */
export class NotImplementedError extends Error {}

/** Throws `not implemented: Class.member`. */
export function notImplemented(className: string, member: string): never {
  throw new NotImplementedError(`not implemented: ${className}.${member}`);
}

/**
 * Names read by JavaScript machinery rather than by scripts (promises, JSON, test matchers, inspectors): they read
 * as the object has them (usually undefined). Apps Script names start with a letter, so `$$typeof`, `__proto__`,
 * `@@__IMMUTABLE_ITERABLE__@@` and `_isMockFunction` pass too.
 */
const PASS_THROUGH = new Set([
  'then',
  'toJSON',
  'constructor',
  'toString',
  'valueOf',
  'inspect',
  'asymmetricMatch',
  'nodeType',
  'tagName',
  'length',
]);

export function passesThrough(prop: string | symbol): boolean {
  return typeof prop === 'symbol' || PASS_THROUGH.has(prop) || !/^[A-Za-z]/.test(prop);
}

const enumCache = new Map<string, object>();

/**
 * The enum `Namespace.Name` (for example `Spreadsheet.Dimension`): each member's value is its name (Apps Script enum
 * values print as their names), frozen; a member the reference does not list throws.
 */
export function enumObject(key: string, values?: Record<string, string>): Record<string, string> {
  let e = enumCache.get(key);
  if (!e) {
    const members = ENUMS[key];
    const target: Record<string, string> = values ? { ...values } : {};
    if (!values) {
      if (members === undefined) throw new Error(`unknown enum ${key}`);
      for (const m of members.split(' ')) target[m] = m;
    }
    Object.freeze(target);
    const name = key.slice(key.indexOf('.') + 1);
    e = new Proxy(target, {
      get(obj, prop, receiver) {
        if (prop in obj || passesThrough(prop)) return Reflect.get(obj, prop, receiver);
        return notImplemented(name, prop as string);
      },
    });
    enumCache.set(key, e);
  }
  return e as Record<string, string>;
}

const classEnumCache = new Map<string, Map<string, string>>();

/** The enum-valued members of a class (`SpreadsheetApp` → `Dimension` → `Spreadsheet.Dimension`). */
export function classEnums(className: string): Map<string, string> {
  let map = classEnumCache.get(className);
  if (!map) {
    map = new Map();
    for (const pair of (CLASS_ENUMS[className] ?? '').split(' ')) {
      const at = pair.indexOf('=');
      if (at > 0) map.set(pair.slice(0, at), pair.slice(at + 1));
    }
    classEnumCache.set(className, map);
  }
  return map;
}

/**
 * Wraps an emulated object: its own members as they are, the class's enums with their real members, and any other
 * name throws `not implemented: Class.member` the moment it is read (so it is never silently undefined).
 */
export function loud<T extends object>(target: T, className: string): T {
  const enums = classEnums(className);
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop !== 'symbol') {
        const e = enums.get(prop);
        if (e !== undefined) return enumObject(e);
      }
      if (prop in obj || passesThrough(prop)) return Reflect.get(obj, prop, receiver);
      return notImplemented(className, prop as string);
    },
  });
}

/**
 * Installs every global service Apps Script has that `g` does not have yet: the global enums (`MimeType` with its
 * MIME strings, `Charset`, `DigestAlgorithm`, …) and, for services the emulator does not implement (`UrlFetchApp`,
 * `Browser`, `Charts`, `XmlService`, …), an object whose enums are real and whose every other member throws.
 */
export function installGlobalServices(g: Record<string, unknown>): void {
  for (const [name, type] of Object.entries(GLOBALS)) {
    if (name in g) continue;
    if (name === 'MimeType') g[name] = enumObject('Base.MimeType', MIME_TYPES);
    else if (type in ENUMS) g[name] = enumObject(type);
    else g[name] = loud({}, name);
  }
}
