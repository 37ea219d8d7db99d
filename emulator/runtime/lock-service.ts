// Emulated LockService: one document, script and user lock each; contention is simulated by the host
// (`ctl.locks.holdBy(kind, untilWallMs)`), and waiting advances the virtual clock. No Node APIs here.
import { gasError, loud, type Runtime } from './core';

export type LockKind = 'document' | 'script' | 'user';

/** Apps Script's message when `waitLock` gives up. */
export const LOCK_TIMEOUT_MESSAGE = 'Lock timeout: another process was holding the lock for too long.';

interface LockState {
  /** Held by the running script (through any Lock object of this kind). */
  held: boolean;
  /** Held by another execution until this emulated wall-clock time (Infinity: until the host releases it). */
  otherUntil: number;
}

/** Registered as `ctl.locks`: the host's handle on contention. */
export class LocksState {
  readonly locks: Record<LockKind, LockState> = {
    document: { held: false, otherUntil: 0 },
    script: { held: false, otherUntil: 0 },
    user: { held: false, otherUntil: 0 },
  };
  constructor(private readonly rt: Runtime) {}

  /** Another execution holds the lock until `untilWallMs` on the emulated wall clock (default: until released). */
  holdBy(kind: LockKind, untilWallMs = Infinity): void {
    this.locks[kind].otherUntil = untilWallMs;
  }
  /** The other execution lets go. */
  release(kind: LockKind): void {
    this.locks[kind].otherUntil = 0;
  }
  /** Releases the script's own locks, as Apps Script does when an execution ends. */
  endExecution(): void {
    for (const state of Object.values(this.locks)) state.held = false;
  }
  isHeldByScript(kind: LockKind): boolean {
    return this.locks[kind].held;
  }
  /** Tries to take the lock for the script, waiting up to `timeoutMs` of simulated time. */
  acquire(kind: LockKind, timeoutMs: number): boolean {
    const state = this.locks[kind];
    if (state.held) return true;
    const wait = Math.max(0, state.otherUntil - this.rt.wallNow());
    if (wait > timeoutMs) {
      if (timeoutMs > 0) this.rt.call('Lock.wait', timeoutMs);
      return false;
    }
    if (wait > 0) this.rt.call('Lock.wait', wait);
    state.otherUntil = 0;
    state.held = true;
    return true;
  }
}

export class EmuLock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: LocksState,
    private readonly kind: LockKind,
  ) {}
  tryLock(timeoutInMillis: number): boolean {
    this.rt.call('Lock.tryLock');
    return this.state.acquire(this.kind, Math.max(0, Number(timeoutInMillis) || 0));
  }
  waitLock(timeoutInMillis: number): void {
    this.rt.call('Lock.waitLock');
    if (!this.state.acquire(this.kind, Math.max(0, Number(timeoutInMillis) || 0)))
      throw gasError(LOCK_TIMEOUT_MESSAGE);
  }
  releaseLock(): void {
    this.rt.call('Lock.releaseLock');
    this.state.locks[this.kind].held = false;
  }
  hasLock(): boolean {
    this.rt.call('Lock.hasLock');
    return this.state.locks[this.kind].held;
  }
}

export class EmuLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly rt: Runtime,
    private readonly state: LocksState,
  ) {}
  private lock(kind: LockKind, method: string): GoogleAppsScript.Lock.Lock {
    this.rt.call(`LockService.${method}`);
    return loud(new EmuLock(this.rt, this.state, kind), 'Lock') as unknown as GoogleAppsScript.Lock.Lock;
  }
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('document', 'getDocumentLock');
  }
  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('script', 'getScriptLock');
  }
  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.lock('user', 'getUserLock');
  }
}
