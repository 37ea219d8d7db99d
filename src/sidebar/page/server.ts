// The page's typed client of the server: each call names a function of src/entrypoints/sidebar.ts, whose types
// alone are imported, so a call to a function that does not exist, or with the wrong arguments, does not compile.
import type * as Server from '../../entrypoints/sidebar';

/** The server functions the page may call (their names are SIDEBAR_CALLS in src/entrypoints/menu.ts). */
type Calls = Pick<
  typeof Server,
  'sidebarStart' | 'sidebarStudent' | 'sidebarLogContact' | 'sidebarRecalculate'
>;

/** google.script.run as the page sees it (the host page injects it; Apps Script does in the sidebar's frame). */
interface ScriptRunner {
  withSuccessHandler(f: (value: unknown) => void): ScriptRunner;
  withFailureHandler(f: (error: Error) => void): ScriptRunner;
  [serverFunction: string]: unknown;
}
declare const google: { script: { run: ScriptRunner } };

/** Calls a server function; resolves with its return value, rejects with the failure Apps Script reports. */
export function call<K extends keyof Calls>(
  name: K,
  ...args: Parameters<Calls[K]>
): Promise<ReturnType<Calls[K]>> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<Calls[K]>))
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}
