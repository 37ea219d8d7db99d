// LockService, PropertiesService, CacheService and ScriptApp in the emulator, against the Apps Script reference.
import { createEmu } from './other-services-harness';

describe('LockService', () => {
  it('takes a free lock at once, and hasLock/releaseLock follow it', () => {
    const emu = createEmu();
    expect(
      emu.run(`const l = LockService.getDocumentLock(); const a = l.hasLock(); l.waitLock(30000); const b = l.hasLock();
        l.releaseLock(); return [a, b, l.hasLock()].join();`),
    ).toBe('false,true,false');
  });

  it('waits on the virtual clock for a lock another execution holds, and times out with Apps Script message', () => {
    const emu = createEmu();
    const start = emu.ctl.rt.wallNow();
    emu.ctl.locks.holdBy('document', start + 10_000);
    expect(emu.run(`return LockService.getDocumentLock().tryLock(5000);`)).toBe(false);
    expect(emu.ctl.rt.wallNow() - start).toBeGreaterThanOrEqual(5000);
    expect(emu.run(`const l = LockService.getDocumentLock(); l.waitLock(30000); return l.hasLock();`)).toBe(
      true,
    );
    expect(emu.ctl.rt.wallNow() - start).toBeGreaterThanOrEqual(10_000);
    expect(emu.ctl.rt.wallNow() - start).toBeLessThan(10_500);

    emu.ctl.locks.endExecution();
    emu.ctl.locks.holdBy('script'); // held by another execution until released
    const record = emu.exec(`LockService.getScriptLock().waitLock(20000);`);
    expect(record.error).toBe('Lock timeout: another process was holding the lock for too long.');
    expect(record.simulatedMs).toBeGreaterThanOrEqual(20_000);
    emu.ctl.locks.release('script');
    expect(emu.run(`return LockService.getScriptLock().tryLock(0);`)).toBe(true);
  });

  it('lets a long wait run into the execution time limit', () => {
    const emu = createEmu();
    emu.ctl.locks.holdBy('user');
    const record = emu.exec(`LockService.getUserLock().waitLock(40000);`, 'simple-trigger');
    expect(record.error).toBe('Exceeded maximum execution time');
  });
});

describe('PropertiesService', () => {
  it('stores strings per store, with setProperties(obj, deleteAllOthers), getKeys and deletes', () => {
    const emu = createEmu();
    const out = emu.run<string>(`
      const p = PropertiesService.getScriptProperties();
      p.setProperty('n', 5).setProperties({ a: '1', b: '2' });
      const t = typeof p.getProperty('n');
      p.setProperties({ c: '3' }, true);
      const keys = p.getKeys().join();
      p.deleteProperty('c');
      PropertiesService.getUserProperties().setProperty('u', 'x');
      return [t, keys, JSON.stringify(p.getProperties()), PropertiesService.getDocumentProperties().getProperty('u')].join('|');
    `);
    expect(out).toBe('string|c|{}|');
    expect(emu.ctl.properties.stores.user.get('u')).toBe('x');
  });

  it('refuses a value over 9 KB and a store over 500 KB with Apps Script messages, changing nothing', () => {
    const emu = createEmu();
    expect(() =>
      emu.run(`PropertiesService.getScriptProperties().setProperty('big', 'x'.repeat(9 * 1024 + 1));`),
    ).toThrow('Argument too large: value');
    expect(
      emu.run(`PropertiesService.getScriptProperties().setProperty('ok', 'é'.repeat(4608)); return 1;`),
    ).toBe(1);
    expect(() =>
      emu.run(`PropertiesService.getScriptProperties().setProperty('multi', 'é'.repeat(4609));`),
    ).toThrow('Argument too large: value');
    emu.run(
      `const p = PropertiesService.getDocumentProperties(); for (let i = 0; i < 56; i++) p.setProperty('k' + i, 'v'.repeat(9000));`,
    );
    expect(() =>
      emu.run(`PropertiesService.getDocumentProperties().setProperties({ x: 'v'.repeat(9000), y: '1' });`),
    ).toThrow('You have exceeded the property storage quota. Please remove some properties and try again.');
    expect(emu.ctl.properties.stores.document.has('y')).toBe(false);
  });
});

