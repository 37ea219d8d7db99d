// "Do not send": an administrator holds back a student's letters that have not gone out, with the reason.
import * as v from 'valibot';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { Sealer, UserSession } from '../ports/record';
import { LETTERS } from '../ports/tabs';
import type { Workbook } from '../ports/workbook';
import { refusal, resolveActor } from './actor';
import { readAppliedRules } from './campus';
import { holdNote, HOLDS_KEY, readHolds, sendable, STATE, type Hold } from './letters-plan';

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
  /** Lifts the student's hold: their held letters that never went out are DUE again. */
  lift: v.optional(v.boolean('Lift must be true or false.'), false),
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

/**
 * Holds back a student's letters, those waiting now and those that fall due later (administrators only), with who,
 * when and why; with `lift`, ends the hold and puts the held letters that never went out back to DUE.
 */
export function holdLetters(deps: HoldDeps, input: unknown): { ok: boolean; message: string } {
  const lifting = typeof input === 'object' && input !== null && (input as { lift?: unknown }).lift === true;
  const parsed = v.safeParse(
    lifting ? v.object({ ...DoNotSendInput.entries, reason: v.optional(v.string(), '') }) : DoNotSendInput,
    input,
  );
  if (!parsed.success) return { ok: false, message: parsed.issues[0].message };
  const { studentId, reason } = parsed.output;
  return deps.lock.withLock(() => {
    const policy = readAppliedRules(deps.workbook, deps.clock.today(), deps.store).policy;
    const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
    const no = refusal(actor, policy.adminRoles, 'hold back letters');
    if (no) return { ok: false, message: no };
    const holds = readHolds(deps.store);
    const rows = deps.workbook.find(LETTERS, 'studentId', [studentId]);
    if (lifting) {
      if (!holds.has(studentId))
        return { ok: false, message: `Student ${studentId}'s letters are not held.` };
      holds.delete(studentId);
      deps.store.set(HOLDS_KEY, JSON.stringify(Object.fromEntries(holds)));
      const held = rows.filter((r) => r.values.state === STATE.doNotSend && !String(r.values.sentAt ?? ''));
      deps.workbook.update(
        LETTERS,
        held.map((r) => ({
          ...r,
          values: {
            ...r.values,
            state: STATE.due,
            error: `Hold lifted (${actor.email}, ${deps.clock.now()}).`,
          },
        })),
      );
      return {
        ok: true,
        message: `The hold on student ${studentId} is lifted: ${held.length} letters are DUE again.`,
      };
    }
    const hold: Hold = { reason, by: actor.email, at: deps.clock.now() };
    holds.set(studentId, hold);
    deps.store.set(HOLDS_KEY, JSON.stringify(Object.fromEntries(holds)));
    const open = rows.filter((r) => sendable(String(r.values.state)) || r.values.state === STATE.notNeeded);
    deps.workbook.update(
      LETTERS,
      open.map((r) => ({ ...r, values: { ...r.values, state: STATE.doNotSend, error: holdNote(hold) } })),
    );
    return {
      ok: true,
      message:
        `${open.length} letters of student ${studentId} will not be sent, nor any letter that falls due later, ` +
        'until an administrator lifts the hold.',
    };
  });
}
