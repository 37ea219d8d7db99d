// Menus, sidebars, scripted alerts, and the events a person's edits, deletions and timers give the script.
import * as path from 'node:path';
import { basicEmulator, FIXTURES, inScript } from './helpers';

describe('Ui', () => {
  it('records menus added in onOpen', () => {
    const emu = basicEmulator();
    const [opened] = emu.open();
    expect(opened?.kind).toBe('simple-trigger');
    expect(opened?.error).toBeUndefined();
    expect(emu.ui.menus).toEqual([
      {
        title: 'Attendance',
        addon: false,
        items: [
          { kind: 'item', caption: 'Recalculate', functionName: 'recalculate' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              title: 'Letters',
              addon: false,
              items: [{ kind: 'item', caption: 'Send letters', functionName: 'sendLetters' }],
            },
          },
        ],
      },
      {
        title: '',
        addon: true,
        items: [{ kind: 'item', caption: 'Open sidebar', functionName: 'showSidebar' }],
      },
    ]);
  });

  it('shows a sidebar from a template with escaped and raw scriptlets', () => {
    const emu = basicEmulator({ buildDir: FIXTURES });
    expect(emu.run('showSidebar', undefined, 'menu').error).toBeUndefined();
    expect(emu.ui.sidebars).toHaveLength(1);
    expect(emu.ui.sidebars[0]?.title).toBe('Attendance Steps');
    expect(emu.ui.sidebars[0]?.content.replace(/\s+/g, '')).toBe(
      '<h1>&lt;b&gt;Ana&lt;/b&gt;</h1><div><b>Ana</b></div><ul><li>call</li><li>letter</li></ul>',
    );
    expect(() => inScript(emu, "HtmlService.createHtmlOutputFromFile('Missing')")).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  it('answers alerts and prompts from the queue, and counts the person’s time', () => {
    const emu = basicEmulator();
    emu.ui.queueAlertResponse('YES');
    emu.ui.queuePromptResponse('Ms. Garza');
    const r = emu.run('confirmReset', undefined, 'menu');
    expect(r.value).toEqual({ yes: true, name: 'Ms. Garza', button: 'OK' });
    expect(emu.ui.alerts.map((a) => [a.kind, a.prompt, a.answer])).toEqual([
      ['alert', 'Reset every step?', 'YES'],
      ['prompt', 'Your name?', 'OK'],
    ]);
    expect(r.simulatedMs).toBeGreaterThan(8_000);
    expect(emu.run('confirmReset', undefined, 'menu').error).toMatch(/no answer queued for alert/);
  });

  it('records toasts', () => {
    const emu = basicEmulator();
    inScript(
      emu,
      "SpreadsheetApp.getActiveSpreadsheet().toast('Recalculated 12 students', 'Attendance Steps')",
    );
    expect(emu.ui.toasts[0]).toMatchObject({
      message: 'Recalculated 12 students',
      title: 'Attendance Steps',
      timeoutSeconds: 5,
    });
  });
});

describe('triggers fired by a person', () => {
  function withTriggers() {
    const emu = basicEmulator({ userEmail: 'teacher@district.example.org' });
    emu.control.triggers.push(
      {
        uniqueId: 't-edit',
        handlerFunction: 'onEditInstalled',
        eventType: 'ON_EDIT',
        sourceId: emu.activeSpreadsheetId,
      },
      {
        uniqueId: 't-change',
        handlerFunction: 'onChangeInstalled',
        eventType: 'ON_CHANGE',
        sourceId: emu.activeSpreadsheetId,
      },
      { uniqueId: 't-hour', handlerFunction: 'hourly', eventType: 'CLOCK', everyHours: 1 },
    );
    return emu;
  }

  it('gives onEdit value and oldValue for one cell', () => {
    const emu = withTriggers();
    emu.setValues('Sheet1', 'B2', [['old']]);
    const runs = emu.edit('Sheet1', 'B2', [['new']]);
    expect(runs.map((r) => [r.name, r.kind, r.error])).toEqual([
      ['onEdit', 'simple-trigger', undefined],
      ['onEditInstalled', 'installable-trigger', undefined],
      ['onChangeInstalled', 'installable-trigger', undefined],
    ]);
    const edits = emu.run('getEdits').value as Record<string, unknown>[];
    expect(edits[0]).toEqual({
      a1: 'B2',
      sheet: 'Sheet1',
      value: 'new',
      oldValue: 'old',
      hasValue: true,
      hasOldValue: true,
      authMode: 'LIMITED',
      user: 'teacher@district.example.org',
      sourceId: emu.activeSpreadsheetId,
      triggerUid: undefined,
    });
    expect(edits[1]).toEqual({ installed: true, a1: 'B2', triggerUid: 't-edit', authMode: 'FULL' });
    expect(edits[2]).toEqual({ change: 'EDIT', triggerUid: 't-change' });
    expect(emu.values('Sheet1')[1]).toEqual(['', 'new']);
  });

  it('gives a multi-cell paste its range and no value or oldValue; an empty cell has no oldValue', () => {
    const emu = withTriggers();
    emu.edit('Sheet1', 'A1', [
      ['s1', '2026-09-01'],
      ['s2', '2026-09-02'],
    ]);
    emu.edit('Sheet1', 'D4', [[5]]);
    const edits = emu.run('getEdits').value as Record<string, unknown>[];
    expect(edits[0]).toMatchObject({ a1: 'A1:B2', hasValue: false, hasOldValue: false });
    expect(edits[3]).toMatchObject({ a1: 'D4', value: '5', hasOldValue: false });
    expect((emu.values('Sheet1')[0]?.[1] as Date).toISOString()).toBe('2026-09-01T05:00:00.000Z');
  });

  it('does not fire onEdit for row deletion; an installable change trigger gets REMOVE_ROW', () => {
    const emu = withTriggers();
    emu.setValues('Sheet1', 'A1', [['a'], ['b'], ['c']]);
    const runs = emu.deleteRows('Sheet1', 2, 1);
    expect(runs.map((r) => r.name)).toEqual(['onChangeInstalled']);
    expect(emu.run('getEdits').value).toEqual([{ change: 'REMOVE_ROW', triggerUid: 't-change' }]);
    expect(emu.values('Sheet1')).toEqual([['a'], ['c']]);
  });

  it('does not fire onEdit when the script itself writes', () => {
    const emu = withTriggers();
    inScript(
      emu,
      "SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('by script')",
    );
    expect(emu.run('getEdits').value).toEqual([]);
  });

  it('runs time triggers as time-driven executions, where getUi is not allowed', () => {
    const emu = withTriggers();
    const [run] = emu.fireTimeTriggers();
    expect(run).toMatchObject({
      name: 'hourly',
      kind: 'time-trigger',
      error: 'Cannot call SpreadsheetApp.getUi() from this context.',
    });
    expect(emu.run('getEdits').value).toEqual([{ time: true, hour: 13, triggerUid: 't-hour' }]);
  });

  it('keeps a simple trigger from opening other spreadsheets', () => {
    const emu = basicEmulator({ scopes: null });
    const other = emu.createSpreadsheet('Campus A');
    expect(inScript(emu, `SpreadsheetApp.openById('${other}').getName()`)).toBe('Campus A');
    expect(emu.run('probe', { code: `SpreadsheetApp.openById('${other}')` }, 'simple-trigger').error).toBe(
      'You do not have permission to call SpreadsheetApp.openById. Required permissions: https://www.googleapis.com/auth/spreadsheets',
    );
    const narrow = basicEmulator({ buildDir: path.join(FIXTURES) });
    expect(() => inScript(narrow, `SpreadsheetApp.openById('x')`)).toThrow(
      /You do not have permission to call SpreadsheetApp.openById/,
    );
  });
});
