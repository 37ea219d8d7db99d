// Policy changes take effect when an administrator applies them: typos fixed before that move nobody; the preview
// says what applying does and applying does exactly that; refusals; the applied policy kept in properties.
import { applyPolicyChange, previewPolicyChange } from '../../../src/app/apply-policy';
import { POLICY_CHANGED } from '../../../src/app/campus';
import { APPLIED_POLICY_KEY, loadApplied, saveApplied, snapshotOf } from '../../../src/app/policy-snapshot';
import { recalculateAll } from '../../../src/app/recalculate';
import { MemoryStore } from '../../fakes/platform';
import { absences, campus, grant, student } from './campus-fixture';

const PRINCIPAL = 'clerk@district.example.org'; // FakeSession's default user
const TEACHER = 'teacher@district.example.org';

/** Ten students: A0–A4 with 2 unexcused days, B0–B4 with 1 unexcused and 2 excused (E) days; all at step 0. */
function school() {
  const c = campus();
  const wb = c.workbook;
  grant(c, [
    { email: PRINCIPAL, name: 'Pat Principal', role: 'Principal' },
    { email: TEACHER, name: 'Tess Teacher', role: 'Teacher' },
  ]);
  const ids = ['A0', 'A1', 'A2', 'A3', 'A4', 'B0', 'B1', 'B2', 'B3', 'B4'];
  wb.addRows(
    'Students',
    ids.map((id) => student(id)),
  );
  for (const id of ids.slice(0, 5)) wb.addRows('Absences', absences(id, 2));
  for (const id of ids.slice(5)) {
    wb.addRows('Absences', absences(id, 1, '2026-09-01'));
    wb.addRows('Absences', absences(id, 2, '2026-10-01', 'E'));
  }
  const first = recalculateAll(c);
  expect(first.perStep[0]).toBe(10);
  return c;
}

type School = ReturnType<typeof school>;

const steps = (c: School) => c.workbook.table('Status').map((r) => [r['Student ID'], r['Step']]);
const stepRows = (c: School) => c.workbook.table('Documentation').filter((r) => r['Type'] === 'Step reached');
const letters = (c: School) => c.workbook.table('Letters');
const issues = (c: School) => c.workbook.table('Data Issues').map((r) => String(r['Problem']));
const setting = (c: School, key: string, value: string) =>
  expect(c.workbook.edit('Settings', { Setting: key }, { Value: value })).toBe(1);

describe('a policy edit moves nobody until an administrator applies it', () => {
  it('Set up applied the first policy: nothing is pending', () => {
    const c = school();
    expect(c.store.get(APPLIED_POLICY_KEY)).not.toBeNull();
    expect(recalculateAll(c).policyChanged).toBe(false);
    expect(issues(c)).not.toContain(POLICY_CHANGED);
  });

  it('step1.threshold typed as 1 and fixed a minute later: no student moves, no step row, no letter', () => {
    const c = school();
    const before = steps(c);
    setting(c, 'step1.threshold', '1');
    const typo = recalculateAll(c);
    expect(typo.policyChanged).toBe(true);
    expect(issues(c)).toContain(POLICY_CHANGED);
    expect(steps(c)).toEqual(before);
    setting(c, 'step1.threshold', '3');
    expect(recalculateAll(c).policyChanged).toBe(false);
    expect(steps(c)).toEqual(before);
    expect(stepRows(c)).toEqual([]);
    expect(letters(c)).toEqual([]);
    expect(issues(c)).not.toContain(POLICY_CHANGED);
  });

  it('code.E typed "unexcused" and fixed: nothing happens', () => {
    const c = school();
    const before = steps(c);
    setting(c, 'code.E', 'unexcused');
    recalculateAll(c);
    expect(steps(c)).toEqual(before);
    setting(c, 'code.E', 'excused');
    recalculateAll(c);
    expect(steps(c)).toEqual(before);
    expect(stepRows(c)).toEqual([]);
    expect(letters(c)).toEqual([]);
  });
});

