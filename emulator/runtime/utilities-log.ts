// Logger and console for the script's realm: every line goes to the Control's captured log, rendered as Apps Script
// renders it (log-format.ts).
import type { Runtime } from './core';
import { consoleMessage, loggerMessage } from './log-format';

export interface LogEntry {
  level: 'log' | 'info' | 'warn' | 'error' | 'debug';
  message: string;
  atMs: number;
}

/** Logger.log(data) or Logger.log(format, ...values) (`%s` replaced in order); getLog() reads the log back. */
export function makeLogger(
  rt: Runtime,
  logs: LogEntry[],
  echo?: (line: string) => void,
): GoogleAppsScript.Base.Logger {
  let text = '';
  const logger = {
    log(data: unknown, ...values: unknown[]) {
      rt.call('Logger.log');
      const message = loggerMessage(data, values);
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

/** console.log/info/warn/error with substitution strings; time/timeEnd measure the emulated clock. */
export function makeConsole(
  rt: Runtime,
  logs: LogEntry[],
  echo?: (line: string) => void,
): Record<string, (...a: unknown[]) => void> {
  const write = (level: LogEntry['level'], message: string): void => {
    rt.call('console.log');
    logs.push({ level, message, atMs: rt.wallNow() });
    echo?.(`[${level}] ${message}`);
  };
  const entry =
    (level: LogEntry['level']) =>
    (...args: unknown[]) =>
      write(level, consoleMessage(args));
  const timers = new Map<string, number>();
  return {
    log: entry('log'),
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    debug: entry('debug'),
    time: (label: unknown = 'default') => {
      timers.set(String(label), rt.wallNow());
    },
    timeEnd: (label: unknown = 'default') => {
      const start = timers.get(String(label));
      if (start === undefined) return;
      timers.delete(String(label));
      write('log', `${String(label)}: ${rt.wallNow() - start}ms`);
    },
  };
}
