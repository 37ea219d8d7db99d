// Sends the due letters in chunks of about 4.5 minutes: each batch marked PENDING under the lock before anything
// goes out, and SENT or PRINTED (with its sealed Documentation entry) right after; a rerun never sends twice.
import { emailText } from '../domain/letter-templates';
import { DOC, LETTER } from '../domain/policy';
import type { DayKey } from '../domain/types';
import type { Elapsed, LetterDocs, Mailer, Pdf } from '../ports/letters';
import type { Clock, DocumentStore, Lock } from '../ports/platform';
import type { RecordArchive, Sealer, UserSession } from '../ports/record';
import { DOCUMENTATION, LETTERS } from '../ports/tabs';
import type { Workbook } from '../ports/workbook';
import { refusal, resolveActor } from './actor';
import { readAppliedRules } from './campus';
import { roleLabel } from './labels';
import { planLetters, sendable, STATE, type LetterJob, type LetterSheetRow } from './letters-plan';
import { recalculateStudents } from './recalculate';
import { Ledger, type DocRow } from './record';

export interface LetterDeps {
  workbook: Workbook;
  lock: Lock;
  store: DocumentStore;
  clock: Clock;
  sealer: Sealer;
  session: UserSession;
  archive: RecordArchive;
  docs: LetterDocs;
  mailer: Mailer;
  elapsed: Elapsed;
  /** Commits the pending writes of the workbook (a PENDING mark must be stored before a letter goes out). */
  commit: () => void;
  /** Milliseconds since the epoch (the run lease's age). */
  epochMs: () => number;
}

/** Who is sending letters right now: taken under the lock at the start of each chunk, released at its end. */
interface Lease {
  id: string;
  by: string;
  since: string;
  at: number;
}
const LEASE_KEY = 'letters.lease';
/** A lease older than this belongs to an execution that stopped (Apps Script's limit is 6 minutes). */
export const LEASE_MS = 7 * 60_000;

function readLease(store: DocumentStore): Lease | null {
  try {
    const l = JSON.parse(store.get(LEASE_KEY) || 'null') as Lease | null;
    return l && typeof l.at === 'number' ? l : null;
  } catch {
    return null;
  }
}

/** Releases the lease if it is still this chunk's (a chunk that outlived its lease leaves the new one alone). */
function releaseLease(deps: LetterDeps, id: string): void {
  deps.lock.withLock(() => {
    if (readLease(deps.store)?.id === id) deps.store.set(LEASE_KEY, '');
  });
}

/** A chunk stops starting batches after this: Apps Script stops an execution at 6 minutes. */
export const CHUNK_MS = 270_000;
/** Families per email batch, and per print batch (a print batch's PDF is split at 100 pages). */
const EMAIL_BATCH = 20;
const PRINT_BATCH = 40;
/** A batch must end by this (Apps Script's limit is 6 minutes), at the slowest pace seen so far in the chunk. */
const LAST_END_MS = 330_000;
/** The pace assumed before the first batch, and what a batch costs besides its letters (marks, record). */
const FIRST_PACE_MS = 3_000;
const BATCH_OVERHEAD_MS = 8_000;
/** Kept free at the end of a chunk to recalculate the students whose letters went out (Status and To Do). */
const RECALC_RESERVE_MS = 20_000;
export const PRINT_MAX_PAGES = 100;
const CURSOR_KEY = 'letters.run';

interface Cursor {
  startedAt: string;
  sent: number;
  printed: number;
  chunks: number;
  printFiles: string[];
}

export interface ChunkResult {
  ok: boolean;
  /** True when nothing is left for this run (the dialog stops asking for chunks). */
  done: boolean;
  message: string;
  sent: number;
  printed: number;
  /** Letters still DUE and sendable (after this chunk). */
  remaining: number;
  /** Letters stopped by a problem state (no address, bad email, template). */
  problems: number;
  /** Letters PENDING from an interrupted run, left for review. */
  review: number;
  /** Email letters that wait for tomorrow's quota. */
  waiting: number;
  printFiles: string[];
}

