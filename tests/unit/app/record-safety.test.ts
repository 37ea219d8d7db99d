// The record under the cases that break naive designs: a sealed row edited on the edit path, a school year that
// turns before the Calendar does, a Drive copy that fails, and property reads that must not grow with the record.
import { recalculateAll, recalculateStudents } from '../../../src/app/recalculate';
import { restoreRecord } from '../../../src/app/restore-record';
import { absences, campus, student } from './campus-fixture';

function stepRows(c: ReturnType<typeof campus>) {
  return c.workbook.table('Documentation').filter((r) => r['Type'] === 'Step reached');
}

describe('the record stays whole', () => {
  it('a sealed step row edited by hand: the edit path keeps the step, logs nothing twice, Restore puts it back in place', () => {
    const c = campus();
    c.workbook.addRows('Students', [student('S2')]);
    c.workbook.addRows('Absences', absences('S2', 5));
    recalculateAll(c);
    const before = stepRows(c).map((r) => [r['Entry ID'], r['Notes']]);
    c.workbook.edit('Documentation', { 'Step Set To': 2 }, { Notes: 'edited by hand' });
    recalculateStudents(c, ['S2']);
    expect(c.workbook.table('Status')[0]?.['Step']).toBe(2);
    expect(stepRows(c)).toHaveLength(2);
    const issues = c.workbook.table('Data Issues').map((r) => String(r['Problem']));
    expect(issues.some((p) => /changed after it was written/.test(p))).toBe(true);
    expect(restoreRecord(c)).toEqual({ restored: 1, lost: 0 });
    recalculateAll(c);
    expect(stepRows(c).map((r) => [r['Entry ID'], r['Notes']])).toEqual(before);
    expect(c.workbook.table('Data Issues').filter((r) => /S0000/.test(String(r['Problem'])))).toEqual([]);
  });

  it('a school year that turns before the Calendar is updated logs no step again, and says why', () => {
    const c = campus('2027-05-20');
    c.workbook.addRows('Students', [student('S2')]);
    c.workbook.addRows('Absences', absences('S2', 5));
    recalculateAll(c);
    const logged = stepRows(c).length;
    c.clock.set('2027-07-02');
    recalculateAll(c);
    recalculateAll(c);
    expect(stepRows(c)).toHaveLength(logged);
    const issues = c.workbook.table('Data Issues').map((r) => String(r['Problem']));
    expect(issues.some((p) => /Update the Calendar for this school year/.test(p))).toBe(true);
  });

  it('a Drive copy that fails stops nothing: Status is written and the copy catches up on the next run', () => {
    const c = campus();
    c.workbook.addRows('Students', [student('S2')]);
    c.workbook.addRows('Absences', absences('S2', 5));
    const save = c.archive.save.bind(c.archive);
    c.archive.save = () => {
      throw new Error('Drive is unavailable');
    };
    recalculateAll(c);
    expect(c.workbook.table('Status')[0]?.['Step']).toBe(2);
    expect(c.archive.files).toHaveLength(0);
    c.archive.save = save;
    recalculateAll(c);
    expect(c.archive.files.flatMap((f) => f.entries.map((e) => e.entryId))).toEqual(['S000001', 'S000002']);
  });

  it('reads the record sequence from document properties a fixed number of times, however long the record', () => {
    const gets = (students: number) => {
      const c = campus();
      const ids = Array.from({ length: students }, (_, i) => `S${i}`);
      c.workbook.addRows(
        'Students',
        ids.map((id) => student(id)),
      );
      for (const id of ids) c.workbook.addRows('Absences', absences(id, 9));
      recalculateAll(c);
      let n = 0;
      const get = c.store.get.bind(c.store);
      c.store.get = (key: string) => {
        n++;
        return get(key);
      };
      recalculateAll(c);
      return n;
    };
    expect(gets(100)).toBe(gets(5));
  });
});
