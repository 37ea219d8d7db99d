// The bundle check rejects what Apps Script could not load or would not find.
import { checkScript } from '../../scripts/check-bundle';

const ok = 'var A = (() => ({ go() { return 1; } }))();\nfunction go() { return A.go(); }\n';

describe('checkScript', () => {
  it('accepts a classic script whose named functions exist at the top level', () => {
    expect(checkScript(ok, [['menu item "Go"', 'go']])).toEqual([]);
  });

  it('rejects import/export and top-level await as Apps Script would', () => {
    expect(checkScript(`${ok}export function x() {}`, [])[0]).toMatch(/not a classic script/);
    expect(checkScript(`${ok}await Promise.resolve(1);`, [])[0]).toMatch(/not a classic script/);
  });

  it.each([
    'require("fs")',
    'process.env.X',
    'setTimeout(go, 1)',
    'fetch("x")',
    'new TextEncoder()',
    'Buffer.from("")',
  ])('rejects %s', (snippet) => {
    const problems = checkScript(`${ok}function bad() { return ${snippet}; }\n`, []);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/which Apps Script does not have/);
  });

  it('does not mistake property names or strings for Node globals', () => {
    const code = `${ok}function fine(o) { return [o.process, { require: 1 }, "setTimeout", o.fetch]; }\n`;
    expect(checkScript(code, [])).toEqual([]);
  });

  it('names a menu item, trigger or sidebar call whose function is not top-level', () => {
    const problems = checkScript(ok, [
      ['menu item "Set up"', 'setUp'],
      ['trigger handler', 'go'],
    ]);
    expect(problems).toEqual(['menu item "Set up" names setUp, which is not a top-level function']);
  });
});
