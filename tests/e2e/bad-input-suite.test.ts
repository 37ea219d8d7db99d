// The bad-input suite: every case through the built bundle in the emulator, asserting what the person is told and
// that every tab is unchanged or changed exactly as intended, and that no cell anywhere became a formula.
import { useBuiltBundle } from './harness';
import { campus, formulas, mark, snapshot, told } from './bad-input/campus';
import type { Case } from './bad-input/case';
import { COLUMN_AND_DATE_CASES } from './bad-input/cases-columns-dates';
import { ID_AND_TEXT_CASES } from './bad-input/cases-ids-text';
import { DIALOG_AND_POLICY_CASES } from './bad-input/cases-dialogs-policy';

useBuiltBundle();

const CASES: Case[] = [...COLUMN_AND_DATE_CASES, ...ID_AND_TEXT_CASES, ...DIALOG_AND_POLICY_CASES];
let ran = 0;

afterAll(() => {
  const kinds = new Map<string, number>();
  for (const c of CASES) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
  console.log(
    `bad-input suite: ${ran} of ${CASES.length} cases run (${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')})`,
  );
});

describe('bad input through the built bundle', () => {
  it('has at least 60 cases, each named once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(60);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [`${c.kind}: ${c.name}`, c] as const))('%s', (_, c) => {
    const emu = campus();
    expect(snapshot(emu)['Data Issues']).toEqual([expect.any(Array)]);
    c.setup?.(emu);
    const before = snapshot(emu);
    const m = mark(emu);
    const results = c.act(emu);
    ran++;
    const said = told(emu, m, results);
    expect(said).toMatch(c.message);
    if (!c.fails)
      for (const r of results) expect({ said, error: r.error }).toEqual({ said, error: undefined });
    const after = snapshot(emu);
    const allowed = new Set(c.changes ?? []);
    for (const tab of new Set([...Object.keys(before), ...Object.keys(after)]))
      if (!allowed.has(tab)) expect({ tab, values: after[tab] }).toEqual({ tab, values: before[tab] });
    c.then?.(emu, before, after);
    expect(formulas(emu)).toEqual([]);
  });
});
