// The schedule's use cases: the hourly tick, installing and removing it, and its lines in Settings.
import type { Clock, DocumentStore, FailureMail, Lock, Triggers } from '../ports/platform';
import { SETTINGS } from '../ports/tabs';
import type { Sealer, UserSession } from '../ports/record';
import type { Workbook } from '../ports/workbook';
import { refusal, resolveActor } from './actor';
import { readAppliedRules } from './campus';
import {
  markInstalled,
  markRemoved,
  readSchedule,
  runDueJob,
  scheduleLines,
  type JobRun,
  type Job,
  type JobRunner,
} from './schedule';

export interface ScheduleRunDeps {
  workbook: Workbook;
  clock: Clock;
  lock: Lock;
  store: DocumentStore;
  triggers: Triggers;
  session: UserSession;
  sealer: Sealer;
}

/** Installing or removing the schedule is an administrator's: its trigger runs as the person who installs it. */
function scheduleRefusal(deps: ScheduleRunDeps, what: string): string | null {
  const policy = readAppliedRules(deps.workbook, deps.clock.today(), deps.store).policy;
  return refusal(resolveActor(deps.workbook, deps.session, deps.sealer), policy.adminRoles, what);
}

/**
 * Writes the schedule's lines into Settings (`schedule.<job>`: on, off or not in this version, and the last run),
 * rewriting the lines already there and adding the missing ones at the end.
 */
export function showSchedule(deps: ScheduleRunDeps, runner: Pick<JobRunner, 'defined'>): void {
  const lines = scheduleLines(readSchedule(deps.store), deps.triggers.scheduleInstalled(), runner.defined);
  deps.lock.withLock(() => {
    const rows = deps.workbook.read(SETTINGS);
    const at = new Map(rows.map((r) => [r.values.key.trim().toLowerCase(), r.row]));
    deps.workbook.update(
      SETTINGS,
      lines.filter((l) => at.has(l.key)).map((values) => ({ row: at.get(values.key)!, values })),
    );
    deps.workbook.append(
      SETTINGS,
      lines.filter((l) => !at.has(l.key)),
    );
  });
}

/** Menu: installs the schedule once; says what it runs. */
export function installSchedule(deps: ScheduleRunDeps, runner: Pick<JobRunner, 'defined'>): string {
  const no = scheduleRefusal(deps, 'install the schedule');
  if (no) return `${no} Nothing was changed.`;
  const now = deps.clock.now();
  const fresh = deps.triggers.installSchedule();
  if (fresh) markInstalled(deps.store, now);
  else if (readSchedule(deps.store).removed) markInstalled(deps.store, now);
  showSchedule(deps, runner);
  return fresh
    ? 'The schedule is installed: one trigger, every hour, runs each job when it is due (see schedule.* in Settings).'
    : 'The schedule was already installed; nothing was added.';
}

/** Menu: removes the schedule's trigger (Set up will not install it again until it is installed from the menu). */
export function removeSchedule(deps: ScheduleRunDeps, runner: Pick<JobRunner, 'defined'>): string {
  const no = scheduleRefusal(deps, 'remove the schedule');
  if (no) return `${no} Nothing was changed.`;
  const removed = deps.triggers.removeSchedule();
  markRemoved(deps.store);
  showSchedule(deps, runner);
  return removed > 0
    ? 'The schedule is removed: no nightly recalculation, call list or weekly report runs until it is installed again.'
    : 'No schedule was installed.';
}

/**
 * The hourly tick: runs the job due, if any, shows its run in Settings and, when it failed, mails the person whose
 * trigger it is (the next person to open the workbook is told too: see scheduleNotice). A failure to show or to
 * mail is logged and stops nothing.
 */
export function tick(
  deps: ScheduleRunDeps & { mail: FailureMail; workbookName: () => string; workbookUrl: () => string },
  runner: JobRunner,
): (JobRun & { job: Job }) | null {
  const run = runDueJob(deps, runner);
  if (!run) return null;
  try {
    showSchedule(deps, runner);
  } catch (e) {
    console.error(e);
  }
  if (run.outcome === 'failed') {
    try {
      deps.mail.send(
        `Attendance Steps: ${run.job.label} did not finish`,
        `${run.job.label} did not finish at ${run.at} in the workbook "${deps.workbookName()}".\n` +
          `${deps.workbookUrl()}\n\n` +
          'Open the workbook: it says what failed. Nothing of it is in this email, which never carries student ' +
          'data. What the run wrote stays, and running it again is safe.',
      );
    } catch (e) {
      console.error(e);
    }
  }
  return run;
}
