// Dialog payloads of the wrong shape or from the wrong person, Settings typos and their deliberate application, and
// every entry point while another run holds the lock.
import type { Emulator } from '../../../emulator/host/emulator';
import { table } from '../harness';
import { DAYS, locks, rowOf, TEACHER } from './campus';
import { absence, exported, onlyCell, run, type Case } from './case';

const ADJUST = { studentId: '1001', step: 1, date: '2026-09-14', reason: 'Doctor notes on file' };
const COURT = { studentId: '1001', date: '2026-09-14', reason: 'Refer to court' };
const NOTHING = /"ok":false.*Nothing was written/;

/** A dialog call refused with `re`: nothing written anywhere. */
const refused = (name: string, fn: string, payload: unknown, re: RegExp, as?: string): Case => ({
  name,
  kind: 'dialog payload',
  ...(as !== undefined ? { setup: (emu: Emulator) => emu.setUser(as) } : {}),
  act: run(fn, payload),
  message: re,
});

/** A Settings value typed by hand: listed at once, nobody moves until an administrator applies it. */
const setting = (key: string, value: string, re: RegExp): Case => ({
  name: `Settings ${key} typed as ${JSON.stringify(value)}`,
  kind: 'Settings typo',
  act: (emu) => emu.edit('Settings', `B${rowOf(emu, 'Settings', key)}`, [[value]]),
  message: re,
  changes: ['Settings', 'Data Issues'],
  then: (emu, before, after) => {
    const at = rowOf(emu, 'Settings', key);
    onlyCell('Settings', at, 2, emu.values('Settings')[at - 1]![1])(emu, before, after);
    expect(String(emu.values('Settings')[at - 1]![1])).toBe(value);
    expect(table(emu, 'Data Issues')[0]?.['Problem']).toMatch(/^Settings or Calendar changed/);
  },
});

/** An entry point run while another execution holds the document lock: told so, nothing changed. */
const busy = (name: string, act: Case['act'], re: RegExp, setup?: Case['setup']): Case => ({
  name: `${name} while another run holds the lock`,
  kind: 'lock held',
  setup: (emu) => {
    setup?.(emu);
    locks(emu).holdBy('document');
  },
  act,
  message: re,
});

const LOCKED = /Another Attendance Steps task is running/;

