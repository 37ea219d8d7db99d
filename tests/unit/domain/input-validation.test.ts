// Bad dates and yes/no answers in Calendar, Settings and the data tabs: problems naming tab, row, column and what was typed.

import { calendarFromRows, type RawCalendarRow } from '../../../src/domain/calendar-rows';
import { cellYesNo } from '../../../src/domain/cells';
import { policyFromSettings } from '../../../src/domain/policy-settings';
import { defaultPolicy } from '../../../src/domain/policy';
import type { Problem } from '../../../src/domain/types';
import { validateAbsences, validateDocumentation, validateStudents } from '../../../src/domain/validation';
import { IDX, POLICY } from './helpers';

const TODAY = '2026-09-15';
/** A short school year: Tue 1 to Fri 4 September 2026, then Tue 8 (Mon 7, Labor Day, marked No). */
const GOOD: RawCalendarRow[] = [
  { row: 2, date: '2026-09-01', instructional: true },
  { row: 3, date: '2026-09-02', instructional: true },
  { row: 4, date: '2026-09-03', instructional: true },
  { row: 5, date: '2026-09-04', instructional: true },
  { row: 6, date: '2026-09-07', instructional: false },
  { row: 7, date: '2026-09-08', instructional: true },
];
const BAD_DATES = ['2026-02-30', '2026-13-01', '2027-02-29', '31/04/2026', 'TBD', '2026-9-1', '46000'];

/** The one problem of a list, with its identifying fields and reason. */
function only(problems: Problem[]): Problem {
  expect(problems).toHaveLength(1);
  return problems[0]!;
}

describe('Calendar rows', () => {
  it('builds the year from good rows: Labor Day a holiday, no problems', () => {
    const r = calendarFromRows(GOOD, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.calendar).toMatchObject({
      schoolYear: '2026-2027',
      firstDay: '2026-09-01',
      lastDay: '2026-09-08',
      holidays: ['2026-09-07'],
    });
  });

  it.each(BAD_DATES)('a row dated %p with Instructional Yes is a problem and not used', (typed) => {
    const r = calendarFromRows([{ row: 9, date: typed, instructional: true }, ...GOOD], TODAY);
    const p = only(r.problems);
    expect(p).toMatchObject({ tab: 'Calendar', row: 9, column: 'Date', severity: 'error' });
    expect(p.reason).toContain(`"${typed}"`);
    expect(p.reason).toMatch(/not a real date.*not used/);
    expect(r.calendar).toEqual(calendarFromRows(GOOD, TODAY).calendar);
  });

  it('a row with Instructional set and no date says the date is missing', () => {
    const p = only(calendarFromRows([...GOOD, { row: 8, date: '', instructional: true }], TODAY).problems);
    expect(p).toMatchObject({ tab: 'Calendar', row: 8, column: 'Date' });
    expect(p.reason).toMatch(/Date is missing/);
  });

  it('a blank row is skipped without a word', () => {
    expect(calendarFromRows([...GOOD, { row: 8, date: '', instructional: null }], TODAY).problems).toEqual(
      [],
    );
  });

  it.each(['TBD', 'maybe', 'Yes?', '2'])(
    'Instructional %p is a problem and the day is not used (not read as No)',
    (typed) => {
      const rows = [...GOOD, { row: 8, date: '2026-09-09', instructional: typed }];
      const r = calendarFromRows(rows, TODAY);
      const p = only(r.problems);
      expect(p).toMatchObject({ tab: 'Calendar', row: 8, column: 'Instructional', severity: 'error' });
      expect(p.reason).toContain(`Instructional "${typed}" is not Yes or No; the row is not used`);
      // Neither a holiday nor a school day: the year is the one of the good rows.
      expect(r.calendar).toEqual(calendarFromRows(GOOD, TODAY).calendar);
    },
  );

  it('an unanswered weekday inside the year stays a school day, and the problem says so', () => {
    const rows = GOOD.map((r) => (r.date === '2026-09-07' ? { ...r, instructional: 'TBD' } : r));
    const r = calendarFromRows(rows, TODAY);
    expect(only(r.problems)).toMatchObject({ row: 6, column: 'Instructional' });
    expect(r.problems[0]?.reason).toMatch(/Meanwhile 2026-09-07 counts as a school day/);
    expect(r.calendar.holidays).toEqual([]);
  });

  it('a blank Instructional beside a date is a problem naming the column', () => {
    const p = only(
      calendarFromRows([...GOOD, { row: 8, date: '2026-09-03', instructional: null }], TODAY).problems,
    );
    expect(p).toMatchObject({ tab: 'Calendar', row: 8, column: 'Instructional' });
    expect(p.reason).toMatch(/Instructional is blank/);
  });

  it.each(['Yes ', ' y', 'TRUE', 'Sí', 'si', '1', 1, true])('Instructional %p means Yes', (typed) => {
    const rows = GOOD.map((r) => (r.date === '2026-09-07' ? { ...r, instructional: typed } : r));
    const r = calendarFromRows(rows, TODAY);
    expect(r.problems).toEqual([]);
    expect(r.calendar.holidays).toEqual([]);
  });

  it.each(['No', 'n', 'FALSE', '0', 0, false, ' no '])('Instructional %p means No', (typed) => {
    const rows = GOOD.map((r) => (r.date === '2026-09-07' ? { ...r, instructional: typed } : r));
    expect(calendarFromRows(rows, TODAY).calendar.holidays).toEqual(['2026-09-07']);
  });

  it('a day listed twice with different answers keeps the first and says so', () => {
    const p = only(
      calendarFromRows([...GOOD, { row: 8, date: '2026-09-07', instructional: true }], TODAY).problems,
    );
    expect(p).toMatchObject({ tab: 'Calendar', row: 8, column: 'Date' });
    expect(p.reason).toMatch(/also listed on row 6/);
  });

  it('with every row bad, the default calendar is used with a warning', () => {
    const r = calendarFromRows([{ row: 2, date: '2026-02-30', instructional: 'Yes' }], TODAY);
    expect(r.problems.map((p) => p.severity)).toEqual(['error', 'warning']);
    expect(r.calendar.schoolYear).toBe('2026-2027');
  });
});

