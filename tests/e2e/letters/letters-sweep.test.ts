// The send run crashed at every service call in turn (a time-limit kill, and a service error), then run again:
// every due letter ends sent exactly once or visibly PENDING for review; none sent twice, none silently lost.
import type { Emulator } from '../../../emulator/host/emulator';
import type { OutboxMessage } from '../../../emulator/runtime/control';
import type { DriveStore } from '../../../emulator/runtime/drive-store';
import { table, useBuiltBundle } from '../harness';
import { callsOf, capture, killAt, restore } from '../sweep';
import { letterCampus, sendAll } from './campus';

useBuiltBundle();

const outbox = (emu: Emulator) => (emu.control as unknown as { outbox: OutboxMessage[] }).outbox;
const drive = (emu: Emulator) => (emu.control as unknown as { drive: DriveStore }).drive;

/** Times each letter's PDF went out: attached to an email, or inside a print batch that was kept. */
function deliveries(emu: Emulator): Map<string, number> {
  const n = new Map<string, number>();
  const add = (k: string) => n.set(k, (n.get(k) ?? 0) + 1);
  for (const m of outbox(emu)) for (const a of m.attachments) add(a.name.replace(/^Letter |\.pdf$/g, ''));
  for (const f of drive(emu).files.values()) {
    if (f.trashed || !f.name.startsWith('Print batch')) continue;
    // The print batch names no key; the record names each printed letter's batch by its link.
    const url = `https://drive.google.com/file/d/${f.id}/`;
    for (const e of table(emu, 'Documentation'))
      if (String(e['Notes']).includes(url)) add(`${e['Student ID']} print ${e['Type']}`);
  }
  return n;
}

interface Check {
  failures: string[];
  review: number;
}

/** The rules every crash point must keep, against the clean run's letters. */
function check(emu: Emulator, clean: Map<string, string>, where: string): Check {
  const failures: string[] = [];
  const rows = new Map(table(emu, 'Letters').map((r) => [String(r['Letter Key']), r]));
  const sent = deliveries(emu);
  const entries = table(emu, 'Documentation').filter((r) => String(r['Type']).startsWith('Warning letter'));
  let review = 0;
  for (const [key, cleanState] of clean) {
    const r = rows.get(key);
    const state = String(r?.['State'] ?? 'missing');
    const fileKey = key.replace(/\|/g, ' ');
    const times = sent.get(fileKey) ?? 0;
    const [id] = key.split('|');
    const logged = entries.filter(
      (e) => e['Student ID'] === id && String(e['Notes']).includes(fileKey.split(' ')[1]!),
    );
    if (times > 1) failures.push(`${where}: ${key} emailed ${times} times`);
    if (state === 'PENDING') {
      review++;
      if (!String(r?.['Error']).includes('not resent on its own'))
        failures.push(`${where}: ${key} PENDING without what is known`);
      continue;
    }
    if (state !== cleanState) failures.push(`${where}: ${key} is ${state}, clean run ${cleanState}`);
    if (cleanState === 'SENT' && times !== 1)
      failures.push(`${where}: ${key} SENT but emailed ${times} times`);
    if ((state === 'SENT' || state === 'PRINTED') && logged.length > 1)
      failures.push(`${where}: ${key} has ${logged.length} record entries`);
  }
  return { failures, review };
}

describe('letters: a crash at every service call of the send run, then Send again', () => {
  it('every letter ends sent once or PENDING for review', () => {
    const emu = letterCampus();
    const start = capture(emu);
    const mail0 = outbox(emu).length;
    emu.control.rt.resetCounters();
    sendAll(emu);
    const counts = emu.counts();
    const clean = new Map(table(emu, 'Letters').map((r) => [String(r['Letter Key']), String(r['State'])]));
    expect([...clean.values()].filter((s) => s === 'SENT')).toHaveLength(4);
    const points = [
      ...callsOf(counts).map(([m, n]) => ({ kind: 'kill', m, n })),
      // A service error where the letters' own services answer (Docs, Drive, the PDF conversion, mail).
      ...callsOf(counts, /^(MailApp|Blob|Folder|File|DriveApp|Document|Body|Paragraph)\./).map(([m, n]) => ({
        kind: 'fault',
        m,
        n,
      })),
    ];
    const failures: string[] = [];
    let review = 0;
    let refused = 0;
    for (const p of points) {
      restore(emu, start);
      outbox(emu).length = mail0;
      if (p.kind === 'fault') emu.injectFault(p.m, p.n, `Service error (injected at ${p.m} #${p.n})`);
      else killAt(emu, p.m, p.n);
      emu.run('sendLettersChunkCall');
      emu.control.rt.clearFaults();
      delete (emu.control.rt as unknown as { call?: unknown }).call;
      // A killed chunk that had taken its run lease leaves it: a Send within 7 minutes is refused and changes
      // nothing; one killed before it took the lease is simply a rerun.
      if (p.kind === 'kill') {
        const mails = outbox(emu).length;
        const states = JSON.stringify(table(emu, 'Letters').map((r) => r['State']));
        const early = emu.run('sendLettersChunkCall');
        if (early.error) failures.push(`kill at ${p.m} #${p.n}: the early Send failed: ${early.error}`);
        else if (/^Letters are being sent by/.test((early.value as { message: string }).message)) {
          refused++;
          if (
            outbox(emu).length !== mails ||
            JSON.stringify(table(emu, 'Letters').map((r) => r['State'])) !== states
          )
            failures.push(`kill at ${p.m} #${p.n}: a refused Send changed something`);
        }
        emu.advance(8 * 60_000);
      }
      const again = sendAll(emu);
      for (const r of again)
        if (r.error) failures.push(`${p.kind} at ${p.m} #${p.n}: rerun failed: ${r.error}`);
      const c = check(emu, clean, `${p.kind} at ${p.m} #${p.n}`);
      failures.push(...c.failures);
      review += c.review;
    }
    console.log(
      `letters sweep: ${points.length} crash points tried (a kill at each of the run's service calls, and a service error at each call to Docs, Drive and mail); ` +
        `${review} letters left PENDING for review in all; ${refused} Sends within 7 minutes of a kill refused`,
    );
    expect(refused).toBeGreaterThan(20);
    expect(points.length).toBeGreaterThan(50);
    expect(failures).toEqual([]);
  }, 600_000);
});
