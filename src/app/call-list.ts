// The daily call list for School Messenger: on a school day, the students at step 1 or above absent without excuse
// that day, as a CSV file in the add-on's Drive folder, and a sealed "Automated call" entry for each, never twice.
import { buildCallList, callSettingsFrom, type CallStudent } from '../domain/call-list';
import { compileCalendar, isInstructional } from '../domain/calendar';
import { parseDateText } from '../domain/dates';
import { DOC } from '../domain/policy';
import type { CallListFiles } from '../ports/files';
import { readAppliedRules } from './campus';
import { EVERYONE, runGuarded, type GuardedDeps } from './guarded-run';
import type { RecalcSummary } from './recalculate';
import { ADDON_STAFF } from './record';

export interface CallListDeps extends GuardedDeps {
  calls: CallListFiles;
}

export interface CallListSummary {
  day: string;
  /** False on a weekend, a holiday or a day outside the school year: no file, no entries. */
  schoolDay: boolean;
  /** Students in the file. */
  listed: number;
  /** "Automated call" entries written by this run (a rerun the same day writes only those not yet written). */
  logged: number;
  /** Students left out for want of a guardian phone (listed on Data Issues). */
  noPhone: number;
  /** Where the file is, in words; null when none was written. */
  file: string | null;
  recalc: RecalcSummary | null;
}

/** The file of a day: one a school day, replaced by a rerun the same day. */
export function callListName(day: string): string {
  return `Call list ${day}.csv`;
}

/**
 * Makes today's call list within a full recalculation (so owed students are caught up and the entries count at
 * once): nothing on a day the Calendar in force has no school. The file is written before the entries, so a run
 * that fails leaves no entry for a call the file does not hold; a rerun replaces the file and logs only students
 * without an entry for the day.
 */
export function makeCallList(deps: CallListDeps, what = 'The daily call list'): CallListSummary {
  const day = deps.clock.today();
  const none: CallListSummary = {
    day,
    schoolDay: false,
    listed: 0,
    logged: 0,
    noPhone: 0,
    file: null,
    recalc: null,
  };
  const rules = readAppliedRules(deps.workbook, day, deps.store);
  if (!isInstructional(compileCalendar(rules.calendar), day)) return none;
  const out: CallListSummary = { ...none, schoolDay: true };
  const now = deps.clock.now();
  out.recalc = runGuarded(deps, what, () => EVERYONE, {
    addToRecord: ({ today, rules: inForce, records, students, statuses }) => {
      const { settings, problems } = callSettingsFrom(inForce.importSettings.map((s) => ({ ...s, row: 0 })));
      const stepOf = new Map(statuses().map((s) => [s.studentId, s.step]));
      const roster: CallStudent[] = students.map(({ values: v }) => ({
        studentId: v.studentId,
        lastName: v.lastName,
        firstName: v.firstName,
        grade: v.grade,
        phone: v.guardianPhone,
        email: v.guardianEmail,
        language: v.language,
        step: stepOf.get(v.studentId) ?? 0,
      }));
      const absences = records.absences.map((a) => ({
        studentId: String(a.studentId ?? ''),
        date: parseDateText(String(a.date ?? '')) ?? '',
        code: String(a.code ?? ''),
      }));
      const list = buildCallList(today, roster, absences, inForce.policy.codes, settings);
      const name = callListName(today);
      out.file = deps.calls.replace(name, list.rows);
      out.listed = list.listed.length;
      out.noPhone = list.noPhone.length;
      const logged = new Set(
        records.documentation
          .filter(
            (d) => d.verified && d.type === DOC.automatedCall && d.date === today && d.staff === ADDON_STAFF,
          )
          .map((d) => d.studentId),
      );
      const entries = list.listed
        .filter((id) => !logged.has(id))
        .map((studentId) => ({
          loggedAt: now,
          studentId,
          date: today,
          type: DOC.automatedCall,
          outcome: 'Sent',
          role: 'System',
          staff: ADDON_STAFF,
          notes: `Listed for School Messenger in "${name}".`,
          targetStep: null,
          refersTo: '',
        }));
      out.logged = entries.length;
      return { entries, problems };
    },
  });
  return out;
}