function readCursor(store: DocumentStore): Cursor | null {
  try {
    return JSON.parse(store.get(CURSOR_KEY) ?? 'null') as Cursor | null;
  } catch {
    return null;
  }
}

/** What a PENDING row left by an interrupted run says, so a person can decide. */
function reviewText(job: { recipient: string }, file: string): string {
  return (
    `A run stopped while this letter was going out: its PDF (${file}) was made, so it may have reached ` +
    `${job.recipient || 'the print batch'}. Check the Sent mail or the print batch; then set State to SENT, or to DUE ` +
    'to send it again. It is not resent on its own.'
  );
}

/**
 * A PENDING row left by an interrupted run: when its PDF was never kept it cannot have gone out (the file is made
 * before sending), so it is DUE again; otherwise it stays PENDING for a person to review.
 */
function recoverPending(deps: LetterDeps, pending: LetterSheetRow[]): number {
  if (pending.length === 0) return 0;
  let review = 0;
  const changed: LetterSheetRow[] = [];
  for (const r of pending) {
    const file = `Letter ${r.values.key.replace(/\|/g, ' ')}.pdf`;
    if (!deps.docs.isKept(file)) {
      changed.push({ ...r, values: { ...r.values, state: STATE.due, error: '' } });
    } else {
      review++;
      const text = reviewText({ recipient: r.values.recipient }, file);
      if (r.values.error !== text) changed.push({ ...r, values: { ...r.values, error: text } });
    }
  }
  if (changed.length > 0) deps.workbook.update(LETTERS, changed);
  return review;
}

/** Rows of the jobs as the tab holds them now (another run may have sent them meanwhile). */
function currentRows(deps: LetterDeps, jobs: LetterJob[]): Map<string, LetterSheetRow> {
  const rows = deps.workbook.find(
    LETTERS,
    'key',
    jobs.map((j) => j.key),
  );
  return new Map(rows.map((r) => [r.values.key, r]));
}

interface Outcome {
  job: LetterJob;
  state: string;
  url: string;
  error: string;
  via: string;
}

/**
 * One chunk of the send run (administrators only): recovers what an interrupted run left, writes the problem
 * states, then sends batch after batch until about 4.5 minutes have gone or nothing is left.
 */
export function sendLettersChunk(deps: LetterDeps): ChunkResult {
  const { workbook } = deps;
  const today = deps.clock.today();
  const policy = readAppliedRules(workbook, today, deps.store).policy;
  const actor = resolveActor(workbook, deps.session, deps.sealer);
  const no = refusal(actor, policy.adminRoles, 'send letters');
  const empty = { sent: 0, printed: 0, remaining: 0, problems: 0, review: 0, waiting: 0, printFiles: [] };
  if (no) return { ok: false, done: true, message: no, ...empty };
  const folderProblem = deps.docs.folderProblem();
  if (folderProblem) return { ok: false, done: true, message: folderProblem, ...empty };

  // The run lease: while another execution sends, this chunk neither sends nor recovers its PENDING letters.
  const leaseId = `${deps.epochMs()}-${Math.random().toString(36).slice(2, 10)}`;
  const busy = deps.lock.withLock(() => {
    const held = readLease(deps.store);
    if (held && deps.epochMs() - held.at < LEASE_MS) return held;
    const mine: Lease = { id: leaseId, by: actor.email, since: deps.clock.now(), at: deps.epochMs() };
    deps.store.set(LEASE_KEY, JSON.stringify(mine));
    return null;
  });
  if (busy) {
    const since = busy.since.slice(11, 16) || busy.since;
    return {
      ok: false,
      done: true,
      message: `Letters are being sent by ${busy.by} since ${since}; try again in a few minutes.`,
      ...empty,
    };
  }
  try {
    return sendUnderLease(deps, cursor0(deps), actor, today);
  } finally {
    releaseLease(deps, leaseId);
  }
}

function cursor0(deps: LetterDeps): Cursor {
  return (
    readCursor(deps.store) ?? {
      startedAt: deps.clock.now(),
      sent: 0,
      printed: 0,
      chunks: 0,
      printFiles: [],
    }
  );
}

