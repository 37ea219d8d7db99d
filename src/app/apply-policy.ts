// Attendance → Apply Settings changes…: an administrator sees what the edited Settings and Calendar would do to the
// campus (a run that writes nothing), and on yes they become the policy in force, noted in the record.
import { DOC } from '../domain/policy';
import type { Problem } from '../domain/types';
import type { UserSession } from '../ports/record';
import { DOCUMENTATION, LETTERS, STATUS } from '../ports/tabs';
import type { DocumentStore } from '../ports/platform';
import type { Workbook } from '../ports/workbook';
import { refusal, resolveActor } from './actor';
import { readPolicyTabs, readRules } from './campus';
import { DryRunArchive, DryRunStore, DryRunWorkbook } from './dry-run';
import { roleLabel } from './labels';
import { describeDifference, loadApplied, saveApplied, type PolicySnapshot } from './policy-snapshot';
import { recalculateAll, type RecalcDeps, type RecalcSummary } from './recalculate';
import { Ledger, type DocRow } from './record';
import { STEP_CHANGE_TYPE } from './step-history';
import type { StatusRow } from './status-rows';

export interface PolicyDeps extends RecalcDeps {
  session: UserSession;
}

/** A student whose step would change. */
export interface Move {
  studentId: string;
  from: number;
  to: number;
}

export interface PolicyPreview {
  /** False when nothing can be applied (not an administrator, nothing changed, Settings unusable): see message. */
  ok: boolean;
  message: string;
  /** The tabs' policy the preview was made with; applying refuses when the tabs changed since. */
  text?: string;
  moves: Move[];
  /** Letters that would fall due (new rows of the Letters tab). */
  letters: number;
  /** "Step reached" rows that would be written to Documentation. */
  stepRows: number;
}

export interface ApplyResult {
  ok: boolean;
  message: string;
  summary?: RecalcSummary;
}

const WHAT = 'apply Settings and Calendar changes';

/**
 * What applying the tabs' policy now would do: the whole campus recalculated with it, nothing written, compared
 * with the Status tab. Refused (with the reason) for anyone but an administrator, when nothing changed, and when
 * Settings or Calendar give no usable policy (cleared or broken: that is never applied).
 */
export function previewPolicyChange(deps: PolicyDeps): PolicyPreview {
  const none = { moves: [], letters: 0, stepRows: 0 };
  const no = refused(deps);
  if (no) return { ok: false, message: no, ...none };
  const tabs = readPolicyTabs(deps.workbook);
  const applied = loadApplied(deps.store);
  if (applied?.text === tabs.snapshot.text)
    return {
      ok: false,
      message: 'Settings and Calendar are already in force; there is nothing to apply.',
      ...none,
    };
  const live = readRules(deps.workbook, deps.clock.today());
  const unusable = live.problems.filter(isUnusable);
  if (unusable.length > 0)
    return {
      ok: false,
      message: `${unusable.map((p) => p.reason).join('\n')}\nNothing was applied; the policy in force stays.`,
      ...none,
    };
  const dry = dryRun(deps, tabs.snapshot);
  const lines = [
    'Changed since the policy was last applied:',
    ...listed(describeDifference(applied?.inputs ?? null, tabs.snapshot.inputs), 'the order of rows only'),
    '',
    'Applied now, compared with the Status tab:',
    ...effectLines(dry),
  ];
  const rowProblems = live.problems.filter((p) => p.row !== undefined).length;
  if (rowProblems > 0)
    lines.push(
      `${rowProblems} ${rowProblems === 1 ? 'row' : 'rows'} of Settings or Calendar ${rowProblems === 1 ? 'has a problem' : 'have problems'} (see Data Issues); ` +
        'such rows are not used (a setting keeps its default).',
    );
  lines.push('', 'Apply these changes?');
  return { ok: true, message: lines.join('\n'), text: tabs.snapshot.text, ...dry };
}

/**
 * Makes the tabs' policy the one in force, if they still hold what the preview showed (`previewed`), writes a
 * sealed note saying who applied what, then recalculates the campus.
 */
export function applyPolicyChange(deps: PolicyDeps, previewed: string): ApplyResult {
  const done = deps.lock.withLock((): ApplyResult => {
    const no = refused(deps);
    if (no) return { ok: false, message: no };
    const tabs = readPolicyTabs(deps.workbook);
    if (tabs.snapshot.text !== previewed)
      return {
        ok: false,
        message:
          'Settings or Calendar changed after the preview was made. Nothing was applied; choose Attendance → ' +
          'Apply Settings changes… again to see the new preview.',
      };
    const before = loadApplied(deps.store);
    // The policy first, then the note: a run stopped between them leaves the policy applied, which the next
    // recalculation uses; the note of who applied it would be the only thing missing.
    saveApplied(deps.store, tabs.snapshot);
    writeNote(deps, before, tabs.snapshot);
    return { ok: true, message: '' };
  });
  if (!done.ok) return done;
  const summary = recalculateAll(deps);
  return { ok: true, message: 'The Settings and Calendar changes are in force.', summary };
}

