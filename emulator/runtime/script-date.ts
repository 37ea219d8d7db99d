// The script's Date: `new Date()` reads the emulated clock, and local-time getters, setters, parsing and printing use
// the script's time zone (appsscript.json `timeZone`), as in Apps Script, whatever the host's zone. Only this vm
// context's Date.prototype is changed (its own realm), so the host and other emulators are untouched.
import type { Runtime } from './core';
import { fromWallMs, offsetMs } from './utilities-time';

type DateMethod = (this: Date, ...args: number[]) => number;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** A date-time string with its own zone (`Z`, `+05:30`, `GMT-0500`, `EST`...) or an ISO date alone (UTC by spec). */
const HAS_ZONE = /(?:Z|[+-]\d{2}:?\d{2}|\b(?:GMT|UTC|UT|[ECMP][SD]T)\b[^()]*)\s*(?:\([^)]*\))?\s*$/i;
const ISO_DATE_ONLY = /^\s*[+-]?\d{4,6}(?:-\d{2}(?:-\d{2})?)?\s*$/;

/**
 * Replaces the context's Date so that `new Date()`/`Date.now()` read the emulated clock and local time is the
 * script's zone. Every Date stays `instanceof Date` (the constructor is a Proxy over the real one).
 */
export function installScriptDate(
  g: Record<string, unknown>,
  rt: Runtime,
  timeZone: string,
): DateConstructor {
  const RealDate = g.Date as DateConstructor;
  const proto = RealDate.prototype as unknown as Record<string, unknown>;
  const time = (d: Date): number => RealDate.prototype.getTime.call(d);
  const hostOffsetMin = RealDate.prototype.getTimezoneOffset;
  const wall = (t: number): number => t + offsetMs(t, timeZone);
  const fromWall = (w: number): number => (Number.isNaN(w) ? NaN : fromWallMs(w, timeZone));

  /** Local getters: the UTC getter read on the wall clock of the script's zone. */
  for (const name of ['FullYear', 'Month', 'Date', 'Day', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    const utc = proto[`getUTC${name}`] as DateMethod;
    proto[`get${name}`] = function (this: Date): number {
      const t = time(this);
      return Number.isNaN(t) ? NaN : utc.call(new RealDate(wall(t)));
    };
  }
  proto.getYear = function (this: Date): number {
    return (this.getFullYear() as number) - 1900;
  };
  proto.getTimezoneOffset = function (this: Date): number {
    const t = time(this);
    return Number.isNaN(t) ? NaN : -offsetMs(t, timeZone) / 60_000;
  };
  /** Local setters: the UTC setter applied to the wall clock, then back to an instant in the zone. */
  for (const name of ['FullYear', 'Month', 'Date', 'Hours', 'Minutes', 'Seconds', 'Milliseconds']) {
    const utc = proto[`setUTC${name}`] as DateMethod;
    proto[`set${name}`] = function (this: Date, ...args: number[]): number {
      let t = time(this);
      if (Number.isNaN(t) && name === 'FullYear') t = fromWall(0);
      const w = new RealDate(Number.isNaN(t) ? NaN : wall(t));
      const next = fromWall(utc.apply(w, args));
      return RealDate.prototype.setTime.call(this, next);
    };
  }

  const zoneName = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' });
  const gmt = (t: number): string => {
    const off = offsetMs(t, timeZone) / 60_000;
    return `GMT${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  };
  const longName = (t: number): string =>
    zoneName.formatToParts(new RealDate(t)).find((p) => p.type === 'timeZoneName')?.value ?? gmt(t);
  const datePart = (w: Date): string =>
    `${DAYS[w.getUTCDay()]} ${MONTHS[w.getUTCMonth()]} ${pad(w.getUTCDate())} ${pad(w.getUTCFullYear(), 4)}`;
  const timePart = (w: Date, t: number): string =>
    `${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} ${gmt(t)} (${longName(t)})`;
  const printer = (fn: (w: Date, t: number) => string) =>
    function (this: Date): string {
      const t = time(this);
      return Number.isNaN(t) ? 'Invalid Date' : fn(new RealDate(wall(t)), t);
    };
  proto.toString = printer((w, t) => `${datePart(w)} ${timePart(w, t)}`);
  proto.toDateString = printer((w) => datePart(w));
  proto.toTimeString = printer((w, t) => timePart(w, t));
  for (const name of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) {
    const real = proto[name] as (this: Date, l?: unknown, o?: Intl.DateTimeFormatOptions) => string;
    proto[name] = function (this: Date, locales?: unknown, options?: Intl.DateTimeFormatOptions): string {
      return real.call(this, locales, { timeZone, ...options });
    };
  }
  const intl = g.Intl as { DateTimeFormat: typeof Intl.DateTimeFormat };
  const withZone = (args: unknown[]): unknown[] => [
    args[0],
    { timeZone, ...(args[1] as object | undefined) },
  ];
  intl.DateTimeFormat = new Proxy(intl.DateTimeFormat, {
    construct: (target, args, newTarget) => Reflect.construct(target, withZone(args), newTarget),
    apply: (target, self, args) => Reflect.apply(target, self, withZone(args)),
  });

  /** A string without a zone is local time in the script's zone (ISO dates alone are UTC, as the spec says). */
  const parse = (s: string): number => {
    const t = RealDate.parse(s);
    if (Number.isNaN(t) || ISO_DATE_ONLY.test(s) || HAS_ZONE.test(s)) return t;
    const hostWall = t - hostOffsetMin.call(new RealDate(t)) * 60_000;
    return fromWall(hostWall);
  };
  const clock = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      if (args.length === 0) return Reflect.construct(target, [rt.wallNow()], newTarget);
      if (args.length === 1) {
        const v = args[0] instanceof RealDate ? time(args[0]) : args[0];
        return Reflect.construct(target, [typeof v === 'string' ? parse(v) : v], newTarget);
      }
      const w = RealDate.UTC(...(args as [number, number]));
      return Reflect.construct(target, [fromWall(w)], newTarget);
    },
    apply() {
      return new RealDate(rt.wallNow()).toString();
    },
    get(target, prop, receiver) {
      if (prop === 'now') return () => rt.wallNow();
      if (prop === 'parse') return (s: unknown) => parse(String(s));
      return Reflect.get(target, prop, receiver);
    },
  });
  g.Date = clock;
  return RealDate;
}
