// Attendance → Import School Messenger results…: each delivery result becomes a sealed "Automated call" entry that
// refers to the call the add-on listed, with the result as its outcome. The record stays append-only: the listed
// entry keeps its "Sent"; the result entry, written once per call and result, says how the call went.
import { readCallResults, type CallResult } from '../domain/call-results';
import { DOC } from '../domain/policy';
import { CsvFileError } from '../ports/files';
import { EVERYONE, runGuarded, type GuardedDeps } from './guarded-run';
import { ADDON_STAFF, sealedEntryId } from './record';

export interface ResultsSummary {
  read: number;
  written: number;
  /** Results already in the record (an export imported twice). */
  already: number;
  /** Results for which the add-on listed no call that day. */
  unmatched: string[];
  rejected: string[];
}

const NOTE = 'School Messenger result for ';

export function importCallResults(deps: GuardedDeps, rows: string[][]): ResultsSummary {
  const read = readCallResults(rows);
  if (read.missing) throw new CsvFileError(`${read.missing} Nothing was written.`);
  const summary: ResultsSummary = {
    read: read.results.length,
    written: 0,
    already: 0,
    unmatched: [],
    rejected: read.rejected,
  };
  const now = deps.clock.now();
  runGuarded(deps, 'The import of School Messenger results', () => EVERYONE, {
    addToRecord: ({ records }) => {
      const ours = records.documentation.filter(
        (d) => d.verified && d.type === DOC.automatedCall && d.staff === ADDON_STAFF,
      );
      // The calls listed (by student and day) and the results already written (by their note).
      // Keyed by the id without leading zeros (an export that lost them still matches); exact ids first.
      const listed = new Map<string, { id: string; studentId: string }[]>();
      const written = new Set<string>();
      for (const d of ours) {
        const note = String(d.note ?? '');
        const studentId = String(d.studentId ?? '');
        if (note.startsWith(NOTE)) written.add(note);
        else if (d.seq) {
          const key = `${unpadded(studentId)}|${String(d.date ?? '')}`;
          listed.set(key, [...(listed.get(key) ?? []), { id: sealedEntryId(d.seq), studentId }]);
        }
      }
      const entries = [];
      for (const r of read.results) {
        const calls = listed.get(`${unpadded(r.studentId)}|${r.date}`) ?? [];
        const exact = calls.filter((c) => c.studentId === r.studentId);
        // Two students whose ids differ only by leading zeros: only the exact id is taken, never a guess.
        const call = exact[0] ?? (calls.length === 1 ? calls[0] : undefined);
        if (!call) {
          summary.unmatched.push(`line ${r.line}: no call was listed for ${r.studentId} on ${r.date}`);
          continue;
        }
        const note = noteOf(call.id, r);
        if (written.has(note)) {
          summary.already++;
          continue;
        }
        written.add(note);
        entries.push({
          loggedAt: now,
          studentId: call.studentId,
          date: r.date,
          type: DOC.automatedCall,
          outcome: r.outcome,
          role: 'System',
          staff: ADDON_STAFF,
          notes: note,
          targetStep: null,
          refersTo: call.id,
        });
      }
      summary.written = entries.length;
      return { entries, problems: [] };
    },
  });
  return summary;
}

function unpadded(id: string): string {
  return id.trim().replace(/^0+(?=.)/, '');
}

function noteOf(id: string, r: CallResult): string {
  return `${NOTE}${id}: ${r.result}`;
}
