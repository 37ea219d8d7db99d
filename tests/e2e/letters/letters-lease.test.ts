// Two Sends at once, a letters folder another administrator cannot open, and holds that last: through the bundle.
import type { Emulator } from '../../../emulator/host/emulator';
import type { OutboxMessage } from '../../../emulator/runtime/control';
import type { DriveStore } from '../../../emulator/runtime/drive-store';
import { menu, table, useBuiltBundle } from '../harness';
import { ABSENCES, letterCampus, sendAll } from './campus';

useBuiltBundle();

const outbox = (emu: Emulator) => (emu.control as unknown as { outbox: OutboxMessage[] }).outbox;
const drive = (emu: Emulator) => (emu.control as unknown as { drive: DriveStore }).drive;
const letters = (emu: Emulator) => table(emu, 'Letters');
const row = (emu: Emulator, id: string, letter = 'Warning letter 1') =>
  letters(emu).find((r) => r['Student ID'] === id && r['Letter'] === letter)!;
const message = (r: { value: unknown }) => (r.value as { message: string }).message;
/** Times each letter's PDF was emailed. */
const emailed = (emu: Emulator) => {
  const n = new Map<string, number>();
  for (const m of outbox(emu)) for (const a of m.attachments) n.set(a.name, (n.get(a.name) ?? 0) + 1);
  return n;
};

describe('letters: the run lease', () => {
  it('a Send while another is under way is refused and recovers nothing; after 7 minutes the crashed run is recovered', () => {
    const emu = letterCampus();
    // The first execution dies right after its first email went out (its letters are PENDING, their PDFs kept).
    emu.crashAfter('MailApp.sendEmail', 1);
    const first = emu.run('sendLettersChunkCall');
    expect(first.error).toMatch(/Exceeded maximum execution time/);
    emu.control.rt.clearFaults();
    expect(outbox(emu)).toHaveLength(1);
    const pendingAfterCrash = letters(emu).filter((r) => r['State'] === 'PENDING').length;
    expect(pendingAfterCrash).toBeGreaterThan(0);

    // Another administrator (or the same one, clicking again) within the 7 minutes: refused, nothing touched.
    emu.advance(3 * 60_000);
    const second = emu.run('sendLettersChunkCall');
    expect(second.error).toBeUndefined();
    expect(second.value).toMatchObject({ ok: false, done: true });
    expect(message(second)).toMatch(
      /^Letters are being sent by principal@school\.org since \d\d:\d\d; try again in a few minutes\.$/,
    );
    expect(outbox(emu)).toHaveLength(1);
    expect(letters(emu).filter((r) => r['State'] === 'PENDING')).toHaveLength(pendingAfterCrash);

    // Past 7 minutes the lease is a crashed run's: recovery runs, the rest goes out, nothing is emailed twice.
    emu.advance(5 * 60_000);
    const runs = sendAll(emu);
    expect(runs.every((r) => !r.error)).toBe(true);
    expect(runs[0]!.value).toMatchObject({ ok: true });
    expect([...emailed(emu).values()].every((n) => n === 1)).toBe(true);
    expect(outbox(emu)).toHaveLength(2);
    // The family whose email went out before the crash stays PENDING for review, with what is known.
    const review = letters(emu).filter((r) => r['State'] === 'PENDING');
    expect(review.length).toBe(outbox(emu)[0]!.attachments.length);
    expect(review.length).toBeLessThan(pendingAfterCrash);
    for (const r of review) expect(String(r['Error'])).toMatch(/not resent on its own/);
    // A chunk that ends releases its lease: the next Send is not refused.
    const again = emu.run('sendLettersChunkCall');
    expect(again.value).toMatchObject({ ok: true });
  });

  it('a chunk that stops with a service error releases its lease', () => {
    const emu = letterCampus();
    emu.injectFault('MailApp.sendEmail', 1, 'Service error: Gmail');
    const first = emu.run('sendLettersChunkCall');
    expect(first.error).toMatch(/Service error/);
    emu.control.rt.clearFaults();
    const second = emu.run('sendLettersChunkCall');
    expect(second.value).toMatchObject({ ok: true });
  });
});

