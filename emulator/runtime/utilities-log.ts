// Logger and console for the script's realm: every line goes to the Control's captured log.
import type { Runtime } from './core';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  atMs: number;
}

function show(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v instanceof Error) return v.stack ?? `${v.name}: ${v.message}`;
  try {
    return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
  } catch {
    return String(v);
  }
}

/** Logger.log(format, ...values) replaces %s in order; the log can be read back with getLog(). */
export function makeLogger(
  rt: Runtime,
  logs: LogEntry[],
  echo?: (line: string) => void,
): GoogleAppsScript.Base.Logger {
  let text = '';
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      rt.call('Logger.log');
      let message = show(data);
      if (values.length)
        message = message.replace(/%s|%d/g, () => (values.length ? show(values.shift()) : ''));
      logs.push({ level: 'log', message, atMs: rt.wallNow() });
      text += message + '\n';
      echo?.(message);
      return logger;
    },
    getLog: () => text,
    clear: () => {
      text = '';
    },
  };
  return logger as unknown as GoogleAppsScript.Base.Logger;
}

export function makeConsole(
  rt: Runtime,
  logs: LogEntry[],
  echo?: (line: string) => void,
): Record<string, (...a: unknown[]) => void> {
  const entry =
    (level: LogEntry['level']) =>
    (...args: unknown[]) => {
      rt.call('console.log');
      const message = args.map(show).join(' ');
      logs.push({ level, message, atMs: rt.wallNow() });
      echo?.(`[${level}] ${message}`);
    };
  return {
    log: entry('log'),
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    debug: entry('debug'),
    time: () => {},
    timeEnd: () => {},
  };
}
