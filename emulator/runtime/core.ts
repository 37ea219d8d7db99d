// The emulator's kernel: virtual clock, per-call cost and counting, execution limits, quotas and fault injection.
// This file runs inside the add-on's vm context (one realm with build/Code.js): no Node APIs here.

/** How an execution was started; it decides the time limit, as in Apps Script. */
export type ExecutionKind =
  'simple-trigger' | 'installable-trigger' | 'menu' | 'sidebar' | 'time-trigger' | 'direct';

/** Time limits of one execution (Apps Script quotas page: 6 min a script; 30 s a simple trigger). */
export const EXECUTION_LIMIT_MS: Record<ExecutionKind, number> = {
  'simple-trigger': 30_000,
  'installable-trigger': 360_000,
  menu: 360_000,
  sidebar: 360_000,
  'time-trigger': 360_000,
  direct: 360_000,
};

/** Apps Script's own message when an execution passes its time limit. */
export const TIME_LIMIT_MESSAGE = 'Exceeded maximum execution time';

/** Cost of one call in simulated milliseconds: a fixed part plus a part per unit (cells, bytes, recipients). */
export interface Cost {
  base: number;
  perUnit?: number;
  /** Units the base already covers: `perUnit` is charged only past them (writes are flat up to ~20,000 cells). */
  freeUnits?: number;
  /** A write Apps Script queues: afterwards the spreadsheet has writes pending. */
  queues?: boolean;
  /** A call that must see the spreadsheet's current state: pending writes are committed first (`FLUSH_METHOD`). */
  commits?: boolean;
}

/** The commit of queued writes, charged when a `commits` call finds writes pending (counted under this name). */
export const FLUSH_METHOD = 'Sheets.flush';

export interface Fault {
  /** `Service.method` or `Class.method`, as counted (for example `Range.setValues`, `MailApp.sendEmail`). */
  method: string;
  /** 1-based: the Nth call of that method from now on throws. */
  nth: number;
  message: string;
  seen: number;
  fired: boolean;
  /**
   * Fires after the Nth call's effect happened (the mail left, the file exists) instead of before the call:
   * the execution dies without the script learning the call succeeded. Counted on `effect(method)`.
   */
  after?: boolean;
  /** Ends the execution as the time limit does (no later call succeeds) instead of throwing a catchable error. */
  kill?: boolean;
}

/** How a fault fires (`Runtime.injectFault`). */
export interface FaultOptions {
  after?: boolean;
  kill?: boolean;
}

export interface ExecutionRecord {
  kind: ExecutionKind;
  name: string;
  simulatedMs: number;
  error?: string;
}

/** A quota per day (emails recipients, documents created), reset by `newDay()`. */
export interface DailyQuota {
  limit: number;
  used: number;
  /** Apps Script's error message when the quota is exhausted. */
  message: string;
}

export class EmulatorError extends Error {}

/** Thrown (and re-thrown on every later call) once an execution passes its limit: not recoverable by the script. */
export class ExecutionKilled extends Error {}

export class Runtime {
  /** Simulated ms since the start of the current execution. */
  elapsedMs = 0;
  /** Simulated ms over every execution since the emulator started. */
  totalMs = 0;
  /** Calls counted per `Class.method` since the last `resetCounters()`. */
  readonly calls = new Map<string, number>();
  readonly faults: Fault[] = [];
  /** Completed side effects per method (`effect()`): the points where an after-the-effect crash can be injected. */
  readonly effects = new Map<string, number>();
  readonly executions: ExecutionRecord[] = [];
  readonly quotas = new Map<string, DailyQuota>();
  /** Writes queued in this execution and not yet committed (Apps Script commits them at its end). */
  pendingWrites = false;
  private current: { kind: ExecutionKind; name: string; limitMs: number; killed: boolean } | null = null;

  constructor(
    private readonly costs: Record<string, Cost>,
    /** Wall-clock epoch ms at which the emulated world starts (the `--as-of` date). */
    public wallStartMs: number,
  ) {}

  /** The emulated wall clock: start time plus all simulated time so far. */
  wallNow(): number {
    return this.wallStartMs + this.totalMs;
  }

