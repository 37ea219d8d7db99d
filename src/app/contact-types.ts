// What each person may log from the sidebar: the policy's documentation types by role. The add-on's own types
// (automated call, letters, report, Step reached) are never typed by a person.
import { DOC } from '../domain/policy';
import type { Policy, Role } from '../domain/types';

/** One entry of the sidebar's Type list: the Documentation type written and the words the form shows. */
export interface ContactType {
  type: string;
  label: string;
}

/** Everyone, a person Apps Script gives no email for or the Staff tab does not name included. */
const ANYONE: ContactType[] = [
  { type: DOC.parentContact, label: 'Parent contact (phone call or meeting)' },
  { type: DOC.homeVisit, label: 'Home visit' },
  { type: DOC.positiveEngagement, label: 'Positive engagement' },
  { type: DOC.familyCommunication, label: 'Family communication' },
  { type: DOC.note, label: 'Note' },
];

/** Any person with a role granted on the Staff tab. */
const STAFF: ContactType[] = [
  { type: DOC.familySupport, label: 'Family support' },
  { type: DOC.barrierCollaboration, label: 'Barrier collaboration' },
  { type: DOC.followUp, label: 'Follow-up' },
];

/** Campus administrators (the policy's administrator roles). */
const ADMIN: ContactType[] = [
  { type: DOC.apMeeting, label: 'AP meeting with student and family' },
  { type: DOC.tpmPlan, label: 'TPM plan' },
  { type: DOC.districtReferral, label: 'Referral to the district specialist' },
  { type: DOC.stepAdjustment, label: 'Step adjustment' },
];

/** District specialists (the policy's court decision roles). */
const DISTRICT: ContactType[] = [
  { type: DOC.districtIntervention, label: 'District intervention' },
  { type: DOC.rootCauses, label: 'Root cause review' },
  { type: DOC.courtConsideration, label: 'Court consideration' },
  { type: DOC.courtDecision, label: 'Court referral decision' },
  { type: DOC.courtReferralFiled, label: 'Court referral filed' },
];

/** The types a person of `role` (null: unverified or unknown) may log, in the form's order. */
export function contactTypesFor(role: Role | null, policy: Policy): ContactType[] {
  if (role === null || role === 'system') return ANYONE;
  const out = [...ANYONE, ...STAFF];
  if (policy.adminRoles.includes(role)) out.push(...ADMIN);
  if (policy.courtDeciderRoles.includes(role)) out.push(...DISTRICT);
  return out;
}

/** Every type the sidebar knows (any role), to tell "not allowed for you" from "not a type at all". */
export const SIDEBAR_TYPES: readonly string[] = [...ANYONE, ...STAFF, ...ADMIN, ...DISTRICT].map(
  (t) => t.type,
);
