// End to end on the built bundle: a Settings typo fixed before anyone applies it moves nobody; Apply Settings
// changes… previews the effect and applying does exactly that; only an administrator applies; a cleared Settings tab never is.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';
import { DAYS, menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const TEACHER = 'teacher@district.example.org';
const CHANGED =
  /Settings or Calendar changed; an administrator applies them with Attendance → Apply Settings changes…/;
const TWO_DAYS = ['1001', '1002', '1003', '1004', '1005', '1006'];
const ONE_DAY = ['2001', '2002', '2003', '2004', '2005', '2006'];

/** Twelve students at step 0: six with 2 unexcused days, six with 1 unexcused and 2 excused (E). */
function campus(): Emulator {
  const emu = createEmulatorSync({ asOf: '2026-09-15' });
  menu(emu, 'setUpWorkbook');
  const ids = [...TWO_DAYS, ...ONE_DAY];
  emu.setValues(
    'Students',
    'A2',
    ids.map((id) => [id, `Last${id}`, `First${id}`, '7']),
  );
  emu.setValues('Staff', 'A3', [[TEACHER, 'Tess Teacher', 'Teacher']]);
  emu.setValues('Absences', 'A2', [
    ...TWO_DAYS.flatMap((id) => [DAYS[0], DAYS[1]].map((d) => [id, d, 'U', ''])),
    ...ONE_DAY.flatMap((id) => [
      [id, DAYS[0], 'U', ''],
      [id, DAYS[2], 'E', ''],
      [id, DAYS[3], 'E', ''],
    ]),
  ]);
  menu(emu, 'recalculateNow');
  expect(steps(emu).every(([, step]) => step === 0)).toBe(true);
  return emu;
}

const steps = (emu: Emulator) =>
  table(emu, 'Status').map((r) => [r['Student ID'], r['Step']] as [string, number]);
const stepRows = (emu: Emulator) => table(emu, 'Documentation').filter((r) => r['Type'] === 'Step reached');
const letters = (emu: Emulator) => table(emu, 'Letters');
const issues = (emu: Emulator) => table(emu, 'Data Issues').map((r) => String(r['Problem']));

/** A person types `value` into the Value cell of `key` (the edit trigger runs). */
function typeSetting(emu: Emulator, key: string, value: string): void {
  const row = emu.values('Settings').findIndex((r) => r[0] === key) + 1;
  expect(row).toBeGreaterThan(1);
  for (const r of emu.edit('Settings', `B${row}`, [[value]])) expect(r.error).toBeUndefined();
}

/** Runs Attendance → Apply Settings changes…, answering the confirm with `answer` when it is asked. */
function apply(emu: Emulator, answer?: 'YES' | 'NO'): string {
  const seen = emu.ui.alerts.length;
  if (answer) emu.ui.queueAlertResponse(answer);
  const r = emu.run('applySettingsChanges', undefined, 'menu');
  expect(r.error).toBeUndefined();
  return emu.ui.alerts
    .slice(seen)
    .map((a) => `${a.title}: ${a.prompt}`)
    .join('\n');
}

describe('a policy edit takes effect only when an administrator applies it', () => {
  it('step1.threshold typed as 1 and fixed before anyone applies it: no student moves, no step row, no letter', () => {
    const emu = campus();
    const before = steps(emu);
    typeSetting(emu, 'step1.threshold', '1');
    expect(emu.ui.toasts.some((t) => CHANGED.test(JSON.stringify(t)))).toBe(true);
    expect(issues(emu).some((i) => CHANGED.test(i))).toBe(true);
    menu(emu, 'recalculateNow');
    expect(steps(emu)).toEqual(before);
    typeSetting(emu, 'step1.threshold', '3');
    expect(issues(emu).some((i) => CHANGED.test(i))).toBe(false);
    expect(steps(emu)).toEqual(before);
    expect(stepRows(emu)).toEqual([]);
    expect(letters(emu)).toEqual([]);
  });

  it('code.E typed "unexcused" and fixed: nothing happens', () => {
    const emu = campus();
    const before = steps(emu);
    typeSetting(emu, 'code.E', 'unexcused');
    menu(emu, 'recalculateNow');
    typeSetting(emu, 'code.E', 'excused');
    expect(steps(emu)).toEqual(before);
    expect(stepRows(emu)).toEqual([]);
    expect(letters(emu)).toEqual([]);
  });

  it('applying step1.threshold 2 after the preview moves exactly the previewed students', () => {
    const emu = campus();
    typeSetting(emu, 'step1.threshold', '2');
    const before = new Map(steps(emu));
    const shown = apply(emu, 'YES');
    expect(shown).toMatch(/step1\.threshold: "3" → "2"/);
    expect(shown).toMatch(/6 students would move up to step 1/);
    expect(shown).toMatch(/6 letters would fall due/);
    expect(shown).toMatch(/6 "Step reached" rows would be written/);
    expect(shown).toMatch(/The Settings and Calendar changes are in force/);
    const moved = steps(emu).filter(([id, step]) => before.get(id) !== step);
    expect(moved).toEqual(TWO_DAYS.map((id) => [id, 1]));
    expect(stepRows(emu)).toHaveLength(6);
    expect(letters(emu)).toHaveLength(6);
    const note = table(emu, 'Documentation').find((d) => d['Type'] === 'Note');
    expect(String(note?.['Notes'])).toMatch(/applied by clerk@district\.example\.org/);
    expect(String(note?.['Seal'])).not.toBe('');
    expect(issues(emu).some((i) => CHANGED.test(i))).toBe(false);
  });

  it('answering No applies nothing', () => {
    const emu = campus();
    typeSetting(emu, 'step1.threshold', '2');
    apply(emu, 'NO');
    menu(emu, 'recalculateNow');
    expect(stepRows(emu)).toEqual([]);
    expect(issues(emu).some((i) => CHANGED.test(i))).toBe(true);
  });

  it('a Teacher cannot apply: the message says who may, and nothing changes', () => {
    const emu = campus();
    typeSetting(emu, 'step1.threshold', '2');
    emu.setUser(TEACHER);
    const shown = apply(emu);
    expect(shown).toMatch(/Only a Assistant Principal or Principal may apply Settings and Calendar changes/);
    expect(shown).toMatch(/Nothing was applied/);
    menu(emu, 'recalculateNow');
    expect(stepRows(emu)).toEqual([]);
  });

  it('a cleared Settings tab is reported and not applied', () => {
    const emu = campus();
    const before = steps(emu);
    const rows = emu.values('Settings').length - 1;
    const blank = Array.from({ length: rows }, () => ['', '', '']);
    for (const r of emu.edit('Settings', 'A2', blank)) expect(r.error).toBeUndefined();
    expect(issues(emu).some((i) => /The Settings tab has no policy settings/.test(i))).toBe(true);
    const shown = apply(emu);
    expect(shown).toMatch(/no policy settings[\s\S]*Nothing was applied/);
    menu(emu, 'recalculateNow');
    expect(steps(emu)).toEqual(before);
    expect(stepRows(emu)).toEqual([]);
  });
});
