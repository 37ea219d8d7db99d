// Cells to port values and back, by column kind.
import { NUMBER_FORMATS, readCell, writeCell } from '../../../src/gas/cells';

const day = (d: Date, withTime: boolean) => (withTime ? '2026-09-01 08:30' : '2026-09-01');

describe('readCell', () => {
  it.each([
    ['number', 3, 3],
    ['number', '0', 0],
    ['number', ' 2 ', 2],
    ['number', '-1.5', -1.5],
    ['number', '', null],
    ['number', 'two', 'two'],
    ['number', ' three ', 'three'],
    ['percent', '85%', 0.85],
    ['yesno', 'Yes', true],
    ['yesno', 'no', false],
    ['yesno', '', null],
    ['yesno', 'Yes ', true],
    ['yesno', 'N', false],
    ['yesno', 0, false],
    ['yesno', true, true],
    ['yesno', ' maybe ', 'maybe'],
    ['yesno', 'TBD', 'TBD'],
    ['text', 123, '123'],
    ['text', '  S1 ', 'S1'],
  ] as const)('%s %p → %p', (kind, value, expected) => {
    expect(readCell(kind, value, day)).toEqual(expected);
  });

  it('turns a date cell into the day in the spreadsheet zone, with the time for a date-time column', () => {
    const d = new Date(Date.UTC(2026, 8, 1, 5));
    expect(readCell('date', d, day)).toBe('2026-09-01');
    expect(readCell('datetime', d, day)).toBe('2026-09-01 08:30');
    expect(readCell('number', d, day)).toBe('2026-09-01'); // not a number: handed over as typed
    expect(readCell('yesno', d, day)).toBe('2026-09-01'); // neither yes nor no: handed over as typed
  });
});

describe('writeCell', () => {
  it.each(['=HYPERLINK("http://x")', '+1+2', '-A1', '@x'])(
    'writes %p as typed, into a column formatted as plain text (never a formula, no apostrophe)',
    (text) => {
      expect(writeCell('text', text)).toBe(text);
      expect(NUMBER_FORMATS.text).toBe('@');
    },
  );

  it('writes the other kinds as Sheets reads them', () => {
    expect(writeCell('text', '00123')).toBe('00123');
    expect(writeCell('yesno', true)).toBe('Yes');
    expect(writeCell('yesno', 'maybe')).toBe('maybe');
    expect(writeCell('number', Number.NaN)).toBe('');
    expect(writeCell('date', '2026-09-01')).toBe('2026-09-01');
    expect(writeCell('text', null)).toBe('');
  });
});
