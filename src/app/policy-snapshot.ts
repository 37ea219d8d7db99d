// The policy in force: the Settings rows that shape the ladder and the Calendar rows, as applied by an administrator
// and kept in document properties, so that a typo in the tabs moves nobody until someone applies it.
import { cellText, type YesNoCell } from '../domain/cells';
import type { DocumentStore } from '../ports/platform';
import { CALENDAR, SETTINGS } from '../ports/tabs';
import type { SheetRow } from '../ports/workbook';
import { isImportSetting } from './import-mapping';
import { isReportSetting } from './report-settings';
import { isLetterSetting } from './letter-settings';

/** What a policy consists of: Settings key and value (trimmed text), Calendar date and Instructional. */
export interface PolicyInputs {
  settings: [key: string, value: string][];
  calendar: [date: string, instructional: YesNoCell][];
}

export interface PolicySnapshot {
  inputs: PolicyInputs;
  /** The canonical text of the inputs: two snapshots are the same policy exactly when their texts are equal. */
  text: string;
  /** A short fingerprint of the text, to name a policy in the record (FNV-1a; an id, not a security measure). */
  fingerprint: string;
}

/**
 * Where the applied policy lives. Properties hold 9 KB a value and 500 KB a store (Apps Script quotas page). A
 * Calendar of a school year (about 180 school days and 15 holidays, `["2026-09-01",true]` ≈ 20 characters each) is
 * about 4 KB, and the ~60 settings (`["step1.threshold","3"]` ≈ 35 characters) about 2 KB: 6 KB fits one value,
 * but a district that lists every day of the year (365 rows, 7.3 KB) would not. So the text is kept in chunks of
 * 3,000 characters (at most 9,000 bytes even when every character takes 3 bytes in UTF-8), in one of two slots;
 * the head, written last, names the slot in use, so a run stopped while saving leaves the previous policy whole.
 * Reading it costs 1 + chunks property reads (≈30 ms each): about 0.1 s a recalculation.
 */
export const APPLIED_POLICY_KEY = 'attendanceSteps.appliedPolicy';
const CHUNK = 3000;
/** 40 chunks = 120 KB: a quarter of the store, which the record's counters share. */
const MAX_CHUNKS = 40;

interface Head {
  slot: 'a' | 'b';
  chunks: number;
  length: number;
  fingerprint: string;
}

/** The policy as the Settings and Calendar tabs hold it now (import settings are not part of it). */
export function liveSnapshot(
  settings: readonly SheetRow<typeof SETTINGS.columns>[],
  calendar: readonly SheetRow<typeof CALENDAR.columns>[],
): PolicySnapshot {
  return snapshotOf({
    settings: settings
      .map((r): [string, string] => [cellText(r.values.key), cellText(r.values.value)])
      .filter(
        ([key, value]) =>
          (key !== '' || value !== '') &&
          !isImportSetting(key) &&
          !isReportSetting(key) &&
          !isLetterSetting(key),
      ),
    calendar: calendar
      .map((r): [string, YesNoCell] => [cellText(r.values.date), r.values.instructional])
      .filter(([date, yes]) => date !== '' || (yes !== null && yes !== '')),
  });
}

export function snapshotOf(inputs: PolicyInputs): PolicySnapshot {
  const text = JSON.stringify(inputs);
  return { inputs, text, fingerprint: fnv1a(text) };
}

/** The applied policy, null when none was ever applied (a workbook set up before this version). */
export function loadApplied(store: DocumentStore): PolicySnapshot | null {
  const headText = store.get(APPLIED_POLICY_KEY);
  if (headText === null) return null;
  const head = JSON.parse(headText) as Head;
  let text = '';
  for (let i = 0; i < head.chunks; i++) text += store.get(chunkKey(head.slot, i)) ?? '';
  if (text.length !== head.length || fnv1a(text) !== head.fingerprint)
    throw new Error(
      'The applied policy kept in the document properties is damaged; an administrator applies Settings and ' +
        'Calendar again with Attendance → Apply Settings changes….',
    );
  return { inputs: JSON.parse(text) as PolicyInputs, text, fingerprint: head.fingerprint };
}

/** Keeps `snapshot` as the applied policy: chunks into the free slot first, then the head that switches to it. */
export function saveApplied(store: DocumentStore, snapshot: PolicySnapshot): void {
  const chunks = Math.max(1, Math.ceil(snapshot.text.length / CHUNK));
  if (chunks > MAX_CHUNKS)
    throw new Error(
      `Settings and Calendar together are ${snapshot.text.length} characters; at most ${MAX_CHUNKS * CHUNK} can be ` +
        'kept as the applied policy. Remove Calendar rows outside the school year.',
    );
  const headText = store.get(APPLIED_POLICY_KEY);
  const slot = headText !== null && (JSON.parse(headText) as Head).slot === 'a' ? 'b' : 'a';
  for (let i = 0; i < chunks; i++)
    store.set(chunkKey(slot, i), snapshot.text.slice(i * CHUNK, (i + 1) * CHUNK));
  const head: Head = { slot, chunks, length: snapshot.text.length, fingerprint: snapshot.fingerprint };
  store.set(APPLIED_POLICY_KEY, JSON.stringify(head));
}

/** What differs between two policies, in words: a line per changed setting, one for the Calendar. */
export function describeDifference(from: PolicyInputs | null, to: PolicyInputs): string[] {
  const lines: string[] = [];
  const before = new Map((from?.settings ?? []).map(([k, v]) => [k.toLowerCase(), { k, v }]));
  const after = new Map(to.settings.map(([k, v]) => [k.toLowerCase(), { k, v }]));
  const show = (v: string) => (v === '' ? '(blank)' : `"${v}"`);
  for (const [lower, { k, v }] of after) {
    const old = before.get(lower);
    if (!old) lines.push(`${k}: added ${show(v)}`);
    else if (old.v !== v) lines.push(`${k}: ${show(old.v)} → ${show(v)}`);
  }
  for (const [lower, { k, v }] of before) if (!after.has(lower)) lines.push(`${k}: removed (was ${show(v)})`);
  const days = (c: PolicyInputs['calendar']) => new Map(c.map(([d, yes]) => [d, JSON.stringify(yes)]));
  const oldDays = days(from?.calendar ?? []);
  const newDays = days(to.calendar);
  let changed = 0;
  for (const [d, yes] of newDays) if (oldDays.get(d) !== yes) changed++;
  for (const d of oldDays.keys()) if (!newDays.has(d)) changed++;
  if (changed > 0)
    lines.push(`Calendar: ${changed} ${changed === 1 ? 'day' : 'days'} changed, added or removed`);
  return lines;
}

function chunkKey(slot: string, i: number): string {
  return `${APPLIED_POLICY_KEY}.${slot}.${i}`;
}

/** FNV-1a over UTF-16 code units, as 8 hex digits. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
