// The script's Dates run in the manifest's time zone: local getters, setters, parsing and printing, whatever the host's.
import { basicEmulator, inScript } from './helpers';

// Reference: developers.google.com/apps-script/manifest — `timeZone`: the script's time zone; JavaScript's local-time
// Date methods (ECMAScript "LocalTime") then read that zone, as `Session.getScriptTimeZone()` names it.
describe('local time is the script time zone (appsscript.json timeZone), not the host zone', () => {
  const chicago = basicEmulator({ timeZone: 'America/Chicago' });
  const tokyo = basicEmulator({ timeZone: 'Asia/Tokyo' });
  const instant = 'new Date(Date.UTC(2026, 8, 1, 13, 0, 0))';

  test('getters at 08:00 in Chicago on the emulated day', () => {
    expect(
      inScript(chicago, 'var d = new Date(); [d.getHours(), d.getMinutes(), d.getDate(), d.getDay()]'),
    ).toEqual([8, 0, 1, 2]);
    expect(inScript(chicago, `${instant}.getTimezoneOffset()`)).toBe(300);
    expect(inScript(tokyo, `[${instant}.getHours(), ${instant}.getTimezoneOffset()]`)).toEqual([22, -540]);
    expect(inScript(chicago, `new Date(Date.UTC(2026, 0, 15, 12)).getHours()`)).toBe(6); // CST in January
  });

  test('the local constructor, setters and parsing read wall time in the zone', () => {
    expect(inScript(chicago, 'new Date(2026, 0, 15, 9, 30).getTime()')).toBe(Date.UTC(2026, 0, 15, 15, 30));
    expect(inScript(tokyo, 'new Date(2026, 0, 15, 9, 30).getTime()')).toBe(Date.UTC(2026, 0, 15, 0, 30));
    expect(inScript(chicago, `var d = ${instant}; d.setHours(0, 0, 0, 0); d.getTime()`)).toBe(
      Date.UTC(2026, 8, 1, 5),
    );
    expect(inScript(chicago, `var d = ${instant}; d.setDate(d.getDate() + 1); d.getTime()`)).toBe(
      Date.UTC(2026, 8, 2, 13),
    );
    expect(inScript(chicago, 'Date.parse("2026-09-01T08:00:00")')).toBe(Date.UTC(2026, 8, 1, 13));
    expect(inScript(chicago, 'new Date("September 1, 2026 08:00").getTime()')).toBe(Date.UTC(2026, 8, 1, 13));
    expect(inScript(chicago, 'Date.parse("2026-09-01")')).toBe(Date.UTC(2026, 8, 1)); // date-only ISO: UTC
    expect(inScript(chicago, 'Date.parse("2026-09-01T08:00:00Z")')).toBe(Date.UTC(2026, 8, 1, 8));
  });

  test('daylight saving: a wall time in the spring gap moves forward; a repeated one takes the earlier instant', () => {
    expect(inScript(chicago, 'new Date(2026, 2, 8, 2, 30).getTime()')).toBe(Date.UTC(2026, 2, 8, 8, 30));
    expect(inScript(chicago, 'new Date(2026, 10, 1, 1, 30).getTime()')).toBe(Date.UTC(2026, 10, 1, 6, 30));
  });

  test('printing shows the zone; Intl and toLocale* default to it', () => {
    expect(inScript(chicago, `String(${instant})`)).toBe(
      'Tue Sep 01 2026 08:00:00 GMT-0500 (Central Daylight Time)',
    );
    expect(inScript(chicago, `${instant}.toDateString()`)).toBe('Tue Sep 01 2026');
    expect(inScript(tokyo, `${instant}.toLocaleTimeString('en-US')`)).toBe('10:00:00 PM');
    expect(inScript(tokyo, 'Intl.DateTimeFormat().resolvedOptions().timeZone')).toBe('Asia/Tokyo');
    expect(inScript(chicago, 'typeof Date()')).toBe('string');
  });

  test('Utilities.formatDate, the realm and spreadsheet dates are unchanged; the host Date is untouched', () => {
    const hostHours = new Date(Date.UTC(2026, 8, 1, 13)).getHours();
    expect(inScript(chicago, `Utilities.formatDate(${instant}, 'Asia/Tokyo', 'yyyy-MM-dd HH:mm')`)).toBe(
      '2026-09-01 22:00',
    );
    expect(inScript(chicago, `${instant} instanceof Date && new Date(2026, 0, 1) instanceof Date`)).toBe(
      true,
    );
    const sheet = 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]';
    expect(
      inScript(
        chicago,
        `${sheet}.getRange('C1').setValue(new Date(2026, 8, 3, 14, 15)); ${sheet}.getRange('C1').getValue().getHours()`,
      ),
    ).toBe(14);
    expect(new Date(Date.UTC(2026, 8, 1, 13)).getHours()).toBe(hostHours);
  });
});
