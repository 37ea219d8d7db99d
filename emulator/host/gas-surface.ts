// Reads the Apps Script surface (global services, their members and enums) from @types/google-apps-script.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

/** One member of an Apps Script class: an enum (`typeof X`), a method (with its return type) or a property. */
export type SurfaceMember =
  | { kind: 'enum'; enumName: string }
  | { kind: 'method'; returns: string[] }
  | { kind: 'property'; type: string };

export interface Surface {
  /** `Namespace.Enum` → member names in declaration order. */
  enums: Record<string, string[]>;
  /** `Namespace.Interface` → its members by name. */
  classes: Record<string, Record<string, SurfaceMember>>;
  /** Global name (`SpreadsheetApp`) → `Namespace.Interface` it is declared as. */
  globals: Record<string, string>;
}

const TYPES_DIR = path.dirname(require.resolve('@types/google-apps-script/package.json'));

/** The d.ts files of the built-in services (the advanced services under `apis/` need enabling and are left out). */
export function surfaceFiles(): string[] {
  return fs
    .readdirSync(TYPES_DIR)
    .filter((f) => f.startsWith('google-apps-script.') && f.endsWith('.d.ts'))
    .map((f) => path.join(TYPES_DIR, f));
}

function qualify(ns: string, typeName: string): string {
  const name = typeName.replace(/^GoogleAppsScript\./, '');
  return name.includes('.') ? name : `${ns}.${name}`;
}

function memberOf(ns: string, node: ts.TypeElement, src: ts.SourceFile): SurfaceMember | null {
  if (ts.isMethodSignature(node)) return { kind: 'method', returns: [node.type?.getText(src) ?? 'void'] };
  if (!ts.isPropertySignature(node) || !node.type) return null;
  if (ts.isTypeQueryNode(node.type))
    return { kind: 'enum', enumName: qualify(ns, node.type.exprName.getText(src)) };
  return { kind: 'property', type: node.type.getText(src) };
}

function readNamespace(ns: string, body: ts.ModuleBlock, src: ts.SourceFile, out: Surface): void {
  for (const st of body.statements) {
    if (ts.isEnumDeclaration(st)) {
      out.enums[`${ns}.${st.name.text}`] = st.members.map((m) => m.name.getText(src));
    } else if (ts.isInterfaceDeclaration(st)) {
      const key = `${ns}.${st.name.text}`;
      const cls = (out.classes[key] ??= {});
      for (const m of st.members) {
        const name = m.name?.getText(src);
        const member = memberOf(ns, m, src);
        if (!name || !member) continue;
        const seen = cls[name];
        if (seen?.kind === 'method' && member.kind === 'method') seen.returns.push(...member.returns);
        else cls[name] = member;
      }
    }
  }
}

/** Parses every built-in service's d.ts (syntax only: fast, no type checking). */
export function readSurface(): Surface {
  const out: Surface = { enums: {}, classes: {}, globals: {} };
  for (const file of surfaceFiles()) {
    const src = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    for (const st of src.statements) {
      if (ts.isModuleDeclaration(st) && st.name.getText(src) === 'GoogleAppsScript' && st.body) {
        if (!ts.isModuleBlock(st.body)) continue;
        for (const inner of st.body.statements) {
          if (ts.isModuleDeclaration(inner) && inner.body && ts.isModuleBlock(inner.body))
            readNamespace(inner.name.getText(src), inner.body, src, out);
        }
      } else if (ts.isVariableStatement(st)) {
        for (const d of st.declarationList.declarations) {
          const type = d.type?.getText(src) ?? '';
          if (type.startsWith('GoogleAppsScript.')) out.globals[d.name.getText(src)] = qualify('', type);
        }
      }
    }
  }
  return out;
}

/** Globals the d.ts declares that Apps Script does not have (`Date2` is a typing device). */
const NOT_GLOBALS = new Set(['Date2']);

/** The tables the runtime carries (`emulator/runtime/gas-enums.ts`), derived from the surface. */
export function enumTables(surface: Surface = readSurface()): {
  enums: Record<string, string>;
  classEnums: Record<string, string>;
  globals: Record<string, string>;
} {
  const enums: Record<string, string> = {};
  for (const [k, members] of Object.entries(surface.enums)) enums[k] = members.join(' ');
  const classEnums: Record<string, string> = {};
  for (const [k, members] of Object.entries(surface.classes)) {
    const list = Object.entries(members).flatMap(([name, m]) =>
      m.kind === 'enum' ? [`${name}=${m.enumName}`] : [],
    );
    const bare = k.slice(k.indexOf('.') + 1);
    if (!list.length) continue;
    if (classEnums[bare] !== undefined) throw new Error(`two classes named ${bare} have enums`);
    classEnums[bare] = list.join(' ');
  }
  const globals: Record<string, string> = {};
  for (const [name, type] of Object.entries(surface.globals)) {
    if (NOT_GLOBALS.has(name)) continue;
    globals[name] = type in surface.enums ? type : type.slice(type.indexOf('.') + 1);
  }
  return { enums, classEnums, globals };
}
