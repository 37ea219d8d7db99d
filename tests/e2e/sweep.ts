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

interface Captured {
  book: unknown;
  document: [string, string][];
  script: [string, string][];
  triggers: unknown[];
}

type Props = { properties: PropertiesState; triggers: unknown[] };

/** Pure computation with no service behind it: a fault there is not a failure Apps Script can have. */
const NOT_A_SERVICE = new Set(['Utilities.formatDate']);
const WRITE =
  /^(Range\.(set|clear|insert|delete|sort|merge|protect)|Sheet\.(set|delete|insert|append|hide|clear|protect|sort)|Spreadsheet\.(insert|delete|set)|Properties\.(set|delete)|(Folder|DriveApp)\.create|Protection\.set|TriggerBuilder\.create)/;

function capture(emu: Emulator): Captured {
  const c = emu.control as unknown as Props;
  return {
    book: emu.control.sheets.exportBook(),
    document: [...c.properties.stores.document],
    script: [...c.properties.stores.script],
    triggers: c.triggers.map((t) => ({ ...(t as object) })),
  };
}

function restore(state: Captured): Emulator {
  const emu = createEmulatorSync({ asOf: AS_OF });
  if (state.book) emu.control.sheets.importBook(state.book as never);
  const c = emu.control as unknown as Props;
  for (const [k, v] of state.document) c.properties.stores.document.set(k, v);
  for (const [k, v] of state.script) c.properties.stores.script.set(k, v);
  c.triggers.push(...state.triggers.map((t) => ({ ...(t as object) })));
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
function callsOf(counts: Record<string, number>, only?: RegExp): [string, number][] {
  return Object.entries(counts)
    .filter(([m]) => !NOT_A_SERVICE.has(m) && (!only || only.test(m)))
    .flatMap(([m, n]) => Array.from({ length: n }, (_, i) => [m, i + 1] as [string, number]));
}

/** Makes the `nth` call of `method` end the execution as the time limit does: no later call of it succeeds. */
function killAt(emu: Emulator, method: string, nth: number): void {
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
  const template = createEmulatorSync({ asOf: AS_OF });
  op.prepare(template);
  const start = capture(template);
  const clean = restore(start);
  clean.control.rt.resetCounters();
  const first = op.act(clean);
  const counts = clean.counts();
  op.rerun(clean);
  const expected = outcome(clean);
  const failures: string[] = [];
  for (const r of first) if (r.error) failures.push(`clean ${op.name}: ${r.error}`);
  const points = [
    ...callsOf(counts).map(([m, n]) => ({ kind: 'fault', m, n })),
    ...callsOf(counts, WRITE).map(([m, n]) => ({ kind: 'kill', m, n })),
  ];
  for (const p of points) {
    const emu = restore(start);
    if (p.kind === 'fault') emu.injectFault(p.m, p.n, `Service error (injected at ${p.m} #${p.n})`);
    else killAt(emu, p.m, p.n);
    op.act(emu);
    emu.control.rt.clearFaults();
    (emu.control.rt as unknown as { call: unknown }).call = Object.getPrototypeOf(emu.control.rt).call;
    const again = op.rerun(emu);
    const errors = again.filter((r) => r.error).map((r) => r.error);
    const got = outcome(emu);
    if (errors.length > 0 || JSON.stringify(got) !== JSON.stringify(expected))
      failures.push(`${op.name}, ${p.kind} at ${p.m} #${p.n}: ${errors.join('; ') || 'outcome differs'}`);
  }
  return { tried: points.length, failures };
}
