// The letter's HTML (what Apps Script converts to PDF) keeps every script and escapes markup; pages are counted.
import { letterHtml, pdfPages } from '../../../src/gas/letter-docs';

describe('letterHtml', () => {
  it('keeps names in any script and escapes what would be markup', () => {
    const html = letterHtml([
      { text: 'Nguyễn Øyvind, 王芳, عائشة', heading: 'HEADING1' },
      { text: '<script>alert(1)</script> & "O\'Brien"', heading: 'NORMAL' },
    ]);
    expect(html).toContain('<meta charset="utf-8">');
    expect(html).toContain('<h1>Nguyễn Øyvind, 王芳, عائشة</h1>');
    expect(html).toContain('<p>&#60;script&#62;alert(1)&#60;/script&#62; &#38; &#34;O&#39;Brien&#34;</p>');
    expect(html).not.toContain('<script>');
  });
});

describe('pdfPages', () => {
  it('counts page objects, not the page tree', () => {
    const pdf =
      '%PDF-1.4 1 0 obj << /Type /Pages /Kids [2 0 R 3 0 R] >> 2 0 obj << /Type /Page >> 3 0 obj << /Type/Page >>';
    expect(pdfPages([...Buffer.from(pdf, 'latin1')])).toBe(2);
  });
});
