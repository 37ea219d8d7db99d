// Who acts: the signed-in user's email, and their role from the Staff tab, resolved on the server for every action.
// A role typed into a Documentation row is only a claim; this is the one the add-on trusts.
import { ROLES, type Role } from '../domain/types';
import type { Problem } from '../domain/types';
import type { DocumentStore } from '../ports/platform';
import type { Sealer, UserSession } from '../ports/record';
import { STAFF } from '../ports/tabs';
import type { RowOf, SheetRow, Workbook } from '../ports/workbook';
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

type StaffRow = RowOf<typeof STAFF.columns>;

/** The text a Staff row's seal covers: the person and the role granted (the name and caseload are free to edit). */
function grantText(email: string, role: string): string {
  return JSON.stringify(['staff', email.trim().toLowerCase(), role.trim()]);
}

/** True when the row's role was granted through the add-on (its seal matches its email and role). */
export function isGranted(row: StaffRow, sealer: Sealer): boolean {
  return row.seal !== '' && sealer.seal(grantText(row.email, row.role)) === row.seal;
}

/** A Staff row granting `role` to `email`, sealed. */
export function grantedRow(
  email: string,
  name: string,
  role: Role,
  sealer: Sealer,
  base?: StaffRow,
): StaffRow {
  const label = roleLabel(role);
  return {
    grades: '',
    lastNames: '',
    ...base,
    email: email.trim(),
    name: name.trim() || (base?.name ?? ''),
    role: label,
    seal: sealer.seal(grantText(email, label)),
  };
}

/** A Data Issue for each Staff row whose role is typed, not granted: it grants nothing (its caseload rules stand). */
export function typedGrantProblems(
  rows: readonly SheetRow<typeof STAFF.columns>[],
  sealer: Sealer,
): Problem[] {
  return rows
    .filter((r) => r.values.email !== '' && r.values.role !== '' && !isGranted(r.values, sealer))
    .map((r) => ({
      tab: 'Staff' as const,
      row: r.row,
      column: 'Role',
      severity: 'warning' as const,
      reason:
        `The role of ${r.values.email} was typed or changed by hand, so it grants nothing: an administrator ` +
        'gives roles with Attendance → Add or change a staff member….',
    }));
}

/** Resolves the signed-in person against the Staff tab (one read): only a role granted through the add-on counts. */
export function resolveActor(workbook: Workbook, session: UserSession, sealer: Sealer): Actor {
  const email = session.email().trim();
  if (email === '') return { email, name: '', role: null, why: NO_EMAIL };
  const staff = workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
  const row = staff.find((r) => r.values.email.trim().toLowerCase() === email.toLowerCase());
  if (!row)
    return {
      email,
      name: '',
      role: null,
      why: `${email} is not on the Staff tab. An administrator adds you with Attendance → Add or change a staff member….`,
    };
  if (!isGranted(row.values, sealer))
    return {
      email,
      name: row.values.name,
      role: null,
      why:
        `The Staff tab's role for ${email} was typed or changed by hand, so it grants nothing. An administrator ` +
        'gives roles with Attendance → Add or change a staff member….',
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

/** True when the Staff tab grants nobody a role that administers the add-on. */
export function hasNoAdministrator(workbook: Workbook, adminRoles: readonly Role[], sealer: Sealer): boolean {
  const staff = workbook.hasTab(STAFF) ? workbook.read(STAFF) : [];
  return !staff.some((r) => {
    const role = roleFromText(r.values.role);
    return role !== null && adminRoles.includes(role) && isGranted(r.values, sealer);
  });
}

/** Grants `role` to `email` on the Staff tab: the person's row is updated (and sealed), or one is added. */
export function grantRole(workbook: Workbook, sealer: Sealer, email: string, name: string, role: Role): void {
  const rows = workbook.read(STAFF);
  const mine = rows.find((r) => r.values.email.trim().toLowerCase() === email.trim().toLowerCase());
  if (mine)
    workbook.update(STAFF, [{ row: mine.row, values: grantedRow(email, name, role, sealer, mine.values) }]);
  else workbook.append(STAFF, [grantedRow(email, name, role, sealer)]);
}

/** Document property: set once a first administrator was granted, so deleting every admin row reopens nothing. */
const FIRST_ADMIN_KEY = 'staff.firstAdminGranted';

/** What Set up may offer the person running it when the Staff tab grants nobody the administrator's role. */
export type FirstAdministrator =
  | { kind: 'not needed' }
  | { kind: 'no email'; message: string }
  | { kind: 'owner only'; message: string }
  | { kind: 'offer'; email: string };

/**
 * The first administrator: offered to whoever runs Set up on a workbook that never had one; once one was granted,
 * only the workbook's owner can take the place again (so deleting the administrators' rows hands nobody a role).
 */
export function firstAdministrator(
  workbook: Workbook,
  deps: { sealer: Sealer; store: DocumentStore; session: UserSession },
  adminRoles: readonly Role[],
): FirstAdministrator {
  if (!hasNoAdministrator(workbook, adminRoles, deps.sealer)) return { kind: 'not needed' };
  const email = deps.session.email().trim();
  if (email === '') return { kind: 'no email', message: NO_EMAIL };
  const owner = deps.session.workbookOwner().trim();
  if (deps.store.get(FIRST_ADMIN_KEY) && email.toLowerCase() !== owner.toLowerCase())
    return {
      kind: 'owner only',
      message:
        'The Staff tab grants no administrator any more. Only the owner of this workbook' +
        `${owner ? ` (${owner})` : ''} can take the place again, by running Set up.`,
    };
  return { kind: 'offer', email };
}

/** Grants the first administrator (Principal) and remembers that one was granted. */
export function grantFirstAdministrator(
  workbook: Workbook,
  deps: { sealer: Sealer; store: DocumentStore },
  email: string,
): void {
  grantRole(workbook, deps.sealer, email, '', 'principal');
  deps.store.set(FIRST_ADMIN_KEY, 'yes');
}