function sendUnderLease(
  deps: LetterDeps,
  cursor: Cursor,
  actor: ReturnType<typeof resolveActor>,
  today: DayKey,
): ChunkResult {
  const { workbook } = deps;
  cursor.chunks++;
  let plan = planLetters(workbook, deps.docs, deps.store, today);
  const review = deps.lock.withLock(() => {
    const n = recoverPending(deps, plan.pending);
    return n;
  });
  if (plan.pending.length > review) plan = planLetters(workbook, deps.docs, deps.store, today);

  // Problem states first, in one write: the run goes on for the others.
  const problemRows = plan.jobs.filter((j) => j.problem);
  deps.lock.withLock(() => {
    const now = currentRows(deps, problemRows);
    const changed: LetterSheetRow[] = [];
    for (const j of problemRows) {
      const r = now.get(j.key);
      if (!r || !sendable(String(r.values.state))) continue;
      if (r.values.state === j.problem!.state && r.values.error === j.problem!.message) continue;
      changed.push({ ...r, values: { ...r.values, state: j.problem!.state, error: j.problem!.message } });
    }
    workbook.update(LETTERS, changed);
  });

  const families = new Map<string, LetterJob[]>();
  for (const j of plan.jobs.filter((x) => !x.problem)) {
    if (!families.has(j.family)) families.set(j.family, []);
    families.get(j.family)!.push(j);
  }
  const emailQueue = [...families.values()].filter((f) => f[0]!.delivery === 'Email');
  const printQueue = [...families.values()].filter((f) => f[0]!.delivery === 'Print');
  const ledger = new Ledger(deps.store, deps.sealer);
  let quotaStopped = false;
  let sentNow = 0;
  let printedNow = 0;
  const wentOut = new Set<string>();

  let pace = FIRST_PACE_MS;
  while ((emailQueue.length > 0 && !quotaStopped) || printQueue.length > 0) {
    const began = deps.elapsed();
    if (began > CHUNK_MS) break;
    // As many letters as fit before the limit at the slowest pace seen so far; at least one family, or none.
    const room = Math.floor((LAST_END_MS - RECALC_RESERVE_MS - began - BATCH_OVERHEAD_MS) / pace);
    let batch: LetterJob[][];
    if (emailQueue.length > 0 && !quotaStopped) {
      const fits = Math.min(EMAIL_BATCH, deps.mailer.remaining());
      if (fits <= 0) {
        quotaStopped = true;
        continue;
      }
      batch = takeFamilies(emailQueue, fits, room);
    } else batch = takeFamilies(printQueue, PRINT_BATCH, room);
    if (batch.length === 0) break;
    const outcomes = sendBatch(deps, batch, plan.campus, plan.replyTo);
    const letters = batch.flat().length;
    pace = Math.max(pace, (deps.elapsed() - began - BATCH_OVERHEAD_MS) / Math.max(1, letters));
    if (outcomes === null) continue;
    for (const o of outcomes) {
      if (o.state === STATE.sent) sentNow++;
      if (o.state === STATE.printed) printedNow++;
      if (o.state === STATE.due) quotaStopped = true;
      if (o.state === STATE.sent || o.state === STATE.printed) wentOut.add(o.job.studentId);
    }
    deps.lock.withLock(() => finish(deps, ledger, outcomes, actor.email, roleLabel(actor.role!), today));
    if (outcomes.some((o) => o.via.startsWith('print:'))) {
      const files = outcomes.filter((o) => o.via.startsWith('print:')).map((o) => o.via.slice(6));
      for (const f of files) if (!cursor.printFiles.includes(f)) cursor.printFiles.push(f);
    }
  }

  // Status and To Do show at once the letters that went out in this chunk: only those students are recalculated.
  // The letters are already SENT or PRINTED and recorded, so a failure here only leaves it to the next recalculation.
  let recalcFailed = false;
  if (wentOut.size > 0) {
    try {
      recalculateStudents(deps, [...wentOut]);
    } catch (e) {
      recalcFailed = true;
      console.error(e);
    }
  }

  cursor.sent += sentNow;
  cursor.printed += printedNow;
  const waiting = quotaStopped ? emailQueue.flat().length : 0;
  const remaining = emailQueue.flat().length + printQueue.flat().length;
  const done = remaining === 0 || (quotaStopped && printQueue.length === 0);
  if (done) deps.store.set(CURSOR_KEY, '');
  else deps.store.set(CURSOR_KEY, JSON.stringify(cursor));
  const held = problemRows.filter((j) => j.problem!.state === STATE.doNotSend).length;
  const problems = problemRows.length - held;
  const parts = [
    `${cursor.sent} emailed and ${cursor.printed} printed in this run so far (${sentNow} and ${printedNow} in this part).`,
  ];
  if (!done) parts.push(`${remaining} letters left: continuing.`);
  if (quotaStopped) parts.push(`Daily email quota reached; ${waiting} letters wait for tomorrow.`);
  if (problems > 0)
    parts.push(`${problems} letters need fixing first (see State and Error on the Letters tab).`);
  if (held > 0) parts.push(`${held} letters are held back ("do not send") and were not sent.`);
  if (review > 0)
    parts.push(`${review} letters are PENDING from an interrupted run: review them on the Letters tab.`);
  if (plan.templateProblems.length > 0) parts.push(`Template problems: ${plan.templateProblems.join(' | ')}`);
  if (recalcFailed)
    parts.push(
      'Status and To Do show these letters at the next recalculation (they could not be updated now).',
    );
  return {
    ok: true,
    done,
    message: parts.join(' '),
    sent: cursor.sent,
    printed: cursor.printed,
    remaining,
    problems,
    review,
    waiting,
    printFiles: cursor.printFiles,
  };
}

