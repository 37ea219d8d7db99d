// How SheetsWorkbook.find looks rows up by id: one regular-expression search for many ids, or a read of the id
// column when that costs less.
import { javaRegex } from '../../../emulator/runtime/spreadsheet-text-finder';
import { IDS_PER_SEARCH, readBlocks, readsColumn, searchPatterns } from '../../../src/gas/sheets-workbook';

describe('searchPatterns', () => {
  const ids = ['260012', 'S-1.2', 'a+b', '(x)', 'é9', 'ID 7'];
  const [pattern] = searchPatterns(ids);
  const re = new RegExp(javaRegex(pattern!));

  it('matches a cell that contains any id anywhere, as one plain search per id did', () => {
    const cells = [
      ' 260012 ',
      '0260012',
      'S-1.2',
      'S-1x2',
      'a+b',
      'aab',
      '(x)',
      'x',
      'é9',
      'ID 7 ',
      'ID  7',
      '',
    ];
    for (const cell of cells) expect(re.test(cell)).toBe(ids.some((id) => cell.includes(id)));
  });

  it('splits many ids into searches of IDS_PER_SEARCH', () => {
    const many = Array.from({ length: 2 * IDS_PER_SEARCH + 1 }, (_, i) => String(i + 1));
    const patterns = searchPatterns(many);
    expect(patterns).toHaveLength(3);
    expect(patterns[2]).toBe(String(2 * IDS_PER_SEARCH + 1));
  });
});

describe('readsColumn', () => {
  it('reads the id column of small tabs, searches large ones once, reads again when one search is not enough', () => {
    expect(readsColumn(1, 20_000)).toBe(true);
    expect(readsColumn(100, 50_000)).toBe(true);
    expect(readsColumn(1, 60_000)).toBe(false);
    expect(readsColumn(IDS_PER_SEARCH, 400_000)).toBe(false);
    expect(readsColumn(IDS_PER_SEARCH + 1, 400_000)).toBe(true);
  });
});

describe('readBlocks', () => {
  it('reads runs close together as one block, and runs far apart on their own', () => {
    // 12 columns: a gap under 16,667 / 12 ≈ 1,389 rows costs less to read than another call.
    expect(
      readBlocks(
        [
          [10, 2],
          [20, 1],
          [1_000, 3],
          [5_000, 1],
        ],
        12,
      ),
    ).toEqual([
      [10, 993],
      [5_000, 1],
    ]);
    expect(
      readBlocks(
        [
          [10, 2],
          [20, 1],
        ],
        5_000,
      ),
    ).toEqual([
      [10, 2],
      [20, 1],
    ]);
    expect(readBlocks([], 12)).toEqual([]);
  });
});
