// Email address checks shared by MailApp, GmailApp and Drive sharing. Runs inside the vm context: no Node APIs.
import { gasError } from './core';

/** A plain addr-spec (no display names: MailApp rejects "Name <a@b.c>" in `to`). */
const ADDRESS =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;

/** Returns the trimmed address, or throws Apps Script's "Invalid email: …" message. */
export function checkAddress(raw: string): string {
  const address = String(raw).trim();
  if (!ADDRESS.test(address) || address.includes('..')) throw gasError(`Invalid email: ${raw}`);
  return address;
}

/** Splits a comma-separated recipient list; every address must be valid. */
export function parseRecipients(list: string | undefined | null): string[] {
  if (list === undefined || list === null || String(list).trim() === '') return [];
  return String(list)
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '')
    .map(checkAddress);
}
