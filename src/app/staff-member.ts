// Attendance → Add or change a staff member…: an administrator grants a role (sealed on the Staff tab), the only way
// a role counts. Checked on the server: the input's schema and the caller's own granted role.
import * as v from 'valibot';
import type { Role } from '../domain/types';
import type { DocumentStore, Lock } from '../ports/platform';
import type { Sealer, UserSession } from '../ports/record';
import type { Workbook } from '../ports/workbook';
import { grantRole, refusal, resolveActor, roleFromText } from './actor';
import { readRules } from './campus';
import { roleLabel } from './labels';

export const StaffMemberInput = v.object(
  {
    email: v.pipe(
      v.string('The email must be text.'),
      v.trim(),
      v.email('Enter the person’s email address, e.g. name@district.org.'),
      v.maxLength(254, 'That email is too long.'),
    ),
    name: v.pipe(v.string('The name must be text.'), v.trim(), v.maxLength(200, 'The name is too long.')),
    role: v.pipe(v.string('The role must be text.'), v.trim()),
  },
  'The entry is not complete: fill in the email, name and role.',
);

export type StaffMemberRequest = v.InferInput<typeof StaffMemberInput>;

export interface StaffMemberDeps {
  workbook: Workbook;
  lock: Lock;
  sealer: Sealer;
  session: UserSession;
  store: DocumentStore;
  clock: { today(): string };
}

/** Grants a role; plain JSON back for the dialog. */
export function setStaffMember(deps: StaffMemberDeps, input: unknown): { ok: boolean; message: string } {
  const parsed = v.safeParse(StaffMemberInput, input);
  if (!parsed.success)
    return { ok: false, message: `${parsed.issues[0]?.message ?? 'Incomplete.'} Nothing was written.` };
  const { email, name, role: roleText } = parsed.output;
  const role: Role | null = roleFromText(roleText);
  if (!role)
    return { ok: false, message: `"${roleText}" is not a role the add-on knows. Nothing was written.` };
  return deps.lock.withLock(() => {
    const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
    const policy = readRules(deps.workbook, deps.clock.today()).policy;
    const no = refusal(actor, policy.adminRoles, 'give staff their roles');
    if (no) return { ok: false, message: `${no} Nothing was written.` };
    grantRole(deps.workbook, deps.sealer, email, name, role);
    return { ok: true, message: `${email} now has the role ${roleLabel(role)} on the Staff tab.` };
  });
}