describe('yes/no cells', () => {
  it.each([
    ['Yes ', true],
    ['NO', false],
    ['SÍ', true],
    ['', null],
    [null, null],
    [' maybe ', 'maybe'],
    ['TBD', 'TBD'],
  ] as const)('%p → %p', (typed, expected) => {
    expect(cellYesNo(typed)).toBe(expected);
  });
});

describe('dates on the data tabs', () => {
  it.each(BAD_DATES)('Students: Enroll Date %p is named with its row and column', (typed) => {
    const p = only(validateStudents([{ row: 4, studentId: 'S1', enrollDate: typed }]).problems);
    expect(p).toMatchObject({ tab: 'Students', row: 4, column: 'Enroll Date', studentId: 'S1' });
    expect(p.reason).toContain(`"${typed}"`);
  });

  it.each(BAD_DATES)('Absences: Date %p is named with its row and column', (typed) => {
    const rows = [{ row: 5, studentId: 'S1', date: typed, code: 'U' }];
    const r = validateAbsences(rows, { policy: POLICY, cal: IDX, studentIds: new Set(['S1']) });
    expect(r.absences).toEqual([]);
    const p = only(r.problems);
    expect(p).toMatchObject({ tab: 'Absences', row: 5, column: 'Date', studentId: 'S1' });
    expect(p.reason).toContain(`"${typed}"`);
  });

  it.each(BAD_DATES)('Documentation: Date %p is named with its row and column', (typed) => {
    const rows = [{ row: 6, studentId: 'S1', date: typed, type: 'Phone call' }];
    const r = validateDocumentation(rows, { policy: POLICY, studentIds: new Set(['S1']) });
    expect(r.entries).toEqual([]);
    const p = only(r.problems);
    expect(p).toMatchObject({ tab: 'Documentation', row: 6, column: 'Date', studentId: 'S1' });
    expect(p.reason).toContain(`"${typed}"`);
  });

  it('a blank date is missing on Absences and Documentation', () => {
    const abs = validateAbsences([{ row: 5, studentId: 'S1', date: '', code: 'U' }], {
      policy: POLICY,
      cal: IDX,
      studentIds: new Set(['S1']),
    });
    expect(only(abs.problems)).toMatchObject({ row: 5, column: 'Date', reason: 'Date is missing.' });
    const docs = validateDocumentation([{ row: 6, studentId: 'S1', date: '', type: 'Phone call' }], {
      policy: POLICY,
      studentIds: new Set(['S1']),
    });
    expect(only(docs.problems)).toMatchObject({ row: 6, column: 'Date', reason: 'Date is missing.' });
  });
});

describe('Settings', () => {
  it('a non-number is quoted as typed', () => {
    const p = only(
      policyFromSettings([
        { key: 'step2.threshold', value: 5, row: 2 },
        { key: 'step1.threshold', value: 'three', row: 3 },
      ]).problems,
    );
    expect(p).toMatchObject({ tab: 'Settings', row: 3, column: 'Value' });
    expect(p.reason).toContain('got "three"');
    expect(p.reason).not.toContain('NaN');
  });

  it('a value that reaches the domain as NaN is never quoted as "NaN"', () => {
    const r = policyFromSettings([
      { key: 'step2.threshold', value: 5, row: 2 },
      { key: 'step1.threshold', value: Number.NaN, row: 3 },
    ]);
    expect(only(r.problems).reason).toMatch(/it is not a number/);
  });

  it('a blank value says it is blank', () => {
    const r = policyFromSettings([
      { key: 'step2.threshold', value: 5, row: 2 },
      { key: 'window.recentDays', value: '', row: 3 },
    ]);
    expect(only(r.problems).reason).toMatch(/window.recentDays.*it is blank/);
  });

  it('cleared Settings are a problem and the defaults are used', () => {
    const r = policyFromSettings([]);
    const p = only(r.problems);
    expect(p).toMatchObject({ tab: 'Settings', severity: 'error' });
    expect(p.reason).toMatch(/no policy settings.*default policy is used.*Set up this workbook/);
    expect(r.policy).toEqual(defaultPolicy());
  });

  it('Settings whose every value is broken are a problem, besides each bad row', () => {
    const r = policyFromSettings([
      { key: 'step1.threshold', value: 'three', row: 2 },
      { key: 'code.U', value: '', row: 3 },
    ]);
    expect(r.problems.map((p) => p.row)).toEqual([undefined, 2, 3]);
    expect(r.problems[0]?.reason).toMatch(/No policy setting .* could be used/);
    expect(r.policy).toEqual(defaultPolicy());
  });

  it('one usable setting is enough: no extra problem', () => {
    const r = policyFromSettings([
      { key: 'step1.threshold', value: 'three', row: 2 },
      { key: 'step2.threshold', value: 6, row: 3 },
    ]);
    expect(r.problems.map((p) => p.row)).toEqual([2]);
  });
});
