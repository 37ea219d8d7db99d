// The weekly report as a Google Doc with a table per owner in the add-on's Drive folder, and its PDF beside it;
// the attendance team's email through MailApp.
import type { DocumentStore } from '../ports/platform';
import type { LinkMailer, ReportDocument, ReportPublisher } from '../ports/report-tabs';
import { addonFolder } from './record-services';

/** US Letter, landscape, in points: the report's tables have six columns. */
const LANDSCAPE = { width: 792, height: 612, margin: 54 };

/** Widths in points of the report's narrow columns, by header; the others (what is due, overdue) share the rest. */
const COLUMN_WIDTHS: Record<string, number> = { Student: 130, Days: 36, Step: 95, 'Last contact': 130 };

export function driveReportPublisher(
  store: DocumentStore,
  workbookName: () => string,
  me: () => string,
): ReportPublisher {
  return {
    publish(report: ReportDocument) {
      const folder =
        addonFolder(store, workbookName, me, true) ??
        DriveApp.createFolder(`Attendance Steps reports – ${workbookName()} (${me()})`);
      const doc = DocumentApp.create(report.title);
      const body = doc.getBody();
      body
        .setPageWidth(LANDSCAPE.width)
        .setPageHeight(LANDSCAPE.height)
        .setMarginLeft(LANDSCAPE.margin)
        .setMarginRight(LANDSCAPE.margin)
        .setMarginTop(LANDSCAPE.margin)
        .setMarginBottom(LANDSCAPE.margin);
      body.appendParagraph(report.title).setHeading(DocumentApp.ParagraphHeading.HEADING1);
      body.appendParagraph(report.intro);
      if (report.sections.length === 0) body.appendParagraph('No student is at the threshold this week.');
      for (const s of report.sections) {
        body
          .appendParagraph(`${s.owner} (${s.rows.length})`)
          .setHeading(DocumentApp.ParagraphHeading.HEADING2);
        const table = body.appendTable([s.header, ...s.rows]);
        s.header.forEach((label, i) => {
          const width = COLUMN_WIDTHS[label];
          if (width !== undefined) table.setColumnWidth(i, width);
        });
      }
      doc.saveAndClose();
      const docFile = DriveApp.getFileById(doc.getId());
      docFile.moveTo(folder);
      const pdf = folder.createFile(doc.getAs('application/pdf').setName(`${report.title}.pdf`));
      return { url: pdf.getUrl(), name: pdf.getName() };
    },
  };
}

export function mailAppMailer(): LinkMailer {
  return {
    remaining: () => MailApp.getRemainingDailyQuota(),
    send(to, subject, body) {
      MailApp.sendEmail(to.join(','), subject, body);
    },
  };
}
