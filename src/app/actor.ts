// Who acts: the signed-in user's email, and their role from the Staff tab, resolved on the server for every action.
// A role typed into a Documentation row is only a claim; this is the one the add-on trusts.
import { ROLES, type Role } from '../domain/types';
import type { UserSession } from '../ports/record';
import { STAFF } from '../ports/tabs';
import type { Workbook } from '../ports/workbook';
import { roleLabel } from './labels';

export interface Actor {
  /** '' when Apps Script gave no email. */
  email: string;
  name: string;
  /** The role the Staff tab grants; null when the person is unknown or unverified. */
  role: Role | null;
  /** Why the person has no role, in words for them (empty when they have one). */
  why: string;
}

/** 'Assistant Principal', 'assistant_principal', 'AssistantPrincipal' → 'assistantPrincipal'; null otherwise. */
export function roleFromText(text: string): Role | null {
  const key = text.replace(/[\s_-]/g, '').toLowerCase();
  return ROLES.find((r) => r !== 'system' && r.toLowerCase() === key) ?? null;
}

export const NO_EMAIL =
  'Apps Script did not give your email address. That happens with personal (consumer) Google accounts and for ' +
  "people outside the Google Workspace domain of the add-on's owner. Only a person the Staff tab names can make " +
  'entries that set a step; sign in with your district account.';

/** Resolves the signed-in person against the Staff tab (one read). */
export function resolveActor(workbook: Workbook, session: UserSession): Actor {
  const email = session.email().trim();
  if (email === '') return { email, name: '', role: null, why: NO_EMAIL };
  const staff = workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
  const row = staff.find((r) => r.values.email.trim().toLowerCase() === email.toLowerCase());
  if (!row)
    return {
      email,
      name: '',
      role: null,
      why: `${email} is not on the Staff tab. An administrator adds you there (Email, Name and Role).`,
    };
  const role = roleFromText(row.values.role);
  if (!role)
    return {
      email,
      name: row.values.name,
      role: null,
      why:
        `The Staff tab gives ${email} the role "${row.values.role}", which is not one the add-on knows ` +
        `(${ROLES.filter((r) => r !== 'system')
          .map(roleLabel)
          .join(', ')}).`,
    };
  return { email, name: row.values.name, role, why: '' };
}

/** Null when the actor holds one of `roles`; otherwise the message that says why not. */
export function refusal(actor: Actor, roles: readonly Role[], what: string): string | null {
  if (actor.role && roles.includes(actor.role)) return null;
  const allowed = roles.map(roleLabel).join(' or ');
  if (!actor.role) return `Only a ${allowed} may ${what}. ${actor.why}`;
  return `Only a ${allowed} may ${what}; the Staff tab gives ${actor.email} the role ${roleLabel(actor.role)}.`;
}

/** True when the Staff tab names nobody who may administer the add-on (a new workbook). */
export function hasNoAdministrator(workbook: Workbook, adminRoles: readonly Role[]): boolean {
  const staff = workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
  return !staff.some((r) => {
    const role = roleFromText(r.values.role);
    return role !== null && adminRoles.includes(role);
  });
}

/** Adds the person running Set up to the Staff tab as the first administrator (Principal). */
export function addFirstAdministrator(workbook: Workbook, email: string): void {
  workbook.append(STAFF, [{ email, name: '', role: roleLabel('principal'), grades: '', lastNames: '' }]);
}
