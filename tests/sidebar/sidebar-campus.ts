// A small campus for the sidebar's tests: staff of every kind, a student at step 2, one named like HTML.
import { createEmulatorSync, type Emulator } from '../../emulator/host/emulator';

export const AS_OF = '2026-09-15';
export const ADMIN = 'clerk@district.example.org';
export const STAFF = {
  counselor: 'counselor@district.example.org',
  ap: 'ap@district.example.org',
  district: 'district@district.example.org',
  teacher: 'teacher@district.example.org',
};
export const XSS_NAME = '<img src=x onerror=alert(1)>';

const ROSTER = [
  ['1001', 'Garcia', 'Sofia', '7', '', '', '', 'Sra. Garcia', 'garcia@example.com', '', '', 'Spanish'],
  ['1002', 'Smith', 'Liam', '8', '', '', '', 'Mr. Smith', '', '', '', 'English'],
  ['1003', 'Nguyen', 'Mia', '6', '', '', '', 'Ms. Nguyen', 'nguyen@example.com', '', '', 'English'],
  ['1004', XSS_NAME, 'Robert', '7', '', '', '', '', '', '', '', 'English'],
];
/** 1001 reaches step 2 (5 days), 1002 step 1 (3 days), 1003 none, 1004 step 1. */
const ABSENCES = [
  ...['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-08'].map((d) => ['1001', d, 'U']),
  ...['2026-09-01', '2026-09-02', '2026-09-03'].map((d) => ['1002', d, 'U']),
  ['1003', '2026-09-02', 'E'],
  ...['2026-09-02', '2026-09-03', '2026-09-04'].map((d) => ['1004', d, 'U']),
];

function ok(emu: Emulator, fn: string, arg?: unknown, kind: 'menu' | 'direct' = 'direct'): unknown {
  const r = emu.run(fn, arg, kind);
  if (r.error) throw new Error(`${fn}: ${r.error}`);
  return r.value;
}

/** Set up, roles given by the first administrator, the roster and absences typed, recalculated. */
export function sidebarCampus(): Emulator {
  const emu = createEmulatorSync({ asOf: AS_OF, userEmail: ADMIN });
  emu.ui.queueAlertResponse('YES');
  ok(emu, 'setUpWorkbook', undefined, 'menu');
  const roles: [string, string, string][] = [
    [STAFF.counselor, 'Carla Counselor', 'Counselor'],
    [STAFF.ap, 'Alan Assistant', 'Assistant Principal'],
    [STAFF.district, 'Dina District', 'District Specialist'],
    [STAFF.teacher, 'Tom Teacher', 'Teacher'],
  ];
  for (const [email, name, role] of roles) {
    const r = ok(emu, 'submitStaffMember', { email, name, role }) as { ok: boolean; message: string };
    if (!r.ok) throw new Error(r.message);
  }
  emu.setValues('Students', 'A2', ROSTER);
  emu.setValues('Absences', 'A2', ABSENCES);
  ok(emu, 'recalculateNow', undefined, 'menu');
  return emu;
}

/** The Documentation tab's data rows. */
export function documentation(emu: Emulator): unknown[][] {
  return emu
    .values('Documentation')
    .slice(1)
    .filter((r) => r.some((v) => v !== ''));
}

let n = 0;
/** A fresh submission id, as the page makes one. */
export function submissionId(): string {
  n++;
  return `test-submission-${String(n).padStart(4, '0')}`;
}

/** A good entry for student 1001 by whoever is signed in. */
export function contact(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    submissionId: submissionId(),
    studentId: '1001',
    type: 'Parent contact',
    date: '2026-09-14',
    outcome: 'Completed',
    notes: 'Called the mother about the absences.',
    followUp: '',
    ...extra,
  };
}
