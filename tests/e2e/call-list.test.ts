// The built bundle in the emulator: the daily School Messenger call list, its file in Drive and its sealed entries.
import { ABSENCES, automatedCalls, callFiles, campus, setSetting, TODAY } from './call-campus';
import { menu, table, useBuiltBundle } from './harness';

useBuiltBundle();

describe('the daily call list', () => {
  it('lists the students at step 1 or above absent today, with the family language code, and seals an entry each', () => {
    const emu = campus();
    menu(emu, 'makeCallListNow');
    const files = callFiles(emu, TODAY);
    expect(files).toHaveLength(1);
    expect(files[0]!.text.split('\r\n')).toEqual([
      'Student ID,School Code,Last Name,First Name,Phone,Grade,Date,Absent Periods,Late Periods,Language,Email',
      '0101,,Garcia,Sofia,5125550101,7,09/15/2026,U,,es,0101@home.example',
      '',
    ]);
    const calls = automatedCalls(emu);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      'Student ID': '0101',
      Outcome: 'Sent',
      Role: 'System',
      Staff: 'Attendance Steps (automatic)',
    });
    expect(String(calls[0]!['Entry ID'])).toMatch(/^S\d{6}$/);
    expect(String(calls[0]!['Seal'])).not.toBe('');
    // The entry counts at once: no automated-call action stays open for 0101 today.
    const todo = table(emu, 'To Do').filter((r) => r['Student ID'] === '0101');
    expect(todo.map((r) => r['Closed By'])).not.toContain('Automated call');
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(/1 students listed for 2026-09-15/);
  });

  it('leaves out a student without a guardian phone and lists them on Data Issues', () => {
    const emu = campus();
    menu(emu, 'makeCallListNow');
    expect(callFiles(emu, TODAY)[0]!.text).not.toContain('0102');
    const issues = table(emu, 'Data Issues').filter((r) => r['Student ID'] === '0102');
    expect(issues.map((r) => r['Problem'])).toEqual([expect.stringMatching(/No guardian phone/)]);
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(/1 students left out: no guardian phone/);
    // A phone added later puts the student on the next list (part of a day goes under Late Periods).
    emu.setValues('Students', 'J3', [['5125550102']]);
    menu(emu, 'makeCallListNow');
    expect(callFiles(emu, TODAY).find((f) => !f.trashed)!.text).toContain(
      '0102,,Smith,Liam,5125550102,7,09/15/2026,,UP,en,0102@home.example',
    );
    expect(table(emu, 'Data Issues').filter((r) => r['Student ID'] === '0102')).toEqual([]);
  });

  it('run twice on one day: the file is replaced and nothing is logged twice', () => {
    const emu = campus();
    menu(emu, 'makeCallListNow');
    const first = callFiles(emu, TODAY)[0]!.text;
    menu(emu, 'makeCallListNow');
    const files = callFiles(emu, TODAY);
    expect(files.filter((f) => !f.trashed)).toEqual([{ trashed: false, text: first }]);
    expect(files.filter((f) => f.trashed)).toHaveLength(1);
    expect(automatedCalls(emu)).toHaveLength(1);
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(
      /0 "Automated call" entries written \(1 were already logged today\)/,
    );
  });

  it('makes nothing on a weekend or a Calendar holiday', () => {
    for (const day of ['2026-09-19', '2026-09-07']) {
      const emu = campus(day, [...ABSENCES, ['0101', day, 'U', '']]);
      menu(emu, 'makeCallListNow');
      expect(callFiles(emu, day)).toEqual([]);
      expect(automatedCalls(emu)).toEqual([]);
      expect(emu.ui.alerts.at(-1)!.prompt).toBe(`${day} is not a school day in the Calendar: no call list.`);
    }
  });

  it('on a school day with no absences writes a file with the header only and no entry', () => {
    const emu = campus('2026-09-16');
    menu(emu, 'makeCallListNow');
    expect(callFiles(emu, '2026-09-16')).toEqual([
      {
        trashed: false,
        text: 'Student ID,School Code,Last Name,First Name,Phone,Grade,Date,Absent Periods,Late Periods,Language,Email\r\n',
      },
    ]);
    expect(automatedCalls(emu)).toEqual([]);
  });

  it('follows the columns, their order, the school code and the language codes in Settings', () => {
    const emu = campus();
    setSetting(emu, 'calls.columns', 'Student ID, Phone, Language, Date');
    setSetting(emu, 'calls.schoolCode', '041');
    setSetting(emu, 'calls.language.Spanish', 'SP');
    menu(emu, 'makeCallListNow');
    expect(callFiles(emu, TODAY)[0]!.text).toBe(
      'Student ID,Phone,Language,Date\r\n0101,5125550101,SP,09/15/2026\r\n',
    );
    // Settings of the call list need no applying: the policy in force is unchanged.
    expect(table(emu, 'Data Issues').map((r) => r['Problem'])).not.toContainEqual(
      expect.stringMatching(/Settings or Calendar changed/),
    );
  });

  it('refuses unknown columns in Settings, says so on Data Issues, and uses the default layout', () => {
    const emu = campus();
    setSetting(emu, 'calls.columns', 'Student ID, Shoe Size');
    menu(emu, 'makeCallListNow');
    expect(callFiles(emu, TODAY)[0]!.text).toMatch(/^Student ID,School Code,Last Name/);
    expect(table(emu, 'Data Issues').map((r) => r['Problem'])).toContainEqual(
      expect.stringMatching(/calls\.columns.*unknown: Shoe Size/),
    );
  });

  it("imports School Messenger's delivery results as sealed entries referring to the listed calls, once", () => {
    const emu = campus();
    menu(emu, 'makeCallListNow');
    const listedId = String(automatedCalls(emu)[0]!['Entry ID']);
    const drive = emu.control['drive'] as {
      addTextFile(name: string, content: string, type: string): string;
    };
    const csv =
      'Student ID,Phone,Call Date,Result\n101,5125550101,09/15/2026 4:05 PM,Busy\n' +
      '0103,5125550103,09/15/2026,Answered\n0101,5125550101,09/15/2026,Exploded\n';
    const id = drive.addTextFile('results.csv', csv, 'text/csv');
    emu.ui.queuePromptResponse(`https://drive.google.com/file/d/${id}/view`);
    menu(emu, 'importCallResultsFromDrive');
    expect(emu.ui.alerts.at(-1)!.prompt).toBe(
      '2 results read: 1 written to Documentation, 0 already there.\n' +
        'Not matched to a listed call:\nline 3: no call was listed for 0103 on 2026-09-15\n' +
        'Not used:\nline 4: result "Exploded" is not one the add-on knows',
    );
    const result = automatedCalls(emu).find((r) => r['Refers To'] === listedId)!;
    expect(result).toMatchObject({
      'Student ID': '0101',
      Outcome: 'Attempted / no answer',
      Notes: `School Messenger result for ${listedId}: Busy`,
    });
    expect(String(result['Seal'])).not.toBe('');
    // The same export again writes nothing.
    emu.ui.queuePromptResponse(id);
    menu(emu, 'importCallResultsFromDrive');
    expect(emu.ui.alerts.at(-1)!.prompt).toMatch(
      /^2 results read: 0 written to Documentation, 1 already there/,
    );
    expect(automatedCalls(emu)).toHaveLength(2);
  });
});
