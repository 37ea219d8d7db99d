// The schedule: a table of jobs run by one hourly time trigger, what each last did, and how it is shown and told.
import { addDays, startOfWeek } from '../domain/dates';
import type { Clock, DocumentStore, Lock } from '../ports/platform';

/** One scheduled job: the global function it runs, when, and how it is named to people. */
export interface Job {
  /** Stable key: the Settings line is `schedule.<key>`. */
  key: string;
  /** The top-level function of build/Code.js the schedule calls. */
  handler: string;
  label: string;
  cadence: 'daily' | 'weekly';
  /** The hour (school's time zone) from which the job runs; the hourly trigger runs it within the hour after. */
  hour: number;
  /** Weekly jobs: ISO weekday, 1 = Monday. */
  weekday?: number;
  /** The job makes nothing on a day the Calendar has no school (it checks the Calendar itself when it runs). */
  schoolDaysOnly: boolean;
}

/**
 * The jobs, in the order they are run when several are due. The weekly report's handler is named here; a build
 * that does not define it skips it, and Settings says so.
 */
export const JOBS: readonly Job[] = [
  {
    key: 'nightly',
    handler: 'nightlyRecalculation',
    label: 'Nightly recalculation',
    cadence: 'daily',
    hour: 2,
    schoolDaysOnly: false,
  },
  {
    key: 'weekly',
    handler: 'weeklyReport',
    label: 'Weekly Absence Occurrence Report',
    cadence: 'weekly',
    weekday: 1,
    hour: 5,
    schoolDaysOnly: false,
  },
  {
    key: 'calls',
    handler: 'dailyCallList',
    label: 'Daily call list (School Messenger)',
    cadence: 'daily',
    hour: 10,
    schoolDaysOnly: true,
  },
];

/**
 * The global the one time trigger calls. Published as an Editor add-on, a script may have one trigger of each type
 * per user and document, and a time trigger runs at most hourly (Editor add-on trigger restrictions): so one hourly
 * trigger runs every job of the table when it is due, rather than a trigger per job.
 */
export const SCHEDULE_HANDLER = 'runSchedule';

export const SCHEDULE_KEY = 'schedule.state';

export interface JobRun {
  /** The slot run: `yyyy-MM-dd HH:00` of the day (daily) or weekday (weekly) it was due. */
  slot: string;
  /** When it ran, `yyyy-MM-dd HH:mm`. */
  at: string;
  outcome: 'done' | 'failed' | 'not in this version';
  message: string;
}

export interface ScheduleState {
  /** When the schedule was installed (`yyyy-MM-dd HH:mm`): slots before it are not run. */
  since: string;
  /** Set when an administrator removed the schedule: Set up does not install it again. */
  removed: boolean;
  runs: Record<string, JobRun>;
}

export function readSchedule(store: DocumentStore): ScheduleState {
  const empty: ScheduleState = { since: '', removed: false, runs: {} };
  try {
    const s = JSON.parse(store.get(SCHEDULE_KEY) ?? 'null') as Partial<ScheduleState> | null;
    if (!s || typeof s !== 'object') return empty;
    return {
      since: typeof s.since === 'string' ? s.since : '',
      removed: s.removed === true,
      runs: s.runs && typeof s.runs === 'object' ? s.runs : {},
    };
  } catch {
    return empty;
  }
}

