// "Do not send": an administrator holds back a student's letters that have not gone out, with the reason.
import * as v from 'valibot';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { Sealer, UserSession } from '../ports/record';
import { LETTERS } from '../ports/tabs';
import type { Workbook } from '../ports/workbook';
import { refusal, resolveActor } from './actor';
import { readAppliedRules } from './campus';
import { sendable, STATE } from './letters-plan';

export const DoNotSendInput = v.object({
  studentId: v.pipe(
    v.string('The Student ID must be text.'),
    v.trim(),
    v.minLength(1, 'Enter the Student ID.'),
  ),
  reason: v.pipe(
    v.string('The reason must be text.'),
    v.trim(),
    v.minLength(3, 'Write the reason (it is kept on the Letters tab).'),
    v.maxLength(2000, 'The reason is longer than 2,000 characters; shorten it.'),
  ),
});
export type DoNotSendRequest = v.InferInput<typeof DoNotSendInput>;

interface HoldDeps {
  workbook: Workbook;
  lock: Lock;
  store: DocumentStore;
  clock: Clock;
  sealer: Sealer;
  session: UserSession;
}

/** Marks the student's letters that have not gone out DO NOT SEND (administrators only), with who, when and why. */
export function holdLetters(deps: HoldDeps, input: unknown): { ok: boolean; message: string } {
  const parsed = v.safeParse(DoNotSendInput, input);
  if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
  const { studentId, reason } = parsed.output;
  return deps.lock.withLock(() => {
    const policy = readAppliedRules(deps.workbook, deps.clock.today(), deps.store).policy;
    const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
    const no = refusal(actor, policy.adminRoles, 'hold back letters');
    if (no) return { ok: false, message: no };
    const rows = deps.workbook.find(LETTERS, 'studentId', [studentId]);
    const open = rows.filter((r) => sendable(String(r.values.state)) || r.values.state === STATE.notNeeded);
    if (open.length === 0)
      return {
        ok: false,
        message: `Student ${studentId} has no letter waiting to go out (${rows.length} on the Letters tab).`,
      };
    const note = `Do not send (${actor.email}, ${deps.clock.now()}): ${reason}`;
    deps.workbook.update(
      LETTERS,
      open.map((r) => ({ ...r, values: { ...r.values, state: STATE.doNotSend, error: note } })),
    );
    return { ok: true, message: `${open.length} letters of student ${studentId} will not be sent.` };
  });
}
