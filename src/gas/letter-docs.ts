// Letters over DocumentApp, DriveApp, Utilities and MailApp: templates read once, each letter rendered to PDF from
// HTML (no Google Doc per letter), kept in a private Drive folder; one Doc per print batch, trashed once exported.
import type { LetterParagraph } from '../domain/letter-templates';
import type { LetterDocs, Mailer, OutgoingMail, Pdf } from '../ports/letters';
import type { DocumentStore } from '../ports/platform';
import { addonFolder } from './record-services';

/** Apps Script's MimeType.HTML and MimeType.PDF, as strings (the names clash with the browser's MimeType in tests). */
const HTML_TYPE = 'text/html';
const PDF_TYPE = 'application/pdf';

const LETTERS_FOLDER_KEY = 'letters.folder';
const LETTERS_OWNER_KEY = 'letters.folderOwner';
/** Space after a paragraph of a printed letter, in points: one line of 11 pt text, as the HTML letters get. */
const PARAGRAPH_SPACE_PT = 11;

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const TAG: Record<LetterParagraph['heading'], string> = { NORMAL: 'p', HEADING1: 'h1', HEADING2: 'h2' };

/** A letter as an HTML page (what Apps Script converts to PDF with `getAs('application/pdf')`). */
export function letterHtml(paragraphs: LetterParagraph[]): string {
  const body = paragraphs.map((p) => `<${TAG[p.heading]}>${escapeHtml(p.text)}</${TAG[p.heading]}>`).join('');
  return (
    '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:Arial,sans-serif;font-size:11pt}' +
    'h1{font-size:16pt}h2{font-size:12pt}</style></head><body>' +
    body +
    '</body></html>'
  );
}

/** Pages of a PDF, counted from its page objects. */
export function pdfPages(bytes: number[]): number {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192)
    text += String.fromCharCode(...bytes.slice(i, i + 8192).map((b) => b & 0xff));
  return Math.max(1, (text.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length);
}

