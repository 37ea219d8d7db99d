// Values crossing from the script's realm to Node's: Dates, arrays and plain objects become host ones.
import { fromWallMs } from '../runtime/utilities-time';

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Deep copy into host values; objects with methods (fakes) are returned as they are. */
export function toHost(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (isDate(v)) return new Date(v.getTime());
  if (Array.isArray(v)) {
    const out = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = toHost(v[i]);
    return out;
  }
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) out[k] = toHost(x);
  return out;
}

/** Epoch ms of `hour`:00 on the wall date `yyyy-MM-dd` in an IANA zone. */
export function zonedMs(day: string, hour: number, timeZone: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`asOf must be YYYY-MM-DD, got ${day}`);
  return fromWallMs(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), hour), timeZone);
}