export function writeSchedule(store: DocumentStore, state: ScheduleState): void {
  // Messages are cut so that the state stays far under a property's 9 KB (Apps Script quotas).
  for (const r of Object.values(state.runs)) r.message = r.message.slice(0, 400);
  store.set(SCHEDULE_KEY, JSON.stringify(state));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The job's slot due at `now` (`yyyy-MM-dd HH:mm`), or null when its time has not come in this day or week. */
export function slotAt(job: Job, now: string): string | null {
  const day = now.slice(0, 10);
  const target = job.cadence === 'daily' ? day : addDays(startOfWeek(day), (job.weekday ?? 1) - 1);
  const slot = `${target} ${pad(job.hour)}:00`;
  return slot <= now ? slot : null;
}

/** The first job due at `now` that has not run its slot since the schedule was installed. */
export function dueJob(state: ScheduleState, now: string): { job: Job; slot: string } | null {
  for (const job of JOBS) {
    const slot = slotAt(job, now);
    if (slot === null || slot < state.since) continue;
    const last = state.runs[job.key];
    if (last && last.slot >= slot) continue;
    return { job, slot };
  }
  return null;
}

export interface ScheduleDeps {
  clock: Clock;
  store: DocumentStore;
  /** The workbook's lock: a job's slot is claimed under it, so two ticks (two people's triggers) never both run it. */
  lock: Lock;
}

/** How the schedule calls a job: whether the build defines its handler, and running it (its summary, or throws). */
export interface JobRunner {
  defined(handler: string): boolean;
  run(handler: string): string;
}

/**
 * One hourly tick: runs the first job due (one a tick, so that each has an execution's 6 minutes to itself; the
 * others follow in the next hours). A job runs once per slot whatever its outcome; a failure is kept to tell.
 * Returns the run recorded, or null when nothing was due.
 */
export function runDueJob(deps: ScheduleDeps, runner: JobRunner): (JobRun & { job: Job }) | null {
  const now = deps.clock.now();
  // Claimed under the lock (the job itself runs outside it, taking the lock as it needs): marked before it runs, so
  // a run the time limit stops is not started again every hour, and another person's tick finds the slot taken.
  const claimed = deps.lock.withLock(() => {
    const state = readSchedule(deps.store);
    const due = dueJob(state, now);
    if (!due) return null;
    if (runner.defined(due.job.handler)) {
      state.runs[due.job.key] = {
        slot: due.slot,
        at: now,
        outcome: 'failed',
        message: 'it did not finish (stopped by the time limit?)',
      };
      writeSchedule(deps.store, state);
    }
    return due;
  });
  if (!claimed) return null;
  const { job, slot } = claimed;
  let run: JobRun;
  if (!runner.defined(job.handler)) {
    run = { slot, at: now, outcome: 'not in this version', message: `${job.handler} is not in this version` };
  } else {
    try {
      run = { slot, at: now, outcome: 'done', message: runner.run(job.handler) };
    } catch (e) {
      run = { slot, at: now, outcome: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }
  deps.lock.withLock(() => {
    const after = readSchedule(deps.store);
    after.runs[job.key] = run;
    writeSchedule(deps.store, after);
  });
  return { ...run, job };
}

/**
 * What the next person to open the workbook is told of scheduled jobs whose last run failed; null when none. A failure
 * whose message `told` already holds (the recalculation's own notice) is not told twice.
 */
export function scheduleNotice(state: ScheduleState, told = ''): string | null {
  const failed = JOBS.filter((j) => {
    const r = state.runs[j.key];
    return r?.outcome === 'failed' && !(r.message !== '' && told.includes(r.message));
  });
  if (failed.length === 0) return null;
  return failed
    .map((j) => {
      const r = state.runs[j.key]!;
      return `${j.label} at ${r.at}: ${r.message}`;
    })
    .join('\n');
}

/** When a job runs, in words. */
export function cadenceText(job: Job): string {
  const days = ['', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
  const when =
    job.cadence === 'weekly'
      ? `every ${days[job.weekday ?? 1]}`
      : job.schoolDaysOnly
        ? 'every school day (none on weekends and Calendar holidays)'
        : 'every day';
  return `${when}, between ${pad(job.hour)}:00 and ${pad(job.hour + 1)}:00`;
}

/** The Settings lines of the schedule: one per job, what it is, whether it is on, and its last run. */
export function scheduleLines(
  state: ScheduleState,
  installed: boolean,
  defined: (handler: string) => boolean,
): { key: string; value: string; help: string }[] {
  return JOBS.map((job) => {
    const r = state.runs[job.key];
    const last = r ? `Last run ${r.at}: ${r.outcome}${r.message ? ` (${r.message})` : ''}.` : 'Not run yet.';
    const value = !defined(job.handler) ? 'not in this version' : installed ? 'on' : 'off';
    return {
      key: `schedule.${job.key}`,
      value,
      help: `${job.label}, ${cadenceText(job)}. ${last} Written by the add-on; Attendance → Install the schedule / Remove the schedule.`,
    };
  });
}

/** The schedule as installed now: runs before `now` are not made up. */
export function markInstalled(store: DocumentStore, now: string): void {
  const state = readSchedule(store);
  state.since = now;
  state.removed = false;
  writeSchedule(store, state);
}

export function markRemoved(store: DocumentStore): void {
  const state = readSchedule(store);
  state.removed = true;
  writeSchedule(store, state);
}