/** Takes up to `families` families from the queue, holding no more than `letters` letters in all. */
function takeFamilies(queue: LetterJob[][], families: number, letters: number): LetterJob[][] {
  let n = 0;
  let total = 0;
  while (n < Math.min(families, queue.length) && total + queue[n]!.length <= letters)
    total += queue[n++]!.length;
  return queue.splice(0, n);
}

/**
 * Marks the batch PENDING under the lock (committed before anything goes out), then makes and keeps each letter's
 * PDF and sends one message per family, or puts the letters into the print batch. Null when another run took the
 * whole batch meanwhile.
 */
function sendBatch(
  deps: LetterDeps,
  batch: LetterJob[][],
  campus: string,
  replyTo: string,
): Outcome[] | null {
  const jobs = deps.lock.withLock(() => {
    const now = currentRows(deps, batch.flat());
    const mine = batch.flat().filter((j) => {
      const r = now.get(j.key);
      return r !== undefined && sendable(String(r.values.state));
    });
    deps.workbook.update(
      LETTERS,
      mine.map((j) => {
        const r = now.get(j.key)!;
        return { ...r, values: { ...r.values, state: STATE.pending, error: '', recipient: j.recipient } };
      }),
    );
    deps.commit();
    return new Set(mine.map((j) => j.key));
  });
  if (jobs.size === 0) return null;
  const outcomes: Outcome[] = [];
  const forPrint: { job: LetterJob; pdf: Pdf; url: string }[] = [];
  for (const family of batch) {
    const mine = family.filter((j) => jobs.has(j.key));
    if (mine.length === 0) continue;
    const made = mine.map((job) => {
      const pdf = deps.docs.render(job.fileName, job.paragraphs);
      return { job, pdf, url: deps.docs.keep(pdf) };
    });
    const first = mine[0]!;
    if (first.delivery === 'Print') {
      forPrint.push(...made);
      continue;
    }
    const text = emailText(first.lang, campus, mine.length);
    try {
      deps.mailer.send({
        to: first.recipient,
        replyTo,
        subject: text.subject,
        body: text.body,
        attachments: made.map((m) => m.pdf),
      });
      for (const m of made)
        outcomes.push({ job: m.job, state: STATE.sent, url: m.url, error: m.job.note, via: 'email' });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      if (/too many times|quota/i.test(message)) {
        for (const m of made) outcomes.push({ job: m.job, state: STATE.due, url: '', error: '', via: '' });
      } else if (/invalid email|recipient/i.test(message)) {
        for (const m of made)
          outcomes.push({
            job: m.job,
            state: STATE.badEmail,
            url: '',
            error: `Google's mail service refused "${first.recipient}": ${message}. Correct Guardian Email on Students.`,
            via: '',
          });
      } else throw e;
    }
  }
  if (forPrint.length > 0) {
    const files = deps.docs.printBatch(
      `Print batch ${deps.clock.now().replace(':', '.')}`,
      forPrint.map((p) => p.job.paragraphs),
      forPrint.map((p) => p.pdf.pages),
      PRINT_MAX_PAGES,
    );
    for (const p of forPrint)
      outcomes.push({
        job: p.job,
        state: STATE.printed,
        url: p.url,
        error: p.job.note,
        via: `print:${files.join(' ')}`,
      });
  }
  return outcomes;
}

