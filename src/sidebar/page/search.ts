// Search of the roster in the page: by id or name, every word of the query must match (case and accents ignored).
import type { RosterEntry } from '../../app/sidebar-view';

export interface Indexed {
  entry: RosterEntry;
  haystack: string;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/** The roster with each student's searchable text, computed once. */
export function indexRoster(roster: readonly RosterEntry[]): Indexed[] {
  return roster.map((entry) => ({ entry, haystack: fold(`${entry.id} ${entry.name}`) }));
}

/** At most `limit` students matching every word; ids that start with the query first. */
export function search(
  index: readonly Indexed[],
  query: string,
  limit = 20,
): { hits: RosterEntry[]; total: number } {
  const words = fold(query)
    .split(/\s+/)
    .filter((w) => w !== '');
  if (words.length === 0) return { hits: [], total: 0 };
  const first: RosterEntry[] = [];
  const rest: RosterEntry[] = [];
  for (const { entry, haystack } of index) {
    if (!words.every((w) => haystack.includes(w))) continue;
    (entry.id.startsWith(words[0]!) ? first : rest).push(entry);
  }
  const all = first.concat(rest);
  return { hits: all.slice(0, limit), total: all.length };
}
