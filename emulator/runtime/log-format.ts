// How Apps Script renders logged values: Logger.log in Java's `{key=value}` form, console.log as V8 inspects values,
// errors with the script's own stack frames only. Runs inside the vm context: no Node APIs.
//
// References: developers.google.com/apps-script/reference/base/logger (`Logger.log({ key: "value" })` logs
// `{key=value}`; an object with a `message` property logs that message; `log(format, values)` replaces `%s`) and
// developers.google.com/apps-script/reference/base/console (`formatOrObject`: a string with substitution strings, or
// an object logged as an object; `timeEnd` logs the time since `time`). Observed on the platform (tetsuooo.net, "GAS
// consoleとLoggerの違い"): `Logger.log(100)` → `100.0`, `Logger.log({name: 'Ted', age: 4})` → `{age=4.0, name=Ted}`,
// `console.log` of the same object → `{ name: 'Ted', age: 4 }`.

const isDate = (v: unknown): v is Date => Object.prototype.toString.call(v) === '[object Date]';

/** Java's `Double.toString`: `4` → `4.0`, `1e7` → `1.0E7`, `0.5` → `0.5`. */
export function javaDouble(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  const abs = Math.abs(n);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa = '', exp = '0'] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exp)}`;
}

/** The script's frames of a stack, named as Apps Script names files (`Code`, not a host path). */
export function scriptStack(e: Error): string {
  const lines = (e.stack ?? `${e.name}: ${e.message}`).split('\n');
  const out: string[] = [];
  for (const line of lines) {
    if (!/^\s+at /.test(line)) {
      out.push(line);
      continue;
    }
    const m = /^(\s+at (?:.*? \()?)([\w.-]+)\.(?:js|gs):(\d+:\d+)(\)?)$/.exec(line);
    if (m && m[2] !== 'emulator-runtime') out.push(`${m[1]}${m[2]}:${m[3]}${m[4]}`);
  }
  return out.join('\n');
}

/** A value as `Logger.log` writes it (Java's rendering of the JavaScript value). */
export function javaString(v: unknown, nested = false): string {
  if (typeof v === 'number') return javaDouble(v);
  if (v === null || v === undefined) return String(v);
  if (typeof v !== 'object') return String(v);
  if (isDate(v)) return String(v);
  if (v instanceof Error) return nested ? String(v) : scriptStack(v);
  if (Array.isArray(v)) return `[${v.map((x) => javaString(x, true)).join(', ')}]`;
  const proto = Object.getPrototypeOf(v);
  if (proto !== null && Object.getPrototypeOf(proto) !== null) return String(v);
  const keys = Object.keys(v).sort(); // a Java map: its order is not the script's; sorted here to be stable
  const rec = v as Record<string, unknown>;
  return `{${keys.map((k) => `${k}=${javaString(rec[k], true)}`).join(', ')}}`;
}

/**
 * `Logger.log(data)`: a string as it is; an object with a `message` property (an Error too, as the reference words it)
 * logs the message; anything else as Java shows it.
 */
export function loggerMessage(data: unknown, values: unknown[]): string {
  if (values.length === 0) {
    if (data !== null && typeof data === 'object' && 'message' in data)
      return String((data as { message: unknown }).message);
    return javaString(data);
  }
  let i = 0;
  return String(data).replace(/%s/g, () => (i < values.length ? javaString(values[i++]) : '%s'));
}

const IDENT = /^[A-Za-z_$][\w$]*$/;

/** A value as V8's console shows it (`{ name: 'Ted', age: 4 }`, `[ 1, 2 ]`), two levels deep. */
export function inspect(v: unknown, depth = 0): string {
  if (typeof v === 'string') return depth === 0 ? v : `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === 'function') return `[Function: ${v.name || '(anonymous)'}]`;
  if (v === null || typeof v !== 'object') return String(v);
  if (isDate(v)) return Number.isNaN(v.getTime()) ? 'Invalid Date' : v.toISOString();
  if (v instanceof Error) return scriptStack(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return depth > 2 ? '[Array]' : `[ ${v.map((x) => inspect(x, depth + 1)).join(', ')} ]`;
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  if (depth > 2) return '[Object]';
  const rec = v as Record<string, unknown>;
  const body = keys.map((k) => `${IDENT.test(k) ? k : `'${k}'`}: ${inspect(rec[k], depth + 1)}`).join(', ');
  return `{ ${body} }`;
}

/**
 * `console.log(formatOrObject, values)`: substitution strings `%s %d %i %f %o %O %c %%` in a leading string, as the
 * console standard defines them; values left over are appended, each as the console shows it.
 */
export function consoleMessage(args: unknown[]): string {
  if (args.length === 0) return '';
  const [first, ...rest] = args;
  let head = inspect(first);
  if (typeof first === 'string' && rest.length) {
    head = first.replace(/%[sdifoOc%]/g, (spec) => {
      if (spec === '%%') return '%';
      if (!rest.length) return spec;
      const v = rest.shift();
      switch (spec) {
        case '%s':
          return typeof v === 'string' ? v : inspect(v, 1);
        case '%d':
        case '%i':
          return typeof v === 'object' && v !== null ? 'NaN' : String(parseInt(String(v), 10));
        case '%f':
          return String(parseFloat(String(v)));
        case '%c':
          return '';
        default:
          return inspect(v, 1);
      }
    });
  }
  return [head, ...rest.map((v) => inspect(v))].join(' ');
}
