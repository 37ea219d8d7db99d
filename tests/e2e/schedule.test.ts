// The built bundle in the emulator: the schedule's one hourly trigger, its jobs on school days, weekends and
// holidays, a failing run told by email and at the next open, and a schedule never installed twice.
import type { Emulator } from '../../emulator/host/emulator';
import type { OutboxMessage } from '../../emulator/runtime/control';
import type { TriggerRecord } from '../../emulator/runtime/control';
import { automatedCalls, callFiles, campus } from './call-campus';
import { menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const MINUTE = 60_000;
const clockTriggers = (emu: Emulator) =>
  (emu.control as unknown as { triggers: TriggerRecord[] }).triggers.filter((t) => t.eventType === 'CLOCK');
const outbox = (emu: Emulator) => (emu.control as unknown as { outbox: OutboxMessage[] }).outbox;
const setting = (emu: Emulator, key: string) => table(emu, 'Settings').find((r) => r['Setting'] === key);

/** Moves the clock to hh:mm of the emulator's current day (it starts at 08:00) and fires the time triggers. */
function tickAt(emu: Emulator, hh: number, mm = 10): void {
  const wall = new Date((emu.control as unknown as { rt: { wallNow(): number } }).rt.wallNow());
  const hour = Number(
    wall.toLocaleString('en-US', { timeZone: 'America/Chicago', hour: 'numeric', hour12: false }),
  );
  const minute = wall.getUTCMinutes();
  emu.advance(((hh - hour) * 60 + (mm - minute)) * MINUTE);
  for (const r of emu.fireTimeTriggers()) expect(r.error).toBeUndefined();
}

describe('the schedule', () => {
  it('Set up installs one hourly trigger, never twice; the menu installs and removes it', () => {
    const emu = campus();
    expect(clockTriggers(emu)).toEqual([
      expect.objectContaining({ handlerFunction: 'runSchedule', everyHours: 1 }),
    ]);
    expect(setting(emu, 'schedule.calls')).toMatchObject({ Value: 'on' });
    expect(setting(emu, 'schedule.nightly')).toMatchObject({ Value: 'on' });
    menu(emu, 'installTheSchedule');
    menu(emu, 'installTheSchedule');
    menu(emu, 'setUpWorkbook');
    expect(clockTriggers(emu)).toHaveLength(1);
    expect(emu.ui.alerts.at(-2)!.prompt).toMatch(/already installed; nothing was added/);
    menu(emu, 'removeTheSchedule');
    expect(clockTriggers(emu)).toEqual([]);
    expect(setting(emu, 'schedule.calls')!['Value']).toBe('off');
    // Removed from the menu, it stays removed when Set up runs again.
    menu(emu, 'setUpWorkbook');
    expect(clockTriggers(emu)).toEqual([]);
    menu(emu, 'installTheSchedule');
    expect(clockTriggers(emu)).toHaveLength(1);
    // Every trigger the add-on installed: edit, change and the schedule, far under the 20 a user may have.
    expect((emu.control as unknown as { triggers: TriggerRecord[] }).triggers).toHaveLength(3);
  });

  it('runs the call list on a school day after 10:00, once, and shows each job and its last run in Settings', () => {
    const emu = campus();
    tickAt(emu, 9);
    expect(callFiles(emu, '2026-09-15')).toEqual([]);
    tickAt(emu, 10);
    expect(callFiles(emu, '2026-09-15')).toHaveLength(1);
    expect(automatedCalls(emu)).toHaveLength(1);
    tickAt(emu, 11);
    expect(callFiles(emu, '2026-09-15')).toHaveLength(1);
    const line = setting(emu, 'schedule.calls')!;
    expect(line['Value']).toBe('on');
    expect(line['Help']).toMatch(
      /^Daily call list \(School Messenger\), every school day .*between 10:00 and 11:00\. Last run 2026-09-15 10:10: done \(1 students listed/,
    );
    expect(setting(emu, 'schedule.nightly')!['Help']).toMatch(/Not run yet/);
    expect(setting(emu, 'schedule.weekly')!['Value']).toBe('on');
  });

  it('the next days: the nightly recalculation at night, and no call list on the weekend', () => {
    const emu = campus();
    emu.newDay(); // Wednesday 2026-09-16, 08:00
    tickAt(emu, 8);
    expect(setting(emu, 'schedule.nightly')!['Help']).toMatch(
      /Last run 2026-09-16 08:10: done \(\d+ students as of 2026-09-16/,
    );
    for (let d = 0; d < 3; d++) emu.newDay(); // Saturday 2026-09-19
    emu.setValues('Absences', `A${emu.values('Absences').length + 1}`, [['0101', '2026-09-19', 'U', '']]);
    tickAt(emu, 8);
    tickAt(emu, 10);
    expect(callFiles(emu, '2026-09-19')).toEqual([]);
    expect(setting(emu, 'schedule.calls')!['Help']).toMatch(
      /Last run 2026-09-19 10:10: done \(2026-09-19 is not a school day in the Calendar: no call list\.\)/,
    );
    emu.newDay();
    emu.newDay(); // Monday 2026-09-21: the nightly recalculation, then the weekly report, one job a tick
    tickAt(emu, 8);
    expect(() => emu.values('Weekly Report')).toThrow(/no sheet named Weekly Report/);
    tickAt(emu, 8, 20);
    expect(setting(emu, 'schedule.weekly')!['Help']).toMatch(
      /Last run 2026-09-21 08:20: done \(Week of 2026-09-21: \d+ students listed/,
    );
    expect(emu.values('Weekly Report').length).toBeGreaterThan(0);
  });

  it('a failing run is told by email without student data and at the next open, until the job runs again', () => {
    const emu = campus();
    emu.injectFault('Folder.createFile', 1, 'Drive is not answering');
    tickAt(emu, 10);
    expect(automatedCalls(emu)).toEqual([]);
    const mail = outbox(emu);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({
      to: 'clerk@district.example.org',
      subject: 'Attendance Steps: Daily call list (School Messenger) did not finish',
    });
    for (const secret of ['0101', 'Garcia', 'Sofia', 'Drive is not answering'])
      expect(`${mail[0]!.subject}\n${mail[0]!.body}`).not.toContain(secret);
    emu.open();
    // Told once: the call list's own notice names it, the schedule does not repeat it.
    const told = emu.ui.toasts.at(-1)!.message;
    expect(told).toMatch(/The daily call list at 2026-09-15 10:10: Drive is not answering/);
    expect(told.split('Drive is not answering')).toHaveLength(2);
    // Not retried every hour (no mail storm); the next school day's run succeeds and the notice goes.
    tickAt(emu, 11);
    expect(outbox(emu)).toHaveLength(1);
    emu.newDay();
    tickAt(emu, 8); // the nightly recalculation first: one job a tick
    tickAt(emu, 10);
    expect(setting(emu, 'schedule.calls')!['Help']).toMatch(/Last run 2026-09-16 10:10: done/);
    const toasts = emu.ui.toasts.length;
    emu.open();
    expect(
      emu.ui.toasts
        .slice(toasts)
        .map((t) => t.message)
        .join('\n'),
    ).not.toMatch(/call list/i);
  });

  it('only an administrator installs or removes the schedule; anyone else is told so and nothing changes', () => {
    const emu = campus();
    const before = clockTriggers(emu);
    emu.setUser('someone@school.org');
    menu(emu, 'removeTheSchedule');
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(
      /^Only an? .*may remove the schedule\..*Nothing was changed\.$/s,
    );
    menu(emu, 'installTheSchedule');
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(/may install the schedule\..*Nothing was changed\.$/s);
    expect(clockTriggers(emu)).toEqual(before);
    expect(setting(emu, 'schedule.nightly')!['Value']).toBe('on');
  });

  it('names only handlers the bundle defines', () => {
    const emu = campus();
    for (const handler of ['runSchedule', 'nightlyRecalculation', 'dailyCallList', 'weeklyReport'])
      expect(emu.hasFunction(handler)).toBe(true);
  });
});
