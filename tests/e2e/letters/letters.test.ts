// Warning letters through the built bundle: templates made by Set up, the send run, delivery, the record, and what
// each bad input leaves on the Letters tab.
import type { Emulator } from '../../../emulator/host/emulator';
import type { OutboxMessage } from '../../../emulator/runtime/control';
import type { DriveStore } from '../../../emulator/runtime/drive-store';
import { menu, table, useBuiltBundle } from '../harness';
import { readPdf } from '../../emulator/pdf-text';
import { letterCampus, sendAll, setSetting, settingValue } from './campus';

useBuiltBundle();

const outbox = (emu: Emulator) => (emu.control as unknown as { outbox: OutboxMessage[] }).outbox;
const drive = (emu: Emulator) => (emu.control as unknown as { drive: DriveStore }).drive;
const letters = (emu: Emulator) => table(emu, 'Letters');
const stateOf = (emu: Emulator, id: string, letter = 'Warning letter 1') =>
  letters(emu).find((r) => r['Student ID'] === id && r['Letter'] === letter)!;
/** The text a PDF shows, line by line (read back through each font's ToUnicode map). */
const pdfText = async (bytes: number[]) => (await readPdf(bytes)).flatMap((p) => p.lines).join('\n');

describe('warning letters', () => {
  let emu: Emulator;
  beforeAll(() => {
    emu = letterCampus();
  });

  it('Set up made the four default templates as Google Docs, their ids in Settings', () => {
    for (const key of [
      'letter.template.letter1.English',
      'letter.template.letter1.Spanish',
      'letter.template.letter2-90.English',
      'letter.template.letter2-90.Spanish',
    ]) {
      const id = settingValue(emu, key);
      expect(drive(emu).file(id).mimeType).toBe('application/vnd.google-apps.document');
    }
    const es = drive(emu).documents.text(settingValue(emu, 'letter.template.letter1.Spanish'));
    expect(es).toContain('Código de Educación de Texas, sección 25.095');
    expect(es).toContain('{{Absence Dates}}');
    // Settings' letter rows are not policy: nothing waits to be applied, and no Data Issue names them.
    expect(table(emu, 'Data Issues').filter((r) => String(r['Problem']).includes('letter.'))).toEqual([]);
  });

  it('the template check passes the default templates', () => {
    emu.run('checkLetterTemplates', undefined, 'menu');
    expect(emu.ui.alerts.at(-1)).toMatchObject({ title: 'The letter templates are fine' });
  });

  it('a preview makes PDFs in Drive and sends nothing', () => {
    const r = emu.run('previewLettersCall');
    expect(r.error).toBeUndefined();
    expect((r.value as { files: string[] }).files).toHaveLength(3);
    expect(outbox(emu)).toHaveLength(0);
    expect(letters(emu).every((l) => l['State'] === 'DUE')).toBe(true);
  });

  it('only an administrator may send', () => {
    emu.setUser('teacher@school.org');
    const r = emu.run('sendLettersChunkCall');
    emu.setUser('principal@school.org');
    expect(r.value).toMatchObject({ ok: false });
    expect(outbox(emu)).toHaveLength(0);
  });

  it('sends each family one message (siblings and letters 1 and 2 together), prints the rest, states the problems', async () => {
    const runs = sendAll(emu);
    expect(runs.at(-1)!.error).toBeUndefined();
    const mail = outbox(emu);
    expect(mail).toHaveLength(2);
    const garcia = mail.find((m) => m.to.toLowerCase() === 'maria.garcia@example.org')!;
    expect(garcia.attachments.map((a) => a.name).sort()).toEqual([
      'Letter 1001 letter1 2026-2027.pdf',
      'Letter 1001 letter2-90 2026-2027.pdf',
      'Letter 1002 letter1 2026-2027.pdf',
    ]);
    expect(garcia.subject).toBe('Lakeside Middle School: carta sobre la asistencia escolar');
    expect(garcia.subject).not.toMatch(/Sofía|Mateo|García/);
    expect(garcia.replyTo).toBe('office@lakeside.example.org');
    const spanish = await pdfText(garcia.attachments[0]!.bytes);
    expect(spanish).toMatch(/septiembre de 2026/);

    expect(stateOf(emu, '1001')).toMatchObject({ State: 'SENT', Delivery: 'Email', Language: 'Spanish' });
    expect(stateOf(emu, '1001', '90% warning letter (letter 2)')['State']).toBe('SENT');
    expect(stateOf(emu, '1003')).toMatchObject({ State: 'PRINTED', Delivery: 'Print' });
    expect(stateOf(emu, '1004')).toMatchObject({ State: 'BAD EMAIL' });
    expect(String(stateOf(emu, '1004')['Error'])).toContain('"not-an-email" is not an email address');
    expect(stateOf(emu, '1005')).toMatchObject({ State: 'NO ADDRESS' });
    expect(stateOf(emu, '1006')).toMatchObject({ State: 'SENT', Language: 'English' });
    expect(String(stateOf(emu, '1006')['Error'])).toBe('No letters in French: sent in English.');
    for (const r of letters(emu).filter((l) => l['State'] === 'SENT' || l['State'] === 'PRINTED')) {
      expect(String(r['Document'])).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
      expect(r['Sent At']).not.toBe('');
    }
  });

  it('writes one sealed Documentation entry per letter that went out', () => {
    const entries = table(emu, 'Documentation').filter((r) => String(r['Type']).startsWith('Warning letter'));
    expect(entries).toHaveLength(5);
    for (const e of entries) {
      expect(String(e['Entry ID'])).toMatch(/^S\d+$/);
      expect(e['Seal']).not.toBe('');
      expect(e['Staff']).toBe('principal@school.org');
    }
    // Status shows the letters that went out, and To Do no longer asks for them: at once, as the send run
    // recalculated those students, and still after the next full recalculation.
    const status = (id: string) => table(emu, 'Status').find((r) => r['Student ID'] === id)!;
    const shown = () => {
      expect(status('1003')['Letters']).toBe('Warning letter 1: PRINTED');
      expect(status('1001')['Letters']).toBe('Warning letter 1: SENT; 90% warning letter (letter 2): SENT');
      expect(
        table(emu, 'To Do').filter(
          (r) => ['1001', '1003'].includes(String(r['Student ID'])) && /letter/i.test(String(r['Action'])),
        ),
      ).toEqual([]);
    };
    shown();
    // Students whose letters did not go out still show them as due.
    expect(String(status('1005')['Letters'])).toMatch(/NO ADDRESS|DUE/);
    // Sealed entries are trusted by the next recalculation: none is listed as changed or typed.
    menu(emu, 'recalculateNow');
    expect(table(emu, 'Data Issues').filter((r) => r['Tab'] === 'Documentation')).toEqual([]);
    shown();
  });

  it('a guardian name starting with "=" is merged as text, in the printed letter', async () => {
    const batch = [...drive(emu).files.values()].find((f) => f.name.startsWith('Print batch') && !f.trashed)!;
    const text = await pdfText(batch.bytes);
    expect(text).toContain('=John Smith');
    expect(text).toContain('12 Oak St, Austin, TX 78701');
  });

  it('a second Send sends nothing again', () => {
    const before = outbox(emu).length;
    sendAll(emu);
    expect(outbox(emu)).toHaveLength(before);
    expect(letters(emu).filter((l) => l['State'] === 'SENT')).toHaveLength(4);
  });

  it('no Google Doc is created per letter (only the templates and one print batch, trashed after export)', () => {
    const docs = [...drive(emu).files.values()].filter(
      (f) => f.mimeType === 'application/vnd.google-apps.document',
    );
    expect(docs.filter((d) => !d.trashed)).toHaveLength(4);
    expect(docs.filter((d) => d.trashed)).toHaveLength(1);
  });
});

