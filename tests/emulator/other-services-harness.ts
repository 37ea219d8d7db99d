// Test harness: bundles the Docs/Drive/mail/lock/properties/cache/trigger services with esbuild and runs them
// in a vm context (one realm, as with build/Code.js), independently of the host's runtime entry.
import { buildSync } from 'esbuild';
import { join } from 'node:path';
import vm from 'node:vm';
import type { Control } from '../../emulator/runtime/control';
import type { ExecutionRecord } from '../../emulator/runtime/core';
import type { OtherServicesControl } from '../../emulator/runtime/services-other';
import { renderPdfSync } from '../../emulator/host/pdf-sync';

const ENTRY = `
import { Runtime } from './core';
import { installOtherServices } from './services-other';
import { setPdfRenderer } from './pdf';
const o = globalThis.__options;
const rt = new Runtime({ '*': { base: 1 } }, o.wallStart);
setPdfRenderer(o.renderPdf, () => rt.wallNow());
const ctl = {
  rt,
  realm: { Date, Array, Object, Error },
  session: { activeUserEmail: o.user, effectiveUserEmail: o.user, scriptTimeZone: 'America/Chicago', locale: 'en' },
  outbox: [],
  triggers: [],
  account: o.account,
};
installOtherServices(ctl, globalThis);
globalThis.__ctl = ctl;
`;

let bundle: string | undefined;

/** The services bundled once per test file (iife, no Node APIs inside). */
export function servicesBundle(): string {
  bundle ??= buildSync({
    stdin: { contents: ENTRY, resolveDir: join(__dirname, '../../emulator/runtime'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'neutral',
    target: 'es2022',
    write: false,
  }).outputFiles[0]!.text;
  return bundle;
}

export interface Emu {
  ctl: Control & OtherServicesControl;
  context: vm.Context;
  /** Runs script code (a function body) in the context; errors come back as host Errors with the same message. */
  run<T = unknown>(body: string): T;
  /** Runs script code as one execution (time limit enforced); returns the execution record. */
  exec(body: string, kind?: ExecutionRecord['kind']): ExecutionRecord;
}

export function createEmu(
  options: { account?: 'consumer' | 'workspace'; wallStart?: number; user?: string } = {},
): Emu {
  const context = vm.createContext({
    __options: {
      account: options.account ?? 'workspace',
      wallStart: options.wallStart ?? Date.UTC(2025, 8, 2, 13, 0, 0),
      user: options.user ?? 'clerk@district.example.org',
      renderPdf: renderPdfSync,
    },
  });
  vm.runInContext(servicesBundle(), context);
  const ctl = context.__ctl as Control & OtherServicesControl;
  const run = <T>(body: string): T => {
    const wrapped = `(() => { try { return { ok: true, value: (() => { ${body} })() }; } catch (e) { return { ok: false, message: String(e && e.message) }; } })()`;
    const result = vm.runInContext(wrapped, context) as { ok: boolean; value?: T; message?: string };
    if (!result.ok) throw new Error(result.message);
    return result.value as T;
  };
  const exec = (body: string, kind: ExecutionRecord['kind'] = 'menu'): ExecutionRecord => {
    context.__body = new vm.Script(`(() => { ${body} })`).runInContext(context);
    return ctl.rt.execute(kind, 'test', () => (context.__body as () => unknown)()).record;
  };
  return { ctl, context, run, exec };
}