describe('Apply Settings changes', () => {
  it('previews step1.threshold 3 → 2, and applying moves exactly the previewed students', () => {
    const c = school();
    setting(c, 'step1.threshold', '2');
    const preview = previewPolicyChange(c);
    expect(preview.ok).toBe(true);
    expect(preview.moves.map((m) => [m.studentId, m.from, m.to])).toEqual(
      ['A0', 'A1', 'A2', 'A3', 'A4'].map((id) => [id, 0, 1]),
    );
    expect(preview.letters).toBe(5);
    expect(preview.stepRows).toBe(5);
    expect(preview.message).toMatch(/step1\.threshold: "3" → "2"/);
    expect(preview.message).toMatch(/5 students would move up to step 1/);
    expect(preview.message).toMatch(/5 letters would fall due/);
    // The preview wrote nothing.
    expect(stepRows(c)).toEqual([]);
    expect(letters(c)).toEqual([]);

    const before = new Map(steps(c) as [string, number][]);
    const r = applyPolicyChange(c, preview.text!);
    expect(r.ok).toBe(true);
    const moved = (steps(c) as [string, number][])
      .filter(([id, step]) => before.get(id) !== step)
      .map(([id, step]) => ({ studentId: id, from: before.get(id), to: step }));
    expect(moved).toEqual(preview.moves);
    expect(stepRows(c)).toHaveLength(preview.stepRows);
    expect(letters(c)).toHaveLength(preview.letters);
    const note = c.workbook.table('Documentation').find((d) => d['Type'] === 'Note');
    expect(note).toMatchObject({ Staff: PRINCIPAL, Role: 'Principal', 'Student ID': '' });
    expect(String(note?.['Entry ID'])).toMatch(/^S/);
    expect(String(note?.['Notes'])).toMatch(
      /applied by clerk@district\.example\.org.*step1\.threshold: "3" → "2"/,
    );
    expect(recalculateAll(c).policyChanged).toBe(false);
  });

  it('a Teacher can neither preview nor apply: refused with a message, nothing applied', () => {
    const c = school();
    setting(c, 'step1.threshold', '2');
    const applied = c.store.get(APPLIED_POLICY_KEY);
    const preview = previewPolicyChange(c);
    c.session.current = TEACHER;
    const refused = previewPolicyChange(c);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.message).toMatch(/Only a Assistant Principal or Principal may apply.*Nothing was applied/);
    const r = applyPolicyChange(c, preview.text!);
    expect(r.ok).toBe(false);
    expect(r.message).toMatch(/Teacher/);
    expect(c.store.get(APPLIED_POLICY_KEY)).toBe(applied);
    recalculateAll(c);
    expect(stepRows(c)).toEqual([]);
  });

  it('a cleared Settings tab is reported and cannot be applied; the policy in force stays', () => {
    const c = school();
    setting(c, 'step1.threshold', '2');
    applyPolicyChange(c, previewPolicyChange(c).text!);
    const before = steps(c);
    c.workbook.setTab('Settings', ['Setting', 'Value', 'Help']);
    recalculateAll(c);
    expect(issues(c).some((i) => /The Settings tab has no policy settings/.test(i))).toBe(true);
    expect(steps(c)).toEqual(before);
    // A student new to the ladder is counted with the policy in force (2 days begin step 1), not the defaults.
    c.workbook.addRows('Students', [student('C0')]);
    c.workbook.addRows('Absences', absences('C0', 2));
    recalculateAll(c);
    expect(c.workbook.table('Status').find((r) => r['Student ID'] === 'C0')?.['Step']).toBe(1);
    const preview = previewPolicyChange(c);
    expect(preview.ok).toBe(false);
    expect(preview.message).toMatch(/no policy settings[\s\S]*Nothing was applied/);
  });

  it('nothing to apply when the tabs hold the policy in force', () => {
    const c = school();
    expect(previewPolicyChange(c)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/already in force/),
    });
  });

  it('Settings changed after the preview: nothing is applied', () => {
    const c = school();
    setting(c, 'step1.threshold', '2');
    const preview = previewPolicyChange(c);
    setting(c, 'step1.threshold', '1');
    const r = applyPolicyChange(c, preview.text!);
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/changed after the preview/) });
    recalculateAll(c);
    expect(stepRows(c)).toEqual([]);
  });
});

describe('the applied policy in document properties', () => {
  it('a Calendar of every day of a year is kept in chunks of at most 9 KB, and read back the same', () => {
    const store = new MemoryStore();
    const calendar = Array.from({ length: 365 }, (_, i): [string, boolean] => [
      new Date(Date.UTC(2026, 6, 1 + i)).toISOString().slice(0, 10),
      i % 7 < 5,
    ]);
    const big = snapshotOf({ settings: [['step1.threshold', '3']], calendar });
    saveApplied(store, big);
    expect(loadApplied(store)?.text).toBe(big.text);
    for (const value of store.values.values())
      expect(Buffer.byteLength(value, 'utf8')).toBeLessThanOrEqual(9 * 1024);
    const small = snapshotOf({ settings: [['step1.threshold', '4']], calendar: [] });
    saveApplied(store, small);
    expect(loadApplied(store)?.text).toBe(small.text);
  });

  it('a damaged copy is an error, never a silent default', () => {
    const store = new MemoryStore();
    saveApplied(store, snapshotOf({ settings: [['step1.threshold', '3']], calendar: [] }));
    const key = [...store.values.keys()].find((k) => k !== APPLIED_POLICY_KEY)!;
    store.set(key, store.get(key)!.replace('3', '1'));
    expect(() => loadApplied(store)).toThrow(/damaged/);
  });
});
