// setUpWorkbook on the in-memory workbook: a new workbook, a second run, an older layout, a newer one.
import { SCHEMA_VERSION, SCHEMA_VERSION_KEY, setUpWorkbook } from '../../../src/app/set-up';
import { defaultCalendar } from '../../../src/domain/calendar';
import { addDays, isWeekend } from '../../../src/domain/dates';
import { headers } from '../../../src/ports/schema';
import { ABSENCES, STAFF, STUDENTS, TABS, TO_DO } from '../../../src/ports/tabs';
import { MemoryWorkbook } from '../../fakes/memory-workbook';
import {
  FakeSession,
  FixedClock,
  HmacSealer,
  MemoryLock,
  MemoryStore,
  MemoryTriggers,
} from '../../fakes/platform';
import { resolveActor } from '../../../src/app/actor';

function fakes(workbook = new MemoryWorkbook()) {
  return {
    workbook,
    clock: new FixedClock('2026-11-20'),
    lock: new MemoryLock(),
    triggers: new MemoryTriggers(),
    store: new MemoryStore(),
    sealer: new HmacSealer(),
  };
}

describe('setUpWorkbook', () => {
  it('lays out every tab, fills Settings and Calendar and installs the triggers in an empty workbook', () => {
    const deps = fakes();
    const changes = setUpWorkbook(deps);
    const wb = deps.workbook;

    for (const tab of TABS) expect(wb.header(tab.name)).toEqual(headers(tab));
    expect(wb.tabNames().sort()).toEqual(TABS.map((t) => t.name).sort());
    expect(changes).toEqual(expect.arrayContaining(TABS.map((t) => `created the ${t.name} tab`)));

    const settings = new Map(wb.table('Settings').map((r) => [r['Setting'], r['Value']]));
    expect([1, 2, 3, 4].map((s) => settings.get(`step${s}.threshold`))).toEqual(['3', '5', '8', '11']);
    expect(settings.get('code.U')).toBe('unexcused');
    expect(settings.get('import.column.Student ID')).toBe('Student ID');

    const year = defaultCalendar(2026);
    const weekdays: string[] = [];
    for (let d = year.firstDay; d <= year.lastDay; d = addDays(d, 1)) if (!isWeekend(d)) weekdays.push(d);
    const calendar = wb.table('Calendar');
    expect(calendar.map((r) => r['Date'])).toEqual(weekdays);
    const off = calendar.filter((r) => r['Instructional'] === 'No').map((r) => r['Date']);
    expect(off).toEqual(year.holidays.filter((d) => d >= year.firstDay && d <= year.lastDay));
    expect(off).toEqual(expect.arrayContaining(['2026-09-07', '2026-11-26']));
    expect(calendar.find((r) => r['Date'] === '2026-11-26')).toEqual({
      Date: '2026-11-26',
      Instructional: 'No',
      Note: 'Holiday',
    });
    expect(calendar.find((r) => r['Date'] === '2026-11-20')?.['Instructional']).toBe('Yes');

    expect(deps.triggers.installed).toHaveLength(3);
    expect(deps.store.get(SCHEMA_VERSION_KEY)).toBe(String(SCHEMA_VERSION));
    expect([...wb.protectedTabs].sort()).toEqual(['Data Issues', 'Letters', 'Status', 'To Do']);
    expect(wb.dropdowns.get('Absences!Code')).toEqual(expect.arrayContaining(['U', 'E', 'UP']));
    expect(wb.formulas).toEqual([]);
  });

  it('changes nothing when run again', () => {
    const deps = fakes();
    setUpWorkbook(deps);
    const before = deps.workbook.snapshot();
    const writes = deps.workbook.totalWrites();

    expect(setUpWorkbook(deps)).toEqual([]);
    expect(deps.workbook.snapshot()).toEqual(before);
    expect(deps.workbook.totalWrites()).toBe(writes);
    expect(deps.triggers.installed).toHaveLength(3);
  });

  it("keeps an older Absences tab's data and the district's column, adding the missing column at the end", () => {
    const wb = new MemoryWorkbook().setTab(
      'Absences',
      ['Date', 'Student ID', 'Code', 'Campus Note'],
      [
        ['2026-09-01', '00123', 'U', 'called in'],
        ['2026-09-02', '00123', 'E', ''],
      ],
    );
    const deps = fakes(wb);
    const changes = setUpWorkbook(deps);

    expect(changes).toContain('added "Source" to Absences');
    expect(changes).not.toContain('created the Absences tab');
    expect(wb.header('Absences')).toEqual(['Date', 'Student ID', 'Code', 'Campus Note', 'Source']);
    expect(wb.table('Absences')).toEqual([
      { Date: '2026-09-01', 'Student ID': '00123', Code: 'U', 'Campus Note': 'called in', Source: '' },
      { Date: '2026-09-02', 'Student ID': '00123', Code: 'E', 'Campus Note': '', Source: '' },
    ]);
    expect(wb.read(ABSENCES).map((r) => r.values)).toEqual([
      { studentId: '00123', date: '2026-09-01', code: 'U', source: '' },
      { studentId: '00123', date: '2026-09-02', code: 'E', source: '' },
    ]);
    expect(setUpWorkbook(deps)).toEqual([]);
  });

  it('refuses a workbook laid out by a newer version, changing nothing', () => {
    const deps = fakes();
    deps.store.set(SCHEMA_VERSION_KEY, String(SCHEMA_VERSION + 1));
    expect(() => setUpWorkbook(deps)).toThrow(/newer version/);
    expect(deps.workbook.tabNames()).toEqual([]);
    expect(deps.workbook.totalWrites()).toBe(0);
    expect(deps.triggers.installed).toEqual([]);
    expect(deps.store.get(SCHEMA_VERSION_KEY)).toBe(String(SCHEMA_VERSION + 1));
  });

  it('refuses to run while another task holds the lock', () => {
    const deps = fakes();
    deps.lock.busy = true;
    expect(() => setUpWorkbook(deps)).toThrow(/Another Attendance Steps task/);
    expect(deps.workbook.tabNames()).toEqual([]);
  });

  it('moves a layout-2 workbook to layout 3: To Do and the caseload columns added, every row kept', () => {
    const wb = new MemoryWorkbook();
    const deps = fakes(wb);
    setUpWorkbook(deps);
    // Layout 2: Students and Staff without the caseload columns, To Do not there yet.
    const v2Students = headers(STUDENTS).filter(
      (h) => !['Assistant Principal', 'Counselor', 'Attendance Clerk'].includes(h),
    );
    const v2Staff = ['Email', 'Name', 'Role'];
    wb.setTab(
      'Students',
      [...v2Students, 'District Notes'],
      [
        ['0001', 'Avila', 'Ana', '7', '', '', '', '', '', '', '', 'Spanish', 'keep me'],
        ['0002', 'Brown', 'Ben', '8', '', '', '', '', '', '', '', 'English', ''],
      ],
    );
    wb.setTab('Staff', v2Staff, [['ap@school.org', 'Ana Ruiz', 'Assistant Principal']]);
    wb.deleteTab('To Do');
    deps.store.set(SCHEMA_VERSION_KEY, '2');

    const changes = setUpWorkbook(deps);

    expect(deps.store.get(SCHEMA_VERSION_KEY)).toBe('3');
    expect(changes.join('\n')).toMatch(/layout 3/);
    expect(wb.header('To Do')).toEqual(headers(TO_DO));
    expect(wb.header('Students')).toEqual([
      ...v2Students,
      'District Notes',
      'Assistant Principal',
      'Counselor',
      'Attendance Clerk',
    ]);
    expect(wb.header('Staff')).toEqual(headers(STAFF));
    expect(wb.table('Students').map((r) => [r['Student ID'], r['Language'], r['District Notes']])).toEqual([
      ['0001', 'Spanish', 'keep me'],
      ['0002', 'English', ''],
    ]);
    expect(wb.table('Staff')).toEqual([
      {
        Email: 'ap@school.org',
        Name: 'Ana Ruiz',
        Role: 'Assistant Principal',
        Grades: '',
        'Last Names': '',
        Seal: expect.any(String),
      },
    ]);
    // The roles the workbook had are sealed once, as they stood: the AP keeps the role.
    const ap = resolveActor(wb, new FakeSession('ap@school.org'), deps.sealer);
    expect(ap.role).toBe('assistantPrincipal');
  });

  it('grants no role from a Staff row typed by hand', () => {
    const deps = fakes();
    setUpWorkbook(deps);
    deps.workbook.addRows('Staff', [{ Email: 'me@school.org', Name: 'Me', Role: 'District Specialist' }]);
    const actor = resolveActor(deps.workbook, new FakeSession('me@school.org'), deps.sealer);
    expect(actor.role).toBeNull();
    expect(actor.why).toMatch(/typed or changed by hand/);
  });
});