describe('letters: the letters folder is never replaced silently', () => {
  it('Send and Preview refuse, naming whose folder it is, when the stored folder cannot be opened', () => {
    const emu = letterCampus();
    sendAll(emu);
    const folders = () => [...drive(emu).folders.values()].filter((f) => f.name.startsWith('Letters –'));
    expect(folders()).toHaveLength(1);
    // Apps Script answers the same for a folder not shared with you and one deleted for good.
    drive(emu).folders.delete(folders()[0]!.id);
    emu.setValues('Absences', `A${ABSENCES.length + 2}`, [
      ['1006', '2026-09-04', 'U', ''],
      ['1006', '2026-09-08', 'U', ''],
    ]);
    menu(emu, 'recalculateNow');
    expect(row(emu, '1006', '90% warning letter (letter 2)')['State']).toBe('DUE');
    const mails = outbox(emu).length;
    const send = emu.run('sendLettersChunkCall');
    expect(send.value).toMatchObject({ ok: false });
    expect(message(send)).toMatch(/belongs to principal@school\.org .*share it/);
    const preview = emu.run('previewLettersCall');
    expect(preview.value).toMatchObject({ ok: false, files: [] });
    expect(message(preview)).toMatch(/share it/);
    expect(folders()).toHaveLength(0);
    expect(outbox(emu)).toHaveLength(mails);
    expect(row(emu, '1006', '90% warning letter (letter 2)')['State']).toBe('DUE');
  });

  it('Preview is for administrators only', () => {
    const emu = letterCampus();
    emu.setUser('teacher@school.org');
    const r = emu.run('previewLettersCall');
    expect(r.value).toMatchObject({ ok: false, files: [] });
    expect([...drive(emu).files.values()].filter((f) => f.name.startsWith('Preview'))).toHaveLength(0);
  });
});

describe('letters: a hold lasts until it is lifted', () => {
  it('a letter that falls due after the hold is held too; lifting puts the held letters back to DUE', () => {
    const emu = letterCampus();
    const hold = emu.run('doNotSendCall', {
      studentId: '1006',
      reason: 'Family moved; address being checked',
    });
    expect(hold.value).toMatchObject({ ok: true });
    expect(row(emu, '1006')['State']).toBe('DO NOT SEND');
    // Two more unexcused days: letter 2 falls due after the hold.
    emu.setValues('Absences', `A${ABSENCES.length + 2}`, [
      ['1006', '2026-09-04', 'U', ''],
      ['1006', '2026-09-08', 'U', ''],
    ]);
    menu(emu, 'recalculateNow');
    const runs = sendAll(emu);
    expect(message(runs[0]!)).toMatch(/1 letters are held back/);
    expect(outbox(emu).some((m) => m.to === 'jl.darcy@example.org')).toBe(false);
    const letter2 = row(emu, '1006', '90% warning letter (letter 2)');
    expect(letter2['State']).toBe('DO NOT SEND');
    expect(String(letter2['Error'])).toMatch(/principal@school\.org.*Family moved/);

    // Only an administrator lifts it.
    emu.setUser('teacher@school.org');
    expect(emu.run('doNotSendCall', { studentId: '1006', lift: true }).value).toMatchObject({ ok: false });
    emu.setUser('principal@school.org');
    const lift = emu.run('doNotSendCall', { studentId: '1006', lift: true });
    expect(lift.value).toMatchObject({ ok: true });
    expect(message(lift)).toMatch(/2 letters are DUE again/);
    expect(row(emu, '1006')['State']).toBe('DUE');
    sendAll(emu);
    const darcy = outbox(emu).filter((m) => m.to === 'jl.darcy@example.org');
    expect(darcy).toHaveLength(1);
    expect(darcy[0]!.attachments).toHaveLength(2);
    expect(row(emu, '1006')['State']).toBe('SENT');
    // Lifting again: nothing is held.
    expect(emu.run('doNotSendCall', { studentId: '1006', lift: true }).value).toMatchObject({ ok: false });
  });
});