export const DIALOG_AND_POLICY_CASES: Case[] = [
  refused(
    'step as text "1"',
    'submitStepAdjustment',
    { ...ADJUST, step: '1' },
    /"ok":false.*The step must be a number from 0 to 5/,
  ),
  refused(
    'step 7',
    'submitStepAdjustment',
    { ...ADJUST, step: 7 },
    /"ok":false.*The step must be from 0 to 5/,
  ),
  refused('step 1.5', 'submitStepAdjustment', { ...ADJUST, step: 1.5 }, /"ok":false.*whole number/),
  refused(
    'no reason',
    'submitStepAdjustment',
    { studentId: '1001', step: 1, date: '2026-09-14' },
    /"ok":false.*reason.*Nothing was written/,
  ),
  refused(
    'a reason of two spaces',
    'submitStepAdjustment',
    { ...ADJUST, reason: '  ' },
    /"ok":false.*Write the reason/,
  ),
  refused(
    'date 2026-02-30',
    'submitStepAdjustment',
    { ...ADJUST, date: '2026-02-30' },
    /"ok":false.*real date/,
  ),
  refused(
    'date as a number',
    'submitStepAdjustment',
    { ...ADJUST, date: 46279 },
    /"ok":false.*The date must be text/,
  ),
  refused(
    'a future date',
    'submitStepAdjustment',
    { ...ADJUST, date: '2026-10-01' },
    /"ok":false.*2026-10-01 is in the future/,
  ),
  refused('an unknown student', 'submitStepAdjustment', { ...ADJUST, studentId: '9999' }, /"ok":false.*9999/),
  refused('no payload', 'submitStepAdjustment', null, /"ok":false/),
  refused('a payload that is a string', 'submitCourtDecision', 'refer 1001', /"ok":false/),
  refused(
    'an adjustment above the step',
    'submitStepAdjustment',
    { ...ADJUST, studentId: '1003', step: 3 },
    NOTHING,
  ),
  refused('a Teacher adjusting a step', 'submitStepAdjustment', ADJUST, NOTHING, TEACHER),
  refused(
    'someone not on the Staff tab',
    'submitStepAdjustment',
    ADJUST,
    NOTHING,
    'stranger@district.example.org',
  ),
  refused(
    'a person Google gives no email for',
    'submitStepAdjustment',
    ADJUST,
    /"ok":false.*did not give your email address/,
    '',
  ),
  refused('a Principal recording a court decision', 'submitCourtDecision', COURT, NOTHING),
  refused(
    'a court decision for a student below step 4',
    'submitCourtDecision',
    COURT,
    NOTHING,
    'specialist@district.example.org',
  ),
  refused(
    'a staff member without an email',
    'submitStaffMember',
    { email: '', name: 'X', role: 'Teacher' },
    /"ok":false.*Enter the person’s email/,
  ),
  refused(
    'a staff member with role "Janitor"',
    'submitStaffMember',
    { email: 'j@district.example.org', name: 'J', role: 'Janitor' },
    /"ok":false.*Janitor.* is not a role the add-on knows/,
  ),
  refused(
    'a Teacher giving roles',
    'submitStaffMember',
    { email: 'j@district.example.org', name: 'J', role: 'Principal' },
    NOTHING,
    TEACHER,
  ),
  setting('step1.threshold', 'three', /issue: Settings row \d+ Value: .*got "three"/),
  setting('step1.threshold', '-2', /issue: Settings row \d+ Value: .*"-2"/),
  setting(
    'step2.threshold',
    '2',
    /issue: Settings row \d+ Value: Step thresholds must increase \(step 1: 3, step 2: 2\)/,
  ),
  setting('attendance.linePercent', '150', /issue: Settings row \d+ .*"150"/),
  setting('code.E', 'unexcusd', /issue: Settings row \d+ .*"unexcusd"/),
  setting('step1.threshold', '', /issue: Settings row \d+ .*step1\.threshold/),
  {
    name: 'an unknown Settings key',
    kind: 'Settings typo',
    act: (emu) => emu.edit('Settings', `A${emu.values('Settings').length + 1}`, [['step9.threshold', '4']]),
    message: /issue: Settings row \d+ .*step9\.threshold/,
    changes: ['Settings', 'Data Issues'],
  },
  {
    name: 'a threshold typo previewed and declined',
    kind: 'Settings applied',
    setup: (emu) => emu.setValues('Settings', `B${rowOf(emu, 'Settings', 'step1.threshold')}`, [['1']]),
    act: (emu) => {
      emu.ui.queueAlertResponse('NO');
      return run('applySettingsChanges')(emu);
    },
    message: /would move up to step 1.*toast: .*Nothing was applied/s,
  },
  {
    name: 'Apply Settings changes by a Teacher',
    kind: 'Settings applied',
    setup: (emu) => {
      emu.setValues('Settings', `B${rowOf(emu, 'Settings', 'step1.threshold')}`, [['1']]);
      emu.setUser(TEACHER);
    },
    act: run('applySettingsChanges'),
    message: /alert: Apply Settings changes: .*(Assistant Principal|Principal)/s,
  },
  {
    name: 'Apply Settings changes with every Settings value cleared',
    kind: 'Settings applied',
    setup: (emu) =>
      emu.setValues(
        'Settings',
        'B2',
        emu
          .values('Settings')
          .slice(1)
          .map(() => ['']),
      ),
    act: run('applySettingsChanges'),
    message: /alert: Apply Settings changes: .*(no usable|no policy)/is,
    changes: ['Data Issues'],
  },
  busy('Recalculate now', run('recalculateNow'), LOCKED),
  busy('Import attendance', run('importAttendance'), LOCKED, exported(['1003', DAYS[4], 'U'])),
  busy('Apply Settings changes', run('applySettingsChanges'), LOCKED, (emu) =>
    emu.setValues('Settings', `B${rowOf(emu, 'Settings', 'step1.threshold')}`, [['1']]),
  ),
  busy('Restore the record', run('restoreTheRecord'), LOCKED),
  busy(
    'a step adjustment',
    run('submitStepAdjustment', ADJUST),
    /"ok":false.*Another Attendance Steps task is running/,
  ),
  busy('Set up', (emu) => (emu.ui.queueAlertResponse('YES'), run('setUpWorkbook')(emu)), LOCKED),
  {
    ...busy('an Absences edit', (emu) => emu.edit('Absences', 'A12', [['1003', DAYS[4], 'U', '']]), LOCKED),
    fails: true,
    changes: ['Absences'],
    then: (emu, before, after) => {
      expect(after['Absences']!.slice(0, 11)).toEqual(before['Absences']!.slice(0, 11));
      expect(table(emu, 'Absences').at(-1)).toMatchObject({ 'Student ID': '1003', Code: 'U' });
    },
  },
  {
    ...busy(
      'the nightly run',
      (emu) => [emu.run('nightlyRecalculation', undefined, 'time-trigger')],
      LOCKED,
      absence(DAYS[4]),
    ),
    fails: true,
  },
];
