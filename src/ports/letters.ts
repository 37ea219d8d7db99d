// What sending letters needs from Google: the templates in Docs, PDFs kept in Drive, the print batch and email.
import type { LetterParagraph } from '../domain/letter-templates';

/** A rendered PDF, held by the adapter (a Blob in Apps Script); `pages` counted from the file. */
export interface Pdf {
  name: string;
  pages: number;
  handle: unknown;
}

export interface LetterDocs {
  /** A template's paragraphs, read once per run; null when the file is missing, deleted or not a document. */
  readTemplate(id: string): LetterParagraph[] | null;
  /** Creates a Google Docs template in the add-on's letters folder; returns its file id. */
  createTemplate(name: string, paragraphs: LetterParagraph[]): string;
  /** Renders merged paragraphs to a PDF without creating a Google Doc. */
  render(name: string, paragraphs: LetterParagraph[]): Pdf;
  /** Keeps a PDF in the add-on's private letters folder; returns its link. */
  keep(pdf: Pdf): string;
  /**
   * Why the letters folder cannot be used by the person running (it was made but is not shared with them, or is
   * gone), or null. Only when no folder was ever made is one created: a run never rebinds to a new, empty folder.
   */
  folderProblem(): string | null;
  /** Whether a PDF of that name is kept (a letter that got that far before a run stopped). */
  isKept(name: string): boolean;
  /**
   * One combined PDF for printing: each letter on its own pages, a page break between letters, a new file every
   * `maxPages` pages. Returns the links of the files kept.
   */
  printBatch(name: string, letters: LetterParagraph[][], pagesEach: number[], maxPages: number): string[];
}

export interface OutgoingMail {
  to: string;
  replyTo: string;
  subject: string;
  body: string;
  attachments: Pdf[];
}

export interface Mailer {
  /** Recipients the daily email quota still allows today. */
  remaining(): number;
  send(mail: OutgoingMail): void;
}

/** Milliseconds since this execution began (for chunks of about 4.5 minutes). */
export type Elapsed = () => number;
