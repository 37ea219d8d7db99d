// The emulator's control surface: what the host (tests, `npm start`) can see and steer inside the vm context.
// Each service module adds its own part; everything here is plain data so it can be read from the host realm.
import type { Runtime } from './core';

/** An installable trigger as ScriptApp keeps it. */
export interface TriggerRecord {
  uniqueId: string;
  handlerFunction: string;
  eventType: 'ON_OPEN' | 'ON_EDIT' | 'ON_CHANGE' | 'ON_FORM_SUBMIT' | 'CLOCK';
  /** The spreadsheet id for spreadsheet triggers. */
  sourceId?: string;
  everyMinutes?: number;
  everyHours?: number;
  everyDays?: number;
  atHour?: number;
}

/** One message sent through MailApp or GmailApp. */
export interface OutboxMessage {
  via: 'MailApp' | 'GmailApp';
  from: string;
  to: string;
  cc?: string;
  bcc?: string;
  replyTo?: string;
  name?: string;
  subject: string;
  body: string;
  htmlBody?: string;
  /** Sent from the domain's no-reply address (MailApp `noReply`, Workspace only). */
  noReply?: boolean;
  /** Attachment bytes are unsigned (0..255), ready for `Buffer.from`. */
  attachments: { name: string; mimeType: string; bytes: number[] }[];
  sentAtMs: number;
}

/** The control object the runtime bundle hands to the host. Service modules register their state here. */
export interface Control {
  rt: Runtime;
  /** Context-realm constructors, for the host to build values the script will see. */
  realm: {
    Date: DateConstructor;
    Array: ArrayConstructor;
    Object: ObjectConstructor;
    Error: ErrorConstructor;
  };
  session: { activeUserEmail: string; effectiveUserEmail: string; scriptTimeZone: string; locale: string };
  outbox: OutboxMessage[];
  triggers: TriggerRecord[];
  /** Further state added by the service modules (spreadsheet, ui, drive, documents, properties, cache, locks). */
  [part: string]: unknown;
}
