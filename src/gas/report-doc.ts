// The weekly report as a Google Doc with a table per owner in the add-on's Drive folder, and its PDF beside it;
// the attendance team's email through MailApp.
import type { DocumentStore } from '../ports/platform';
import type { LinkMailer, ReportDocument, ReportPublisher } from '../ports/report-tabs';
import { addonFolder } from './record-services';

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
      body.appendParagraph(report.title).setHeading(DocumentApp.ParagraphHeading.HEADING1);
      body.appendParagraph(report.intro);
      if (report.sections.length === 0) body.appendParagraph('No student is at the threshold this week.');
      for (const s of report.sections) {
        body
          .appendParagraph(`${s.owner} (${s.rows.length})`)
          .setHeading(DocumentApp.ParagraphHeading.HEADING2);
        body.appendTable([s.header, ...s.rows]);
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
