// The fault sweep's machinery: a run's starting state captured once and restored into a fresh emulator, a fault or
// a time-limit kill at one service call, and the outcome that must equal a clean run's.
import { createEmulatorSync, type Emulator, type RunResult } from '../../emulator/host/emulator';
import type { PropertiesState } from '../../emulator/runtime/properties-service';
import { table } from './harness';

export const AS_OF = '2026-10-15';

/** One operation of the sweep: its starting state, the run under test, and the run after it that must repair it. */
export interface Operation {
  name: string;
  prepare(emu: Emulator): void;
  act(emu: Emulator): RunResult[];
  rerun(emu: Emulator): RunResult[];
}

/** The state a run can change, cloned inside the emulator's realm (so its classes keep their prototypes). */
interface Captured {
  book: unknown;
  drive: unknown;
  document: [string, string][];
  script: [string, string][];
  triggers: unknown[];
  /** The emulated clock and the daily quotas used: every point runs at the clean run's moment, on its day. */
  clockMs: number;
  quotaUsed: [string, number][];
}

type Internals = {
  sheets: { state: { books: Map<string, unknown>; activeId: string } };
  drive: object;
  properties: PropertiesState;
  triggers: unknown[];
};

/** Pure computation with no service behind it: a fault there is not a failure Apps Script can have. */
const NOT_A_SERVICE = new Set(['Utilities.formatDate']);
const WRITE =
  /^(Range\.(set|clear|insert|delete|sort|merge|protect)|Sheet\.(set|delete|insert|append|hide|clear|protect|sort)|Spreadsheet\.(insert|delete|set)|Properties\.(set|delete)|(Folder|DriveApp)\.create|Protection\.set|TriggerBuilder\.create)/;

/** A deep copy that keeps each object's prototype and shared references; cached service fakes are dropped. */
function clone<T>(v: T, memo = new Map<unknown, unknown>()): T {
  if (v === null || typeof v !== 'object') return v;
  if (memo.has(v)) return memo.get(v) as T;
  const tag = Object.prototype.toString.call(v);
  const Ctor = (v as { constructor: new (...a: unknown[]) => unknown }).constructor;

  if (tag === '[object Map]') {
    const m = new Ctor() as Map<unknown, unknown>;
    memo.set(v, m);
    for (const [k, x] of v as unknown as Map<unknown, unknown>) m.set(k, clone(x, memo));
    return m as T;
  }
  if (tag === '[object Set]') {
    const m = new Ctor() as Set<unknown>;
    memo.set(v, m);
    for (const x of v as unknown as Set<unknown>) m.add(clone(x, memo));
    return m as T;
  }
  if (tag === '[object Date]') return new Ctor((v as unknown as Date).getTime()) as T;
  if (Array.isArray(v)) {
    const a = new Ctor() as unknown[];
    memo.set(v, a);
    for (let i = 0; i < v.length; i++) if (i in v) a[i] = clone(v[i], memo);
    a.length = v.length;
    return a as T;
  }
  const out: unknown = Object.create(Object.getPrototypeOf(v) as object);
  memo.set(v, out);
  for (const key of Object.getOwnPropertyNames(v)) {
    const x = (v as Record<string, unknown>)[key];
    (out as Record<string, unknown>)[key] = key === 'fake' ? null : clone(x, memo);
  }
  return out as T;
}

function internals(emu: Emulator): Internals {
  return emu.control as unknown as Internals;
}

export function capture(emu: Emulator): Captured {
  const c = internals(emu);
  const rt = emu.control.rt;
  return clone({
    clockMs: rt.totalMs,
    quotaUsed: [...rt.quotas].map(([name, q]): [string, number] => [name, q.used]),
    book: c.sheets.state.books.get(c.sheets.state.activeId),
    drive: c.drive,
    document: [...c.properties.stores.document],
    script: [...c.properties.stores.script],
    triggers: c.triggers,
  });
}

