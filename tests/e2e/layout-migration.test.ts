// Layout 1 → 2 on a workbook written by the layout-1 code: no row lost, every add-on row sealed, a second run changes nothing.
import * as path from 'node:path';
import { createEmulator, type Emulator } from '../../emulator/host/emulator';
import { menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'layout-1-campus.xlsx');

const steps = (emu: Emulator) =>
  Object.fromEntries(table(emu, 'Status').map((r) => [String(r['Student ID']), r['Step']]));
const problems = (emu: Emulator) => table(emu, 'Data Issues').map((r) => String(r['Problem']));

async function layoutOne(): Promise<Emulator> {
  const emu = await createEmulator({ xlsxPath: FIXTURE, asOf: '2026-11-20' });
  const props = emu.control['properties'] as { stores: { document: Map<string, string> } };
  props.stores.document.set('attendanceSteps.schemaVersion', '1');
  return emu;
}

describe('migrating a layout-1 workbook', () => {
  it('keeps every row, seals the add-on rows, keeps the steps; a second run changes nothing', async () => {
    const emu = await layoutOne();
    const header = emu.values('Documentation')[0]!.map(String);
    expect(header).not.toContain('Entry ID');
    const before = table(emu, 'Documentation');
    const stepRowsBefore = before.filter((r) => r['Type'] === 'Step reached');
    expect(stepRowsBefore.length).toBeGreaterThan(5);
    const statusBefore = steps(emu);
    expect(Object.keys(statusBefore)).toHaveLength(60);
    expect(Object.values(statusBefore).some((s) => Number(s) >= 2)).toBe(true);

    menu(emu, 'setUpWorkbook');
    expect(emu.control['properties']).toBeDefined();
    const props = emu.control['properties'] as { stores: { document: Map<string, string> } };
    expect(props.stores.document.get('attendanceSteps.schemaVersion')).toBe('3');

    const after = table(emu, 'Documentation');
    expect(after.length).toBeGreaterThanOrEqual(before.length + 1);
    // Every layout-1 row is still there with its cells (matched on what layout 1 wrote).
    const key = (r: Record<string, unknown>) =>
      ['Student ID', 'Date', 'Type', 'Role', 'Staff', 'Notes', 'Step Set To']
        .map((c) => JSON.stringify(r[c]))
        .join('|');
    const afterKeys = after.map(key);
    for (const r of before) expect(afterKeys).toContain(key(r));
    // Every layout-1 step row now has an S… Entry ID and a seal; none reads as changed.
    const stepRowsAfter = after.filter((r) => r['Type'] === 'Step reached' && r['Role'] === 'System');
    expect(stepRowsAfter.length).toBeGreaterThanOrEqual(stepRowsBefore.length);
    for (const r of stepRowsAfter) {
      expect(String(r['Entry ID'])).toMatch(/^S\d+$/);
      expect(String(r['Seal'])).not.toBe('');
    }
    const ids = after.map((r) => String(r['Entry ID'])).filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
    expect(after.every((r) => /^[ST]\d+$/.test(String(r['Entry ID'])))).toBe(true);
    expect(
      problems(emu).filter((p) =>
        /changed after it was written|A copy of entry|missing from the Documentation/.test(p),
      ),
    ).toEqual([]);
    expect(steps(emu)).toEqual(statusBefore);

    // A second Set up and a recalculation change no Documentation row.
    const migrated = JSON.stringify(emu.values('Documentation'));
    emu.advance(60_000);
    menu(emu, 'setUpWorkbook');
    menu(emu, 'recalculateNow');
    expect(JSON.stringify(emu.values('Documentation'))).toBe(migrated);
    expect(steps(emu)).toEqual(statusBefore);
  });
});
