// Walks every global service the runtime installs and the objects the add-on's services hand out, member by member as
// @types/google-apps-script declares them: each behaves or throws `not implemented`, never reads as undefined.
import { readSurface, type SurfaceMember } from '../../emulator/host/gas-surface';
import { GLOBALS } from '../../emulator/runtime/gas-enums';
import { basicEmulator, inScript } from './helpers';

const surface = readSurface();

/** Compact member list for the script realm: `m` method, `v` void method, `p` property, `e:Ns.Enum` enum. */
function spec(classKey: string): Record<string, string> {
  const members = surface.classes[classKey];
  if (!members) throw new Error(`no class ${classKey} in the d.ts`);
  const code = (m: SurfaceMember): string =>
    m.kind === 'enum'
      ? `e:${m.enumName}`
      : m.kind === 'property'
        ? 'p'
        : m.returns.includes('void')
          ? 'v'
          : 'm';
  return Object.fromEntries(Object.entries(members).map(([k, m]) => [k, code(m)]));
}

/** Runs in the script realm: reads (and when `call`, calls with no arguments) every member; returns the problems. */
const WALK = `
function walk(label, obj, members, enums, call) {
  var problems = [];
  var loudly = function (e) { return /^not implemented: /.test(String(e && e.message)); };
  Object.keys(members).forEach(function (name) {
    var kind = members[name], v;
    try { v = obj[name]; } catch (e) {
      if (!loudly(e)) problems.push(label + '.' + name + ' read threw ' + e.message);
      return;
    }
    if (kind.indexOf('e:') === 0) {
      if (v === null || typeof v !== 'object') return problems.push(label + '.' + name + ' is not an enum');
      enums[kind.slice(2)].split(' ').forEach(function (m) {
        if (typeof v[m] !== 'string') problems.push(label + '.' + name + '.' + m + ' is ' + typeof v[m]);
      });
    } else if (kind === 'p') {
      if (v === undefined) problems.push(label + '.' + name + ' is undefined');
    } else if (typeof v !== 'function') {
      problems.push(label + '.' + name + ' is ' + typeof v + ', not a method');
    } else if (call) {
      var r, threw = false;
      try { r = v.call(obj); } catch (e) { threw = true; }
      if (!threw && r === undefined && kind !== 'v') problems.push(label + '.' + name + '() returned undefined');
    }
  });
  return problems;
}
`;

function walkIn(
  emu: ReturnType<typeof basicEmulator>,
  label: string,
  expr: string,
  classKey: string,
  call: boolean,
) {
  const enums = Object.fromEntries(Object.entries(surface.enums).map(([k, v]) => [k, v.join(' ')]));
  return inScript(
    emu,
    `${WALK}; walk(${JSON.stringify(label)}, ${expr}, ${JSON.stringify(spec(classKey))}, ${JSON.stringify(enums)}, ${call})`,
  ) as string[];
}

/** The services the add-on uses (DESIGN.md), whose implemented methods are also called with no arguments. */
const USED = [
  'SpreadsheetApp',
  'DocumentApp',
  'DriveApp',
  'MailApp',
  'GmailApp',
  'LockService',
  'PropertiesService',
  'CacheService',
  'ScriptApp',
  'HtmlService',
  'Session',
  'Utilities',
  'Logger',
  'MimeType',
];

describe('every member declared by @types/google-apps-script behaves or throws `not implemented`', () => {
  test.each(Object.entries(GLOBALS))('global %s (%s)', (name, cls) => {
    const emu = basicEmulator();
    const classKey = Object.values(surface.globals).find((k) => k === cls || k.endsWith(`.${cls}`))!;
    if (classKey in surface.enums) {
      const keys = inScript(emu, `Object.keys(${name})`);
      expect(keys).toEqual(surface.enums[classKey]);
      return;
    }
    expect(walkIn(emu, name, name, classKey, USED.includes(name))).toEqual([]);
  });

  const doc = "DocumentApp.create('walk')";
  test.each([
    ['Spreadsheet', 'SpreadsheetApp.getActiveSpreadsheet()', 'Spreadsheet.Spreadsheet'],
    ['Sheet', 'SpreadsheetApp.getActiveSpreadsheet().getSheets()[0]', 'Spreadsheet.Sheet'],
    ['Range', "SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1:B2')", 'Spreadsheet.Range'],
    ['Ui', 'SpreadsheetApp.getUi()', 'Base.Ui'],
    ['Document', doc, 'Document.Document'],
    ['Body', `${doc}.getBody()`, 'Document.Body'],
    ['File', `DriveApp.getFileById(${doc}.getId())`, 'Drive.File'],
    ['Lock', 'LockService.getScriptLock()', 'Lock.Lock'],
    ['Properties', 'PropertiesService.getScriptProperties()', 'Properties.Properties'],
    ['Cache', 'CacheService.getScriptCache()', 'Cache.Cache'],
    ['HtmlOutput', "HtmlService.createHtmlOutput('<p>x</p>')", 'HTML.HtmlOutput'],
    ['User', 'Session.getActiveUser()', 'Base.User'],
    ['Blob', "Utilities.newBlob('x')", 'Base.Blob'],
    ['TriggerBuilder', "ScriptApp.newTrigger('onOpen')", 'Script.TriggerBuilder'],
  ])('%s', (label, expr, classKey) => {
    expect(walkIn(basicEmulator(), label, expr, classKey, false)).toEqual([]);
  });
});
