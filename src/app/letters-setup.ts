// The letters' side of Set up (default templates in English and Spanish, their Settings rows), the template check,
// and what the Letters dialog shows.
import { checkTemplate, LETTER_FIELDS } from '../domain/letter-fields';
import { defaultTemplate, templateKey } from '../domain/letter-templates';
import { LETTER } from '../domain/policy';
import type { LetterDocs } from '../ports/letters';
import { LETTERS, SETTINGS } from '../ports/tabs';
import type { Workbook } from '../ports/workbook';
import { isLetterSetting } from './letter-settings';
import { LETTER_SETTINGS, letterSettings, sendable, STATE } from './letters-plan';

const LANGUAGES = ['English', 'Spanish'] as const;
const TYPES = [LETTER.warning1, LETTER.warning2];
const TITLES: Record<string, string> = {
  [LETTER.warning1]: 'Warning letter 1',
  [LETTER.warning2]: 'Warning letter 2 (90%)',
};

/**
 * Creates the default templates whose Settings row is missing or blank, and the letters' other settings. Returns what
 * changed. A template id the district typed is never replaced.
 */
export function setUpLetterTemplates(workbook: Workbook, docs: LetterDocs, campusName: string): string[] {
  const rows = workbook.read(SETTINGS);
  const present = new Map(
    rows.filter((r) => isLetterSetting(r.values.key)).map((r) => [r.values.key.trim().toLowerCase(), r]),
  );
  const append: { key: string; value: string; help: string }[] = [];
  const update: typeof rows = [];
  let made = 0;
  for (const type of TYPES)
    for (const lang of LANGUAGES) {
      const key = templateKey(type, lang);
      const row = present.get(key.toLowerCase());
      if (row && String(row.values.value ?? '').trim() !== '') continue;
      const id = docs.createTemplate(`${TITLES[type]} – ${lang} (template)`, defaultTemplate(type, lang)!);
      made++;
      const help = `The Google Docs file id of ${TITLES[type]} in ${lang}. Fields: {{Student Name}} and the others listed in the README.`;
      if (row) update.push({ ...row, values: { ...row.values, value: id } });
      else append.push({ key, value: id, help });
    }
  const others: [string, string, string][] = [
    [LETTER_SETTINGS.campus, campusName, 'The campus name printed in letters and in the email subject.'],
    [LETTER_SETTINGS.principal, '', "The principal's name, signed at the end of each letter."],
    [LETTER_SETTINGS.phone, '', 'The phone number families are asked to call.'],
    [LETTER_SETTINGS.replyTo, '', "The campus's email address: replies to a letter go there."],
  ];
  for (const [key, value, help] of others)
    if (!present.has(key.toLowerCase())) append.push({ key, value, help });
  if (update.length > 0) workbook.update(SETTINGS, update);
  if (append.length > 0) workbook.append(SETTINGS, append);
  return made > 0 ? [`created ${made} letter templates in the add-on's Drive folder`] : [];
}

/** The template check (menu item): each template's unknown fields and broken fields, in words. */
export function checkLetterTemplates(workbook: Workbook, docs: LetterDocs): { ok: boolean; lines: string[] } {
  const settings = letterSettings(workbook);
  const lines: string[] = [];
  let ok = true;
  for (const type of TYPES)
    for (const lang of LANGUAGES) {
      const key = templateKey(type, lang);
      const id = settings.get(key.toLowerCase()) ?? '';
      if (!id) {
        lines.push(
          `${key}: no template (${lang === 'English' ? 'these letters cannot be sent' : 'families get English'}).`,
        );
        if (lang === 'English') ok = false;
        continue;
      }
      const paragraphs = docs.readTemplate(id);
      if (!paragraphs) {
        ok = false;
        lines.push(`${key}: the file ${id} cannot be opened (deleted, or not shared with you).`);
        continue;
      }
      const found = checkTemplate(paragraphs);
      if (found.unknown.length + found.split.length === 0) lines.push(`${key}: fine.`);
      else {
        ok = false;
        lines.push(
          `${key}: ${[...found.unknown.map((u) => `unknown field ${u}`), ...found.split].join('; ')}. Known fields: ${Object.keys(LETTER_FIELDS).join(', ')}.`,
        );
      }
    }
  return { ok, lines };
}

/** What the Letters dialog shows: letters by state, and the due ones by delivery and language. */
export interface LettersOverview {
  due: { delivery: string; language: string; count: number }[];
  states: { state: string; count: number }[];
  sendable: number;
}

export function lettersOverview(workbook: Workbook): LettersOverview {
  const rows = workbook.read(LETTERS, ['state', 'delivery', 'language']);
  const states = new Map<string, number>();
  const due = new Map<string, { delivery: string; language: string; count: number }>();
  let open = 0;
  for (const { values: v } of rows) {
    const state = String(v.state || STATE.due);
    states.set(state, (states.get(state) ?? 0) + 1);
    if (!sendable(state)) continue;
    open++;
    const k = `${v.delivery}|${v.language}`;
    const d = due.get(k) ?? {
      delivery: String(v.delivery),
      language: String(v.language || 'English'),
      count: 0,
    };
    d.count++;
    due.set(k, d);
  }
  return {
    due: [...due.values()].sort(
      (a, b) => a.delivery.localeCompare(b.delivery) || a.language.localeCompare(b.language),
    ),
    states: [...states.entries()].map(([state, count]) => ({ state, count })),
    sendable: open,
  };
}