describe('templates that cannot be used', () => {
  it('an unknown field stops that template (never merged as blank); a deleted one is NO TEMPLATE; the others go', () => {
    const emu = letterCampus();
    // A field split apart and an unknown one, typed into the English letter 1 template.
    const id = settingValue(emu, 'letter.template.letter1.English');
    const doc = drive(emu).documents.docs.get(id)!;
    doc.saved.push({
      kind: 'paragraph',
      text: 'Bus route: {{Bus Route}} and {{Grade',
      heading: 'NORMAL',
      alignment: 'LEFT',
    });
    // The Spanish letter 2 template is deleted (in the trash).
    drive(emu).file(settingValue(emu, 'letter.template.letter2-90.Spanish')).trashed = true;

    emu.run('checkLetterTemplates', undefined, 'menu');
    const alert = emu.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Letter templates to fix');
    expect(alert.prompt).toContain('unknown field {{Bus Route}}');
    expect(alert.prompt).toContain('a field broken apart');
    expect(alert.prompt).toContain('letter.template.letter2-90.Spanish: the file');

    sendAll(emu);
    expect(stateOf(emu, '1006')['State']).toBe('TEMPLATE PROBLEM');
    expect(stateOf(emu, '1003')['State']).toBe('TEMPLATE PROBLEM');
    expect(stateOf(emu, '1001', '90% warning letter (letter 2)')['State']).toBe('NO TEMPLATE');
    // Spanish letter 1 still goes: 1001's and 1002's letter 1 in one message.
    expect(outbox(emu)).toHaveLength(1);
    expect(outbox(emu)[0]!.attachments).toHaveLength(2);
    expect(stateOf(emu, '1001')['State']).toBe('SENT');
  });

  it('a field half bold is reported by the check and stops that template; the same field all bold is fine', () => {
    const emu = letterCampus();
    const id = settingValue(emu, 'letter.template.letter1.English');
    // The saved body (an execution that opened the document saves a new one when it ends: read it each time).
    const saved = () => drive(emu).documents.docs.get(id)!.saved;
    const at = saved().findIndex((b) => b.kind === 'paragraph' && b.text === 'Dear {{Guardian Name}},');
    expect(at).toBeGreaterThanOrEqual(0);
    // What a person leaves by making "{{Guardian" bold and not " Name}}": Docs holds the field as two runs.
    const text = 'Dear {{Guardian Name}},';
    const bold = { bold: true };
    const styles = (from: number, to: number) =>
      [...text].map((_c, i) => (i >= from && i < to ? bold : null));
    const setStyles = (from: number, to: number) =>
      (saved()[at] = { ...saved()[at]!, kind: 'paragraph', text, styles: styles(from, to) } as ReturnType<
        typeof saved
      >[number]);
    setStyles(5, 15);
    emu.run('checkLetterTemplates', undefined, 'menu');
    const alert = emu.ui.alerts.at(-1)!;
    expect(alert.title).toBe('Letter templates to fix');
    expect(alert.prompt).toContain(
      'letter.template.letter1.English: a field split by formatting in paragraph ' +
        `${at + 1} ({{Guardian Name}}: part of it is formatted differently, e.g. bold)`,
    );
    // Before a run too: English letter 1 is not merged; the Spanish letters still go.
    sendAll(emu);
    expect(stateOf(emu, '1006')['State']).toBe('TEMPLATE PROBLEM');
    expect(stateOf(emu, '1001')['State']).toBe('SENT');

    // The whole field bold: one run, nothing to report.
    setStyles(5, 22);
    emu.run('checkLetterTemplates', undefined, 'menu');
    expect(emu.ui.alerts.at(-1)).toMatchObject({ title: 'The letter templates are fine' });
  });

  it('a missing template setting is NO TEMPLATE; a family without a Spanish template gets English, and the row says so', () => {
    const emu = letterCampus();
    setSetting(emu, 'letter.template.letter1.Spanish', '');
    setSetting(emu, 'letter.template.letter2-90.English', '');
    setSetting(emu, 'letter.template.letter2-90.Spanish', '');
    sendAll(emu);
    expect(stateOf(emu, '1002')).toMatchObject({ State: 'SENT', Language: 'English' });
    expect(String(stateOf(emu, '1002')['Error'])).toBe(
      'No Spanish template for this letter: sent in English.',
    );
    expect(stateOf(emu, '1001', '90% warning letter (letter 2)')['State']).toBe('NO TEMPLATE');
  });
});

