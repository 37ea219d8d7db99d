// Builds the Apps Script project into build/: Code.js (a classic script), appsscript.json and the sidebar HTML.
import { buildSync } from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { checkBundle } from './check-bundle';

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'build');
/** The bundle's one top-level variable; every entry point becomes a top-level function calling into it. */
const NAMESPACE = 'AttendanceSteps';

/**
 * Bundles src/entrypoints/index.ts into one IIFE, then appends a top-level function for each export,
 * since Apps Script only calls functions declared at the top level of a script file.
 */
export function build(): { codePath: string; entryPoints: string[] } {
  const result = buildSync({
    entryPoints: [path.join(ROOT, 'src/entrypoints/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: NAMESPACE,
    // Apps Script's V8 runtime: modern syntax, but lowering class fields and ?? keeps older V8 builds happy.
    target: 'es2019',
    platform: 'neutral',
    write: false,
    charset: 'utf8',
    legalComments: 'none',
  });
  const bundle = result.outputFiles[0]?.text ?? '';
  const entryPoints = exportedNames(bundle);
  const stubs = entryPoints
    .map((name) => `function ${name}() {\n  return ${NAMESPACE}.${name}.apply(this, arguments);\n}`)
    .join('\n');
  const code = `${bundle}\n${stubs}\n`;

  fs.rmSync(OUT, { recursive: true, force: true });
  fs.mkdirSync(OUT, { recursive: true });
  const codePath = path.join(OUT, 'Code.js');
  fs.writeFileSync(codePath, code);
  fs.copyFileSync(path.join(ROOT, 'appsscript.json'), path.join(OUT, 'appsscript.json'));
  for (const file of htmlFiles()) fs.writeFileSync(path.join(OUT, file.name), file.content);
  return { codePath, entryPoints };
}

/** The entry module's export names, read by evaluating the bundle in an empty context (it only defines functions). */
function exportedNames(bundle: string): string[] {
  const context = vm.createContext({});
  vm.runInContext(bundle, context, { filename: 'Code.js' });
  const namespace = (context as Record<string, unknown>)[NAMESPACE];
  if (!namespace || typeof namespace !== 'object') throw new Error(`the bundle defines no ${NAMESPACE}`);
  return Object.keys(namespace).filter(
    (name) => typeof (namespace as Record<string, unknown>)[name] === 'function',
  );
}

/** Sidebar and dialog pages, each inlined into one HTML file by src/sidebar/build-html.ts when present. */
function htmlFiles(): { name: string; content: string }[] {
  const builder = path.join(ROOT, 'src/sidebar/build-html.ts');
  if (!fs.existsSync(builder)) return [];
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(builder) as { buildHtml(): { name: string; content: string }[] };
  return mod.buildHtml();
}

if (require.main === module) {
  const { codePath, entryPoints } = build();
  const problems = checkBundle(codePath);
  if (problems.length > 0) {
    console.error(`build/Code.js fails its check:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(1);
  }
  // npm start builds quietly: its own summary is what a user reads first; failures are still printed.
  if (!process.argv.includes('--quiet'))
    console.log(
      `build/Code.js: ${entryPoints.length} entry points (${entryPoints.join(', ')}); check passed`,
    );
}
