// The template fields: the check, the merge (never a blank for an unknown field), and dates and numbers per language.
import {
  checkTemplate,
  dateList,
  dayCount,
  knownField,
  letterLanguage,
  longDate,
  mergeText,
  percentText,
  LETTER_FIELDS,
  type LetterField,
} from '../../../src/domain/letter-fields';
import { defaultTemplate } from '../../../src/domain/letter-templates';
import { LETTER } from '../../../src/domain/policy';

const values = Object.fromEntries(Object.keys(LETTER_FIELDS).map((k) => [k, `<${k}>`])) as Record<
  LetterField,
  string
>;

describe('letter fields', () => {
  it('knows a field whatever its case and spacing', () => {
    expect(knownField('student name')).toBe('Student Name');
    expect(knownField(' STUDENT_NAME ')).toBe('Student Name');
    expect(knownField('studentname')).toBe('Student Name');
    expect(knownField('Bus Route')).toBeNull();
  });

  it('lists unknown fields and fields broken apart, naming the paragraph', () => {
    const found = checkTemplate([
      'Dear {{ guardian name }},',
      'Your bus: {{Bus Route}}.',
      'Student: {{Student',
      'Name}} and {Grade} and {{}}',
    ]);
    expect(found.unknown).toEqual(['{{Bus Route}} in paragraph 2']);
    expect(found.split).toEqual([
      'a field broken apart in paragraph 3 ("Student: {{Student")',
      'an empty field {{}} in paragraph 4',
      'a field broken apart in paragraph 4 ("Name}} and {Grade} and ")',
    ]);
  });

  it('finds a field whose characters are formatted differently, not one formatted as a whole', () => {
    // "Dear " plain, "{{Guardian" bold, " Name}}," plain: the run starting at 15 falls inside the field.
    const half = { text: 'Dear {{Guardian Name}},', runs: [0, 5, 15] };
    // The whole field bold (runs start at 5 and end at 22): fine.
    const whole = { text: 'Dear {{Guardian Name}},', runs: [0, 5, 22] };
    expect(checkTemplate([half, whole, { text: '{{Grade}}' }]).split).toEqual([
      'a field split by formatting in paragraph 1 ({{Guardian Name}}: part of it is formatted differently, e.g. ' +
        'bold): select the whole field and give it one format',
    ]);
  });

  it('merges known fields and refuses an unknown one rather than leaving it blank', () => {
    expect(mergeText('Dear {{Guardian  name}}, {{grade}}', values)).toBe('Dear <Guardian Name>, <Grade>');
    expect(() => mergeText('Bus {{Bus Route}}', values)).toThrow('unknown field {{Bus Route}}');
  });

  it('merges text as it is: "$", backslashes and a leading "=" stay', () => {
    const v = { ...values, 'Guardian Name': '=SUM(1) $1 \\n' };
    expect(mergeText('{{Guardian Name}}', v)).toBe('=SUM(1) $1 \\n');
  });

  it('writes dates and numbers for the family’s language', () => {
    expect(longDate('2026-12-02', 'Spanish')).toBe('2 de diciembre de 2026');
    expect(longDate('2026-12-02', 'English')).toBe('December 2, 2026');
    expect(dateList(['2026-09-08', '2026-09-01', '2026-10-02'], 'English')).toBe(
      'September 1 and 8, 2026; October 2, 2026',
    );
    expect(dateList(['2026-09-08', '2026-09-01', '2026-09-02', '2026-10-02'], 'Spanish')).toBe(
      '1, 2 y 8 de septiembre de 2026 y 2 de octubre de 2026',
    );
    expect(dayCount(2.5, 'Spanish')).toBe('2,5');
    expect(percentText(0.885, 'English')).toBe('88.5%');
    expect(percentText(0.885, 'Spanish')).toBe('88,5 %');
  });

  it('reads the family’s language; others get English from the caller', () => {
    expect(letterLanguage('Español')).toBe('Spanish');
    expect(letterLanguage('')).toBe('English');
    expect(letterLanguage('Vietnamese')).toBeNull();
  });

  it('the default templates use only known fields and carry what the law asks', () => {
    for (const type of [LETTER.warning1, LETTER.warning2])
      for (const lang of ['English', 'Spanish'] as const) {
        const t = defaultTemplate(type, lang)!;
        expect(checkTemplate(t.map((p) => p.text))).toEqual({ unknown: [], split: [] });
      }
    const l1 = defaultTemplate(LETTER.warning1, 'English')!
      .map((p) => p.text)
      .join('\n');
    expect(l1).toMatch(/25\.095/);
    expect(l1).toMatch(/required to monitor/);
    expect(l1).toMatch(/truancy prevention measures/);
    expect(l1).toMatch(/conference/);
    const l2 = defaultTemplate(LETTER.warning2, 'Spanish')!
      .map((p) => p.text)
      .join('\n');
    expect(l2).toMatch(/25\.092/);
    expect(l2).toMatch(/tanto las ausencias justificadas como las injustificadas/);
  });
});
