// The district's attendance ladder as data: steps, actions, documentation types, outcomes and code mapping.

import type { AttendanceCodeRule, OutcomeRule, Policy, Role, StepAction, StepDefinition } from './types';
import { ANY_DOCUMENTATION } from './types';

/** Documentation types (the Documentation tab's Type column). */
export const DOC = {
  automatedCall: 'Automated call',
  letter1: 'Warning letter 1',
  letter2: 'Warning letter 2 (90%)',
  positiveEngagement: 'Positive engagement',
  parentContact: 'Parent contact',
  absenceReport: 'Absence Occurrence Report',
  familySupport: 'Family support',
  apMeeting: 'AP meeting',
  barrierCollaboration: 'Barrier collaboration',
  tpmPlan: 'TPM plan',
  districtReferral: 'District referral',
  followUp: 'Follow-up',
  districtIntervention: 'District intervention',
  rootCauses: 'Root cause review',
  courtConsideration: 'Court consideration',
  courtDecision: 'Court referral decision',
  courtReferralFiled: 'Court referral filed',
  familyCommunication: 'Family communication',
  homeVisit: 'Home visit',
  stepAdjustment: 'Step adjustment',
  /** Written by the add-on when a student's step changes; the kept step is read back from these rows. */
  stepReached: 'Step reached',
  note: 'Note',
} as const;

/** Letter types; a letter's key is `${studentId}|${letterType}|${schoolYear}`. */
export const LETTER = { warning1: 'letter1', warning2: 'letter2-90' } as const;

/**
 * Default SIS codes. U unexcused day; UP unexcused part of a day (missed periods, tardy over the
 * threshold); T tardy (ignored); E excused; EP excused part of a day; M medical (excused);
 * R religious holy day (excused); S school-related activity (counted present); P present.
 */
export const DEFAULT_CODES: AttendanceCodeRule[] = [
  { code: 'U', category: 'unexcused', partDay: false, label: 'Unexcused absence' },
  { code: 'UP', category: 'unexcused', partDay: true, label: 'Unexcused partial day / tardy over threshold' },
  { code: 'E', category: 'excused', partDay: false, label: 'Excused absence' },
  { code: 'EP', category: 'excused', partDay: true, label: 'Excused partial day' },
  { code: 'M', category: 'excused', partDay: false, label: 'Medical / doctor note' },
  { code: 'R', category: 'excused', partDay: false, label: 'Religious holy day' },
  { code: 'S', category: 'ignored', partDay: false, label: 'School-related activity (present)' },
  { code: 'T', category: 'ignored', partDay: true, label: 'Tardy under threshold' },
  { code: 'P', category: 'ignored', partDay: false, label: 'Present' },
];

export const DEFAULT_OUTCOMES: OutcomeRule[] = [
  { outcome: 'Completed', done: true },
  { outcome: 'Sent', done: true },
  { outcome: 'Attempted / no answer', done: false },
  { outcome: 'Left message', done: false },
  { outcome: 'Scheduled', done: false },
  { outcome: 'Cancelled', done: false },
];

function act(
  id: string,
  label: string,
  owner: Role,
  cadence: StepAction['cadence'],
  docType: string,
  after?: string[],
): StepAction {
  return after ? { id, label, owner, cadence, docType, after } : { id, label, owner, cadence, docType };
}

/** "Document all efforts" at step 3: what step 4's gate and its follow-up wait for. */
const STEP3_EFFORTS = [DOC.apMeeting, DOC.barrierCollaboration, DOC.tpmPlan, DOC.districtReferral];
/** What must be documented at step 4 before a court case is considered (and a decision counts). */
const STEP4_EFFORTS = [DOC.districtIntervention, DOC.rootCauses];