/**
 * Set up's first run: the tabs' policy becomes the one in force when none was ever applied (a new workbook, or one
 * set up by an earlier version). Returns the line for Set up's message.
 */
export function applyInitialPolicy(workbook: Workbook, store: DocumentStore): string[] {
  if (loadApplied(store) !== null) return [];
  saveApplied(store, readPolicyTabs(workbook).snapshot);
  return [
    'applied the policy in Settings and Calendar (later changes are applied with Apply Settings changes…)',
  ];
}

/** True when the Settings or Calendar tab differs from the policy in force (after an edit of either, for a toast). */
export function policyPending(workbook: Workbook, store: DocumentStore): boolean {
  const applied = loadApplied(store);
  return applied !== null && applied.text !== readPolicyTabs(workbook).snapshot.text;
}

function refused(deps: PolicyDeps): string | null {
  const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
  const no = refusal(actor, readRules(deps.workbook, deps.clock.today()).policy.adminRoles, WHAT);
  return no === null ? null : `${no} Nothing was applied.`;
}

/** Settings with no usable policy row (cleared or all broken), or a Calendar without one school day. */
function isUnusable(p: Problem): boolean {
  return p.row === undefined && ((p.tab === 'Settings' && p.severity === 'error') || p.tab === 'Calendar');
}

/** The campus recalculated with `snapshot` as the applied policy, through decorators that keep every write. */
function dryRun(deps: PolicyDeps, snapshot: PolicySnapshot): Omit<PolicyPreview, 'ok' | 'message'> {
  const workbook = new DryRunWorkbook(deps.workbook);
  const store = new DryRunStore(deps.store);
  saveApplied(store, snapshot);
  recalculateAll({ ...deps, workbook, store, archive: new DryRunArchive(deps.archive) });
  const now = new Map(
    deps.workbook
      .read(STATUS, ['studentId', 'step'])
      .map((r) => [r.values.studentId, typeof r.values.step === 'number' ? r.values.step : 0]),
  );
  const moves: Move[] = [];
  for (const row of (workbook.replaced.get(STATUS.name) ?? []) as StatusRow[]) {
    const from = now.get(row.studentId) ?? 0;
    const to = typeof row.step === 'number' ? row.step : 0;
    if (from !== to) moves.push({ studentId: row.studentId, from, to });
  }
  const docs = (workbook.appended.get(DOCUMENTATION.name) ?? []) as DocRow[];
  return {
    moves,
    letters: (workbook.appended.get(LETTERS.name) ?? []).length,
    stepRows: docs.filter((d) => d.type === STEP_CHANGE_TYPE).length,
  };
}

function effectLines(e: Omit<PolicyPreview, 'ok' | 'message'>): string[] {
  const lines: string[] = [];
  const byStep = new Map<string, number>();
  for (const m of e.moves) {
    const key = `${m.to > m.from ? 'up' : 'down'} ${m.to}`;
    byStep.set(key, (byStep.get(key) ?? 0) + 1);
  }
  for (const [key, n] of [...byStep].sort()) {
    const [way, step] = key.split(' ');
    lines.push(`${n} ${n === 1 ? 'student' : 'students'} would move ${way} to step ${step}`);
  }
  if (e.moves.length === 0) lines.push('no student would change step');
  lines.push(`${e.letters} ${e.letters === 1 ? 'letter' : 'letters'} would fall due`);
  lines.push(
    `${e.stepRows} "Step reached" ${e.stepRows === 1 ? 'row' : 'rows'} would be written to Documentation`,
  );
  return lines.map((l) => `• ${l}`);
}

function listed(lines: string[], empty: string): string[] {
  return (lines.length > 0 ? lines : [empty]).map((l) => `• ${l}`);
}

function writeNote(deps: PolicyDeps, before: PolicySnapshot | null, after: PolicySnapshot): void {
  const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
  const changes = describeDifference(before?.inputs ?? null, after.inputs);
  const notes =
    `Settings and Calendar applied by ${actor.email}: policy ${after.fingerprint}` +
    `${before ? ` replaces ${before.fingerprint}` : ''}. ${changes.join('; ') || 'Only the order of rows changed.'}`;
  const ledger = new Ledger(deps.store, deps.sealer);
  const sealed = ledger.seal([
    {
      loggedAt: deps.clock.now(),
      studentId: '',
      date: deps.clock.today(),
      type: DOC.note,
      outcome: '',
      role: roleLabel(actor.role!),
      staff: actor.email,
      // A cell holds 50,000 characters; a note this long only comes from a Calendar rewritten day by day.
      notes: notes.length > 5000 ? `${notes.slice(0, 4990)} … (more)` : notes,
      targetStep: null,
      refersTo: '',
    },
  ]);
  deps.workbook.append(DOCUMENTATION, sealed);
  ledger.confirm(sealed);
  ledger.archive(sealed, deps.archive, deps.clock.today(), false);
}
