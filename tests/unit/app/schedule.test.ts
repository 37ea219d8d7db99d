// The schedule's table and clock: which job is due when, once per slot, and what is told when one failed.
import {
  dueJob,
  JOBS,
  readSchedule,
  runDueJob,
  scheduleNotice,
  slotAt,
  type ScheduleState,
} from '../../../src/app/schedule';
import { MemoryLock, MemoryStore } from '../../fakes/platform';

const job = (key: string) => JOBS.find((j) => j.key === key)!;
const fresh = (since = '2026-09-01 00:00'): ScheduleState => ({ since, removed: false, runs: {} });

describe('the schedule', () => {
  it('gives daily slots from their hour, and the weekly one from Monday 05:00 all week', () => {
    expect(slotAt(job('calls'), '2026-09-15 09:59')).toBeNull();
    expect(slotAt(job('calls'), '2026-09-15 10:00')).toBe('2026-09-15 10:00');
    expect(slotAt(job('weekly'), '2026-09-21 04:59')).toBeNull();
    expect(slotAt(job('weekly'), '2026-09-21 05:00')).toBe('2026-09-21 05:00');
    expect(slotAt(job('weekly'), '2026-09-24 16:00')).toBe('2026-09-21 05:00');
  });

  it('runs a slot once, and nothing due before the schedule was installed', () => {
    expect(dueJob(fresh('2026-09-15 10:30'), '2026-09-15 11:00')).toBeNull();
    const state = fresh();
    expect(dueJob(state, '2026-09-15 10:05')!.job.key).toBe('nightly');
    state.runs['nightly'] = {
      slot: '2026-09-15 02:00',
      at: '2026-09-15 02:05',
      outcome: 'done',
      message: '',
    };
    state.runs['weekly'] = { slot: '2026-09-14 05:00', at: '2026-09-14 05:05', outcome: 'done', message: '' };
    expect(dueJob(state, '2026-09-15 10:05')).toEqual({ job: job('calls'), slot: '2026-09-15 10:00' });
    state.runs['calls'] = {
      slot: '2026-09-15 10:00',
      at: '2026-09-15 10:05',
      outcome: 'failed',
      message: 'x',
    };
    expect(dueJob(state, '2026-09-15 23:00')).toBeNull();
  });

  it('a second tick while the job runs (another person’s trigger) finds its slot taken and never runs it twice', () => {
    const store = new MemoryStore();
    store.set('schedule.state', JSON.stringify(fresh()));
    const clock = { today: () => '2026-09-21', now: () => '2026-09-21 08:00' };
    const lock = new MemoryLock();
    const ran: string[] = [];
    let inner: unknown = 'not called';
    const runner = {
      defined: () => true,
      run: (h: string) => {
        ran.push(h);
        // The job runs outside the lock (it takes the lock itself), so the other tick is not refused.
        if (ran.length === 1) inner = runDueJob({ clock, store, lock }, runner);
        return 'done';
      },
    };
    expect(runDueJob({ clock, store, lock }, runner)).toMatchObject({ outcome: 'done', job: job('nightly') });
    // The other tick takes the next job due (the weekly report), not the nightly run already claimed.
    expect(inner).toMatchObject({ job: job('weekly') });
    expect(ran).toEqual(['nightlyRecalculation', 'weeklyReport']);
    expect(runDueJob({ clock, store, lock }, runner)).toBeNull();
  });

  it('claims a slot only under the lock: with the lock busy, nothing is claimed and nothing runs', () => {
    const store = new MemoryStore();
    store.set('schedule.state', JSON.stringify(fresh()));
    const clock = { today: () => '2026-09-21', now: () => '2026-09-21 08:00' };
    const lock = new MemoryLock();
    lock.busy = true;
    const ran: string[] = [];
    const runner = { defined: () => true, run: (h: string) => (ran.push(h), 'done') };
    expect(() => runDueJob({ clock, store, lock }, runner)).toThrow();
    expect(ran).toEqual([]);
    lock.busy = false;
    expect(runDueJob({ clock, store, lock }, runner)).toMatchObject({ job: job('nightly') });
  });

  it('records a failure, tells it, and skips a handler the build lacks', () => {
    const store = new MemoryStore();
    store.set('schedule.state', JSON.stringify(fresh()));
    const clock = { today: () => '2026-09-21', now: () => '2026-09-21 08:00' };
    const ran: string[] = [];
    const runner = {
      defined: (h: string) => h !== 'weeklyReport',
      run: (h: string) => {
        ran.push(h);
        throw new Error('the Status tab has no Step column');
      },
    };
    expect(runDueJob({ clock, store, lock: new MemoryLock() }, runner)).toMatchObject({
      outcome: 'failed',
      job: job('nightly'),
    });
    expect(runDueJob({ clock, store, lock: new MemoryLock() }, runner)).toMatchObject({
      outcome: 'not in this version',
    });
    expect(runDueJob({ clock, store, lock: new MemoryLock() }, runner)).toBeNull();
    expect(ran).toEqual(['nightlyRecalculation']);
    expect(scheduleNotice(readSchedule(store))).toBe(
      'Nightly recalculation at 2026-09-21 08:00: the Status tab has no Step column',
    );
  });
});