const DEFAULT_STEPS: StepDefinition[] = [
  {
    step: 1,
    name: 'Campus',
    threshold: 3,
    owners: ['teacher', 'campusStaff', 'system'],
    actions: [
      act(
        's1-call-list',
        'Automated call list (School Messenger)',
        'system',
        'eachUnexcusedDay',
        DOC.automatedCall,
      ),
      {
        ...act('s1-letter-1', 'Warning letter 1', 'system', 'once', DOC.letter1),
        letterType: LETTER.warning1,
      },
      act(
        's1-positive',
        'Positive engagement with student and family',
        'teacher',
        'ongoing',
        DOC.positiveEngagement,
      ),
      act('s1-document', 'Document all efforts', 'campusStaff', 'ongoing', ANY_DOCUMENTATION),
    ],
  },
  {
    step: 2,
    name: 'Campus',
    threshold: 5,
    owners: ['attendanceClerk', 'counselor', 'teacher', 'campusStaff'],
    actions: [
      {
        ...act('s2-letter-2', '90% warning letter (letter 2)', 'system', 'once', DOC.letter2),
        letterType: LETTER.warning2,
      },
      act(
        's2-absence-report',
        'Absence Occurrence Report lists the student',
        'system',
        'weekly',
        DOC.absenceReport,
      ),
      act(
        's2-specialist-contact',
        'Attendance support specialist contacts parents',
        'attendanceClerk',
        'once',
        DOC.parentContact,
      ),
      act('s2-family-support', 'Continue to support the family', 'counselor', 'ongoing', DOC.familySupport),
      act('s2-document', 'Document all efforts', 'attendanceClerk', 'ongoing', ANY_DOCUMENTATION),
    ],
  },
  {
    step: 3,
    name: 'Campus administrators',
    threshold: 8,
    owners: ['assistantPrincipal', 'counselor', 'districtSpecialist'],
    actions: [
      act(
        's3-ap-meeting',
        'Assistant principal meets student and family',
        'assistantPrincipal',
        'once',
        DOC.apMeeting,
      ),
      act(
        's3-barriers',
        'Address barriers with family, teachers and outside resources',
        'counselor',
        'ongoing',
        DOC.barrierCollaboration,
      ),
      act(
        's3-tpm',
        'Truancy Prevention Measures (TPM) plan implemented',
        'assistantPrincipal',
        'once',
        DOC.tpmPlan,
      ),
      // "If all efforts have been exhausted …, a referral … will be generated": after the AP meeting and the TPM plan.
      act(
        's3-referral',
        'Referral to the district attendance specialist',
        'assistantPrincipal',
        'once',
        DOC.districtReferral,
        [DOC.apMeeting, DOC.tpmPlan],
      ),
      act(
        's3-follow-up',
        'Follow-up on step-3 efforts',
        'assistantPrincipal',
        'once',
        DOC.followUp,
        STEP3_EFFORTS,
      ),
      act('s3-document', 'Document all efforts', 'assistantPrincipal', 'ongoing', ANY_DOCUMENTATION),
    ],
  },
  {
    step: 4,
    name: 'District',
    threshold: 11,
    owners: ['districtSpecialist'],
    // "all efforts and interventions have been documented, and follow up has been completed/documented".
    gate: { required: STEP3_EFFORTS, followUp: DOC.followUp },
    actions: [
      act(
        's4-interventions',
        'District-level interventions with the family',
        'districtSpecialist',
        'ongoing',
        DOC.districtIntervention,
      ),
      act(
        's4-root-causes',
        'Identify and mitigate root causes',
        'districtSpecialist',
        'once',
        DOC.rootCauses,
      ),
      // "If all efforts have failed …, a court case will be considered": after the district's efforts.
      act(
        's4-court-consideration',
        'Consider a court case',
        'districtSpecialist',
        'once',
        DOC.courtConsideration,
        STEP4_EFFORTS,
      ),
      act('s4-document', 'Document all efforts', 'districtSpecialist', 'ongoing', ANY_DOCUMENTATION),
    ],
  },
  {
    step: 5,
    name: 'Court',
    threshold: null,
    owners: ['districtSpecialist'],
    // A court decision counts only "after all campus- and district-based interventions have been implemented".
    gate: { required: STEP4_EFFORTS, followUp: DOC.courtConsideration },
    actions: [
      act(
        's5-court-referral',
        'File the court referral',
        'districtSpecialist',
        'once',
        DOC.courtReferralFiled,
      ),
      act(
        's5-interventions',
        'Interventions continue (never stop)',
        'districtSpecialist',
        'ongoing',
        DOC.districtIntervention,
      ),
      act(
        's5-family',
        'Communication with the family continues',
        'parentLiaison',
        'ongoing',
        DOC.familyCommunication,
      ),
      act(
        's5-positive',
        'Positive engagement continues, also during court',
        'teacher',
        'ongoing',
        DOC.positiveEngagement,
      ),
    ],
  },
];

/** The district's default ladder (seed policy). Returns a fresh copy each call. */
export function defaultPolicy(): Policy {
  const policy: Policy = {
    steps: DEFAULT_STEPS,
    codes: DEFAULT_CODES,
    documentationTypes: Object.values(DOC).map((type) => ({ type, label: type })),
    outcomes: DEFAULT_OUTCOMES,
    letters: [
      { letterType: LETTER.warning1, label: 'Warning letter 1', step: 1 },
      { letterType: LETTER.warning2, label: '90% warning letter (letter 2)', step: 2 },
    ],
    overdueAfterSchoolDays: 3,
    engagementEverySchoolDays: 10,
    recentWindowDays: 28,
    longWindowMonths: 6,
    recentWindowCount: 3,
    longWindowCount: 10,
    attendanceLine: 0.9,
    partDayWeight: 0.5,
    stepAdjustmentType: DOC.stepAdjustment,
    adminRoles: ['assistantPrincipal', 'principal'],
    courtDecisionType: DOC.courtDecision,
    courtDeciderRoles: ['districtSpecialist'],
  };
  return JSON.parse(JSON.stringify(policy)) as Policy;
}

/** Normalised code lookup (trimmed, upper case): code → rule. */
export function codeIndex(policy: Policy): Map<string, AttendanceCodeRule> {
  return new Map(policy.codes.map((c) => [normaliseCode(c.code), c]));
}

export function normaliseCode(code: string): string {
  return code.trim().toUpperCase();
}

/** Normalised outcome → done? Blank outcome counts as done; unknown outcomes as not done. */
export function outcomeIsDone(policy: Policy, outcome: string): boolean {
  const o = outcome.trim().toLowerCase();
  if (o === '') return true;
  return policy.outcomes.some((r) => r.done && r.outcome.trim().toLowerCase() === o);
}

/** Thresholds of the count-driven steps, in step order: [{ step, threshold }]. */
export function countThresholds(policy: Policy): { step: 1 | 2 | 3 | 4; threshold: number }[] {
  const out: { step: 1 | 2 | 3 | 4; threshold: number }[] = [];
  for (const s of policy.steps) {
    if (s.threshold !== null && s.step <= 4)
      out.push({ step: s.step as 1 | 2 | 3 | 4, threshold: s.threshold });
  }
  return out.sort((a, b) => a.step - b.step);
}

export function stepDefinition(policy: Policy, step: number): StepDefinition | undefined {
  return policy.steps.find((s) => s.step === step);
}