  /**
   * Every emulated service method calls this first: it counts the call, charges its cost to the clock,
   * fires an injected fault and enforces the execution's time limit.
   */
  call(method: string, units = 0): void {
    if (this.current?.killed) throw new ExecutionKilled(TIME_LIMIT_MESSAGE);
    const cost = this.costs[method] ?? this.costs['*'] ?? { base: 0 };
    if (cost.commits && this.pendingWrites) {
      this.pendingWrites = false;
      this.call(FLUSH_METHOD);
    }
    this.calls.set(method, (this.calls.get(method) ?? 0) + 1);
    const ms = cost.base + (cost.perUnit ?? 0) * Math.max(0, units - (cost.freeUnits ?? 0));
    this.elapsedMs += ms;
    this.totalMs += ms;
    this.fire(method, false);
    if (cost.queues) this.pendingWrites = true;
    if (this.current && this.elapsedMs > this.current.limitMs) {
      this.current.killed = true;
      throw new ExecutionKilled(TIME_LIMIT_MESSAGE);
    }
  }

  /** Adds cost entries a service module brings (existing entries win, so a host table can override them). */
  addCosts(costs: Record<string, Cost>): void {
    for (const [method, cost] of Object.entries(costs)) {
      if (!(method in this.costs)) this.costs[method] = cost;
    }
  }

  /** Uses `n` of a daily quota, or throws Apps Script's message when it would go past the limit. */
  useQuota(name: string, n: number): void {
    const quota = this.quotas.get(name);
    if (!quota) throw new EmulatorError(`unknown quota ${name}`);
    if (quota.used + n > quota.limit) throw new Error(quota.message);
    quota.used += n;
  }

  remainingQuota(name: string): number {
    const quota = this.quotas.get(name);
    if (!quota) throw new EmulatorError(`unknown quota ${name}`);
    return Math.max(0, quota.limit - quota.used);
  }

  private fire(method: string, after: boolean): void {
    for (const fault of this.faults) {
      if (fault.fired || fault.method !== method || (fault.after ?? false) !== after) continue;
      fault.seen += 1;
      if (fault.seen === fault.nth) {
        fault.fired = true;
        if (fault.kill && this.current) {
          this.current.killed = true;
          throw new ExecutionKilled(fault.message);
        }
        throw new Error(fault.message);
      }
    }
  }

  /**
   * A service calls this once the side effect of `method` has happened (a message sent, a file or document
   * created or saved): it counts the effect and fires an after-the-effect fault, so a host can crash an execution
   * between an effect and the script's next statement.
   */
  effect(method: string): void {
    this.effects.set(method, (this.effects.get(method) ?? 0) + 1);
    this.fire(method, true);
  }

  /**
   * Makes the `nth` next call of `method` throw `message` (once): before the call by default; with `after`, once
   * its effect happened; with `kill`, the execution ends as at the time limit.
   */
  injectFault(method: string, nth: number, message: string, options: FaultOptions = {}): void {
    this.faults.push({ method, nth, message, seen: 0, fired: false, ...options });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  /** Starts a day: daily quotas are reset. */
  newDay(): void {
    for (const quota of this.quotas.values()) quota.used = 0;
  }

  resetCounters(): void {
    this.calls.clear();
    this.effects.clear();
  }

  /** Runs `fn` as one execution of the given kind; the record says how long it took and how it ended. */
  execute<T>(kind: ExecutionKind, name: string, fn: () => T): { value?: T; record: ExecutionRecord } {
    if (this.current) throw new EmulatorError(`execution ${this.current.name} is still running`);
    this.current = { kind, name, limitMs: EXECUTION_LIMIT_MS[kind], killed: false };
    this.elapsedMs = 0;
    this.pendingWrites = false;
    const record: ExecutionRecord = { kind, name, simulatedMs: 0 };
    try {
      const value = fn();
      if (this.current.killed) record.error = TIME_LIMIT_MESSAGE;
      return { value, record };
    } catch (e) {
      record.error = this.current.killed ? TIME_LIMIT_MESSAGE : e instanceof Error ? e.message : String(e);
      return { record };
    } finally {
      record.simulatedMs = this.elapsedMs;
      this.executions.push(record);
      this.current = null;
    }
  }

  get executing(): ExecutionKind | null {
    return this.current?.kind ?? null;
  }
}

export { loud, notImplemented } from './apps-script-surface';

/**
 * The shape an emulated class must have for the listed methods of the real Apps Script type: same parameters,
 * same primitive results; results that are Apps Script objects are left open (the fakes return fakes).
 * Use as `class FakeRange implements ApiShape<GoogleAppsScript.Spreadsheet.Range, 'getValues' | ...>`.
 */
export type ApiShape<T, K extends keyof T> = {
  [P in K]: T[P] extends (...args: infer A) => infer R
    ? (...args: A) => R extends string | number | boolean | void | null | undefined | unknown[] ? R : unknown
    : T[P];
};

/** An error as Apps Script services throw it (`e.name === 'Exception'`, `String(e)` is `Exception: message`). */
export function gasError(message: string): Error {
  const e = new Error(message);
  e.name = 'Exception';
  return e;
}
