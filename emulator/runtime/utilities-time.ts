// Time-zone arithmetic through Intl (full ICU in V8): offsets, wall-clock parts and spreadsheet date serials.

const MS_PER_DAY = 86_400_000;
/** Serial 0 is 1899-12-30 (Sheets and Excel); 25569 is 1970-01-01. */
const EPOCH_SERIAL = 25569;
const BUCKET_MS = 900_000; // offsets change on quarter-hour boundaries in every IANA zone

/** The real Date, captured before the runtime swaps the global for the emulated clock (faster than the proxy). */
export const RealDate = Date;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetCache = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (Java and Apps Script fall back to GMT for unknown ones). */
export function isValidZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

function computeOffset(epochMs: number, timeZone: string): number {
  const parts = formatter(timeZone).formatToParts(new Date(epochMs));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return wall - (epochMs - (((epochMs % 1000) + 1000) % 1000));
}

/** Offset of the zone from UTC at an instant, in ms (Chicago in January: -21600000). */
export function offsetMs(epochMs: number, timeZone: string): number {
  if (timeZone === 'UTC' || timeZone === 'GMT' || timeZone === 'Etc/UTC') return 0;
  let cache = offsetCache.get(timeZone);
  if (!cache) offsetCache.set(timeZone, (cache = new Map()));
  const bucket = Math.floor(epochMs / BUCKET_MS);
  let off = cache.get(bucket);
  if (off === undefined) {
    off = computeOffset(bucket * BUCKET_MS, timeZone);
    cache.set(bucket, off);
  }
  return off;
}

/** The wall clock of the zone at an instant, as ms on a UTC time line (read it back with getUTC*). */
export function toWallMs(epochMs: number, timeZone: string): number {
  return epochMs + offsetMs(epochMs, timeZone);
}

/** The instant at which the zone's wall clock shows `wallMs` (a gap in spring resolves forward, as Sheets does). */
export function fromWallMs(wallMs: number, timeZone: string): number {
  const guess = wallMs - offsetMs(wallMs, timeZone);
  const epoch = wallMs - offsetMs(guess, timeZone);
  return toWallMs(epoch, timeZone) === wallMs ? epoch : wallMs - offsetMs(epoch, timeZone);
}

/** Spreadsheet serial (days since 1899-12-30, wall time of the zone) for an instant. */
export function epochToSerial(epochMs: number, timeZone: string): number {
  return toWallMs(epochMs, timeZone) / MS_PER_DAY + EPOCH_SERIAL;
}

const serialCache = new Map<string, Map<number, number>>();

/** The instant of a spreadsheet serial read in the zone (memoized: school data repeats the same dates). */
export function serialToEpoch(serial: number, timeZone: string): number {
  let cache = serialCache.get(timeZone);
  if (!cache) serialCache.set(timeZone, (cache = new Map()));
  let epoch = cache.get(serial);
  if (epoch === undefined) {
    if (cache.size > 100_000) cache.clear();
    epoch = fromWallMs(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY), timeZone);
    cache.set(serial, epoch);
  }
  return epoch;
}

/** Serial of a wall date (no zone involved). */
export function wallToSerial(y: number, m: number, d: number, hh = 0, mm = 0, ss = 0): number {
  return Date.UTC(y, m - 1, d, hh, mm, ss) / MS_PER_DAY + EPOCH_SERIAL;
}

/** Wall parts of a serial: the UTC getters of the returned Date are the wall clock. */
export function serialToWallDate(serial: number): Date {
  return new Date(Math.round((serial - EPOCH_SERIAL) * MS_PER_DAY));
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
export const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Cross-realm Date test (host Dates are not `instanceof` the context's Date). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}
