// What the end-to-end tests share: the built bundle, a tab as records, menu items run as a person would.
import * as fs from 'node:fs';
import { build } from '../../scripts/build';
import type { Emulator } from '../../emulator/host/emulator';

/** Builds build/Code.js once when a test file runs without it. */
export function useBuiltBundle(): void {
  beforeAll(() => {
    if (!fs.existsSync('build/Code.js')) build();
  });
}

/** School days of September 2026 (Labor Day, Sep 7, is a holiday). */
export const DAYS = [
  '2026-09-01',
  '2026-09-02',
  '2026-09-03',
  '2026-09-04',
  '2026-09-08',
  '2026-09-09',
  '2026-09-10',
];

/** A tab's rows as records keyed by header (blank rows left out). */
export function table(emu: Emulator, sheet: string): Record<string, unknown>[] {
  const [header, ...rows] = emu.values(sheet);
  return rows
    .filter((r) => r.some((v) => v !== ''))
    .map((r) => Object.fromEntries((header ?? []).map((h, i) => [String(h), r[i]])));
}

/** Runs a menu item and expects it to finish. Set up's question (add you as the first administrator?) is answered yes. */
export function menu(emu: Emulator, fn: string): void {
  if (fn === 'setUpWorkbook') emu.ui.queueAlertResponse('YES');
  const result = emu.run(fn, undefined, 'menu');
  expect(result.error).toBeUndefined();
}