export function driveLetterDocs(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
): LetterDocs {
  let root: GoogleAppsScript.Drive.Folder | null = null;
  let letters: GoogleAppsScript.Drive.Folder | null = null;
  const rootFolder = (): GoogleAppsScript.Drive.Folder => {
    if (!root) root = addonFolder(store, workbookName, me, true) ?? lettersFolder();
    return root;
  };
  // The letters' PDFs: a folder of their own inside the add-on's folder, private to the person who made it. Once
  // made it is never replaced: a PDF found there is how a rerun knows a letter may have gone out.
  const openStored = (): { folder: GoogleAppsScript.Drive.Folder | null; problem: string | null } => {
    const id = store.get(LETTERS_FOLDER_KEY);
    if (!id) return { folder: null, problem: null };
    const owner = store.get(LETTERS_OWNER_KEY) || 'the administrator who first sent letters';
    try {
      const found = DriveApp.getFolderById(id);
      if (found.isTrashed())
        return {
          folder: null,
          problem: `The letters folder (made by ${owner}) is in the trash: restore it from Drive's trash, then try again.`,
        };
      return { folder: found, problem: null };
    } catch {
      return {
        folder: null,
        problem:
          `The letters folder belongs to ${owner} and cannot be opened by ${me()}: ask ${owner} to share it ` +
          `(as Editor) with you, then try again. Nothing was sent.`,
      };
    }
  };
  const lettersFolder = (): GoogleAppsScript.Drive.Folder => {
    if (letters) return letters;
    const stored = openStored();
    if (stored.folder) return (letters = stored.folder);
    if (stored.problem) throw new Error(stored.problem);
    const parent = addonFolder(store, workbookName, me, true);
    const name = `Letters – ${workbookName()}`;
    letters = parent ? parent.createFolder(name) : DriveApp.createFolder(`Attendance Steps ${name}`);
    store.set(LETTERS_FOLDER_KEY, letters.getId());
    store.set(LETTERS_OWNER_KEY, me());
    return letters;
  };
  return {
    readTemplate(id) {
      try {
        if (DriveApp.getFileById(id).isTrashed()) return null;
        const body = DocumentApp.openById(id).getBody();
        return body.getParagraphs().map((p) => {
          const h = String(p.getHeading());
          const heading: LetterParagraph['heading'] =
            h === 'HEADING1' || h === 'TITLE'
              ? 'HEADING1'
              : h.startsWith('HEADING') || h === 'SUBTITLE'
                ? 'HEADING2'
                : 'NORMAL';
          const text = p.getText();
          // Where formatting changes, only for a paragraph with a field (the check looks for split fields).
          const runs = text.includes('{{') ? p.editAsText().getTextAttributeIndices() : undefined;
          return runs ? { text, heading, runs } : { text, heading };
        });
      } catch {
        return null;
      }
    },
    createTemplate(name, paragraphs) {
      const doc = DocumentApp.create(name);
      const body = doc.getBody();
      paragraphs.forEach((p, i) => {
        let para: GoogleAppsScript.Document.Paragraph;
        if (i === 0) {
          para = body.getChild(0).asParagraph();
          para.setText(p.text);
        } else para = body.appendParagraph(p.text);
        if (p.heading !== 'NORMAL') para.setHeading(DocumentApp.ParagraphHeading[p.heading]);
      });
      doc.saveAndClose();
      DriveApp.getFileById(doc.getId()).moveTo(rootFolder());
      return doc.getId();
    },
    render(name, paragraphs): Pdf {
      const blob = Utilities.newBlob(letterHtml(paragraphs), HTML_TYPE, name.replace(/\.pdf$/, '.html'))
        .getAs(PDF_TYPE)
        .setName(name);
      return { name, pages: pdfPages(blob.getBytes()), handle: blob };
    },
    keep(pdf) {
      return lettersFolder()
        .createFile(pdf.handle as GoogleAppsScript.Base.Blob)
        .getUrl();
    },
    folderProblem() {
      if (letters) return null;
      const stored = openStored();
      if (stored.folder) letters = stored.folder;
      return stored.problem;
    },
    isKept(name) {
      return lettersFolder().getFilesByName(name).hasNext();
    },
    printBatch(name, all, pagesEach, maxPages) {
      const urls: string[] = [];
      let start = 0;
      while (start < all.length) {
        let end = start;
        let pages = 0;
        while (end < all.length && (end === start || pages + (pagesEach[end] ?? 1) <= maxPages))
          pages += pagesEach[end++] ?? 1;
        const part = all.length > end - start || start > 0 ? `${name} part ${urls.length + 1}` : name;
        const doc = DocumentApp.create(part);
        const body = doc.getBody();
        for (let i = start; i < end; i++) {
          if (i > start) body.appendPageBreak();
          for (const p of all[i]!) {
            const para = body.appendParagraph(p.text);
            if (p.heading !== 'NORMAL') para.setHeading(DocumentApp.ParagraphHeading[p.heading]);
            // The space a browser leaves after a paragraph, so a printed letter reads like the emailed one.
            else if (p.text !== '') para.setSpacingAfter(PARAGRAPH_SPACE_PT);
          }
        }
        doc.saveAndClose();
        const file = DriveApp.getFileById(doc.getId());
        const pdf = file.getAs(PDF_TYPE).setName(`${part}.pdf`);
        urls.push(lettersFolder().createFile(pdf).getUrl());
        file.setTrashed(true);
        start = end;
      }
      return urls;
    },
  };
}

export function mailAppMailer(): Mailer {
  return {
    remaining: () => MailApp.getRemainingDailyQuota(),
    send(mail: OutgoingMail) {
      MailApp.sendEmail({
        to: mail.to,
        subject: mail.subject,
        body: mail.body,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        attachments: mail.attachments.map((a) => a.handle as GoogleAppsScript.Base.Blob),
      });
    },
  };
}
