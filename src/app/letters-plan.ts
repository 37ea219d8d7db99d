// Which letters a run sends and how: each DUE letter with its family, language, template, delivery and merged fields,
// or the problem state that stops it (the run goes on for the others).
import {
  dateList,
  dayCount,
  letterLanguage,
  longDate,
  percentText,
  checkTemplate,
  mergeText,
  type LetterField,
  type LetterLanguage,
} from '../domain/letter-fields';
import { templateKey, type LetterParagraph } from '../domain/letter-templates';
import type { DayKey } from '../domain/types';
import type { LetterDocs } from '../ports/letters';
import type { DocumentStore } from '../ports/platform';
import { ABSENCES, LETTERS, SETTINGS, STATUS, STUDENTS } from '../ports/tabs';
import type { SheetRow, Workbook } from '../ports/workbook';
import { readAppliedRules } from './campus';
import { isLetterSetting } from './letter-settings';

export type LetterSheetRow = SheetRow<typeof LETTERS.columns>;

/** States a Letters row can hold. The problem states are looked at again by every run. */
export const STATE = {
  due: 'DUE',
  pending: 'PENDING',
  sent: 'SENT',
  printed: 'PRINTED',
  notNeeded: 'NOT NEEDED',
  doNotSend: 'DO NOT SEND',
  noAddress: 'NO ADDRESS',
  badEmail: 'BAD EMAIL',
  noTemplate: 'NO TEMPLATE',
  templateProblem: 'TEMPLATE PROBLEM',
} as const;

const PROBLEM_STATES: string[] = [STATE.noAddress, STATE.badEmail, STATE.noTemplate, STATE.templateProblem];

/** A state the run may send from: DUE, or a problem a person may have fixed since. */
export function sendable(state: string): boolean {
  return state === STATE.due || state === '' || PROBLEM_STATES.includes(state);
}

/** A student whose letters are held back, now and later: with the reason, who and when. */
export interface Hold {
  reason: string;
  by: string;
  at: string;
}
export const HOLDS_KEY = 'letters.holds';

/** The students held back from letters, by Student ID. */
export function readHolds(store: DocumentStore): Map<string, Hold> {
  try {
    const raw = JSON.parse(store.get(HOLDS_KEY) || '{}') as Record<string, Hold>;
    return new Map(Object.entries(raw));
  } catch {
    return new Map();
  }
}

/** What a held row says on the Letters tab. */
export function holdNote(h: Hold): string {
  return `Do not send (${h.by}, ${h.at}): ${h.reason}`;
}

/** Settings keys of the letters (not part of the policy: they need no applying). */
export const LETTER_SETTINGS = {
  campus: 'letter.campus',
  principal: 'letter.principal',
  phone: 'letter.campusPhone',
  replyTo: 'letter.replyTo',
} as const;

/** One letter ready to go (or the reason it cannot). */
export interface LetterJob {
  row: number;
  key: string;
  studentId: string;
  letterType: string;
  lang: LetterLanguage;
  /** Said on the row when the family's language has no template or is not one the letters are written in. */
  note: string;
  delivery: 'Email' | 'Print';
  /** The guardian's email, or the mailing address for print. */
  recipient: string;
  /** Letters with the same family key go in one message or one envelope. */
  family: string;
  paragraphs: LetterParagraph[];
  problem: { state: string; message: string } | null;
  /** The PDF's file name in the letters folder: a letter's file is made once, before it is sent. */
  fileName: string;
}

export interface LetterPlan {
  jobs: LetterJob[];
  pending: LetterSheetRow[];
  campus: string;
  replyTo: string;
  templateProblems: string[];
}

/** An email address as the mail service takes it: one address, no spaces, a dot in the domain. */
export function isEmail(s: string): boolean {
  return /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/.test(s.trim());
}

export function letterFileName(key: string): string {
  return `Letter ${key.replace(/\|/g, ' ')}.pdf`;
}

/** Settings' letter keys as a map (lower-case keys). */
export function letterSettings(workbook: Workbook): Map<string, string> {
  return new Map(
    workbook
      .read(SETTINGS)
      .filter((r) => isLetterSetting(r.values.key))
      .map((r) => [r.values.key.trim().toLowerCase(), String(r.values.value ?? '').trim()]),
  );
}

