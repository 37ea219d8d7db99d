// Checks build/Code.js the way Apps Script will load it: a classic script with no Node-only names in it,
// whose menu items, trigger handlers and sidebar calls each name a top-level function.
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import ts from 'typescript';
import { MENU_ITEMS, SIDEBAR_CALLS, TRIGGER_HANDLERS } from '../src/entrypoints/menu';

/** Names that do not exist in Apps Script (V8 runtime): Node's module system and globals, timers, fetch and friends. */
const FORBIDDEN = new Set([
  'require',
  'process',
  'Buffer',
  'global',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'fetch',
  'URL',
  'TextEncoder',
  'TextDecoder',
  '__dirname',
  '__filename',
]);

/** What the add-on calls by name: menu items, trigger handlers and sidebar calls, each with what names it. */
export function declaredEntryPoints(): [what: string, functionName: string][] {
  return [
    ...MENU_ITEMS.flatMap((item): [string, string][] =>
      item ? [[`menu item "${item.label}"`, item.functionName]] : [],
    ),
    ...TRIGGER_HANDLERS.map((name): [string, string] => ['trigger handler', name]),
    ...SIDEBAR_CALLS.map((name): [string, string] => ['sidebar call', name]),
  ];
}

/** Returns the problems found in the script at `codePath` (empty when it is fine). */
export function checkBundle(codePath: string, named = declaredEntryPoints()): string[] {
  return checkScript(fs.readFileSync(codePath, 'utf8'), named);
}

/** Returns the problems found in the script text `code`. */
export function checkScript(code: string, named: [string, string][]): string[] {
  const problems: string[] = [];
  try {
    // A SyntaxError here is what Apps Script would report for import/export or a top-level await.
    new vm.Script(code, { filename: 'Code.js' });
  } catch (e) {
    return [`not a classic script: ${(e as Error).message}`];
  }
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const topLevel = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) topLevel.add(statement.name.text);
  }
  const seen = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && FORBIDDEN.has(node.text) && isReference(node) && !seen.has(node.text)) {
      seen.add(node.text);
      const { line } = source.getLineAndCharacterOfPosition(node.getStart());
      problems.push(`uses ${node.text} (line ${line + 1}), which Apps Script does not have`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  for (const [what, name] of named) {
    if (!topLevel.has(name)) problems.push(`${what} names ${name}, which is not a top-level function`);
  }
  return problems;
}

/** True when the identifier refers to a variable (not a property name, key or member access). */
function isReference(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.name === node) return false;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent)) && parent.name === node)
    return false;
  if (ts.isPropertyDeclaration(parent) && parent.name === node) return false;
  if ((ts.isGetAccessor(parent) || ts.isSetAccessor(parent)) && parent.name === node) return false;
  return true;
}

if (require.main === module) {
  const problems = checkBundle(process.argv[2] ?? 'build/Code.js');
  for (const p of problems) console.error(p);
  process.exit(problems.length > 0 ? 1 : 0);
}
