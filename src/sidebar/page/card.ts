// The student's card: step and since when, counts, what is due and who owns it, escalation blocked, the reasons,
// absences, letters and the latest contacts. Every value is put in as text.
import type { StudentCard } from '../../app/sidebar-view';
import { el } from './dom';

const percent = (rate: number | null) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function section(title: string, ...body: (Node | string | null | false)[]): HTMLElement {
  return el('section', { class: 'block' }, el('h3', { text: title }), ...body);
}

function list<T>(items: readonly T[], empty: string, item: (t: T) => Node): HTMLElement {
  if (items.length === 0) return el('p', { class: 'muted', text: empty });
  return el('ul', { class: 'plain' }, ...items.map((t) => el('li', {}, item(t))));
}

/** The card's elements, to put under its heading. */
export function renderCard(card: StudentCard): (HTMLElement | null)[] {
  const stats = el(
    'dl',
    { class: 'stats' },
    ...(
      [
        ['This year', String(card.unexcused)],
        ['Last 4 weeks', String(card.recent)],
        ['Last 6 months', String(card.long)],
        ['Attendance', percent(card.rate)],
      ] as const
    ).map(([k, v]) => el('div', {}, el('dt', { text: k }), el('dd', { text: v }))),
  );
  const step = el(
    'p',
    { class: 'step' },
    el('span', { class: `chip step${card.step}`, text: card.stepName || `Step ${card.step}` }),
    card.since ? ` since ${card.since}` : '',
  );
  return [
    step,
    el('p', { class: 'muted small', text: 'Unexcused days or parts of days:' }),
    stats,
    card.pending
      ? el('p', { class: 'notice', text: 'A new entry is waiting to be counted: recalculating…' })
      : null,
    card.blocked
      ? el(
          'p',
          { class: 'warn', role: 'note' },
          el('strong', { text: 'Escalation blocked. ' }),
          `Missing: ${card.missing || 'see Why'}`,
        )
      : null,
    section(
      'Due now',
      list(card.due, 'Nothing is due.', (d) =>
        el(
          'span',
          {},
          el('span', { text: d.action }),
          el('br'),
          el('span', {
            class: d.daysLate > 0 ? 'late small' : 'muted small',
            text: `${d.assignedTo ? `${d.owner} (${d.assignedTo})` : d.owner} · by ${d.dueBy || '—'}${d.daysLate > 0 ? ` · ${d.daysLate} days late` : ''}`,
          }),
        ),
      ),
    ),
    card.why ? section('Why', el('p', { class: 'small', text: card.why })) : null,
    card.flags ? section('Flags', el('p', { class: 'small', text: card.flags })) : null,
    section(
      'Last contacts',
      list(card.contacts, 'No entries yet.', (c) =>
        el(
          'span',
          {},
          el('span', { text: `${c.date} · ${c.type}${c.outcome ? ` · ${c.outcome}` : ''}` }),
          el('br'),
          el('span', { class: 'muted small', text: `${c.staff || 'typed'} · ${c.entryId}` }),
          c.notes ? el('span', { class: 'note small', text: c.notes }) : null,
        ),
      ),
    ),
    section(
      'Letters',
      list(card.letters, 'No letters.', (l) =>
        el('span', {
          text: `${l.letter}: ${l.state}${l.sentAt ? ` ${l.sentAt}` : l.dueSince ? ` since ${l.dueSince}` : ''}`,
        }),
      ),
    ),
    el(
      'details',
      { class: 'block' },
      el('summary', { text: `Absences (${card.absences.length})` }),
      list(card.absences, 'None recorded.', (a) => el('span', { text: `${a.date} · ${a.code}` })),
    ),
  ];
}