/** Reads the tabs once and plans every sendable letter. Templates are read once each. */
export function planLetters(
  workbook: Workbook,
  docs: LetterDocs,
  store: DocumentStore,
  today: DayKey,
): LetterPlan {
  const settings = letterSettings(workbook);
  const rows = workbook.read(LETTERS);
  const candidates = rows.filter((r) => sendable(String(r.values.state)));
  const pending = rows.filter((r) => r.values.state === STATE.pending);
  const campus = settings.get(LETTER_SETTINGS.campus) || 'Our campus';
  const replyTo = settings.get(LETTER_SETTINGS.replyTo.toLowerCase()) ?? '';
  if (candidates.length === 0) return { jobs: [], pending, campus, replyTo, templateProblems: [] };

  const students = new Map(workbook.read(STUDENTS).map((r) => [r.values.studentId.trim(), r.values]));
  const status = new Map(
    workbook
      .read(STATUS, ['studentId', 'unexcused', 'excused', 'rate', 'step'])
      .map((r) => [r.values.studentId.trim(), r.values]),
  );
  const policy = readAppliedRules(workbook, today, store).policy;
  const unexcusedCodes = new Set(
    policy.codes.filter((c) => c.category === 'unexcused').map((c) => c.code.trim().toUpperCase()),
  );
  const wanted = new Set(candidates.map((r) => r.values.studentId.trim()));
  const absent = new Map<string, Set<DayKey>>();
  for (const { values: a } of workbook.read(ABSENCES, ['studentId', 'date', 'code'])) {
    const id = a.studentId.trim();
    if (!wanted.has(id) || !unexcusedCodes.has(String(a.code).trim().toUpperCase()) || !a.date) continue;
    if (!absent.has(id)) absent.set(id, new Set());
    absent.get(id)!.add(a.date as DayKey);
  }

  const templates = new Map<string, { paragraphs: LetterParagraph[] | null; problems: string[] }>();
  const template = (id: string) => {
    if (!templates.has(id)) {
      const paragraphs = docs.readTemplate(id);
      const found = paragraphs ? checkTemplate(paragraphs) : null;
      templates.set(id, {
        paragraphs,
        problems: found ? [...found.unknown.map((u) => `unknown field ${u}`), ...found.split] : [],
      });
    }
    return templates.get(id)!;
  };
  const templateProblems: string[] = [];
  const holds = readHolds(store);

  const jobs = candidates.map((r): LetterJob => {
    const v = r.values;
    const [, letterType = ''] = v.key.split('|');
    const s = students.get(v.studentId.trim());
    const st = status.get(v.studentId.trim());
    const asked = letterLanguage(s?.language ?? v.language ?? '');
    let lang: LetterLanguage = asked ?? 'English';
    let note = asked ? '' : `No letters in ${s?.language ?? v.language}: sent in English.`;
    let templateId = settings.get(templateKey(letterType, lang).toLowerCase()) ?? '';
    if (!templateId && lang !== 'English') {
      templateId = settings.get(templateKey(letterType, 'English').toLowerCase()) ?? '';
      if (templateId) {
        note = `No ${lang} template for this letter: sent in English.`;
        lang = 'English';
      }
    }
    const email = (s?.guardianEmail ?? '').trim();
    const address = (s?.mailingAddress ?? '').trim();
    const guardian = (s?.guardianName ?? '').trim();
    const delivery = email ? 'Email' : 'Print';
    const job: LetterJob = {
      row: r.row,
      key: v.key,
      studentId: v.studentId,
      letterType,
      lang,
      note,
      delivery,
      recipient: email || address,
      family:
        delivery === 'Email' ? `email:${email.toLowerCase()}` : `post:${guardian}|${address}`.toLowerCase(),
      paragraphs: [],
      problem: null,
      fileName: letterFileName(v.key),
    };
    const fail = (state: string, message: string) => ({ ...job, problem: { state, message } });
    const hold = holds.get(v.studentId.trim());
    if (hold) return fail(STATE.doNotSend, holdNote(hold));
    if (!s) return fail(STATE.noAddress, `Student ${v.studentId} is not on the Students tab.`);
    if (email && !isEmail(email))
      return fail(STATE.badEmail, `"${email}" is not an email address; correct Guardian Email on Students.`);
    if (!email && !address)
      return fail(STATE.noAddress, 'No guardian email and no mailing address on Students: add one of them.');
    if (!templateId)
      return fail(
        STATE.noTemplate,
        `No template for this letter: Settings ${templateKey(letterType, lang)} needs a Google Docs file id.`,
      );
    const t = template(templateId);
    if (!t.paragraphs)
      return fail(
        STATE.noTemplate,
        `The template ${templateId} (Settings ${templateKey(letterType, lang)}) cannot be opened: deleted, or not shared with you.`,
      );
    if (t.problems.length > 0) {
      templateProblems.push(`${templateKey(letterType, lang)}: ${t.problems.join('; ')}`);
      return fail(STATE.templateProblem, `The template needs fixing first: ${t.problems.join('; ')}.`);
    }
    const first = s.firstName.trim();
    const fields: Record<LetterField, string> = {
      'Student Name': `${first} ${s.lastName.trim()}`.trim(),
      'Student First Name': first,
      'Student ID': v.studentId,
      Grade: String(s.grade ?? ''),
      'Guardian Name': guardian || (lang === 'Spanish' ? 'Madre, padre o tutor' : 'Parent or Guardian'),
      'Mailing Address': address,
      Campus: campus,
      Principal: settings.get(LETTER_SETTINGS.principal.toLowerCase()) ?? '',
      'Campus Phone': settings.get(LETTER_SETTINGS.phone.toLowerCase()) ?? '',
      'Absence Dates': dateList([...(absent.get(v.studentId.trim()) ?? [])], lang),
      'Unexcused Days': dayCount(Number(st?.unexcused ?? 0), lang),
      'Excused Days': dayCount(Number(st?.excused ?? 0), lang),
      'Attendance Rate': percentText(Number(st?.rate ?? 1), lang),
      Step: String(st?.step ?? ''),
      'Letter Date': longDate(today, lang),
      'School Year': v.schoolYear.replace('-', '–'),
    };
    return { ...job, paragraphs: mergeParagraphs(t.paragraphs, fields) };
  });
  return { jobs, pending, campus, replyTo, templateProblems: [...new Set(templateProblems)] };
}

function mergeParagraphs(ps: LetterParagraph[], fields: Record<LetterField, string>): LetterParagraph[] {
  return ps.map((p) => ({ ...p, text: mergeText(p.text, fields) }));
}
