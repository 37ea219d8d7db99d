// Tests for the default policy and the Settings round trip.

import { countThresholds, defaultPolicy, outcomeIsDone } from '../../../src/domain/policy';
import { policyFromSettings, settingsRowsFromPolicy } from '../../../src/domain/policy-settings';
import type { SettingsInputRow } from '../../../src/domain/policy-settings';
import { ANY_DOCUMENTATION } from '../../../src/domain/types';

const asInput = (rows: { key: string; value: string | number }[]): SettingsInputRow[] =>
  rows.map((r, i) => ({ key: r.key, value: r.value, row: i + 2 }));

describe('default policy', () => {
  const p = defaultPolicy();
  it('has the district thresholds and a court step without threshold', () => {
    expect(countThresholds(p)).toEqual([
      { step: 1, threshold: 3 },
      { step: 2, threshold: 5 },
      { step: 3, threshold: 8 },
      { step: 4, threshold: 11 },
    ]);
    expect(p.steps.find((s) => s.step === 5)?.threshold).toBeNull();
    expect(p.steps.find((s) => s.step === 4)?.gate).toEqual({
      required: ['AP meeting', 'Barrier collaboration', 'TPM plan', 'District referral'],
      followUp: 'Follow-up',
    });
    expect(p.steps.find((s) => s.step === 5)?.gate).toEqual({
      required: ['District intervention', 'Root cause review'],
      followUp: 'Court consideration',
    });
  });
  it('gives every action an owner, cadence and a known documentation type', () => {
    const types = new Set(p.documentationTypes.map((d) => d.type));
    const actions = p.steps.flatMap((s) => s.actions);
    expect(actions.length).toBeGreaterThanOrEqual(20);
    for (const a of actions) {
      expect(a.docType === ANY_DOCUMENTATION || types.has(a.docType)).toBe(true);
      expect(['once', 'eachUnexcusedDay', 'weekly', 'ongoing']).toContain(a.cadence);
      for (const t of a.after ?? []) expect(types.has(t)).toBe(true);
    }
    expect(new Set(actions.map((a) => a.id)).size).toBe(actions.length);
    expect(actions.find((a) => a.id === 's1-call-list')?.cadence).toBe('eachUnexcusedDay');
    expect(actions.find((a) => a.id === 's2-absence-report')?.cadence).toBe('weekly');
  });
  it("declares a gate's follow-up action due after the gate's required efforts", () => {
    for (const def of p.steps) {
      if (!def.gate) continue;
      const followUps = p.steps.flatMap((s) => s.actions).filter((a) => a.docType === def.gate?.followUp);
      expect(followUps.length).toBeGreaterThan(0);
      for (const a of followUps) expect(a.after).toEqual(def.gate.required);
    }
  });
  it('counts blank and done outcomes as done, others not', () => {
    expect(outcomeIsDone(p, '')).toBe(true);
    expect(outcomeIsDone(p, 'completed')).toBe(true);
    expect(outcomeIsDone(p, 'Attempted / no answer')).toBe(false);
    expect(outcomeIsDone(p, 'Scheduled')).toBe(false);
    expect(outcomeIsDone(p, 'whatever')).toBe(false);
  });
  it('returns independent copies', () => {
    const a = defaultPolicy();
    a.overdueAfterSchoolDays = 99;
    expect(defaultPolicy().overdueAfterSchoolDays).toBe(3);
  });
});

describe('Settings rows', () => {
  it('round-trips the default policy without problems', () => {
    const p = defaultPolicy();
    const rows = settingsRowsFromPolicy(p);
    expect(rows.find((r) => r.key === 'step4.threshold')?.value).toBe(11);
    expect(rows.find((r) => r.key === 'attendance.linePercent')?.value).toBe(90);
    expect(rows.find((r) => r.key === 'code.UP')?.value).toBe('unexcused part-day');
    expect(rows.every((r) => r.help.length > 10)).toBe(true);
    const back = policyFromSettings(asInput(rows));
    expect(back.problems).toEqual([]);
    expect(back.policy).toEqual(p);
  });
  it('round-trips a changed policy', () => {
    const p = defaultPolicy();
    p.overdueAfterSchoolDays = 5;
    p.partDayWeight = 0.25;
    p.attendanceLine = 0.95;
    p.codes = [{ code: 'X', category: 'unexcused', partDay: true, label: 'X' }];
    const back = policyFromSettings(asInput(settingsRowsFromPolicy(p)));
    expect(back.problems).toEqual([]);
    expect(back.policy.overdueAfterSchoolDays).toBe(5);
    expect(back.policy.partDayWeight).toBe(0.25);
    expect(back.policy.attendanceLine).toBeCloseTo(0.95);
    expect(back.policy.codes).toEqual([{ code: 'X', category: 'unexcused', partDay: true, label: 'X' }]);
  });
  it('reads typed text values, percent signs and fractions', () => {
    const r = policyFromSettings(
      asInput([
        { key: 'step1.threshold', value: ' 2 ' },
        { key: 'attendance.linePercent', value: '85%' },
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(r.policy.steps[0]?.threshold).toBe(2);
    expect(r.policy.attendanceLine).toBeCloseTo(0.85);
    expect(
      policyFromSettings(asInput([{ key: 'attendance.linePercent', value: 0.9 }])).policy.attendanceLine,
    ).toBeCloseTo(0.9);
  });
  it('lists problems and keeps defaults; never throws', () => {
    const r = policyFromSettings([
      { key: 'step2.threshold', value: 'five', row: 3 },
      { key: 'colour', value: 'blue', row: 4 },
      { key: 'overdue.afterSchoolDays', value: -1, row: 5 },
      { key: 'overdue.afterSchoolDays', value: 4, row: 6 },
      { key: 'code.Z', value: 'sometimes', row: 7 },
      { key: 'outcome.Maybe', value: 'perhaps', row: 8 },
      { key: 'attendance.partDayWeight', value: null, row: 9 },
    ]);
    // No row gives a usable setting, so the first problem says the whole default policy is used.
    expect(r.problems.map((p) => p.row)).toEqual([undefined, 3, 4, 5, 6, 7, 8, 9]);
    expect(r.problems[0]?.reason).toMatch(/default policy is used/);
    expect(r.problems.every((p) => p.tab === 'Settings' && p.reason.length > 0)).toBe(true);
    expect(r.policy).toEqual(defaultPolicy());
  });
  it('rejects thresholds that do not increase and falls back to all defaults', () => {
    const r = policyFromSettings(
      asInput([
        { key: 'step1.threshold', value: 4 },
        { key: 'step3.threshold', value: 5 },
      ]),
    );
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]?.reason).toMatch(/increase/);
    expect(countThresholds(r.policy).map((t) => t.threshold)).toEqual([3, 5, 8, 11]);
  });
  it('accepts increasing changed thresholds', () => {
    const r = policyFromSettings(
      asInput([
        { key: 'step1.threshold', value: 2 },
        { key: 'step4.threshold', value: 15 },
      ]),
    );
    expect(r.problems).toEqual([]);
    expect(countThresholds(r.policy).map((t) => t.threshold)).toEqual([2, 5, 8, 15]);
  });
});
