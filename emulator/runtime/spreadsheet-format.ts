// Number formats as Sheets applies them: which formats make a cell a date, and the display text of a value.
import { MONTHS, DAYS, serialToWallDate } from './utilities-time';

export type Cell = number | string | boolean | null;

/** What `getNumberFormat()` returns for a cell nobody formatted (an Apps Script quirk). */
export const DEFAULT_NUMBER_FORMAT = '0.###############';
export const DATE_FORMAT = 'M/d/yyyy';
export const DATETIME_FORMAT = 'M/d/yyyy H:mm:ss';

type Kind = 'text' | 'date' | 'number' | 'general';
const kinds = new Map<string, Kind>();

function stripLiterals(fmt: string): string {
  return fmt.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

export function formatKind(fmt: string | undefined): Kind {
  if (fmt === undefined) return 'general';
  let k = kinds.get(fmt);
  if (!k) {
    if (fmt === '' || fmt === DEFAULT_NUMBER_FORMAT || /^general$/i.test(fmt)) {
      kinds.set(fmt, 'general');
      return 'general';
    }
    const bare = stripLiterals(fmt).toLowerCase();
    if (bare.trim() === '@') k = 'text';
    else if (/[dyhs]|am\/pm|a\/p/.test(bare) || (/m/.test(bare) && !/[0#]/.test(bare))) k = 'date';
    else k = 'number';
    kinds.set(fmt, k);
  }
  return k;
}

export const isDateFormat = (fmt: string | undefined): boolean => formatKind(fmt) === 'date';
export const isTextFormat = (fmt: string | undefined): boolean => formatKind(fmt) === 'text';

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

const DATE_TOKEN = /"[^"]*"|\\.|yyyy|yy|y|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|am\/pm|a\/p|\.0+|./gi;

/** Display text of a date serial under a Sheets date format (yyyy-mm-dd, M/d/yyyy, h:mm am/pm, mmmm d ...). */
export function formatSerial(serial: number, fmt: string): string {
  const d = serialToWallDate(serial);
  const tokens = fmt.match(DATE_TOKEN) ?? [];
  const ampm = tokens.some((t) => /^(am\/pm|a\/p)$/i.test(t));
  let out = '';
  tokens.forEach((tok, i) => {
    const t = tok.toLowerCase();
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((x) => /^[hdmys]/i.test(x) && x.length <= 4 && !/^\./.test(x));
    const next = tokens.slice(i + 1).find((x) => /^[hdmys]/i.test(x) && x.length <= 4);
    const minute = /^h/i.test(prev ?? '') || /^s/i.test(next ?? '');
    const hours = d.getUTCHours();
    switch (t) {
      case 'yyyy':
      case 'y':
        out += d.getUTCFullYear();
        break;
      case 'yy':
        out += pad(d.getUTCFullYear() % 100, 2);
        break;
      case 'mmmm':
        out += MONTHS[d.getUTCMonth()];
        break;
      case 'mmm':
        out += MONTHS[d.getUTCMonth()]?.slice(0, 3);
        break;
      case 'mm':
        out += minute ? pad(d.getUTCMinutes(), 2) : pad(d.getUTCMonth() + 1, 2);
        break;
      case 'm':
        out += minute ? d.getUTCMinutes() : d.getUTCMonth() + 1;
        break;
      case 'dddd':
        out += DAYS[d.getUTCDay()];
        break;
      case 'ddd':
        out += DAYS[d.getUTCDay()]?.slice(0, 3);
        break;
      case 'dd':
        out += pad(d.getUTCDate(), 2);
        break;
      case 'd':
        out += d.getUTCDate();
        break;
      case 'hh':
        out += pad(ampm ? hours % 12 || 12 : hours, 2);
        break;
      case 'h':
        out += ampm ? hours % 12 || 12 : hours;
        break;
      case 'ss':
        out += pad(d.getUTCSeconds(), 2);
        break;
      case 's':
        out += d.getUTCSeconds();
        break;
      case 'am/pm':
        out += hours < 12 ? 'AM' : 'PM';
        break;
      case 'a/p':
        out += hours < 12 ? 'A' : 'P';
        break;
      default:
        if (t.startsWith('.0')) out += '.' + pad(d.getUTCMilliseconds(), 3).slice(0, t.length - 1);
        else if (tok.startsWith('"')) out += tok.slice(1, -1);
        else if (tok.startsWith('\\')) out += tok.slice(1);
        else out += tok;
    }
  });
  return out;
}

function group(intDigits: string): string {
  return intDigits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Display text of a number under a numeric format (0, 0.00, #,##0, 0.0%, "$"#,##0.00, positive;negative). */
export function formatNumber(n: number, fmt: string): string {
  const sections = fmt.split(';');
  let section = sections[0] ?? '';
  let value = n;
  if (n < 0 && sections[1] !== undefined) {
    section = sections[1];
    value = -n;
  } else if (n === 0 && sections[2] !== undefined) section = sections[2];
  const m = /^(.*?)([#0,]*\.?[#0]*)([^#0]*)$/.exec(section.replace(/"([^"]*)"|\\(.)/g, '$1$2'));
  if (!m || !m[2]) return generalNumber(n);
  const [, prefix = '', core = '', suffix = ''] = m;
  const percent = /%/.test(suffix) || /%/.test(prefix);
  if (percent) value *= 100;
  const [intPat = '', decPat = ''] = core.split('.');
  const maxDec = decPat.length;
  const minDec = (decPat.match(/0/g) ?? []).length;
  const minInt = (intPat.match(/0/g) ?? []).length;
  let text = Math.abs(value).toFixed(maxDec);
  if (maxDec > minDec) text = text.replace(new RegExp(`0{1,${maxDec - minDec}}$`), '').replace(/\.$/, '');
  const [intText = '0', dp] = text.split('.');
  let ip = intText;
  ip = ip.replace(/^0+/, '').padStart(minInt, '0');
  if (intPat.includes(',')) ip = group(ip);
  const sign = value < 0 && Number(text) !== 0 ? '-' : '';
  return `${sign}${prefix}${ip}${dp ? '.' + dp : ''}${suffix}`;
}

/** Sheets' "Automatic" display of a number: integers as they are, others to 10 significant digits. */
export function generalNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const s = String(Number(n.toPrecision(10)));
  return s.replace(/e\+?/, 'E+').replace('E+-', 'E-');
}

/** What `getDisplayValue()` shows for a stored cell. */
export function displayValue(v: Cell, fmt: string | undefined): string {
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return v;
  switch (formatKind(fmt)) {
    case 'date':
      return formatSerial(v, fmt as string);
    case 'number':
      return formatNumber(v, fmt as string);
    default:
      return generalNumber(v);
  }
}
