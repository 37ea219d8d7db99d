// FailureMail over MailApp: to the person the trigger runs as (whoever installed the schedule).
import type { FailureMail } from '../ports/platform';

export function ownerFailureMail(): FailureMail {
  return {
    send(subject: string, body: string): void {
      const to = Session.getEffectiveUser().getEmail();
      if (!to) return;
      // 100 recipients a day on a consumer account, 1,500 on Workspace (Apps Script quotas): never fail over it.
      if (MailApp.getRemainingDailyQuota() < 1) {
        console.error('The failure email was not sent: no email quota left today.');
        return;
      }
      MailApp.sendEmail(to, subject, body);
    },
  };
}
