// What each role may log from the sidebar: the policy's documentation types, never the add-on's own.
import { contactTypesFor, SIDEBAR_TYPES } from '../../../src/app/contact-types';
import { DOC, defaultPolicy } from '../../../src/domain/policy';

const types = (role: Parameters<typeof contactTypesFor>[0]) =>
  contactTypesFor(role, defaultPolicy()).map((t) => t.type);

describe('contact types by role', () => {
  it('a person without a role logs contacts, visits, engagement, communication and notes only', () => {
    expect(types(null)).toEqual([
      DOC.parentContact,
      DOC.homeVisit,
      DOC.positiveEngagement,
      DOC.familyCommunication,
      DOC.note,
    ]);
  });

  it('only administrators adjust steps; only district specialists log district work and court decisions', () => {
    for (const role of ['teacher', 'counselor', 'attendanceClerk', 'parentLiaison', 'campusStaff'] as const) {
      expect(types(role)).not.toContain(DOC.stepAdjustment);
      expect(types(role)).not.toContain(DOC.courtDecision);
      expect(types(role)).not.toContain(DOC.districtIntervention);
      expect(types(role)).toContain(DOC.followUp);
    }
    expect(types('assistantPrincipal')).toEqual(
      expect.arrayContaining([DOC.stepAdjustment, DOC.apMeeting, DOC.tpmPlan]),
    );
    expect(types('principal')).not.toContain(DOC.courtDecision);
    expect(types('districtSpecialist')).toEqual(
      expect.arrayContaining([
        DOC.districtIntervention,
        DOC.rootCauses,
        DOC.courtConsideration,
        DOC.courtDecision,
      ]),
    );
    expect(types('districtSpecialist')).not.toContain(DOC.stepAdjustment);
  });

  it("never offers the add-on's own entries", () => {
    for (const own of [DOC.stepReached, DOC.automatedCall, DOC.letter1, DOC.letter2, DOC.absenceReport])
      expect(SIDEBAR_TYPES).not.toContain(own);
    expect(types('system')).toEqual(types(null));
  });
});