/** Writes each letter's final state and, for each letter that went out, its own sealed Documentation entry. */
function finish(
  deps: LetterDeps,
  ledger: Ledger,
  outcomes: Outcome[],
  email: string,
  role: string,
  today: string,
): void {
  const now = currentRows(
    deps,
    outcomes.map((o) => o.job),
  );
  const at = deps.clock.now();
  const rows: LetterSheetRow[] = [];
  const entries: Omit<DocRow, 'entryId' | 'seal'>[] = [];
  for (const o of outcomes) {
    const r = now.get(o.job.key);
    if (!r) continue;
    const out = o.state === STATE.sent || o.state === STATE.printed;
    rows.push({
      ...r,
      values: {
        ...r.values,
        state: o.state,
        sentAt: out ? at : '',
        recipient: o.job.recipient,
        document: o.url,
        error: o.error,
        delivery: o.job.delivery,
        language: o.job.lang,
      },
    });
    if (out)
      entries.push({
        loggedAt: at,
        studentId: o.job.studentId,
        date: today,
        type: o.job.letterType === LETTER.warning2 ? DOC.letter2 : DOC.letter1,
        outcome: 'Completed',
        role,
        staff: email,
        notes:
          o.state === STATE.sent
            ? `Emailed to ${o.job.recipient} (${o.job.lang}); PDF: ${o.url}`
            : `Printed for mailing to ${o.job.recipient} (${o.job.lang}); PDF: ${o.url}; print batch: ${o.via.slice(6)}`,
        targetStep: null,
        refersTo: '',
      });
  }
  deps.workbook.update(LETTERS, rows);
  const sealed = ledger.seal(entries);
  deps.workbook.append(DOCUMENTATION, sealed);
  ledger.confirm(sealed);
  try {
    ledger.archive(sealed, deps.archive, today, false);
  } catch (e) {
    console.error(e);
  }
}

/** Preview: the first few merged letters as PDFs in the letters folder; nothing is sent and no quota is used. */
export function previewLetters(
  deps: LetterDeps,
  count = 3,
): { ok: boolean; message: string; files: string[] } {
  const today = deps.clock.today();
  const policy = readAppliedRules(deps.workbook, today, deps.store).policy;
  const actor = resolveActor(deps.workbook, deps.session, deps.sealer);
  const no = refusal(actor, policy.adminRoles, 'preview letters');
  if (no) return { ok: false, message: no, files: [] };
  const folderProblem = deps.docs.folderProblem();
  if (folderProblem) return { ok: false, message: folderProblem, files: [] };
  const plan = planLetters(deps.workbook, deps.docs, deps.store, today);
  const ready = plan.jobs.filter((j) => !j.problem).slice(0, count);
  const files = ready.map((j) => deps.docs.keep(deps.docs.render(`Preview – ${j.fileName}`, j.paragraphs)));
  const problems = plan.jobs.filter((j) => j.problem).length;
  return {
    ok: true,
    files,
    message:
      `${files.length} preview letters made in the add-on's letters folder; nothing was sent.` +
      (problems > 0 ? ` ${problems} letters need fixing first.` : '') +
      (plan.templateProblems.length > 0 ? ` Template problems: ${plan.templateProblems.join(' | ')}` : ''),
  };
}
