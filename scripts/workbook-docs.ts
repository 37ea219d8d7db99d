// Writes docs/workbook.md from the schema the code uses, so the documented columns are the real ones.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ColumnDef, TabDef } from '../src/ports/schema';
import { TABS } from '../src/ports/tabs';

export const WORKBOOK_DOC = path.resolve(__dirname, '../docs/workbook.md');

function describeOptions(column: ColumnDef): string {
  if (!column.options) return '';
  if (typeof column.options === 'string') {
    const from = {
      codes: 'attendance codes',
      documentationTypes: 'documentation types',
      outcomes: 'outcomes',
      roles: 'roles',
    };
    return `dropdown of the ${from[column.options]} in Settings`;
  }
  return `dropdown: ${column.options.join(', ')}`;
}

function tabSection(tab: TabDef): string {
  const rows = Object.values(tab.columns).map((c) => {
    const notes = [c.required ? 'required' : '', describeOptions(c), c.help].filter(Boolean).join('; ');
    return `| ${c.header} | ${c.kind} | ${notes} |`;
  });
  if (rows.length === 0) return [`## ${tab.name}`, '', tab.help, ''].join('\n');
  const owner = tab.owner === 'script' ? ' Written by the add-on; a hand edit is warned against.' : '';
  return [
    `## ${tab.name}`,
    '',
    `${tab.help}${owner}`,
    '',
    '| column | kind | notes |',
    '|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

/** The whole document. */
export function workbookDoc(): string {
  return [
    '# The campus workbook',
    '',
    'Generated from `src/ports/tabs.ts` by `npm run docs`; a test fails when this file is out of date.',
    'Columns are found by their header text, never by position: they may be reordered, and other columns may be',
    'added beside them. A missing or renamed column stops the add-on with a message naming the tab and column.',
    '',
    ...TABS.map(tabSection),
  ].join('\n');
}

if (require.main === module) {
  fs.mkdirSync(path.dirname(WORKBOOK_DOC), { recursive: true });
  fs.writeFileSync(WORKBOOK_DOC, workbookDoc());
  console.log(`wrote ${path.relative(process.cwd(), WORKBOOK_DOC)}`);
}
