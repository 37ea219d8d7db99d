// Shared helpers of the emulator tests: an emulator on the basic fixture and a probe that runs code in the script's realm.
import * as path from 'node:path';
import { createEmulatorSync, type Emulator, type EmulatorOptions } from '../../emulator/host/emulator';

export const FIXTURES = path.join(__dirname, 'fixtures');

export function basicEmulator(options: EmulatorOptions = {}): Emulator {
  return createEmulatorSync({ codePath: path.join(FIXTURES, 'basic.js'), asOf: '2026-09-01', ...options });
}

/** Runs `code` inside the script's realm as one execution; throws the execution's error message. */
export function inScript(emu: Emulator, code: string): unknown {
  const r = emu.run('probe', { code });
  if (r.error !== undefined) throw new Error(r.error);
  return r.value;
}

export const SHEET = 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]';
