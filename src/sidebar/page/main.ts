// The sidebar's page: my work today, search, the student's card and the form that logs an entry.
import type { ContactRequest } from '../../app/log-contact';
import type { SidebarStart, StudentCard } from '../../app/sidebar-view';
import { renderCard } from './card';
import { byId, el, fill } from './dom';
import { indexRoster, search, type Indexed } from './search';
import { call } from './server';

const STEP_ADJUSTMENT = 'Step adjustment';
const RECENT_KEY = 'attendanceSteps.recent';
/** Work items shown before "Show all". */
const WORK_SHOWN = 5;
let workExpanded = false;

let start: SidebarStart | null = null;
let index: Indexed[] = [];
let current: StudentCard | null = null;
/** Made for a submission and kept until it is written: a retry sends the same id, so it is written once. */
let submissionId: string | null = null;
let busy = false;

const status = () => byId<HTMLElement>('status');

function say(text: string, kind: 'ok' | 'error' | 'info' = 'info'): void {
  const node = status();
  node.className = `status ${kind}`;
  node.textContent = text;
  if (text !== '') node.scrollIntoView({ block: 'nearest' });
}

function newId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function recent(): string[] {
  try {
    const list = JSON.parse(localStorage.getItem(RECENT_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function remember(id: string): void {
  const list = [id, ...recent().filter((x) => x !== id)].slice(0, 6);
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // Storage can be blocked in a sandboxed frame: recent students then last for this page only.
  }
  renderRecent(list);
}

function studentButton(id: string, label: string, detail: string): HTMLButtonElement {
  const b = el('button', { type: 'button', class: 'row', 'data-student': id }, el('span', { text: label }));
  if (detail) b.append(el('span', { class: 'muted small', text: detail }));
  b.addEventListener('click', () => void openStudent(id));
  return b;
}

function renderRecent(ids: string[]): void {
  const byIdMap = new Map(start?.roster.map((r) => [r.id, r]) ?? []);
  const known = ids.map((id) => byIdMap.get(id)).filter((r) => r !== undefined);
  const box = byId<HTMLElement>('recent');
  box.hidden = known.length === 0;
  fill(
    byId('recent-list'),
    ...known.map((r) => el('li', {}, studentButton(r.id, r.name, `${r.id} · step ${r.step}`))),
  );
}

function renderWork(s: SidebarStart): void {
  const box = byId<HTMLElement>('work-list');
  if (!s.me.verified) {
    fill(
      box,
      el('li', { class: 'muted', text: 'Your work appears here once the Staff tab gives you a role.' }),
    );
    return;
  }
  if (s.work.length === 0) {
    fill(box, el('li', { class: 'muted', text: 'Nothing open for you today.' }));
    return;
  }
  const count = workExpanded ? s.work.length : WORK_SHOWN;
  const shown = s.work
    .slice(0, count)
    .map((w) =>
      el(
        'li',
        {},
        studentButton(
          w.studentId,
          `${w.name || w.studentId}: ${w.action}`,
          w.daysLate > 0 ? `${w.daysLate} days late · step ${w.step}` : `due by ${w.dueBy} · step ${w.step}`,
        ),
      ),
    );
  fill(box, ...shown);
  const more = byId<HTMLButtonElement>('work-more');
  more.hidden = s.work.length <= WORK_SHOWN;
  more.textContent = workExpanded ? 'Show the first five' : `Show all ${s.work.length}`;
  byId('work-count').textContent = `(${s.work.length})`;
}

function renderResults(query: string): void {
  performance.mark('search-start');
  const { hits, total } = search(index, query);
  const box = byId<HTMLElement>('results');
  fill(
    box,
    ...hits.map((r) =>
      el('li', {}, studentButton(r.id, r.name, `${r.id} · grade ${r.grade} · step ${r.step}`)),
    ),
  );
  byId('result-count').textContent =
    query.trim() === ''
      ? ''
      : total === 0
        ? 'No student found.'
        : total > hits.length
          ? `${hits.length} of ${total} shown`
          : `${total} found`;
  performance.measure('search', 'search-start');
}

async function openStudent(id: string): Promise<void> {
  say(`Opening ${id}…`);
  try {
    const r = await call('sidebarStudent', { studentId: id });
    if (!r.ok) return say(r.message, 'error');
    showCard(r.card);
    remember(r.card.id);
    say('');
    byId<HTMLElement>('card-title').focus();
  } catch (e) {
    say(`Could not open the student: ${(e as Error).message}`, 'error');
  }
}

function showHome(): void {
  byId<HTMLElement>('student').hidden = true;
  byId<HTMLElement>('home').hidden = false;
  byId<HTMLInputElement>('q').focus();
}

function showCard(card: StudentCard): void {
  if (current?.id !== card.id) {
    // Another student: a new, empty form (what was typed for the previous one was saved or left on purpose).
    submissionId = null;
    byId<HTMLFormElement>('form').reset();
    current = card;
    setDefaults();
  }
  current = card;
  byId<HTMLElement>('home').hidden = true;
  byId<HTMLElement>('student').hidden = false;
  byId('card-title').textContent = `${card.name} (${card.id}${card.grade ? `, grade ${card.grade}` : ''})`;
  fill(byId('card'), ...renderCard(card));
  byId<HTMLInputElement>('f-student').value = card.id;
}

function value(id: string): string {
  return byId<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(id).value;
}

function updateCounter(): void {
  const max = start?.maxNote ?? 5000;
  const n = value('f-notes').length;
  const counter = byId('notes-count');
  counter.textContent = `${n} / ${max}`;
  counter.className = n > max ? 'late small' : 'muted small';
}

function formRequest(): ContactRequest {
  const type = value('f-type');
  return {
    submissionId: submissionId!,
    studentId: value('f-student'),
    type,
    date: value('f-date'),
    outcome: value('f-outcome'),
    notes: value('f-notes'),
    followUp: value('f-follow'),
    ...(type === STEP_ADJUSTMENT ? { step: Number(value('f-step')) } : {}),
  };
}

async function submit(e: Event): Promise<void> {
  e.preventDefault();
  if (busy) return;
  const max = start?.maxNote ?? 5000;
  if (!current) return say('Open a student first (search above).', 'error');
  if (value('f-notes').length > max)
    return say(
      `The notes are ${value('f-notes').length} characters; at most ${max}. Shorten them: nothing is cut.`,
      'error',
    );
  submissionId ??= newId();
  busy = true;
  const send = byId<HTMLButtonElement>('send');
  send.disabled = true;
  say('Saving…');
  try {
    const r = await call('sidebarLogContact', formRequest());
    if (!r.ok) {
      say(`Not saved: ${r.message} What you typed is kept.`, 'error');
      return;
    }
    submissionId = null;
    byId<HTMLFormElement>('form').reset();
    setDefaults();
    say(`${r.message} Updating the card…`, 'ok');
    const card = await call('sidebarRecalculate', { studentId: r.studentId ?? current.id });
    if (card.ok) {
      showCard(card.card);
      say(`Saved: ${r.message.replace(/\.$/, '')}. The card is up to date.`, 'ok');
    } else
      say(
        `Saved: ${r.message} The card could not be updated (${card.message}); the next recalculation counts it.`,
        'ok',
      );
  } catch (err) {
    // The call may or may not have reached the server: the same submission id is sent again on retry.
    say(
      `Not confirmed: ${(err as Error).message}. What you typed is kept; press Save again (it is never written twice).`,
      'error',
    );
  } finally {
    busy = false;
    send.disabled = false;
  }
}

function setDefaults(): void {
  if (!start) return;
  const date = byId<HTMLInputElement>('f-date');
  date.value = start.today;
  date.max = start.today;
  date.min = start.yearStart;
  byId<HTMLInputElement>('f-follow').min = start.today;
  byId<HTMLSelectElement>('f-outcome').value = start.outcomes[0] ?? '';
  if (current) byId<HTMLInputElement>('f-student').value = current.id;
  toggleStep();
  updateCounter();
}

function toggleStep(): void {
  byId<HTMLElement>('step-field').hidden = value('f-type') !== STEP_ADJUSTMENT;
}

function renderStart(s: SidebarStart): void {
  start = s;
  index = indexRoster(s.roster);
  byId('me').textContent = s.me.email
    ? `${s.me.name || s.me.email}${s.me.role ? ` · ${s.me.role}` : ''}`
    : 'Signed in without an email address';
  const notice = byId<HTMLElement>('notice');
  notice.hidden = s.me.verified;
  notice.textContent = s.me.notice;
  fill(byId('f-type'), ...s.types.map((t) => el('option', { value: t.type, text: t.label })));
  fill(byId('f-outcome'), ...s.outcomes.map((o) => el('option', { value: o, text: o })));
  renderWork(s);
  renderRecent(recent());
  setDefaults();
  byId<HTMLElement>('app').hidden = false;
  byId<HTMLElement>('loading').hidden = true;
}

function init(): void {
  byId<HTMLInputElement>('q').addEventListener('input', (e) =>
    renderResults((e.target as HTMLInputElement).value),
  );
  byId<HTMLFormElement>('form').addEventListener('submit', (e) => void submit(e));
  byId('f-type').addEventListener('change', toggleStep);
  byId('f-notes').addEventListener('input', updateCounter);
  byId('back').addEventListener('click', showHome);
  byId('work-more').addEventListener('click', () => {
    workExpanded = !workExpanded;
    if (start) renderWork(start);
  });
  call('sidebarStart').then(renderStart, (e: Error) => {
    byId('loading').textContent = `The sidebar could not load: ${e.message}`;
  });
}

init();