/** Puts the captured state back into the same emulator (a fresh copy each time). */
export function restore(emu: Emulator, state: Captured): Emulator {
  const c = internals(emu);
  const s = clone(state);
  c.sheets.state.books.set(c.sheets.state.activeId, s.book);
  Object.assign(c.drive, s.drive);
  for (const kind of ['document', 'script'] as const) {
    c.properties.stores[kind].clear();
    for (const [k, v] of s[kind]) c.properties.stores[kind].set(k, v);
  }
  c.triggers.length = 0;
  c.triggers.push(...s.triggers);
  // Each run advances the emulated clock (about a minute for Set up and its rerun); a thousand points would carry
  // the later ones past midnight, into a school day the clean run never saw (another Attendance Rate and Due By).
  const rt = emu.control.rt;
  rt.totalMs = s.clockMs;
  for (const [name, used] of s.quotaUsed) rt.quotas.get(name)!.used = used;
  rt.clearFaults();
  return emu;
}

/** What must come out the same: Status without its Updated stamp, the record's entries and the letters. */
export function outcome(emu: Emulator): unknown {
  const has = (tab: string) => emu.sheetNames().includes(tab);
  const status = has('Status') ? table(emu, 'Status').map(({ Updated: _u, ...r }) => r) : [];
  const docs = has('Documentation')
    ? table(emu, 'Documentation')
        .map((r) => JSON.stringify([r['Student ID'], r['Type'], r['Date'], r['Step Set To'], r['Notes']]))
        .sort()
    : [];
  const letters = has('Letters') ? table(emu, 'Letters').map((r) => JSON.stringify(r['Key'])) : [];
  return { status, docs, letters: letters.sort() };
}

/** Every call of the run, as [method, nth], from a clean run (pure computation left out). */
export function callsOf(counts: Record<string, number>, only?: RegExp): [string, number][] {
  return Object.entries(counts)
    .filter(([m]) => !NOT_A_SERVICE.has(m) && (!only || only.test(m)))
    .flatMap(([m, n]) => Array.from({ length: n }, (_, i) => [m, i + 1] as [string, number]));
}

/** Makes the `nth` call of `method` end the execution as the time limit does: no later call of it succeeds. */
export function killAt(emu: Emulator, method: string, nth: number): void {
  const rt = emu.control.rt as unknown as {
    call: (m: string, u?: number) => void;
    current: { killed: boolean } | null;
  };
  const call = rt.call.bind(rt);
  let seen = 0;
  rt.call = (m: string, units?: number) => {
    if (m === method && ++seen === nth && rt.current) {
      rt.current.killed = true;
      throw new Error('Exceeded maximum execution time');
    }
    call(m, units);
  };
}

export interface SweepResult {
  tried: number;
  failures: string[];
}

/** Injects a fault at every service call of the operation, and a kill at every write, each followed by the rerun. */
export function sweep(op: Operation): SweepResult {
  const emu = createEmulatorSync({ asOf: AS_OF });
  op.prepare(emu);
  const start = capture(emu);
  const clean = restore(emu, start);
  clean.control.rt.resetCounters();
  const first = op.act(clean);
  const counts = clean.counts();
  op.rerun(clean);
  const expected = outcome(clean);
  const failures: string[] = [];
  // The restore is checked too: the clean run on restored state equals one on an emulator of its own.
  const fresh = createEmulatorSync({ asOf: AS_OF });
  op.prepare(fresh);
  op.act(fresh);
  op.rerun(fresh);
  if (JSON.stringify(outcome(fresh)) !== JSON.stringify(expected))
    failures.push(`${op.name}: restore differs`);
  for (const r of first) if (r.error) failures.push(`clean ${op.name}: ${r.error}`);
  const points = [
    ...callsOf(counts).map(([m, n]) => ({ kind: 'fault', m, n })),
    ...callsOf(counts, WRITE).map(([m, n]) => ({ kind: 'kill', m, n })),
  ];
  for (const p of points) {
    restore(emu, start);
    if (p.kind === 'fault') emu.injectFault(p.m, p.n, `Service error (injected at ${p.m} #${p.n})`);
    else killAt(emu, p.m, p.n);
    op.act(emu);
    emu.control.rt.clearFaults();
    delete (emu.control.rt as unknown as { call?: unknown }).call;
    const again = op.rerun(emu);
    const errors = again.filter((r) => r.error).map((r) => r.error);
    const got = outcome(emu);
    if (errors.length > 0 || JSON.stringify(got) !== JSON.stringify(expected))
      failures.push(`${op.name}, ${p.kind} at ${p.m} #${p.n}: ${errors.join('; ') || 'outcome differs'}`);
  }
  return { tried: points.length, failures };
}
