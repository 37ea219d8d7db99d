// Utilities (formatDate in zones and across DST, digests, Base64, UUIDs, blobs), Session and HtmlService outputs.
import * as crypto from 'node:crypto';
import { basicEmulator, inScript } from './helpers';

const fmt = (code: string) => `Utilities.formatDate(${code})`;

describe('Utilities.formatDate', () => {
  const emu = basicEmulator();
  it.each([
    ["new Date('2026-09-01T05:00:00Z'), 'America/Chicago', 'yyyy-MM-dd'", '2026-09-01'],
    ["new Date('2026-09-01T05:00:00Z'), 'UTC', 'yyyy-MM-dd HH:mm:ss'", '2026-09-01 05:00:00'],
    [
      "new Date('2026-09-01T17:05:09Z'), 'America/Chicago', 'EEE, MMM d, yy h:mm a'",
      'Tue, Sep 1, 26 12:05 PM',
    ],
    [
      "new Date('2026-09-01T17:05:09Z'), 'America/Chicago', 'EEEE MMMM dd yyyy hh:mm:ss'",
      'Tuesday September 01 2026 12:05:09',
    ],
    ["new Date('2026-09-01T17:05:09Z'), 'America/Chicago', 'M/d/yyyy z Z XXX'", '9/1/2026 CDT -0500 -05:00'],
    ["new Date('2026-12-01T17:05:09Z'), 'America/Chicago', 'z Z XXX X'", 'CST -0600 -06:00 -06'],
    ["new Date('2026-09-01T17:05:09Z'), 'UTC', 'XXX'", 'Z'],
    ["new Date('2026-09-01T17:05:09Z'), 'Asia/Kolkata', 'HH:mm Z'", '22:35 +0530'],
    ["new Date('2026-09-01T17:05:09Z'), 'America/Chicago', \"'Week of' d MMM ''yy\"", "Week of 1 Sep '26"],
    // DST ends in Chicago on 2026-11-01 at 02:00 CDT: 06:30Z is 01:30 CDT, 07:30Z is 01:30 CST.
    ["new Date('2026-11-01T06:30:00Z'), 'America/Chicago', 'HH:mm z'", '01:30 CDT'],
    ["new Date('2026-11-01T07:30:00Z'), 'America/Chicago', 'HH:mm z'", '01:30 CST'],
    // DST starts on 2026-03-08: 07:59Z is 01:59 CST, 08:00Z is 03:00 CDT.
    ["new Date('2026-03-08T07:59:00Z'), 'America/Chicago', 'HH:mm'", '01:59'],
    ["new Date('2026-03-08T08:00:00Z'), 'America/Chicago', 'HH:mm'", '03:00'],
    ["new Date('2026-09-01T17:05:09Z'), 'Not/AZone', 'HH:mm'", '17:05'],
  ])('%s → %s', (args, expected) => {
    expect(inScript(emu, fmt(args))).toBe(expected);
  });
});

describe('Utilities', () => {
  const emu = basicEmulator({ seed: 42 });
  const signed = (buf: Buffer) => [...buf].map((b) => (b > 127 ? b - 256 : b));

  it('computes digests as signed bytes, like Apps Script', () => {
    const text = 'Attendance Steps ✓';
    for (const [alg, node] of [
      ['MD5', 'md5'],
      ['SHA_1', 'sha1'],
      ['SHA_256', 'sha256'],
    ] as const) {
      const got = inScript(
        emu,
        `Utilities.computeDigest(Utilities.DigestAlgorithm.${alg}, ${JSON.stringify(text)})`,
      );
      expect(got).toEqual(signed(crypto.createHash(node).update(text, 'utf8').digest()));
    }
    const long = 'x'.repeat(1000);
    expect(inScript(emu, `Utilities.computeDigest(Utilities.DigestAlgorithm.SHA_256, '${long}')`)).toEqual(
      signed(crypto.createHash('sha256').update(long).digest()),
    );
    expect(inScript(emu, `Utilities.computeHmacSha256Signature('msg', 'key')`)).toEqual(
      signed(crypto.createHmac('sha256', 'key').update('msg').digest()),
    );
  });

  it('encodes and decodes Base64', () => {
    expect(inScript(emu, "Utilities.base64Encode('héllo ✓')")).toBe(
      Buffer.from('héllo ✓').toString('base64'),
    );
    expect(
      inScript(emu, "Utilities.newBlob(Utilities.base64Decode('aMOpbGxvIOKckw==')).getDataAsString()"),
    ).toBe('héllo ✓');
    expect(inScript(emu, 'Utilities.base64EncodeWebSafe([-1, -2, -3])')).toBe(
      Buffer.from([255, 254, 253]).toString('base64url'),
    );
  });

  it('makes deterministic v4 UUIDs from the seed', () => {
    const a = inScript(emu, 'Utilities.getUuid()') as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(inScript(basicEmulator({ seed: 42 }), 'Utilities.getUuid()')).toBe(a);
    expect(inScript(emu, 'Utilities.getUuid()')).not.toBe(a);
  });

  it('makes blobs', () => {
    const out = inScript(
      emu,
      `var b = Utilities.newBlob('abc', 'text/plain', 'a.txt'); var c = b.copyBlob().setName('b.txt');
       [b.getBytes(), b.getName(), c.getName(), b.getContentType(), b.setContentType('text/csv').getContentType(), Utilities.newBlob([-61, -87]).getDataAsString()]`,
    );
    expect(out).toEqual([[97, 98, 99], 'a.txt', 'b.txt', 'text/plain', 'text/csv', 'é']);
    expect(
      inScript(emu, "Utilities.newBlob('x', 'text/plain', 'x.txt').getAs('text/plain').getDataAsString()"),
    ).toBe('x');
  });

  it('parses CSV and sleeps on the virtual clock only', () => {
    expect(inScript(emu, `Utilities.parseCsv('a,"b,c"\\n1,"say ""hi"""')`)).toEqual([
      ['a', 'b,c'],
      ['1', 'say "hi"'],
    ]);
    const started = Date.now();
    expect(emu.run('sleepy', 300_000).error).toBeUndefined();
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('Session and HtmlService', () => {
  it('reports the users, zone and locale the host set, and "" when Apps Script gives no email', () => {
    const emu = basicEmulator({ userEmail: 'clerk@district.example.org' });
    expect(
      inScript(
        emu,
        '[Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(), Session.getActiveUserLocale()]',
      ),
    ).toEqual(['clerk@district.example.org', 'clerk@district.example.org', 'America/Chicago', 'en']);
    emu.setUser('');
    expect(inScript(emu, 'Session.getActiveUser().getEmail()')).toBe('');
  });

  it('builds outputs with title, size, sandbox and X-Frame options', () => {
    const emu = basicEmulator();
    const out = inScript(
      emu,
      `var o = HtmlService.createHtmlOutput('<p>hi</p>').setTitle('T').setWidth(320).setSandboxMode(HtmlService.SandboxMode.IFRAME)
         .setXFrameOptionsMode(HtmlService.XFrameOptionsMode.DEFAULT).append('<p>2</p>');
       var t = HtmlService.createTemplate('<?= a ?>|<?!= a ?>|<? if (a) { ?>yes<? } ?>'); t.a = '<i>&</i>';
       [o.getTitle(), o.getWidth(), o.getContent(), t.evaluate().getContent()]`,
    );
    expect(out).toEqual(['T', 320, '<p>hi</p><p>2</p>', '&lt;i&gt;&amp;&lt;/i&gt;|<i>&</i>|yes']);
  });
});
