// Utilities.formatDate: Java SimpleDateFormat patterns in an IANA zone, through Intl.
import { DAYS, MONTHS, isValidZone, offsetMs } from './utilities-time';

const shortNames = new Map<string, Intl.DateTimeFormat>();

function zoneName(epochMs: number, tz: string, long: boolean): string {
  const key = `${tz}|${long}`;
  let f = shortNames.get(key);
  if (!f)
    shortNames.set(
      key,
      (f = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: long ? 'long' : 'short' })),
    );
  const name = f.formatToParts(new Date(epochMs)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return name === 'UTC' ? 'GMT' : name;
}

function offsetText(offMs: number, colon: boolean, hoursOnly = false): string {
  const sign = offMs < 0 ? '-' : '+';
  const m = Math.abs(offMs) / 60_000;
  const hh = String(Math.floor(m / 60)).padStart(2, '0');
  const mm = String(m % 60).padStart(2, '0');
  return hoursOnly ? `${sign}${hh}` : `${sign}${hh}${colon ? ':' : ''}${mm}`;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/**
 * Formats like Java's SimpleDateFormat: G y M L d E u a H k K h m s S z Z X D and 'quoted' text ('' is a quote).
 * An unknown zone falls back to GMT, as Java does.
 */
export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  const tz = isValidZone(timeZone) ? timeZone : 'GMT';
  const epoch = date.getTime();
  const off = offsetMs(epoch, tz);
  const d = new Date(epoch + off);
  const year = d.getUTCFullYear();
  const hours = d.getUTCHours();
  let out = '';
  for (let i = 0; i < pattern.length;) {
    const ch = pattern[i] as string;
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      if (end === i + 1) {
        out += "'";
        i += 2;
        continue;
      }
      let j = i + 1;
      let lit = '';
      while (j < pattern.length) {
        if (pattern[j] === "'" && pattern[j + 1] === "'") {
          lit += "'";
          j += 2;
        } else if (pattern[j] === "'") break;
        else lit += pattern[j++];
      }
      out += lit;
      i = j + 1;
      continue;
    }
    if (!/[A-Za-z]/.test(ch)) {
      out += ch;
      i++;
      continue;
    }
    let n = 1;
    while (pattern[i + n] === ch) n++;
    i += n;
    switch (ch) {
      case 'G':
        out += year > 0 ? 'AD' : 'BC';
        break;
      case 'y':
      case 'Y':
        out += n === 2 ? pad(year % 100, 2) : pad(year, n);
        break;
      case 'M':
      case 'L':
        out +=
          n >= 4
            ? MONTHS[d.getUTCMonth()]
            : n === 3
              ? MONTHS[d.getUTCMonth()]!.slice(0, 3)
              : pad(d.getUTCMonth() + 1, n);
        break;
      case 'd':
        out += pad(d.getUTCDate(), n);
        break;
      case 'D':
        out += pad(
          Math.floor((Date.UTC(year, d.getUTCMonth(), d.getUTCDate()) - Date.UTC(year, 0, 1)) / 86_400_000) +
            1,
          n,
        );
        break;
      case 'E':
        out += n >= 4 ? DAYS[d.getUTCDay()] : DAYS[d.getUTCDay()]!.slice(0, 3);
        break;
      case 'u':
        out += pad(d.getUTCDay() || 7, n);
        break;
      case 'a':
        out += hours < 12 ? 'AM' : 'PM';
        break;
      case 'H':
        out += pad(hours, n);
        break;
      case 'k':
        out += pad(hours || 24, n);
        break;
      case 'K':
        out += pad(hours % 12, n);
        break;
      case 'h':
        out += pad(hours % 12 || 12, n);
        break;
      case 'm':
        out += pad(d.getUTCMinutes(), n);
        break;
      case 's':
        out += pad(d.getUTCSeconds(), n);
        break;
      case 'S':
        out += pad(d.getUTCMilliseconds(), n);
        break;
      case 'z':
        out += zoneName(epoch, tz, n >= 4);
        break;
      case 'Z':
        out += offsetText(off, false);
        break;
      case 'X':
        out += off === 0 ? 'Z' : offsetText(off, n >= 3, n === 1);
        break;
      default:
        throw new Error(`Illegal pattern character '${ch}'`);
    }
  }
  return out;
}
