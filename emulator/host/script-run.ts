// google.script.run for a page served on this machine: the page's calls come here as JSON and run the built
// bundle's top-level functions in the emulator, one execution each, as Apps Script runs them for a sidebar.
import * as vm from 'node:vm';
import type { Emulator } from './emulator';

/** What a call answers the page: the return value, or the message the failure handler receives. */
export type ScriptRunAnswer =
  { ok: true; value: unknown; simulatedMs: number } | { ok: false; error: string; simulatedMs: number };

/**
 * A value the reference allows across google.script.run: primitives, null, and objects and arrays of them ("Requests
 * fail if you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type, including
 * prohibited types inside objects or arrays"; Apps Script reference, Class google.script.run). Returns the path of
 * the first value that is not, or null. The wording of the failure is the emulator's own.
 */
export function illegalValue(value: unknown, path = 'value', seen = new Set<object>()): string | null {
  if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
  if (typeof value !== 'object') return `${path} (${typeof value})`;
  if (value instanceof Date) return `${path} (Date)`;
  if (seen.has(value)) return `${path} (circular)`;
  seen.add(value);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!Array.isArray(value) && proto !== Object.prototype && proto !== null)
    return `${path} (${(value as object).constructor?.name ?? 'object'})`;
  for (const [k, v] of Object.entries(value)) {
    const bad = illegalValue(v, `${path}.${k}`, seen);
    if (bad) return bad;
  }
  seen.delete(value);
  return null;
}

/**
 * Runs `name(...args)` as a google.script.run call. The arguments arrive as JSON (the page's shim refuses Dates,
 * functions and DOM elements before sending, as Apps Script does) and are parsed inside the script's realm, so the
 * script receives its own Objects and Arrays. A function the bundle does not declare at the top level fails as in
 * Apps Script; a return value that is not plain JSON throws here (the emulator does not know what Apps Script gives
 * the page then).
 */
export function scriptRun(emu: Emulator, name: string, argsJson: string): ScriptRunAnswer {
  const parse = vm.runInContext('JSON.parse', emu.context) as (text: string) => unknown;
  const args = parse(argsJson);
  if (!Array.isArray(args)) throw new Error('google.script.run bridge: the arguments must be a JSON array');
  if (args.length > 1)
    throw new Error('not implemented: google.script.run with more than one argument (the add-on passes one)');
  if (!emu.hasFunction(name))
    return { ok: false, error: `Script function not found: ${name}`, simulatedMs: 0 };
  const result = emu.run(name, args[0]);
  if (result.error !== undefined) return { ok: false, error: result.error, simulatedMs: result.simulatedMs };
  const bad = illegalValue(result.value);
  if (bad)
    throw new Error(
      `not implemented: ${name} returned ${bad}, which google.script.run does not pass as plain JSON`,
    );
  return { ok: true, value: result.value ?? null, simulatedMs: result.simulatedMs };
}

/**
 * The page's `google.script.run` (and `google.script.host.close`), posting each call to `endpoint` + the function's
 * name. `names` are the bundle's top-level functions: as in Apps Script, the runner has a method for each, and
 * `withSuccessHandler`, `withFailureHandler` and `withUserObject` each return a runner that keeps the others'
 * settings. Handlers run asynchronously, with the user object as their second argument.
 */
export function scriptRunShim(names: readonly string[], endpoint = '/run/'): string {
  return `<script>
(function () {
  var names = ${JSON.stringify(names)};
  function illegal(v, path, seen) {
    if (v === null || v === undefined || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return null;
    if (typeof v !== 'object') return path + ' (' + typeof v + ')';
    if (v instanceof Date) return path + ' (Date)';
    if (typeof Node !== 'undefined' && v instanceof Node) return path + ' (DOM element)';
    if (seen.indexOf(v) >= 0) return path + ' (circular)';
    var proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) return path + ' (' + (v.constructor && v.constructor.name) + ')';
    seen.push(v);
    for (var k in v) if (Object.prototype.hasOwnProperty.call(v, k)) { var bad = illegal(v[k], path + '.' + k, seen); if (bad) return bad; }
    seen.pop();
    return null;
  }
  function runner(success, failure, user) {
    var r = {
      withSuccessHandler: function (f) { return runner(f, failure, user); },
      withFailureHandler: function (f) { return runner(success, f, user); },
      withUserObject: function (o) { return runner(success, failure, o); }
    };
    names.forEach(function (name) {
      r[name] = function () {
        var args = Array.prototype.slice.call(arguments);
        var fail = function (message) {
          var e = new Error(message);
          if (failure) failure(e, user); else console.error('google.script.run ' + name + ': ' + message);
        };
        for (var i = 0; i < args.length; i++) {
          var bad = illegal(args[i], 'argument ' + i, []);
          if (bad) { setTimeout(function () { fail('Failed due to illegal value in ' + bad + '.'); }, 0); return; }
        }
        fetch(${JSON.stringify(endpoint)} + encodeURIComponent(name), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })
          .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
          .then(function (answer) {
            if (answer.ok) { if (success) success(answer.value, user); } else fail(answer.error);
          }, function (e) { fail('NetworkError: Connection failure due to HTTP 0 (' + e.message + ')'); });
      };
    });
    return r;
  }
  window.google = window.google || {};
  window.google.script = { run: runner(null, null, undefined), host: { close: function () { document.body.textContent = 'The sidebar was closed.'; }, origin: location.origin } };
})();
</script>`;
}
