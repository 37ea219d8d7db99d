// Builds the runtime bundle (emulator/runtime/index.ts) once per process with esbuild.
import { buildSync } from 'esbuild';
import * as path from 'node:path';

/** The name the iife assigns; the host keeps it out of the script's globals (see emulator.ts). */
export const RUNTIME_GLOBAL = '__emulatorRuntime';

let cached: string | null = null;

export function runtimeBundle(): string {
  if (cached === null) {
    const result = buildSync({
      entryPoints: [path.resolve(__dirname, '../runtime/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: RUNTIME_GLOBAL,
      platform: 'neutral',
      target: 'es2022',
      write: false,
      logLevel: 'silent',
    });
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no runtime bundle');
    cached = file.text;
  }
  return cached;
}
