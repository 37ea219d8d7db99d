// Work the add-on still owes the workbook: students a failed or locked-out run could not recalculate, the runs in
// flight (so one the time limit killed is noticed), and the failures the next person to open the workbook is told.
import type { DocumentStore } from '../ports/platform';

/** Students to recalculate: some ids, or everyone. */
export type Scope = string[] | 'all';

interface Run {
  id: string;
  what: string;
  /** `yyyy-MM-dd HH:mm` in the school's time zone. */
  since: string;
  /** 'locked' once it holds the document lock: a 'locked' run seen by another holder of the lock has died. */
  phase: 'waiting' | 'locked';
  /** What is owed if this run dies without a word (a time-limit kill runs no catch block). */
  scope: Scope;
}

export interface Failure {
  what: string;
  when: string;
  message: string;
}

export interface WorkState {
  pending: Scope;
  runs: Run[];
  failures: Failure[];
}

/**
 * One document property holds the whole state, read and written in one call each (≈30/60 ms). A value holds
 * 9 KB (Apps Script quotas): past STATE_LIMIT characters the pending ids become 'all', which is always correct
 * (everyone is recalculated) and never grows. Writers that do not hold the lock (an edit that found it busy)
 * read, change and write the value in a few milliseconds; two of them at the same instant could drop one mark.
 */
export const WORK_KEY = 'work.state';
const STATE_LIMIT = 8_000;
/** Failures kept to tell (the latest ones). */
const FAILURES_KEPT = 5;
/** An execution lasts at most 6 minutes (Apps Script quotas); a run marked longer ago than this has died. */
export const STALE_MINUTES = 7;

export function union(a: Scope, b: Scope): Scope {
  if (a === 'all' || b === 'all') return 'all';
  return [...new Set([...a, ...b])].filter((id) => id !== '');
}

/** Minutes since the epoch of a `yyyy-MM-dd HH:mm` stamp (both stamps are in the same zone). */
export function minutesOf(stamp: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})/.exec(stamp);
  if (!m) return NaN;
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!) / 60_000;
}

export function readState(store: DocumentStore): WorkState {
  const empty: WorkState = { pending: [], runs: [], failures: [] };
  const raw = store.get(WORK_KEY);
  if (!raw) return empty;
  try {
    const s = JSON.parse(raw) as Partial<WorkState>;
    return {
      pending: s.pending === 'all' || Array.isArray(s.pending) ? s.pending : 'all',
      runs: Array.isArray(s.runs) ? s.runs : [],
      failures: Array.isArray(s.failures) ? s.failures : [],
    };
  } catch {
    // Unreadable state: owe everyone rather than guess.
    return { ...empty, pending: 'all' };
  }
}

/** Reads, changes and writes the state in one property write, keeping it under a value's size. */
export function updateState<T>(store: DocumentStore, change: (s: WorkState) => T): T {
  const state = readState(store);
  const out = change(state);
  state.failures = state.failures.slice(-FAILURES_KEPT);
  let text = JSON.stringify(state);
  if (text.length > STATE_LIMIT) {
    state.pending = 'all';
    state.failures = state.failures.map((f) => ({ ...f, message: f.message.slice(0, 300) }));
    text = JSON.stringify(state);
  }
  store.set(WORK_KEY, text);
  return out;
}

/** Runs other than `self` that died: they held the lock that `self` now holds, or were marked too long ago. */
export function deadRuns(state: WorkState, self: string, now: string): Run[] {
  return state.runs.filter(
    (r) => r.id !== self && (r.phase === 'locked' || minutesOf(now) - minutesOf(r.since) > STALE_MINUTES),
  );
}

/** A dead run becomes pending work and a failure to tell. */
export function adoptDead(state: WorkState, dead: Run[]): void {
  for (const r of dead) {
    state.pending = union(state.pending, r.scope);
    state.failures.push({
      what: r.what,
      when: r.since,
      message: 'it did not finish (stopped by the time limit or an interruption)',
    });
  }
  const ids = new Set(dead.map((r) => r.id));
  state.runs = state.runs.filter((r) => !ids.has(r.id));
}

/** What is still owed once `taken` was recalculated (marks added meanwhile stay). */
export function without(pending: Scope, taken: Scope): Scope {
  if (taken === 'all') return [];
  if (pending === 'all') return 'all';
  const done = new Set(taken);
  return pending.filter((id) => !done.has(id));
}

/**
 * What the next person to open the workbook is told, or null when nothing failed: failures recorded, runs
 * marked so long ago they must have died, and the students still owed.
 */
export function openNotice(state: WorkState, now: string): string | null {
  const died = state.runs.filter((r) => minutesOf(now) - minutesOf(r.since) > STALE_MINUTES);
  const lines = [
    ...state.failures.map((f) => `${f.what} at ${f.when}: ${f.message}`),
    ...died.map((r) => `${r.what} started at ${r.since} and did not finish (stopped by the time limit?)`),
  ];
  if (lines.length === 0) return null;
  const owed =
    state.pending === 'all'
      ? 'Every student will be recalculated by the next run'
      : state.pending.length > 0
        ? `${state.pending.length} students will be recalculated by the next run`
        : 'Nothing is waiting';
  return `${lines.join('\n')}\n${owed} (the next edit, Attendance → Recalculate now, or tonight's run).`;
}