describe('CacheService', () => {
  it('expires entries on the emulated wall clock (default 600 s, at most 6 h) and can be evicted by the host', () => {
    const emu = createEmu();
    emu.run(
      `const c = CacheService.getScriptCache(); c.put('a', '1'); c.put('b', '2', 60); c.putAll({ x: 'X', y: 'Y' }, 99999);`,
    );
    const advance = (ms: number): void => {
      emu.ctl.rt.totalMs += ms; // time passing between executions
    };
    advance(61_000);
    expect(
      emu.run(`return JSON.stringify(CacheService.getScriptCache().getAll(['a', 'b', 'x', 'nope']));`),
    ).toBe('{"a":"1","x":"X"}');
    advance(540_000);
    expect(emu.run(`return CacheService.getScriptCache().get('a');`)).toBeNull();
    advance(21_600_000 - 601_000);
    expect(emu.run(`return CacheService.getScriptCache().get('y');`)).toBeNull();
    emu.run(`CacheService.getUserCache().put('u', 'v');`);
    emu.ctl.cache.evictAll();
    expect(emu.run(`return CacheService.getUserCache().get('u');`)).toBeNull();
  });

  it('enforces key (250 chars) and value (100 KB) limits, remove and removeAll', () => {
    const emu = createEmu();
    expect(() => emu.run(`CacheService.getScriptCache().put('k'.repeat(251), 'v');`)).toThrow(
      'Argument too large: key',
    );
    expect(() => emu.run(`CacheService.getScriptCache().put('k', 'v'.repeat(100 * 1024 + 1));`)).toThrow(
      'Argument too large: value',
    );
    expect(
      emu.run(`const c = CacheService.getDocumentCache(); c.putAll({ a: '1', b: '2', c: '3' }); c.remove('a'); c.removeAll(['b']);
        return JSON.stringify(c.getAll(['a', 'b', 'c']));`),
    ).toBe('{"c":"3"}');
  });
});

describe('ScriptApp', () => {
  it('records time and spreadsheet triggers for the host to fire, lists and deletes them', () => {
    const emu = createEmu();
    const out = emu.run<string>(`
      ScriptApp.newTrigger('hourlyRecalc').timeBased().everyHours(1).create();
      ScriptApp.newTrigger('dailyCalls').timeBased().everyDays(1).atHour(6).create();
      const t = ScriptApp.newTrigger('onEditInstalled').forSpreadsheet('sheet-1').onEdit().create();
      ScriptApp.newTrigger('onChangeInstalled').forSpreadsheet({ getId: () => 'sheet-1' }).onChange().create();
      const mine = ScriptApp.getUserTriggers({ getId: () => 'sheet-1' }).map(x => x.getHandlerFunction() + ':' + x.getEventType()).join();
      const info = [String(t.getTriggerSource()), t.getTriggerSourceId(), String(t.getEventType() === ScriptApp.EventType.ON_EDIT)].join();
      ScriptApp.deleteTrigger(ScriptApp.getProjectTriggers()[0]);
      return mine + '|' + info + '|' + ScriptApp.getProjectTriggers().length + '|' + String(ScriptApp.AuthMode.FULL);
    `);
    expect(out).toBe('onEditInstalled:ON_EDIT,onChangeInstalled:ON_CHANGE|SPREADSHEETS,sheet-1,true|3|FULL');
    expect(emu.ctl.triggers.map((t) => [t.handlerFunction, t.eventType, t.everyDays, t.atHour])).toEqual([
      ['dailyCalls', 'CLOCK', 1, 6],
      ['onEditInstalled', 'ON_EDIT', undefined, undefined],
      ['onChangeInstalled', 'ON_CHANGE', undefined, undefined],
    ]);
  });

  it('stops at 20 triggers per user per script with Apps Script message, and validates schedules', () => {
    const emu = createEmu();
    emu.run(`for (let i = 0; i < 20; i++) ScriptApp.newTrigger('f' + i).timeBased().everyHours(1).create();`);
    expect(() => emu.run(`ScriptApp.newTrigger('f20').timeBased().everyHours(1).create();`)).toThrow(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
    expect(emu.ctl.triggers).toHaveLength(20);
    expect(() => emu.run(`ScriptApp.newTrigger('x').timeBased().everyMinutes(7);`)).toThrow(
      'Invalid argument: minutes',
    );
    expect(() => emu.run(`ScriptApp.getOAuthToken();`)).toThrow('not implemented: ScriptApp.getOAuthToken');
    expect(emu.run(`return ScriptApp.getScriptId();`)).toMatch(/^1Emu/);
  });
});

describe('costs', () => {
  it('charges each call to the virtual clock from OTHER_COSTS', () => {
    const emu = createEmu();
    const id = emu.ctl.drive.addDocument('T', ['Hello {{name}}']);
    const record = emu.exec(`
      const copy = DriveApp.getFileById('${id}').makeCopy('L');
      const doc = DocumentApp.openById(copy.getId());
      for (let i = 0; i < 8; i++) doc.getBody().replaceText('{{name}}', 'Ana');
      doc.saveAndClose();
      MailApp.sendEmail({ to: 'g@x.org', subject: 's', body: 'b', attachments: [copy.getAs('application/pdf')] });
    `);
    expect(record.error).toBeUndefined();
    expect(record.simulatedMs).toBeGreaterThan(1200);
    expect(record.simulatedMs).toBeLessThan(3500);
    expect(emu.ctl.rt.calls.get('Body.replaceText')).toBe(8);
  });
});
