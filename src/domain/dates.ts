// School days as `yyyy-MM-dd` strings (DayKey) and day numbers: pure integer arithmetic, no Date objects.

/** A calendar day in the school's time zone, written `yyyy-MM-dd` (e.g. `2026-11-29`). */
export type DayKey = string;

/** Days since 1970-01-01 (day 0). Integer arithmetic only, so no time zone or DST drift. */
export type DayNumber = number;

const DAY_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Day number of a civil date (proleptic Gregorian; Hinnant's days_from_civil). */
export function dayNumberFromParts(year: number, month: number, day: number): DayNumber {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of a day number: `{ year, month (1-12), day }`. */
export function partsFromDayNumber(n: DayNumber): { year: number; month: number; day: number } {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function validParts(year: number, month: number, day: number): boolean {
  return (
    year >= 1900 && year <= 2999 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
  );
}

/** True for a real `yyyy-MM-dd` date (rejects `2026-02-30`, `2026-13-01`, `2026-1-5`). */
export function isDayKey(text: unknown): text is DayKey {
  if (typeof text !== 'string') return false;
  const m = DAY_KEY.exec(text);
  return m !== null && validParts(Number(m[1]), Number(m[2]), Number(m[3]));
}

/** Day number of a valid DayKey, or null when it is not a real date. */
export function parseDayKey(text: string): DayNumber | null {
  const m = DAY_KEY.exec(text);
  if (m === null) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validParts(y, mo, d) ? dayNumberFromParts(y, mo, d) : null;
}

/** Day number of a DayKey already known to be valid (NaN otherwise). */
export function toDayNumber(key: DayKey): DayNumber {
  return parseDayKey(key) ?? NaN;
}

/** Day number of a real date, or a RangeError naming the text: date arithmetic never runs on `NaN`. */
function dayNumberOrThrow(key: DayKey): DayNumber {
  const n = parseDayKey(key);
  if (n === null) throw new RangeError(`Not a date (yyyy-mm-dd): "${String(key)}".`);
  return n;
}

/** Day numbers of 1900-01-01 and 2999-12-31: the years `isDayKey` accepts. */
const FIRST_DAY_NUMBER = dayNumberFromParts(1900, 1, 1);
const LAST_DAY_NUMBER = dayNumberFromParts(2999, 12, 31);

/**
 * The DayKey of a day number. Throws a RangeError for a number that is not a whole day from 1900 to 2999, so
 * no `0NaN-NaN-NaN` key is ever made (a loop stepping through days stops with the error instead of spinning).
 */
export function toDayKey(n: DayNumber): DayKey {
  if (!Number.isInteger(n) || n < FIRST_DAY_NUMBER || n > LAST_DAY_NUMBER)
    throw new RangeError(`Day number ${n} is not a date from 1900 to 2999.`);
  const { year, month, day } = partsFromDayNumber(n);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/**
 * Reads a date typed as text: `yyyy-MM-dd` or US `M/d/yyyy`. Returns null when the text is not a
 * real date. (Date cells are converted to DayKeys by the gas adapter in the spreadsheet's zone.)
 */
export function parseDateText(text: string): DayKey | null {
  const t = text.trim();
  if (isDayKey(t)) return t;
  const m = US_DATE.exec(t);
  if (m === null) return null;
  const [mo, d, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return validParts(y, mo, d) ? `${pad(y, 4)}-${pad(mo, 2)}-${pad(d, 2)}` : null;
}

/**
 * `key` moved by a whole number of days. Throws a RangeError when `key` is not a real date or `days` is not a
 * whole number, so the result is always a real date and `addDays(d, 1) > d` (a day loop always ends).
 */
export function addDays(key: DayKey, days: number): DayKey {
  if (!Number.isInteger(days)) throw new RangeError(`Cannot add ${days} days.`);
  return toDayKey(dayNumberOrThrow(key) + days);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: DayKey, b: DayKey): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function weekdayOfNumber(n: DayNumber): number {
  return ((((n + 3) % 7) + 7) % 7) + 1;
}

/** ISO weekday of a DayKey: 1 = Monday … 7 = Sunday. */
export function weekday(key: DayKey): number {
  return weekdayOfNumber(toDayNumber(key));
}

export function isWeekend(key: DayKey): boolean {
  return weekday(key) >= 6;
}

/** Monday of the Mon–Sun week containing `key` (a RangeError when `key` is not a real date). */
export function startOfWeek(key: DayKey): DayKey {
  const n = dayNumberOrThrow(key);
  return toDayKey(n + 1 - weekdayOfNumber(n));
}

/**
 * Adds calendar months, clamping the day to the month's length (2026-08-31 − 6 months = 2026-02-28). Throws a
 * RangeError when `key` is not a real date, `months` is not whole or the result leaves 1900–2999.
 */
export function addMonths(key: DayKey, months: number): DayKey {
  if (!Number.isInteger(months)) throw new RangeError(`Cannot add ${months} months.`);
  const { year, month, day } = partsFromDayNumber(dayNumberOrThrow(key));
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const mo = (index % 12) + 1;
  const d = Math.min(day, daysInMonth(y, mo));
  return toDayKey(dayNumberFromParts(y, mo, d));
}

/** The `n`-th weekday (1 = Monday … 7 = Sunday) of a month; `n = -1` for the last one. */
export function nthWeekdayOfMonth(year: number, month: number, isoWeekday: number, n: number): DayKey {
  if (n > 0) {
    const first = dayNumberFromParts(year, month, 1);
    const offset = (isoWeekday - weekdayOfNumber(first) + 7) % 7;
    return toDayKey(first + offset + (n - 1) * 7);
  }
  const last = dayNumberFromParts(year, month, daysInMonth(year, month));
  return toDayKey(last - ((weekdayOfNumber(last) - isoWeekday + 7) % 7));
}

/** Easter Sunday of a year (anonymous Gregorian algorithm). */
export function easterSunday(year: number): DayKey {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function maxDayKey(a: DayKey, b: DayKey): DayKey {
  return a >= b ? a : b;
}

export function minDayKey(a: DayKey, b: DayKey): DayKey {
  return a <= b ? a : b;
}
