// Runs a recalculation so that nothing is dropped: its students are owed until it finishes, the students earlier
// runs could not do are done with it, and a failure (or a lock held by another run) is recorded for the next open.
import type { Lock } from '../ports/platform';
import { ABSENCES, DOCUMENTATION, STUDENTS } from '../ports/tabs';
import { columnOfRows, IdSnapshot } from './id-snapshot';
import { adoptDead, deadRuns, union, updateState, without, type Scope } from './pending-work';
import {
  recalculateAll,
  recalculateStudents,
  type RecalcDeps,
  type RecalcOptions,
  type RecalcSummary,
} from './recalculate';
import type { SnapshotStore } from '../ports/id-snapshot';

export interface GuardedDeps extends RecalcDeps {
  snapshots: SnapshotStore;
}

/** What a run is asked to do, decided before it takes the lock. */
export interface Plan {
  /** The students this run recalculates (with whatever is owed). */
  scope: Scope;
  /** What is owed when the run fails before it is done (an edit that changed ids: everyone). */
  fallback: Scope;
  /** Rows whose Student ID the edit wrote, put in the snapshot once the run is done. */
  wroteIds?: { tab: string; start: number; ids: string[] };
}

/** The lock is held by this run already: recalculate's own withLock runs inside it. */
const HELD: Lock = { withLock: (fn) => fn() };

/**
 * Runs `what` (named in the notice if it fails): `decide` plans it (a failure there owes everyone), then under the
 * lock the owed students join it, the record and Status are written, the snapshot is refreshed and the debt is
 * cleared. Any failure is recorded and rethrown; null when there was nothing to recalculate.
 */
export function runGuarded(
  deps: GuardedDeps,
  what: string,
  decide: (snapshot: IdSnapshot) => Plan,
  options: RecalcOptions = {},
): RecalcSummary | null {
  const since = deps.clock.now();
  const id = `${since}#${Math.random().toString(36).slice(2, 8)}`;
  let fallback: Scope = 'all';
  try {
    const snapshot = new IdSnapshot(deps.snapshots);
    const plan = decide(snapshot);
    fallback = plan.fallback;
    updateState(deps.store, (s) => {
      s.runs.push({ id, what, since, phase: 'waiting', scope: plan.fallback });
    });
    const summary = deps.lock.withLock(() => {
      const taken = updateState(deps.store, (s) => {
        adoptDead(s, deadRuns(s, id, deps.clock.now()));
        for (const r of s.runs) if (r.id === id) r.phase = 'locked';
        // Runs still waiting for the lock are done with this one too (one that died waiting is then not lost; one
        // that is alive recalculates its students again, which changes nothing).
        const waiting = s.runs.filter((r) => r.id !== id).reduce<Scope>((a, r) => union(a, r.scope), []);
        return union(union(s.pending, plan.scope), waiting);
      });
      const held = { ...deps, lock: HELD };
      let result: RecalcSummary | null = null;
      if (taken === 'all') {
        const read: [string, { row: number; values: { studentId: string } }[]][] = [];
        result = recalculateAll(held, {
          ...options,
          onRead: (tab, rows) => read.push([tab.name, rows]),
        });
        for (const [tab, rows] of read) snapshot.replace(tab, columnOfRows(rows));
      } else {
        if (taken.length > 0) result = recalculateStudents(held, taken, options);
        if (plan.wroteIds) snapshot.patch(plan.wroteIds.tab, plan.wroteIds.start, plan.wroteIds.ids);
      }
      updateState(deps.store, (s) => {
        s.pending = without(s.pending, taken);
        s.runs = s.runs.filter((r) => r.id !== id);
        s.failures = [];
      });
      return result;
    });
    return summary;
  } catch (e) {
    recordFailure(deps, id, what, since, fallback, e);
    RECORDED.add(e as object);
    throw e;
  }
}

/** Failures runGuarded has recorded already (an entry point records the others: see recordEntryFailure). */
const RECORDED = new WeakSet<object>();

/** Whether runGuarded recorded this failure (so that the entry point does not record it twice). */
export function isRecorded(e: unknown): boolean {
  return typeof e === 'object' && e !== null && RECORDED.has(e);
}

/** The run's students are owed and its failure is told; if even that fails, the run's mark tells it later. */
export function recordFailure(
  deps: GuardedDeps,
  id: string,
  what: string,
  since: string,
  owed: Scope,
  e: unknown,
): void {
  try {
    updateState(deps.store, (s) => {
      s.runs = s.runs.filter((r) => r.id !== id);
      s.pending = union(s.pending, owed);
      s.failures.push({ what, when: since, message: e instanceof Error ? e.message : String(e) });
    });
  } catch (again) {
    console.error(again);
  }
}

/** The people tabs whose Student ID column the snapshot keeps. */
export const PEOPLE_TABS = [STUDENTS, ABSENCES, DOCUMENTATION];

/** A full run's plan (menu, nightly, after an import or a deletion). */
export const EVERYONE: Plan = { scope: 'all', fallback: 'all' };

/**
 * Rows were inserted (or moved some other way): the snapshot's row numbers no longer hold, so it is dropped and
 * pastes over Student IDs recalculate everyone until the next full run rewrites it. When the lock is busy the
 * next run is made a full one instead.
 */
export function forgetSnapshot(deps: GuardedDeps): void {
  try {
    deps.lock.withLock(() => {
      for (const tab of PEOPLE_TABS) deps.snapshots.write(tab.name, []);
    });
  } catch (e) {
    recordFailure(deps, '', 'Noting inserted rows', deps.clock.now(), 'all', e);
    throw e;
  }
}
