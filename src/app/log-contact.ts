// The sidebar's form: one contact (or any effort the person's role may log) checked, sealed and written under the
// lock, once per submission id; the student is then owed a recalculation, which the sidebar asks for next.
import * as v from 'valibot';
import { isDayKey } from '../domain/dates';
import { DOC } from '../domain/policy';
import { ROLES } from '../domain/types';
import type { DocumentStore } from '../ports/platform';
import { DOCUMENTATION } from '../ports/tabs';
import { contactTypesFor, SIDEBAR_TYPES } from './contact-types';
import { updateState, union } from './pending-work';
import { Ledger, sealedEntryId } from './record';
import {
  MAX_NOTE_LENGTH,
  refused,
  writeEntryHeld,
  type EntryDeps,
  type EntryResult,
} from './privileged-entry';

const day = (what: string) =>
  v.pipe(
    v.string(`${what} must be text like 2026-12-02.`),
    v.trim(),
    v.check((d) => isDayKey(d), `${what} must be a real date like 2026-12-02.`),
  );

const FIELDS: Record<string, string> = {
  submissionId: 'the submission id',
  studentId: 'the student',
  type: 'the type',
  date: 'the date',
  outcome: 'the outcome',
  notes: 'the notes',
};

export const ContactInput = v.object(
  {
    /** Made by the page for each submission; a retry or a double click sends the same one. */
    submissionId: v.pipe(
      v.string('The submission id must be text.'),
      v.regex(/^[A-Za-z0-9-]{8,64}$/, 'The submission id must be 8 to 64 letters, digits or dashes.'),
    ),
    studentId: v.pipe(
      v.string('The Student ID must be text.'),
      v.trim(),
      v.minLength(1, 'Choose a student.'),
      v.maxLength(40, 'A Student ID is at most 40 characters.'),
    ),
    type: v.pipe(v.string('The type must be text.'), v.minLength(1, 'Choose a type.')),
    date: day('The date'),
    outcome: v.pipe(v.string('The outcome must be text.'), v.minLength(1, 'Choose an outcome.')),
    notes: v.pipe(
      v.string('The notes must be text.'),
      v.maxLength(
        MAX_NOTE_LENGTH,
        `The notes are longer than ${MAX_NOTE_LENGTH} characters; shorten them (nothing is cut).`,
      ),
    ),
    followUp: v.optional(
      v.union([v.literal(''), day('The follow-up date')], 'The follow-up date must be text.'),
    ),
    step: v.optional(
      v.pipe(
        v.number('The step must be a number from 0 to 5.'),
        v.integer('The step must be a whole number from 0 to 5.'),
        v.minValue(0, 'The step must be from 0 to 5.'),
        v.maxValue(5, 'The step must be from 0 to 5.'),
      ),
    ),
  },
  (issue) => {
    const key = String(issue.expected ?? '').replace(/"/g, '');
    return FIELDS[key] ? `The entry is not complete: fill in ${FIELDS[key]}.` : 'The entry must be a form.';
  },
);

export type ContactRequest = v.InferInput<typeof ContactInput>;

/** Document property: the latest submissions, each with the Entry ID reserved for it. */
export const SUBMISSIONS_KEY = 'sidebar.submissions';
/** Submissions remembered (about 40 characters each, well inside the 9 KB a property value holds). */
const SUBMISSIONS_KEPT = 150;

type Seen = [submissionId: string, entryId: string, studentId: string][];

function seen(store: DocumentStore): Seen {
  try {
    const list = JSON.parse(store.get(SUBMISSIONS_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as Seen) : [];
  } catch {
    return [];
  }
}

/**
 * Sidebar: logs one entry for the signed-in person. Checked: the form (schema), the type against the person's role
 * (Staff tab), the date (not in the future, not before the school year), the student (roster), a follow-up date
 * (not before the entry's date). A submission id already written answers with its entry and writes nothing.
 */
export function logContact(deps: EntryDeps, input: unknown): EntryResult {
  if (Array.isArray(input)) return refused('The entry must be a form.');
  const parsed = v.safeParse(ContactInput, input);
  if (!parsed.success) return refused(parsed.issues[0].message);
  const form = parsed.output;
  if (!SIDEBAR_TYPES.includes(form.type)) return refused(`"${form.type}" is not a type the sidebar logs.`);
  if (form.type === DOC.stepAdjustment && form.step === undefined)
    return refused('A step adjustment needs the step to set.');
  if (form.type === DOC.stepAdjustment && form.notes.trim().length < 3)
    return refused('Write the reason for the adjustment in the notes (it goes into the record).');
  if (form.followUp && form.followUp < form.date)
    return refused(`The follow-up date ${form.followUp} is before the entry's date ${form.date}.`);
  const notes = form.followUp
    ? `${form.notes}${form.notes ? '\n' : ''}Follow-up by ${form.followUp}.`
    : form.notes;
  if (notes.length > MAX_NOTE_LENGTH)
    return refused(`The notes are longer than ${MAX_NOTE_LENGTH} characters; shorten them (nothing is cut).`);
  return deps.lock.withLock((): EntryResult => {
    const submissions = seen(deps.store);
    const earlier = submissions.find(([s]) => s === form.submissionId);
    const written = earlier ? deps.workbook.find(DOCUMENTATION, 'entryId', [earlier[1]])[0] : undefined;
    if (earlier && written)
      return {
        ok: true,
        entryId: earlier[1],
        studentId: written.values.studentId,
        message: `Entry ${earlier[1]} was already written for this submission; it was not written again.`,
      };
    const result = writeEntryHeld(
      deps,
      {
        studentId: form.studentId,
        date: form.date,
        reason: notes,
        targetStep: form.type === DOC.stepAdjustment ? (form.step ?? null) : null,
        outcome: form.outcome,
      },
      form.type,
      (policy) => {
        const allowed = (role: Parameters<typeof contactTypesFor>[0]) =>
          contactTypesFor(role, policy).some((t) => t.type === form.type);
        return {
          roles: allowed(null) ? null : ROLES.filter((r) => r !== 'system' && allowed(r)),
          what: `log a ${form.type}`,
          recalculate: false,
          precheck: () => {
            if (!policy.outcomes.some((o) => o.outcome === form.outcome))
              return refused(`"${form.outcome}" is not an outcome in Settings.`);
            // The Entry ID the ledger gives next is kept with the submission id before the row is written: a retry
            // after a failure at any later point finds it (written: answered; not written: written now).
            const next = sealedEntryId(new Ledger(deps.store, deps.sealer).lastSealed() + 1);
            const list = submissions.filter(([s]) => s !== form.submissionId);
            list.push([form.submissionId, next, form.studentId]);
            deps.store.set(SUBMISSIONS_KEY, JSON.stringify(list.slice(-SUBMISSIONS_KEPT)));
            return null;
          },
        };
      },
    );
    if (result.ok && result.entryId) {
      // The student is owed a recalculation: the sidebar asks for it next, and any later run does it otherwise.
      updateState(deps.store, (s) => {
        s.pending = union(s.pending, [result.studentId ?? form.studentId]);
      });
    }
    return result;
  });
}
