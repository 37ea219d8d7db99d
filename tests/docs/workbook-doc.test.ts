// The workbook's documented columns are the schema's.
import * as fs from 'node:fs';
import { WORKBOOK_DOC, workbookDoc } from '../../scripts/workbook-docs';
import { TABS } from '../../src/ports/tabs';

describe('docs/workbook.md', () => {
  it('is generated from the current schema (run `npm run docs` after changing src/ports/tabs.ts)', () => {
    expect(fs.readFileSync(WORKBOOK_DOC, 'utf8')).toBe(workbookDoc());
  });

  it('names every column of every tab', () => {
    const doc = workbookDoc();
    for (const tab of TABS) {
      expect(doc).toContain(`## ${tab.name}`);
      for (const column of Object.values(tab.columns) as { header: string }[])
        expect(doc).toContain(`| ${column.header} |`);
    }
  });
});
