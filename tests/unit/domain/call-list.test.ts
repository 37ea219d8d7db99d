// The call list's rules: who is listed for a day, in which columns, and the Settings that shape it.
import { buildCallList, callSettingsFrom, type CallStudent } from '../../../src/domain/call-list';
import { DEFAULT_CODES } from '../../../src/domain/policy';

const kid = (
  studentId: string,
  lastName: string,
  step: CallStudent['step'],
  phone = '555',
  language = '',
): CallStudent => ({
  studentId,
  lastName,
  firstName: 'A',
  grade: '6',
  phone,
  email: '',
  language,
  step,
});
const DAY = '2026-10-06';
const defaults = callSettingsFrom([]).settings;

describe('buildCallList', () => {
  it('lists students at step 1 or above with an unexcused code that day, by name; excused, other days and step 0 are not', () => {
    const list = buildCallList(
      DAY,
      [
        kid('3', 'Young', 1),
        kid('1', 'Adams', 2),
        kid('2', 'Baker', 0),
        kid('4', 'Cole', 3),
        kid('5', 'Diaz', 1),
      ],
      [
        { studentId: '3', date: DAY, code: 'u' },
        { studentId: '1', date: DAY, code: 'UP' },
        { studentId: '2', date: DAY, code: 'U' },
        { studentId: '4', date: DAY, code: 'E' },
        { studentId: '5', date: '2026-10-05', code: 'U' },
      ],
      DEFAULT_CODES,
      defaults,
    );
    expect(list.listed).toEqual(['1', '3']);
    expect(list.rows.map((r) => [r[0], r[7], r[8]])).toEqual([
      ['Student ID', 'Absent Periods', 'Late Periods'],
      ['1', '', 'UP'],
      ['3', 'U', ''],
    ]);
  });

  it('leaves out and names the students without a phone', () => {
    const list = buildCallList(
      DAY,
      [kid('1', 'A', 1, '  ')],
      [{ studentId: '1', date: DAY, code: 'U' }],
      DEFAULT_CODES,
      defaults,
    );
    expect(list).toMatchObject({ listed: [], noPhone: ['1'] });
    expect(list.rows).toHaveLength(1);
  });

  it("writes the family's language as its code: English for a blank one, the name itself when no code is set", () => {
    const students = [
      kid('1', 'A', 1, '5', 'Spanish'),
      kid('2', 'B', 1, '5', ''),
      kid('3', 'C', 1, '5', 'Vietnamese'),
    ];
    const absences = students.map((s) => ({ studentId: s.studentId, date: DAY, code: 'U' }));
    const { settings } = callSettingsFrom([{ key: 'calls.language.English', value: 'EN', row: 2 }]);
    const list = buildCallList(DAY, students, absences, DEFAULT_CODES, settings);
    expect(list.rows.slice(1).map((r) => r[9])).toEqual(['es', 'EN', 'Vietnamese']);
  });
});

describe('callSettingsFrom', () => {
  it('takes columns in the order given, in any case', () => {
    const { settings, problems } = callSettingsFrom([
      { key: 'Calls.Columns', value: 'phone, student id', row: 5 },
    ]);
    expect(problems).toEqual([]);
    expect(settings.columns).toEqual(['phone', 'studentId']);
  });

  it.each([['Student ID, Student ID, Phone'], ['Student ID'], ['Phone, Hair Colour']])(
    'refuses %p and keeps the default columns',
    (value) => {
      const { settings, problems } = callSettingsFrom([{ key: 'calls.columns', value, row: 7 }]);
      expect(settings.columns).toEqual(defaults.columns);
      expect(problems).toEqual([expect.objectContaining({ tab: 'Settings', row: 7, severity: 'error' })]);
    },
  );
});
