// The {{Placeholder}} fields of the letter templates: which are known, the template check, the merge, and dates and
// numbers written for the family's language.
import type { DayKey } from './types';

/** The fields a template may use, by their canonical name, with what each holds (README lists them). */
export const LETTER_FIELDS = {
  'Student Name': "The student's first and last name.",
  'Student First Name': "The student's first name.",
  'Student ID': "The student's id.",
  Grade: "The student's grade.",
  'Guardian Name':
    'Who the letter is addressed to (Students: Guardian Name; "Parent or Guardian" when blank).',
  'Mailing Address': "The guardian's mailing address, as on Students (lines separated by commas).",
  Campus: 'The campus name (Settings: letter.campus).',
  Principal: "The principal's name (Settings: letter.principal).",
  'Campus Phone': "The campus's phone number (Settings: letter.campusPhone).",
  'Absence Dates': 'The dates of the unexcused absences this school year, written in the letter’s language.',
  'Unexcused Days': 'Unexcused days or parts of days this school year.',
  'Excused Days': 'Excused days or parts of days this school year.',
  'Attendance Rate': 'The attendance rate this school year (excused and unexcused both count).',
  Step: 'The step of the district ladder the student reached.',
  'Letter Date': 'The day the letter is sent, written in the letter’s language.',
  'School Year': 'The school year, e.g. 2026–2027.',
} as const;

export type LetterField = keyof typeof LETTER_FIELDS;

/** A field name as compared: case, spaces, underscores and hyphens do not matter ("student_name" = "Student Name"). */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[\s_\-\u00a0]+/g, '');
}

const KNOWN = new Map<string, LetterField>(
  (Object.keys(LETTER_FIELDS) as LetterField[]).map((f) => [fieldKey(f), f]),
);

/** The canonical field a name in a template means, or null when it is not a known field. */
export function knownField(name: string): LetterField | null {
  return KNOWN.get(fieldKey(name)) ?? null;
}

/** What the template check found: each problem in words, naming the paragraph. */
export interface TemplateProblems {
  unknown: string[];
  split: string[];
}

const FIELD = /\{\{([^{}]*)\}\}/g;

/**
 * Checks a template's paragraphs: placeholders that are not known fields, and fields broken apart (a `{{` with no
 * `}}` in the same paragraph, single braces, an empty field, a field whose characters are formatted differently),
 * as formatting or a line break in the middle of a field leaves them. Never guesses what a broken field meant.
 */
export function checkTemplate(
  paragraphs: readonly (string | { text: string; runs?: readonly number[] })[],
): TemplateProblems {
  const unknown: string[] = [];
  const split: string[] = [];
  paragraphs.forEach((p, i) => {
    const text = typeof p === 'string' ? p : p.text;
    const runs = typeof p === 'string' ? [] : (p.runs ?? []);
    const where = `paragraph ${i + 1}`;
    for (const m of text.matchAll(FIELD)) {
      const name = (m[1] ?? '').trim();
      if (name === '') split.push(`an empty field {{}} in ${where}`);
      else if (!knownField(name)) unknown.push(`{{${name}}} in ${where}`);
      // A field whose characters are not all formatted alike (half bold, part a link…): Docs holds it as pieces,
      // and the letter could not keep that formatting; the person makes the whole field one format.
      const at = m.index ?? 0;
      if (runs.some((r) => r > at && r < at + m[0].length))
        split.push(
          `a field split by formatting in ${where} (${m[0]}: part of it is formatted differently, e.g. bold): ` +
            'select the whole field and give it one format',
        );
    }
    const rest = text.replace(FIELD, '');
    if (/\{\{|\}\}/.test(rest))
      split.push(
        `a field broken apart in ${where} ("${shorten(rest.match(/.{0,20}(\{\{|\}\}).{0,20}/)?.[0] ?? rest)}")`,
      );
    else if (/\{[^{}]*\}/.test(rest))
      split.push(
        `single braces in ${where} ("${shorten(rest.match(/\{[^{}]*\}/)?.[0] ?? rest)}"): write {{Field}}`,
      );
  });
  return { unknown, split };
}

function shorten(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** Replaces every field of one paragraph. A field that is not known is an error: it is never merged as a blank. */
export function mergeText(text: string, values: Readonly<Record<LetterField, string>>): string {
  return text.replace(FIELD, (_m, raw: string) => {
    const field = knownField(raw.trim());
    if (!field) throw new Error(`The template has an unknown field {{${raw.trim()}}}.`);
    return values[field];
  });
}

/** A language the letters are written in; any other family language gets English. */
export type LetterLanguage = 'English' | 'Spanish';

/** The letter language for what Students says ("Spanish", "español", "es"…); null when there is no such language. */
export function letterLanguage(language: string): LetterLanguage | null {
  const l = language.trim().toLowerCase();
  if (l === '' || l === 'english' || l === 'en' || l === 'inglés' || l === 'ingles') return 'English';
  if (l === 'spanish' || l === 'es' || l === 'español' || l === 'espanol') return 'Spanish';
  return null;
}

const MONTHS: Record<LetterLanguage, string[]> = {
  English: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  Spanish: [
    'enero',
    'febrero',
    'marzo',
    'abril',
    'mayo',
    'junio',
    'julio',
    'agosto',
    'septiembre',
    'octubre',
    'noviembre',
    'diciembre',
  ],
};

/**
 * A day written as the family reads it: "December 2, 2026" / "2 de diciembre de 2026". Written by hand rather than
 * with Intl: Apps Script's V8 documents no guarantee of which ICU locales it carries.
 */
export function longDate(day: DayKey, lang: LetterLanguage): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const month = MONTHS[lang][m - 1] ?? '';
  return lang === 'Spanish' ? `${d} de ${month} de ${y}` : `${month} ${d}, ${y}`;
}

/** Several days, grouped by month: "September 1, 2 and 8, 2026" / "1, 2 y 8 de septiembre de 2026". */
export function dateList(days: readonly DayKey[], lang: LetterLanguage): string {
  if (days.length === 0) return lang === 'Spanish' ? 'ninguna' : 'none';
  const groups: { y: number; m: number; d: number[] }[] = [];
  for (const day of [...days].sort()) {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const last = groups[groups.length - 1];
    if (last && last.y === y && last.m === m) last.d.push(d);
    else groups.push({ y, m, d: [d] });
  }
  const and = lang === 'Spanish' ? 'y' : 'and';
  const join = (xs: string[]) =>
    xs.length < 2 ? xs.join('') : `${xs.slice(0, -1).join(', ')} ${and} ${xs.at(-1)}`;
  const parts = groups.map((g) => {
    const month = MONTHS[lang][g.m - 1] ?? '';
    const ds = join(g.d.map(String));
    return lang === 'Spanish' ? `${ds} de ${month} de ${g.y}` : `${month} ${ds}, ${g.y}`;
  });
  return lang === 'Spanish' ? join(parts) : parts.join('; ');
}

/** A number of days: "3", "2.5" / "2,5". */
export function dayCount(n: number, lang: LetterLanguage): string {
  const s = String(Math.round(n * 10) / 10);
  return lang === 'Spanish' ? s.replace('.', ',') : s;
}

/** A rate (0.885) as a percent: "88.5%" / "88,5 %" (Spanish sets the sign apart, as the RAE advises). */
export function percentText(rate: number, lang: LetterLanguage): string {
  const s = String(Math.round(rate * 1000) / 10);
  return lang === 'Spanish' ? `${s.replace('.', ',')} %` : `${s}%`;
}