describe('the daily email quota', () => {
  it('sends what fits and keeps the rest DUE, saying how many wait for tomorrow', () => {
    const emu = letterCampus();
    const rt = (
      emu.control as unknown as {
        rt: { useQuota(n: string, k: number): void; remainingQuota(n: string): number };
      }
    ).rt;
    rt.useQuota('email recipients a day', rt.remainingQuota('email recipients a day') - 1);
    const r = sendAll(emu).at(-1)!;
    expect(outbox(emu)).toHaveLength(1);
    expect((r.value as { message: string }).message).toMatch(
      /Daily email quota reached; \d+ letters wait for tomorrow\./,
    );
    const due = letters(emu).filter((l) => l['State'] === 'DUE');
    expect(due.length).toBeGreaterThan(0);
    expect(stateOf(emu, '1003')['State']).toBe('PRINTED');
    emu.newDay();
    sendAll(emu);
    expect(outbox(emu)).toHaveLength(2);
    expect(letters(emu).filter((l) => l['State'] === 'DUE')).toHaveLength(0);
  });
});

describe('letters whose reason goes, and letters held back', () => {
  it('a DUE letter becomes NOT NEEDED with the reason when the step is lowered; a sent letter never changes', () => {
    const emu = letterCampus();
    emu.run('doNotSendCall', { studentId: '1003', reason: 'Delivered by hand at the meeting' });
    emu.setUser('teacher@school.org');
    const refused = emu.run('doNotSendCall', { studentId: '1006', reason: 'no' });
    emu.setUser('principal@school.org');
    expect(refused.value).toMatchObject({ ok: false });
    expect(stateOf(emu, '1006')['State']).toBe('DUE');
    expect(stateOf(emu, '1003')).toMatchObject({ State: 'DO NOT SEND' });
    expect(String(stateOf(emu, '1003')['Error'])).toMatch(
      /^Do not send \(principal@school\.org, .*\): Delivered by hand/,
    );

    const sentBefore = JSON.stringify(stateOf(emu, '1001'));
    sendAll(emu);
    expect(stateOf(emu, '1003')['State']).toBe('DO NOT SEND');
    expect(JSON.stringify(stateOf(emu, '1001'))).not.toBe(sentBefore);
    const sent = JSON.stringify(stateOf(emu, '1001'));

    // The days of 1005 (NO ADDRESS, never sent) are excused and its step adjusted down; 1001's too, after sending.
    for (const studentId of ['1005', '1001']) {
      const r = emu.run('submitStepAdjustment', {
        studentId,
        step: 0,
        date: '2026-09-15',
        reason: 'The absences were excused (doctor notes).',
      });
      expect(r.value).toMatchObject({ ok: true });
    }
    expect(stateOf(emu, '1005')['State']).toBe('NOT NEEDED');
    expect(String(stateOf(emu, '1005')['Error'])).toMatch(
      /Not needed .*step 0 now, and this letter comes at step 1/,
    );
    expect(JSON.stringify(stateOf(emu, '1001'))).toBe(sent);
    menu(emu, 'recalculateNow');
    expect(JSON.stringify(stateOf(emu, '1001'))).toBe(sent);
    expect(stateOf(emu, '1005')['State']).toBe('NOT NEEDED');
  });
});
